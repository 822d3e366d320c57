// Regenerates catalogs/atlas-<version>.json from MITRE's ATLAS.yaml with the same parser the app
// uses to import ATLAS files (shared/catalogs). IDs, names and links come from the YAML; summaries
// come from our own catalogs/atlas-summaries.json; MITRE's descriptions are not copied.
//
//   node scripts/generate-atlas-catalog.mjs [path/to/ATLAS.yaml]
//
// Default input: ../shared/reference/atlas/ATLAS.yaml (the pinned 5.6.0 copy, see its SOURCE.md).
// tests/unit/catalogs/atlas-generator.test.ts checks that the output matches byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(root, process.argv[2] ?? '../shared/reference/atlas/ATLAS.yaml');

// runnerImport loads TypeScript (and JSON imports) through Vite without a build step. configFile
// false: the app's vite.config.ts (root renderer/, Svelte plugin) has nothing to do with this.
const { module: catalogs } = await runnerImport(resolve(root, 'shared/catalogs/index.ts'), { configFile: false, root, logLevel: 'error' });

const summaries = JSON.parse(readFileSync(resolve(root, 'catalogs/atlas-summaries.json'), 'utf8')).summaries;
const parsed = catalogs.parseAtlasYaml(readFileSync(input, 'utf8'));
if (!parsed.ok) {
  for (const p of parsed.problems) console.error(`${p.path || '(file)'}: ${p.message}`);
  process.exit(1);
}
const catalog = catalogs.atlasToCatalog(parsed.data, summaries);
const valid = catalogs.validateCatalog(catalog);
if (!valid.ok) {
  for (const p of valid.problems) console.error(`${p.path}: ${p.message}`);
  process.exit(1);
}
const out = resolve(root, `catalogs/${catalog.id}.json`);
writeFileSync(out, catalogs.serializeCatalog(catalog));

const c = parsed.data.counts;
const missing = catalog.entries.filter((e) => e.kind !== 'case-study' && e.summary === undefined).map((e) => e.id);
console.log(`wrote ${out}`);
console.log(`ATLAS ${parsed.data.version}: ${c.tactics} tactics, ${c.techniques} techniques, ${c.subTechniques} sub-techniques, ${c.mitigations} mitigations (${c.links} links), ${c.caseStudies} case studies`);
for (const note of parsed.data.notes) console.log(`note: ${note}`);
console.log(missing.length === 0 ? 'every tactic, technique and mitigation has our summary' : `no summary yet for ${missing.length}: ${missing.join(', ')}`);
