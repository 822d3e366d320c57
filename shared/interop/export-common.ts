// What exporters share: where each element lives, and a list of what the target format cannot hold.
import type { Boundary, DfdNode, Flow, ModelDocument, Uuid } from '../model';
import type { ImportNote } from './types';

export interface ExportReport<T> {
  readonly model: T;
  /** What the target format cannot hold, so the UI can say what a round trip would lose. */
  readonly lost: readonly ImportNote[];
}

export type Located =
  | { readonly type: 'node'; readonly record: DfdNode; readonly diagram: number }
  | { readonly type: 'flow'; readonly record: Flow; readonly diagram: number }
  | { readonly type: 'boundary'; readonly record: Boundary; readonly diagram: number };

export function locate(doc: ModelDocument): Map<Uuid, Located> {
  const found = new Map<Uuid, Located>();
  doc.diagrams.forEach((d, diagram) => {
    for (const record of d.nodes) found.set(record.id, { type: 'node', record, diagram });
    for (const record of d.flows) found.set(record.id, { type: 'flow', record, diagram });
    for (const record of d.boundaries) found.set(record.id, { type: 'boundary', record, diagram });
  });
  return found;
}

/** Collects losses once per distinct text. */
export class LossLog {
  private readonly seen = new Set<string>();
  readonly list: ImportNote[] = [];

  add(what: string, why: string): void {
    const key = `${what}\u0000${why}`;
    if (this.seen.has(key) || this.list.length >= 200) return;
    this.seen.add(key);
    this.list.push({ what, why });
  }
}

export function documentLosses(doc: ModelDocument, target: string, log: LossLog, keeps: { assets?: boolean } = {}): void {
  const count = (n: number, what: string) => (n > 0 ? log.add(`${n} ${what}`, `${target} has no place for them`) : undefined);
  if (!keeps.assets) count(doc.assets.length, doc.assets.length === 1 ? 'asset' : 'assets');
  count(doc.attackTrees.length, doc.attackTrees.length === 1 ? 'attack tree' : 'attack trees');
  count(doc.reviews.length, doc.reviews.length === 1 ? 'review' : 'reviews');
  const scope = doc.scope;
  if (scope.inScope || scope.outOfScope || scope.assumptions || scope.businessObjectives) log.add('scope and assumptions', `${target} has no place for them`);
}
