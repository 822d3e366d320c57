// Renaming every id of a document at once. Two models made from one template, or a copy and its
// original, must not share ids: ids are unique across the whole library's history (undo, exports,
// merges in git), so a copy gets new ones everywhere, with every reference kept pointing at the
// same record.
import { newId } from './ids';
import type { ModelDocument, Uuid } from './types';

/**
 * The document with `map` applied to every id and every reference to an id: records, flow ends,
 * element, threat and mitigation links, attack-tree parents, review baselines, dismissal keys and
 * STRIDE reviews. `map` must give one id for one id; nothing else changes.
 */
export function remapIds(doc: ModelDocument, map: (id: Uuid) => Uuid): ModelDocument {
  const ids = (list: readonly Uuid[]) => list.map(map);
  const keyed = <V>(record: Readonly<Record<Uuid, V>>): Record<Uuid, V> => {
    const out: Record<Uuid, V> = {};
    for (const [id, value] of Object.entries(record)) out[map(id)] = value;
    return out;
  };
  return {
    ...doc,
    id: map(doc.id),
    diagrams: doc.diagrams.map((d) => ({
      ...d,
      id: map(d.id),
      nodes: d.nodes.map((n) => ({ ...n, id: map(n.id) })),
      flows: d.flows.map((f) => ({ ...f, id: map(f.id), source: map(f.source), target: map(f.target) })),
      boundaries: d.boundaries.map((b) => ({ ...b, id: map(b.id) })),
    })),
    assets: doc.assets.map((a) => ({ ...a, id: map(a.id), elementIds: ids(a.elementIds) })),
    threats: doc.threats.map((t) => ({ ...t, id: map(t.id), elementIds: ids(t.elementIds), mitigationIds: ids(t.mitigationIds) })),
    mitigations: doc.mitigations.map((m) => ({ ...m, id: map(m.id) })),
    attackTrees: doc.attackTrees.map((tree) => ({
      ...tree,
      id: map(tree.id),
      steps: tree.steps.map((s) => ({
        ...s,
        id: map(s.id),
        parentId: s.parentId === null ? null : map(s.parentId),
        threatIds: ids(s.threatIds),
        mitigationIds: ids(s.mitigationIds),
      })),
    })),
    reviews: doc.reviews.map((r) => ({
      ...r,
      id: map(r.id),
      baseline: { elements: ids(r.baseline.elements), threats: keyed(r.baseline.threats), mitigations: keyed(r.baseline.mitigations) },
    })),
    dismissals: doc.dismissals.map((d) => {
      const elementId = map(d.elementId);
      return { ...d, elementId, key: `${d.ruleId}@${elementId}` };
    }),
    strideReviews: doc.strideReviews.map((r) => ({ ...r, elementId: map(r.elementId) })),
  };
}

/** The document with a new random id for every record (the same new id wherever an old one was referenced). */
export function withFreshIds(doc: ModelDocument, makeId: () => Uuid = newId): ModelDocument {
  const fresh = new Map<Uuid, Uuid>();
  return remapIds(doc, (id) => {
    let next = fresh.get(id);
    if (next === undefined) fresh.set(id, (next = makeId()));
    return next;
  });
}
