// A MITRE ATLAS Navigator layer: the ATLAS techniques the model's threats cite, each scored by how
// many open threats cite it, so a team can open the matrix and see where its exposure sits.
import type { CatalogIndex } from '../catalogs';
import type { ModelDocument } from '../model';

/** Layer format versions the ATLAS Navigator (built on ATT&CK Navigator 4.x) reads. */
export const NAVIGATOR_VERSIONS = { layer: '4.5', navigator: '4.9.1' } as const;
export const ATLAS_DOMAIN = 'atlas-atlas';
const TECHNIQUE_KINDS = new Set(['technique', 'sub-technique']);

export interface NavigatorTechnique {
  readonly techniqueID: string;
  readonly score?: number;
  readonly color: string;
  readonly comment: string;
  readonly enabled: boolean;
  readonly metadata: readonly { readonly name: string; readonly value: string }[];
  readonly showSubtechniques: boolean;
}

export interface NavigatorLayer {
  readonly name: string;
  readonly versions: typeof NAVIGATOR_VERSIONS;
  readonly domain: typeof ATLAS_DOMAIN;
  readonly description: string;
  readonly sorting: number;
  readonly layout: Record<string, unknown>;
  readonly hideDisabled: boolean;
  readonly techniques: readonly NavigatorTechnique[];
  readonly gradient: { readonly colors: readonly string[]; readonly minValue: number; readonly maxValue: number };
  readonly legendItems: readonly { readonly label: string; readonly color: string }[];
  readonly metadata: readonly { readonly name: string; readonly value: string }[];
  readonly showTacticRowBackground: boolean;
  readonly tacticRowBackground: string;
  readonly selectTechniquesAcrossTactics: boolean;
  readonly selectSubtechniquesWithParent: boolean;
}

interface Cited {
  open: string[];
  other: string[];
}

/** The layer; `date` (YYYY-MM-DD) is recorded in its metadata. */
export function navigatorLayer(doc: ModelDocument, index: CatalogIndex, date: string): NavigatorLayer {
  const cited = new Map<string, Cited>();
  for (const t of doc.threats) {
    for (const ref of new Set(t.refs)) {
      const r = index.resolveRef(ref);
      if (!r || r.catalog.namespace !== 'atlas' || !TECHNIQUE_KINDS.has(r.entry.kind)) continue;
      const entry = cited.get(r.entry.id) ?? { open: [], other: [] };
      (t.status === 'open' ? entry.open : entry.other).push(t.title.trim() || 'Untitled threat');
      cited.set(r.entry.id, entry);
    }
  }
  // A cited sub-technique shows only when its parent is expanded: list the parent, expanded.
  const parents = new Set<string>();
  for (const id of cited.keys()) {
    const parent = index.resolveRef(`atlas:${id}`)?.entry.parent;
    if (parent !== undefined && !cited.has(parent)) parents.add(parent);
  }
  const hasCitedChild = (id: string) => [...cited.keys()].some((c) => index.resolveRef(`atlas:${c}`)?.entry.parent === id);
  const techniques: NavigatorTechnique[] = [...cited.keys()].sort().map((id) => {
    const c = cited.get(id)!;
    const comment = [
      c.open.length ? `Open: ${c.open.join('; ')}` : '',
      c.other.length ? `Settled: ${c.other.join('; ')}` : '',
    ].filter(Boolean).join(' | ');
    return {
      techniqueID: id,
      score: c.open.length,
      color: '',
      comment,
      enabled: true,
      metadata: [{ name: 'threats', value: String(c.open.length + c.other.length) }],
      showSubtechniques: hasCitedChild(id),
    };
  });
  for (const id of [...parents].sort()) techniques.push({ techniqueID: id, color: '', comment: 'Parent of a cited sub-technique', enabled: true, metadata: [], showSubtechniques: true });
  const max = Math.max(1, ...techniques.map((t) => t.score ?? 0));
  const atlas = index.catalog('atlas');
  return {
    name: `${doc.title.trim() || 'Threat model'} — Threatloom`,
    versions: NAVIGATOR_VERSIONS,
    domain: ATLAS_DOMAIN,
    description: `ATLAS techniques cited by the threats of “${doc.title.trim() || 'Threat model'}”. Score: open threats citing the technique.`,
    sorting: 3,
    layout: { layout: 'side', aggregateFunction: 'average', showID: true, showName: true, showAggregateScores: false, countUnscored: false, expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques,
    gradient: { colors: ['#fff3e0', '#ff9800', '#b3261e'], minValue: 0, maxValue: max },
    legendItems: [
      { label: 'Cited, no open threat', color: '#fff3e0' },
      { label: `${max} open threat${max === 1 ? '' : 's'}`, color: '#b3261e' },
    ],
    metadata: [
      { name: 'model', value: doc.title },
      { name: 'model version', value: doc.version },
      { name: 'ATLAS edition', value: atlas?.edition ?? 'unknown' },
      { name: 'generated', value: date },
    ],
    showTacticRowBackground: false,
    tacticRowBackground: '#dddddd',
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
  };
}
