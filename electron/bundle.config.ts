// Bundles the main process and the preload, each into ONE CommonJS file in dist-electron/:
//   vite build -c electron/bundle.config.ts --mode main      → dist-electron/main.cjs
//   vite build -c electron/bundle.config.ts --mode preload   → dist-electron/preload.cjs
// One file each because a sandboxed preload cannot require anything but 'electron', and a
// bundled main needs no node_modules in the package. Two runs because a shared chunk between
// them would be exactly such a require.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default defineConfig(({ mode }) => {
  if (mode !== 'main' && mode !== 'preload') throw new Error('electron/bundle.config.ts: run with --mode main or --mode preload');
  return {
    root: ROOT,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: 'dist-electron',
      emptyOutDir: false,
      // Electron 45: Chromium 140, Node 22.
      target: mode === 'main' ? 'node22' : 'chrome140',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: `electron/${mode}.ts`, formats: ['cjs'], fileName: () => `${mode}.cjs` },
      rolldownOptions: {
        external: ['electron', ...NODE_BUILTINS],
        // Our modules have no import-time side effects beyond the entry's own: lets the
        // preload keep the channel lists of shared/ipc without the zod validators.
        treeshake: { moduleSideEffects: (id: string) => !id.includes('/shared/ipc/') },
        output: { codeSplitting: false },
      },
    },
  };
});
