// Regenerates catalogs/templates/ from the template builders in shared/templates/: each builder
// draws its diagram with the model factories, runs the bundled rule engine over it and records the
// review decisions through the editing commands the app uses. Ids are derived from names and dates
// are fixed, so the output only changes when a builder, a rule or the engine changes.
//
//   node scripts/generate-templates.mjs          write the files
//   node scripts/generate-templates.mjs --check  exit 1 if any file differs (nothing is written)
//
// tests/unit/templates/generate.test.ts makes the same comparison.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(root, 'catalogs/templates');
const check = process.argv.includes('--check');

// generate.ts, not index.ts: the index imports the very files this script writes.
const { module: templates } = await runnerImport(resolve(root, 'shared/templates/generate.ts'), { configFile: false, root, logLevel: 'error' });
const files = templates.templateFiles();
const wanted = new Set(files.map((f) => f.name));
const stale = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json') && !wanted.has(name)) : [];

let differing = 0;
for (const file of files) {
  const path = resolve(dir, file.name);
  const same = existsSync(path) && readFileSync(path, 'utf8') === file.text;
  if (same) continue;
  differing++;
  if (check) console.error(`differs: catalogs/templates/${file.name}`);
  else {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, file.text);
    console.log(`wrote catalogs/templates/${file.name}`);
  }
}
for (const name of stale) {
  differing++;
  if (check) console.error(`not generated: catalogs/templates/${name}`);
  else {
    rmSync(resolve(dir, name));
    console.log(`removed catalogs/templates/${name}`);
  }
}
if (check && differing > 0) process.exit(1);
console.log(differing === 0 ? `${files.length} files up to date` : check ? '' : `${files.length} files, ${differing} changed`);
