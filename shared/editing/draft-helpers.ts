// Shared plumbing for command recipes: finding records in a draft without drafting every
// element (diagrams hold thousands), comparing and copying plain values, and stripping deleted
// element ids from threats and assets.
import { castDraft, current, isDraft, type Draft } from 'mutative';
import type { Diagram, ModelDocument, Uuid } from '../model/types';

export type DocDraft = Draft<ModelDocument>;
export type DiagramDraft = Draft<Diagram>;

/**
 * A plain, read-only view of a draft for lookups. Reading through the draft would create a
 * proxy per element touched; `current` returns the original when nothing changed yet, and is
 * still right when an earlier step of the same recipe did change something.
 */
export function plain<T extends object>(value: T | Draft<T>): T {
  return (isDraft(value) ? current(value as Draft<T>) : value) as T;
}

export function findDiagram(draft: DocDraft, diagramId: Uuid): DiagramDraft {
  const index = plain(draft.diagrams).findIndex((d) => d.id === diagramId);
  if (index < 0) throw new Error(`Diagram not found: ${diagramId}`);
  return draft.diagrams[index]!;
}

/** Index of the record with this id, or -1. */
export function indexById(list: readonly { readonly id: Uuid }[], id: Uuid): number {
  return plain(list).findIndex((r) => r.id === id);
}

export function indexMap(list: readonly { readonly id: Uuid }[]): Map<Uuid, number> {
  return new Map(plain(list).map((r, i) => [r.id, i]));
}

/** Where each id lives in a diagram; unknown ids throw. */
export interface Located {
  readonly nodes: number[];
  readonly flows: number[];
  readonly boundaries: number[];
}

export function locate(diagram: DiagramDraft, ids: readonly Uuid[]): Located {
  const nodes = indexMap(diagram.nodes);
  const flows = indexMap(diagram.flows);
  const boundaries = indexMap(diagram.boundaries);
  const found: Located = { nodes: [], flows: [], boundaries: [] };
  for (const id of new Set(ids)) {
    const n = nodes.get(id);
    const f = flows.get(id);
    const b = boundaries.get(id);
    if (n !== undefined) found.nodes.push(n);
    else if (f !== undefined) found.flows.push(f);
    else if (b !== undefined) found.boundaries.push(b);
    else throw new Error(`Element not found in diagram "${diagram.name}": ${id}`);
  }
  return found;
}

export function assertNewId(diagram: DiagramDraft, id: Uuid): void {
  const taken = [diagram.nodes, diagram.flows, diagram.boundaries].some((list) => indexById(list, id) >= 0);
  if (taken) throw new Error(`Id already used in diagram "${diagram.name}": ${id}`);
}

/** Structural equality for JSON-like values (what documents are made of). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const aRec = a as Record<string, unknown>;
  const bRec = b as Record<string, unknown>;
  return aKeys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(aRec[k], bRec[k]));
}

/** Deep copy of JSON-like data, so the document never aliases objects the caller still holds. */
export function clonePlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = clonePlain(v);
  return out as T;
}

/** A deep copy typed for insertion into a draft. */
export function fresh<T>(value: T): Draft<T> {
  return castDraft(clonePlain(value));
}

/** The keys of a change set that carry a value (`undefined` means "leave alone"). */
export function changedKeys(changes: object): string[] {
  return Object.entries(changes)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
}

/**
 * Writes only the fields whose value really differs, so re-applying the same values produces
 * no patches (and thus no undo step). `id` is never written.
 */
export function assignChanges(target: object, changes: object): void {
  const rec = target as Record<string, unknown>;
  for (const key of changedKeys(changes)) {
    if (key === 'id') continue;
    const value = (changes as Record<string, unknown>)[key];
    if (!sameValue(plainField(rec[key]), value)) rec[key] = clonePlain(value);
  }
}

function plainField(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? plain(value) : value;
}

/** Removes deleted element ids from threats and assets, keeping the records themselves. */
export function stripElementRefs(draft: DocDraft, removed: ReadonlySet<Uuid>): void {
  if (removed.size === 0) return;
  const lists: { elementIds: Uuid[] }[][] = [draft.threats, draft.assets];
  for (const list of lists) {
    plain(list).forEach((record, i) => {
      if (!record.elementIds.some((id) => removed.has(id))) return;
      list[i]!.elementIds = record.elementIds.filter((id) => !removed.has(id));
    });
  }
  // A dismissal of a deleted element's suggestion means nothing any more.
  if (plain(draft.dismissals).some((d) => removed.has(d.elementId))) {
    draft.dismissals = plain(draft.dismissals).filter((d) => !removed.has(d.elementId)) as typeof draft.dismissals;
  }
  // Nor does a STRIDE review of it.
  if (plain(draft.strideReviews).some((r) => removed.has(r.elementId))) {
    draft.strideReviews = plain(draft.strideReviews).filter((r) => !removed.has(r.elementId)) as typeof draft.strideReviews;
  }
}

/** "Move element" / "Move 3 elements". */
export function countLabel(verb: string, count: number): string {
  return count === 1 ? `${verb} element` : `${verb} ${count} elements`;
}
