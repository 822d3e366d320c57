// Parsed ATLAS data → a catalog file. IDs, names, tactic, parent and mitigation links come from
// MITRE's data; summaries come from our own hand-written file. MITRE's descriptions are left out
// of the bundled catalog; a user's own import may keep them (`includeDescriptions`).
import { ATLAS_SITE, type AtlasData } from './atlas-yaml';
import { CATALOG_FORMAT, CATALOG_FORMAT_VERSION, type CatalogEntry, type CatalogFile } from './types';

/** Our summaries by ATLAS id (`AML.T0051` → one to three sentences of our own). */
export type AtlasSummaries = Readonly<Record<string, string>>;

export interface AtlasCatalogOptions {
  /** Ref namespace (default `atlas`). */
  readonly namespace?: string;
  /** Keep MITRE's descriptions (user imports only; bundled catalogs never carry them). */
  readonly includeDescriptions?: boolean;
  /** Add case studies as entries with their technique links (default true). */
  readonly includeCaseStudies?: boolean;
  /** Where the data came from, recorded in `generatedFrom`. */
  readonly sourceLabel?: string;
}

const byId = <T extends { readonly id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Builds the catalog; key order and entry order are fixed so the output is byte-stable. */
export function atlasToCatalog(data: AtlasData, summaries: AtlasSummaries = {}, options: AtlasCatalogOptions = {}): CatalogFile {
  const ns = options.namespace ?? 'atlas';
  const ref = (id: string) => `${ns}:${id}`;
  const summary = (id: string) => (Object.hasOwn(summaries, id) ? summaries[id] : undefined);
  const described = (text: string) => (options.includeDescriptions && text.trim() !== '' ? text.slice(0, 50_000) : undefined);

  const entry = (e: CatalogEntry): CatalogEntry =>
    Object.fromEntries(Object.entries(e).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))) as CatalogEntry;

  const tactics = data.tactics.map((t) =>
    entry({ id: t.id, name: t.name, kind: 'tactic', summary: summary(t.id), description: described(t.description), url: `${ATLAS_SITE}/tactics/${t.id}` }),
  );
  const techniques = [...data.techniques].sort(byId).map((t) =>
    entry({
      id: t.id,
      name: t.name,
      kind: t.parent === null ? 'technique' : 'sub-technique',
      summary: summary(t.id),
      description: described(t.description),
      url: `${ATLAS_SITE}/techniques/${t.id}`,
      parent: t.parent ?? undefined,
      tactics: t.tactics,
      tags: t.maturity ? [`maturity:${t.maturity}`] : undefined,
    }),
  );
  const mitigations = [...data.mitigations].sort(byId).map((m) =>
    entry({
      id: m.id,
      name: m.name,
      kind: 'mitigation',
      summary: summary(m.id),
      description: described(m.description),
      url: `${ATLAS_SITE}/mitigations/${m.id}`,
      refs: m.techniques.map(ref),
      tags: [...m.category.map((c) => `category:${c}`), ...m.lifecycle.map((l) => `lifecycle:${l}`)],
    }),
  );
  const caseStudies =
    options.includeCaseStudies === false
      ? []
      : [...data.caseStudies].sort(byId).map((c) =>
          entry({ id: c.id, name: c.name, kind: 'case-study', summary: summary(c.id), url: `${ATLAS_SITE}/studies/${c.id}`, refs: c.techniques.map(ref) }),
        );

  return {
    format: CATALOG_FORMAT,
    formatVersion: CATALOG_FORMAT_VERSION,
    id: `atlas-${data.version.toLowerCase().replace(/[^a-z0-9.-]+/g, '-')}`,
    namespace: ns,
    title: 'MITRE ATLAS',
    edition: data.version,
    publisher: 'The MITRE Corporation',
    source: 'https://github.com/mitre-atlas/atlas-data',
    licence: {
      name: 'Apache-2.0',
      url: 'https://www.apache.org/licenses/LICENSE-2.0',
      note:
        'IDs, names, tactic, parent and mitigation links are taken from MITRE\'s ATLAS.yaml (Copyright 2021-2025 MITRE, Apache-2.0). ' +
        'Modified: MITRE\'s descriptions are left out and every summary is written in our own words. ' +
        '"MITRE ATLAS" is a trademark of The MITRE Corporation; naming it implies no endorsement.',
    },
    kind: 'mixed',
    generatedFrom: options.sourceLabel ?? `ATLAS.yaml version ${data.version}, by parseAtlasYaml and atlasToCatalog (shared/catalogs)`,
    entries: [...tactics, ...techniques, ...mitigations, ...caseStudies],
  };
}

/** JSON as the catalog files are written: key order as built, 2-space indent, final newline. */
export function serializeCatalog(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
