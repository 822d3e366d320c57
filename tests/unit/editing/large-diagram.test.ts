// Guards against accidental quadratic work or draft explosions on big diagrams; the time bound is
// generous on purpose (this is not a benchmark).
import { describe, expect, it } from 'vitest';
import { deleteElements, emptyHistory, execute, translateElements, undo, updateNode } from '../../../shared/editing';
import { createFlow, createModel, createNode } from '../../../shared/model/factory';
import type { ModelDocument } from '../../../shared/model/types';

function bigModel(size: number): ModelDocument {
  const model = createModel('Big');
  const nodes = Array.from({ length: size }, (_, i) => createNode('generic-process', { x: (i % 50) * 200, y: Math.floor(i / 50) * 120 }));
  const flows = nodes.slice(1).map((n, i) => createFlow(nodes[i]!.id, n.id));
  return { ...model, diagrams: [{ ...model.diagrams[0]!, nodes, flows }] };
}

describe('a 2000-node diagram', () => {
  it('moves, edits, deletes and undoes quickly and exactly', () => {
    const doc = bigModel(2000);
    const diagram = doc.diagrams[0]!;
    const started = performance.now();

    const allIds = diagram.nodes.map((n) => n.id);
    const moved = execute(doc, emptyHistory, translateElements(diagram.id, allIds, 10, 10));
    expect(moved.doc.diagrams[0]!.nodes[1999]!.position).toEqual({ x: 49 * 200 + 10, y: 39 * 120 + 10 });

    const renamed = execute(moved.doc, moved.history, updateNode(diagram.id, allIds[1500]!, { name: 'Hot' }));
    expect(renamed.doc.diagrams[0]!.nodes[1499]).toBe(moved.doc.diagrams[0]!.nodes[1499]);

    const deleted = execute(renamed.doc, renamed.history, deleteElements(diagram.id, allIds.filter((_, i) => i % 2 === 0)));
    expect(deleted.doc.diagrams[0]!.nodes).toHaveLength(1000);
    expect(deleted.doc.diagrams[0]!.flows).toHaveLength(0);

    let state = { doc: deleted.doc, history: deleted.history };
    for (let r = undo(state.doc, state.history); r; r = undo(state.doc, state.history)) state = r;
    expect(state.doc).toStrictEqual(doc);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
