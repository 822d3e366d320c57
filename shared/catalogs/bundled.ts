// The catalogs shipped with the app, read-only. Vite and vitest import JSON directly; the files are
// validated by tests (tests/unit/catalogs), not again at every start.
import atlas from '../../catalogs/atlas-5.6.0.json';
import atlasSummaries from '../../catalogs/atlas-summaries.json';
import crosswalkStrideAi from '../../catalogs/crosswalk-stride-ai.json';
import euAiAct from '../../catalogs/eu-ai-act-2024.json';
import nistAi1002 from '../../catalogs/nist-ai-100-2-e2025.json';
import nistAiRmf from '../../catalogs/nist-ai-rmf-1.0.json';
import owaspAgenticThreats from '../../catalogs/owasp-agentic-threats-1.0.json';
import owaspAsi from '../../catalogs/owasp-asi-2026.json';
import owaspLlm from '../../catalogs/owasp-llm-2025.json';
import owaspMl from '../../catalogs/owasp-ml-2023.json';
import strideAi from '../../catalogs/stride-ai.json';
import type { AtlasSummaries } from './atlas-catalog';
import { CatalogIndex } from './catalog-index';
import type { CatalogFile, CrosswalkFile } from './types';

export interface BundledCatalogs {
  readonly catalogs: readonly CatalogFile[];
  readonly crosswalks: readonly CrosswalkFile[];
}

const CATALOGS: readonly unknown[] = [strideAi, owaspLlm, owaspMl, owaspAsi, owaspAgenticThreats, atlas, nistAiRmf, euAiAct, nistAi1002];
const CROSSWALKS: readonly unknown[] = [crosswalkStrideAi];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

let bundled: BundledCatalogs | null = null;
let index: CatalogIndex | null = null;

/** The bundled catalogs and crosswalks, deeply frozen: bundled knowledge is read-only. */
export function loadBundledCatalogs(): BundledCatalogs {
  bundled ??= deepFreeze({ catalogs: CATALOGS as readonly CatalogFile[], crosswalks: CROSSWALKS as readonly CrosswalkFile[] });
  return bundled;
}

/** One shared index over the bundled catalogs. For user packs, build `new CatalogIndex([...bundled, ...packs])`. */
export function bundledIndex(): CatalogIndex {
  if (!index) {
    const { catalogs, crosswalks } = loadBundledCatalogs();
    index = new CatalogIndex(catalogs, crosswalks);
  }
  return index;
}

/** Ids of the bundled catalogs and crosswalks; an imported pack may not reuse them. */
export function bundledIds(): string[] {
  const { catalogs, crosswalks } = loadBundledCatalogs();
  return [...catalogs.map((c) => c.id), ...crosswalks.map((c) => c.id)];
}

/** Our own ATLAS summaries by id, reused when a user imports a newer ATLAS.yaml. */
export function bundledAtlasSummaries(): AtlasSummaries {
  return deepFreeze(atlasSummaries.summaries as AtlasSummaries);
}
