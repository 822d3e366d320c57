// Bundles one of the TypeScript benchmark modules with Vite into a temporary ES module and imports
// it, so the figures reflect production code rather than a dev-time module loader. Packages stay
// external (node loads them as published, e.g. jsPDF's node build), so the bundle is written under
// node_modules/.cache, from where they resolve.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** @param {string} name  a file in tests/bench without `.ts`, e.g. "rules-bench" */
export async function loadBenchModule(name) {
  const cache = join(ROOT, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, `threatloom-${name}-`));
  try {
    await build({
      root: ROOT,
      configFile: false,
      logLevel: 'error',
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        ssr: true,
        lib: { entry: join(ROOT, `tests/bench/${name}.ts`), formats: ['es'], fileName: name },
      },
    });
    return await import(pathToFileURL(join(outDir, `${name}.js`)).href);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
