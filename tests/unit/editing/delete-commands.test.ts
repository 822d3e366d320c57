import { describe, expect, it } from 'vitest';
import { deleteElements, emptyHistory, execute, undo } from '../../../shared/editing';
import { LATER, diagramOf, expectNoOp, fixture, roundTrip } from './fixtures';

describe('deleteElements', () => {
  it('cascades to flows touching a deleted node and strips threat/asset references', () => {
    const { doc, diagram, ids } = fixture();
    const command = deleteElements(diagram.id, [ids.llm]);
    expect(command.label).toBe('Delete element');
    const after = roundTrip(doc, command);
    const d = diagramOf(after, diagram.id);
    expect(d.nodes.map((n) => n.id)).toEqual([ids.db, ids.agent, ids.user]);
    expect(d.flows).toEqual([]); // all three flows touch the LLM
    expect(d.boundaries).toBe(diagram.boundaries);
    // Threats are kept, minus the deleted node and cascaded flow ids.
    expect(after.threats.map((t) => t.elementIds)).toEqual([[], [ids.db, ids.agent], [doc.threats[2]!.elementIds[0]]]);
    expect(after.threats[2]).toBe(doc.threats[2]);
    expect(after.assets[0]!.elementIds).toEqual([ids.db, doc.assets[0]!.elementIds[2]]);
  });

  it('drops dismissals of deleted elements, and undo restores them', () => {
    const { doc: base, diagram, ids } = fixture();
    const dismissal = (elementId: string) => ({ key: `r@${elementId}`, ruleId: 'r', elementId, reason: 'n/a', date: LATER });
    const doc = { ...base, dismissals: [dismissal(ids.llm), dismissal(ids.db)] };
    const done = execute(doc, emptyHistory, deleteElements(diagram.id, [ids.llm]), LATER);
    expect(done.doc.dismissals.map((d) => d.elementId)).toEqual([ids.db]);
    expect(undo(done.doc, done.history)!.doc).toEqual(doc);
  });

  it('undo brings everything back in the original order', () => {
    const { doc, diagram, ids } = fixture();
    const done = execute(doc, emptyHistory, deleteElements(diagram.id, [ids.db, ids.agent, ids.box, ids.userToLlm]), LATER);
    const d = diagramOf(done.doc, diagram.id);
    expect(d.nodes.map((n) => n.id)).toEqual([ids.llm, ids.user]);
    expect(d.flows).toEqual([]);
    expect(d.boundaries.map((b) => b.id)).toEqual([ids.line]);
    expect(done.doc.threats[1]!.elementIds).toEqual([]);
    const undone = undo(done.doc, done.history)!;
    expect(undone.label).toBe('Delete 4 elements');
    expect(undone.doc).toStrictEqual(doc);
    expect(diagramOf(undone.doc, diagram.id).nodes.map((n) => n.id)).toEqual([ids.llm, ids.db, ids.agent, ids.user]);
    expect(undone.doc.threats[1]!.elementIds).toEqual(doc.threats[1]!.elementIds);
  });

  it('deletes a single flow or boundary without touching nodes', () => {
    const { doc, diagram, ids } = fixture();
    const flowGone = diagramOf(roundTrip(doc, deleteElements(diagram.id, [ids.llmToDb])), diagram.id);
    expect(flowGone.flows.map((f) => f.id)).toEqual([ids.userToLlm, ids.agentToLlm]);
    expect(flowGone.nodes).toBe(diagram.nodes);
    const lineGone = diagramOf(roundTrip(doc, deleteElements(diagram.id, [ids.line])), diagram.id);
    expect(lineGone.boundaries.map((b) => b.id)).toEqual([ids.box]);
  });

  it('is a no-op for an empty list and refuses unknown ids', () => {
    const { doc, diagram, ids } = fixture();
    expectNoOp(doc, deleteElements(diagram.id, []));
    expect(() => execute(doc, emptyHistory, deleteElements(diagram.id, [ids.llm, 'ghost']))).toThrow(/ghost/);
  });
});
