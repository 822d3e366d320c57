// `node tests/bench/report-bench.mjs [--runs N] [--models two-diagrams,large]`: PDF report figures (see report-bench.ts). The
// TypeScript is bundled with Vite first, like rules-bench.mjs, so the figures reflect production
// code; the report font is read from node_modules as the app bundles it. Needs no browser; prints
// figures and never fails on time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { loadBenchModule } from './load-bench-module.mjs';

const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const options = { runs: 3, models: ['two-diagrams', 'large'] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    if (flag === '--runs') options.runs = Number(inline ?? argv[++i]);
    else if (flag === '--models') options.models = (inline ?? argv[++i]).split(',');
    else throw new Error(`unknown option ${argv[i]} (use --runs N, --models two-diagrams,large)`);
  }
  if (options.models.some((m) => m !== 'two-diagrams' && m !== 'large')) throw new Error('--models takes two-diagrams and/or large');
  if (!(options.runs >= 1)) throw new Error('--runs must be a positive number');
  return options;
}

export function reportFonts() {
  const read = (name) => new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`)));
  return { regular: read('DejaVuSans.ttf'), bold: read('DejaVuSans-Bold.ttf') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const options = parseArgs(process.argv.slice(2));
    const bench = await loadBenchModule('report-bench');
    console.log(bench.formatReportBench(await bench.runReportBench(reportFonts(), options.runs, options.models)));
  } catch (error) {
    console.error(`report-bench: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  }
}
