// The threat register as data: one row per threat with what the table shows (element names,
// inherent and residual risk, catalog namespaces), and the filter, search and sort the register
// view offers. Pure, so the same rows feed the view, the report and tests.
import type { Mitigation, ModelDocument, Rating, StrideLetter, Threat, ThreatStatus, Uuid } from '../model/types';
import { STRIDE, THREAT_STATUSES } from '../model/types';
import { bandRank, type RiskBand } from './matrix';
import type { RiskKind } from './heat-map';
import { inherentRisk, residualRisk, type RiskRating } from './threat-risk';

export interface RegisterElement {
  readonly id: Uuid;
  readonly name: string;
}

export interface RegisterRow {
  readonly threat: Threat;
  readonly elements: readonly RegisterElement[];
  readonly inherent: RiskRating | null;
  readonly residual: RiskRating | null;
  /** Catalog namespaces of the threat's refs (`atlas`, `owasp-llm-2025`), each once. */
  readonly namespaces: readonly string[];
}

export interface RegisterFilter {
  readonly elementId?: Uuid;
  readonly stride?: StrideLetter;
  readonly status?: ThreatStatus;
  /** A band of inherent or residual risk; `unrated` matches threats without a rating. */
  readonly band?: { readonly kind: RiskKind; readonly band: RiskBand | 'unrated' };
  readonly namespace?: string;
  /** One heat-map cell. */
  readonly cell?: { readonly kind: RiskKind; readonly likelihood: Rating; readonly impact: Rating };
  /** Words that must all appear (any case) in the title, description, elements, refs, owner or reasons. */
  readonly text?: string;
}

export const REGISTER_SORT_KEYS = ['title', 'elements', 'stride', 'likelihood', 'impact', 'inherent', 'residual', 'status', 'owner'] as const;
export type RegisterSortKey = (typeof REGISTER_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** Every diagram element's display name by id: a flow without a name reads "Source → Target". */
export function elementNames(doc: Pick<ModelDocument, 'diagrams'>): Map<Uuid, string> {
  const names = new Map<Uuid, string>();
  const label = (name: string) => name.trim() || 'Unnamed';
  for (const d of doc.diagrams) {
    for (const n of d.nodes) names.set(n.id, label(n.name));
    for (const b of d.boundaries) names.set(b.id, label(b.name));
  }
  for (const d of doc.diagrams) {
    for (const f of d.flows) {
      names.set(f.id, f.name.trim() || `${names.get(f.source) ?? '?'} → ${names.get(f.target) ?? '?'}`);
    }
  }
  return names;
}

export const refNamespace = (ref: string): string => ref.slice(0, Math.max(0, ref.indexOf(':'))) || ref;

export function registerRow(threat: Threat, names: ReadonlyMap<Uuid, string>, mitigations: readonly Mitigation[]): RegisterRow {
  return {
    threat,
    elements: threat.elementIds.map((id) => ({ id, name: names.get(id) ?? 'Deleted element' })),
    inherent: inherentRisk(threat),
    residual: residualRisk(threat, mitigations),
    namespaces: [...new Set(threat.refs.map(refNamespace))],
  };
}

export function registerRows(doc: Pick<ModelDocument, 'diagrams' | 'threats' | 'mitigations'>): RegisterRow[] {
  const names = elementNames(doc);
  return doc.threats.map((t) => registerRow(t, names, doc.mitigations));
}

function searchText(row: RegisterRow): string {
  const t = row.threat;
  const parts = [t.title, t.description, t.owner, t.statusReason, t.acceptance?.rationale ?? '', t.acceptance?.approver ?? ''];
  return [...parts, ...row.elements.map((e) => e.name), ...t.refs].join('\n').toLowerCase();
}

export function matchesFilter(row: RegisterRow, filter: RegisterFilter): boolean {
  const t = row.threat;
  if (filter.elementId && !t.elementIds.includes(filter.elementId)) return false;
  if (filter.stride && !t.stride.includes(filter.stride)) return false;
  if (filter.status && t.status !== filter.status) return false;
  if (filter.namespace && !row.namespaces.includes(filter.namespace)) return false;
  if (filter.band && (row[filter.band.kind]?.band ?? 'unrated') !== filter.band.band) return false;
  if (filter.cell) {
    const r = row[filter.cell.kind];
    if (!r || r.likelihood !== filter.cell.likelihood || r.impact !== filter.cell.impact) return false;
  }
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) {
    const haystack = searchText(row);
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}

export function filterRegister(rows: readonly RegisterRow[], filter: RegisterFilter): RegisterRow[] {
  return rows.filter((row) => matchesFilter(row, filter));
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const riskKey = (r: RiskRating | null): number | null => (r ? bandRank(r.band) * 100 + r.score : null);
const strideKey = (letters: readonly StrideLetter[]): string =>
  letters.map((l) => String.fromCharCode(97 + STRIDE.indexOf(l))).sort().join('');

/** A comparable value for a column; null sorts last whichever the direction. */
function sortValue(row: RegisterRow, key: RegisterSortKey): string | number | null {
  const t = row.threat;
  switch (key) {
    case 'title': return t.title;
    case 'elements': return row.elements.map((e) => e.name).join(', ') || null;
    case 'stride': return t.stride.length ? strideKey(t.stride) : null;
    case 'likelihood': return t.likelihood;
    case 'impact': return t.impact;
    case 'inherent': return riskKey(row.inherent);
    case 'residual': return riskKey(row.residual);
    case 'status': return THREAT_STATUSES.indexOf(t.status);
    case 'owner': return t.owner.trim() || null;
  }
}

/** Stable: equal rows keep document order, in both directions. */
export function sortRegister(rows: readonly RegisterRow[], key: RegisterSortKey, direction: SortDirection): RegisterRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, value: sortValue(row, key) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
    const c = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
    return c !== 0 ? sign * c : a.index - b.index;
  });
  return keyed.map((k) => k.row);
}
