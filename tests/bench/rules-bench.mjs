// `node tests/bench/rules-bench.mjs [--runs N] [--nodes N]`: rule-engine figures over a generated
// model (see rules-bench.ts). The TypeScript is bundled first with Vite, like the app, so the
// figures reflect production code rather than a dev-time module loader. Needs no browser; prints
// figures and never fails on time.
import { pathToFileURL } from 'node:url';
import { loadBenchModule } from './load-bench-module.mjs';

function parseArgs(argv) {
  const options = { runs: 15, nodes: 2000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = Number(inline ?? argv[++i]);
    if (flag === '--runs') options.runs = value;
    else if (flag === '--nodes') options.nodes = value;
    else throw new Error(`unknown option ${argv[i]} (use --runs N, --nodes N)`);
  }
  if (!(options.runs >= 1) || !(options.nodes >= 1)) throw new Error('--runs and --nodes must be positive numbers');
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = parseArgs(process.argv.slice(2));
  const bench = await loadBenchModule('rules-bench');
  console.log(bench.formatRulesBench(bench.runRulesBench(options), options.runs));
}
