// withFreshIds / remapIds (shared/model/remap-ids.ts): a copy of a document with new ids
// everywhere and every reference still pointing at the same record.
import { describe, expect, it } from 'vitest';
import { remapIds, serializeDocument, validateDocument, withFreshIds, type ModelDocument } from '../../../shared/model';
import { TEMPLATE_BUILDERS } from '../../../shared/templates';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** A template with every kind of id-bearing record filled in: attack trees and a signed-off review too. */
function richDocument(): ModelDocument {
  const doc = TEMPLATE_BUILDERS[3]!().doc; // the RAG chatbot: dismissals, STRIDE reviews, assets
  const [t1, t2] = doc.threats;
  const m1 = doc.mitigations[0]!;
  const root = 'aaaaaaaa-0000-4000-8000-000000000001';
  const child = 'aaaaaaaa-0000-4000-8000-000000000002';
  return {
    ...doc,
    attackTrees: [
      {
        id: 'aaaaaaaa-0000-4000-8000-000000000003',
        goal: 'Read another department’s documents',
        steps: [
          { id: root, label: 'Goal', parentId: null, gate: 'or', threatIds: [t1!.id], mitigationIds: [] },
          { id: child, label: 'Ask for them', parentId: root, gate: 'and', threatIds: [t2!.id], mitigationIds: [m1.id] },
        ],
      },
    ],
    reviews: [
      {
        id: 'aaaaaaaa-0000-4000-8000-000000000004',
        reviewer: 'Application security',
        date: '2025-03-03',
        notes: '',
        checklist: [{ id: 'scope', label: 'Scope agreed', done: true }],
        baseline: {
          elements: doc.diagrams[0]!.nodes.map((n) => n.id),
          threats: { [t1!.id]: t1!.status },
          mitigations: { [m1.id]: m1.status },
        },
      },
    ],
  };
}

describe('withFreshIds', () => {
  const doc = richDocument();
  const fresh = withFreshIds(doc);
  const oldIds = new Set(serializeDocument(doc).match(UUID));

  it('leaves no old id anywhere in the document', () => {
    const left = (serializeDocument(fresh).match(UUID) ?? []).filter((id) => oldIds.has(id));
    expect(left).toEqual([]);
  });

  it('keeps it a valid document with every reference resolved', () => {
    expect(validateDocument(doc).ok).toBe(true);
    const result = validateDocument(fresh);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('loses nothing: renaming and renaming back gives the original document', () => {
    const forward = new Map<string, string>();
    let made = 0;
    const renamed = withFreshIds(doc, () => `00000000-0000-4000-8000-${String(++made).padStart(12, '0')}`);
    // withFreshIds asks for ids in a fixed order; rebuild its mapping by walking the same way.
    let n = 0;
    remapIds(doc, (id) => {
      if (!forward.has(id)) forward.set(id, `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
      return id;
    });
    const backward = new Map([...forward].map(([a, b]) => [b, a]));
    expect(remapIds(renamed, (id) => backward.get(id) ?? `missing ${id}`)).toEqual(doc);
    expect(remapIds(doc, (id) => id)).toEqual(doc);
  });

  it('rewrites references consistently: flows, threats, dismissal keys, trees, reviews, assets', () => {
    const d0 = doc.diagrams[0]!;
    const d1 = fresh.diagrams[0]!;
    d0.flows.forEach((f, i) => {
      const g = d1.flows[i]!;
      expect(d1.nodes.findIndex((n) => n.id === g.source)).toBe(d0.nodes.findIndex((n) => n.id === f.source));
      expect(d1.nodes.findIndex((n) => n.id === g.target)).toBe(d0.nodes.findIndex((n) => n.id === f.target));
    });
    for (const d of fresh.dismissals) expect(d.key).toBe(`${d.ruleId}@${d.elementId}`);
    const steps = fresh.attackTrees[0]!.steps;
    expect(steps[1]!.parentId).toBe(steps[0]!.id);
    expect(steps[0]!.threatIds[0]).toBe(fresh.threats[0]!.id);
    expect(steps[1]!.mitigationIds[0]).toBe(fresh.mitigations[0]!.id);
    const baseline = fresh.reviews[0]!.baseline;
    expect(Object.keys(baseline.threats)).toEqual([fresh.threats[0]!.id]);
    expect(Object.keys(baseline.mitigations)).toEqual([fresh.mitigations[0]!.id]);
    expect(baseline.elements).toEqual(d1.nodes.map((n) => n.id));
    expect(fresh.assets[0]!.elementIds.every((id) => d1.nodes.some((n) => n.id === id))).toBe(true);
  });

  it('gives two copies different ids and does not touch its input', () => {
    const before = serializeDocument(doc);
    const again = withFreshIds(doc);
    expect(again.id).not.toBe(fresh.id);
    expect(again.diagrams[0]!.nodes[0]!.id).not.toBe(fresh.diagrams[0]!.nodes[0]!.id);
    expect(serializeDocument(doc)).toBe(before);
  });

  it('takes an id maker, one new id per old id', () => {
    let n = 0;
    const counted = withFreshIds(doc, () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
    expect(n).toBe(oldIds.size);
    expect(counted.id).toBe('00000000-0000-4000-8000-000000000001');
  });
});
