// What every report section reads: the model's elements by id with readable names, the threats the
// options keep, and the words used for statuses, STRIDE letters and catalog references.
import type { CatalogIndex } from '../catalogs';
import {
  componentType,
  type Boundary,
  type DfdNode,
  type Diagram,
  type Flow,
  type Mitigation,
  type ModelDocument,
  type StrideLetter,
  type Threat,
  type ThreatStatus,
  type Uuid,
} from '../model';
import { RISK_BAND_LABELS, type RiskRating } from '../risk';
export { STRIDE_NAMES, THREAT_STATUS_LABELS } from '../model';
import { flowName, nodeName } from './scene';
import type { ReportOptions, RiskTone } from './types';





export type ElementInfo =
  | { readonly type: 'node'; readonly record: DfdNode; readonly diagram: Diagram; readonly name: string; readonly typeLabel: string; readonly outOfScope: boolean }
  | { readonly type: 'flow'; readonly record: Flow; readonly diagram: Diagram; readonly name: string; readonly typeLabel: string; readonly outOfScope: boolean }
  | { readonly type: 'boundary'; readonly record: Boundary; readonly diagram: Diagram; readonly name: string; readonly typeLabel: string; readonly outOfScope: boolean };

export interface ReportContext {
  readonly doc: ModelDocument;
  readonly index: CatalogIndex;
  readonly options: ReportOptions;
  /** YYYY-MM-DD of the report. */
  readonly date: string;
  readonly elements: ReadonlyMap<Uuid, ElementInfo>;
  /** The threats the options keep, in document order. */
  readonly threats: readonly Threat[];
  /** Every threat of the model by element id (status filters aside), for counts. */
  readonly threatsByElement: ReadonlyMap<Uuid, readonly Threat[]>;
  readonly mitigationsById: ReadonlyMap<Uuid, Mitigation>;
  /** Threats left out of the lists, and why (for a sentence in the summary). */
  readonly left: { readonly mitigated: number; readonly outOfScope: number };
}

const DFD_KIND_LABELS = { process: 'Process', store: 'Data store', external: 'External entity' } as const;

function elementsOf(doc: ModelDocument): Map<Uuid, ElementInfo> {
  const map = new Map<Uuid, ElementInfo>();
  for (const diagram of doc.diagrams) {
    const names = new Map(diagram.nodes.map((n) => [n.id, nodeName(n)]));
    for (const record of diagram.nodes) {
      const typeLabel = `${componentType(record.aiType).label} (${DFD_KIND_LABELS[record.kind].toLowerCase()})`;
      map.set(record.id, { type: 'node', record, diagram, name: nodeName(record), typeLabel, outOfScope: record.outOfScope });
    }
    for (const record of diagram.flows) {
      const ends = `${names.get(record.source) ?? '?'} → ${names.get(record.target) ?? '?'}`;
      map.set(record.id, { type: 'flow', record, diagram, name: flowName(record), typeLabel: `Data flow ${ends}`, outOfScope: record.outOfScope });
    }
    for (const record of diagram.boundaries) {
      const name = record.name.trim() || 'Trust boundary';
      map.set(record.id, { type: 'boundary', record, diagram, name, typeLabel: `Trust boundary (${record.shape}, trust ${record.trustLevel})`, outOfScope: false });
    }
  }
  return map;
}

export function createContext(doc: ModelDocument, index: CatalogIndex, options: ReportOptions): ReportContext {
  const elements = elementsOf(doc);
  let mitigated = 0;
  let outOfScope = 0;
  const threats = doc.threats.filter((t) => {
    if (!options.includeMitigated && t.status === 'mitigated') {
      mitigated += 1;
      return false;
    }
    const linked = t.elementIds.flatMap((id) => elements.get(id) ?? []);
    if (!options.includeOutOfScope && linked.length > 0 && linked.every((e) => e.outOfScope)) {
      outOfScope += 1;
      return false;
    }
    return true;
  });
  const threatsByElement = new Map<Uuid, Threat[]>();
  for (const t of doc.threats) {
    for (const id of new Set(t.elementIds)) {
      const list = threatsByElement.get(id);
      if (list) list.push(t);
      else threatsByElement.set(id, [t]);
    }
  }
  const mitigationsById = new Map(doc.mitigations.map((m) => [m.id, m]));
  return { doc, index, options, date: options.creationDate.slice(0, 10), elements, threats, threatsByElement, mitigationsById, left: { mitigated, outOfScope } };
}

/** Whether an element is shown under the options. */
export function shown(ctx: ReportContext, id: Uuid): boolean {
  const e = ctx.elements.get(id);
  return e !== undefined && (ctx.options.includeOutOfScope || !e.outOfScope);
}

/** `AML.T0051 LLM Prompt Injection` for a ref that resolves; the ref itself otherwise. */
export function refText(index: CatalogIndex, ref: string): string {
  const resolved = index.resolveRef(ref);
  return resolved ? `${resolved.entry.id} ${resolved.entry.name}` : ref;
}

/** Names of a threat's elements, `(diagram)` added when the model has several diagrams. */
export function elementNames(ctx: ReportContext, ids: readonly Uuid[]): string {
  const several = ctx.doc.diagrams.length > 1;
  const names = ids.flatMap((id) => {
    const e = ctx.elements.get(id);
    return e ? [several ? `${e.name} (${e.diagram.name})` : e.name] : [];
  });
  return names.join(', ') || '—';
}

export function riskCell(r: RiskRating | null): { readonly text: string; readonly band: RiskTone } {
  return r ? { text: `${RISK_BAND_LABELS[r.band]} (${r.score})`, band: r.band } : { text: 'Unrated', band: 'unrated' };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Text cut at a word boundary near `max` characters, with an ellipsis when cut. */
export function brief(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
