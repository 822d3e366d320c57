// `npm run bench [-- options]`: the canvas benchmark (run.mjs, headless Chromium), the
// rule-engine benchmark (rules-bench.mjs, node) and the report benchmark (report-bench.mjs,
// node: PDF of 2×200 elements / 300 threats and of the 2000-node model), each printing its table. Options are routed
// to the benchmark that knows them: --sizes and --profile to the canvas, --nodes to the rules,
// --runs N to both. Each runs in its own process, so neither one's garbage or JIT state skews
// the other's figures. Exits non-zero when either benchmark breaks (never on a figure).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const canvas = [];
const rules = [];
const argv = process.argv.slice(2);
const KNOWN = ['--runs', '--sizes', '--profile', '--nodes'];
for (let i = 0; i < argv.length; i++) {
  const [flag, inline] = argv[i].split('=');
  if (!KNOWN.includes(flag)) fail(`unknown option ${argv[i]} (use --runs N, --sizes 100,500,2000, --profile, --nodes N)`);
  const takesValue = flag !== '--profile';
  const option = takesValue && inline === undefined ? [argv[i], argv[++i]] : [argv[i]];
  if (option.includes(undefined)) fail(`${flag} needs a value`);
  if (flag === '--runs') {
    canvas.push(...option);
    rules.push(...option);
  } else if (flag === '--sizes' || flag === '--profile') canvas.push(...option);
  else rules.push(...option);
}

run('canvas', here('./run.mjs'), canvas);
console.log('');
run('rules', here('./rules-bench.mjs'), rules);
console.log('');
run('report', here('./report-bench.mjs'), rules.filter((a, i, all) => a === '--runs' || all[i - 1] === '--runs'));

function run(name, script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  if (result.status !== 0) fail(`the ${name} benchmark failed (exit ${result.status ?? result.signal})`);
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}
