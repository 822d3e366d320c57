// Which catalog entries a mitigation may cite as the control it implements: ATLAS mitigations,
// and the NIST AI RMF and EU AI Act provisions a control helps satisfy. Threat-side entries
// (techniques, OWASP risks) describe attacks, not controls, so they are left out.
import type { CatalogIndex } from '../catalogs/catalog-index';

export interface ControlSource {
  readonly namespace: string;
  readonly kinds: readonly string[];
}

export const CONTROL_SOURCES: readonly ControlSource[] = [
  { namespace: 'atlas', kinds: ['mitigation'] },
  { namespace: 'nist-ai-rmf', kinds: ['category', 'subcategory'] },
  { namespace: 'eu-ai-act', kinds: ['article', 'paragraph', 'annex'] },
];

export interface ControlCandidate {
  /** `namespace:entryId`, what the mitigation stores. */
  readonly ref: string;
  readonly id: string;
  readonly name: string;
  readonly catalogTitle: string;
}

function isControl(namespace: string, kind: string): boolean {
  return CONTROL_SOURCES.some((s) => s.namespace === namespace && s.kinds.includes(kind));
}

/**
 * Control entries matching `query` (ids and names rank first), or every control entry in catalog
 * order when the query is blank. `exclude` drops refs the mitigation already has.
 */
export function controlCandidates(
  index: CatalogIndex,
  query: string,
  options: { readonly exclude?: readonly string[]; readonly limit?: number } = {},
): ControlCandidate[] {
  const exclude = new Set(options.exclude ?? []);
  const limit = options.limit ?? 50;
  const namespaces = CONTROL_SOURCES.map((s) => s.namespace);
  const found = query.trim()
    ? index
        .search(query, { namespaces, kinds: [...new Set(CONTROL_SOURCES.flatMap((s) => s.kinds))], limit: limit + exclude.size })
        .filter((hit) => isControl(hit.catalog.namespace, hit.entry.kind))
        .map((hit) => ({ catalog: hit.catalog, entry: hit.entry }))
    : CONTROL_SOURCES.flatMap((s) => {
        const catalog = index.catalog(s.namespace);
        return catalog ? catalog.entries.filter((e) => s.kinds.includes(e.kind)).map((entry) => ({ catalog, entry })) : [];
      });
  return found
    .map(({ catalog, entry }) => ({ ref: `${catalog.namespace}:${entry.id}`, id: entry.id, name: entry.name, catalogTitle: catalog.title }))
    .filter((c) => !exclude.has(c.ref))
    .slice(0, limit);
}
