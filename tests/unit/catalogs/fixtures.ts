// Shared helpers for the catalog tests: the files on disk and the pinned MITRE reference data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CATALOG_DIR = `${ROOT}catalogs/`;
/** ../shared/reference beside the repository: present on our machines, absent in a bare clone. */
export const REFERENCE_DIR = fileURLToPath(new URL('../../../../shared/reference/', import.meta.url));
export const ATLAS_YAML_PATH = `${REFERENCE_DIR}atlas/ATLAS.yaml`;
export const HAS_REFERENCE = existsSync(ATLAS_YAML_PATH);

export function readAtlasYaml(): string {
  return readFileSync(ATLAS_YAML_PATH, 'utf8');
}

/** Every catalog/crosswalk JSON file in catalogs/ (not rule packs, not the summaries source). */
export function catalogFileNames(): string[] {
  return readdirSync(CATALOG_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'atlas-summaries.json')
    .sort();
}

export function readCatalogText(name: string): string {
  return readFileSync(CATALOG_DIR + name, 'utf8');
}
