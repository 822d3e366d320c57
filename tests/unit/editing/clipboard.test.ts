import { describe, expect, it } from 'vitest';
import { copyElements, duplicateElements, emptyHistory, execute, pasteElements } from '../../../shared/editing';
import { diagramOf, expectNoOp, fixture, roundTrip } from './fixtures';

describe('copyElements', () => {
  it('takes selected nodes and boundaries plus flows with both ends selected', () => {
    const { diagram, ids } = fixture();
    // userToLlm is selected explicitly but its source (user) is not: it is left out.
    const clip = copyElements(diagram, [ids.llm, ids.db, ids.agent, ids.userToLlm, ids.line]);
    expect(clip.nodes.map((n) => n.id)).toEqual([ids.llm, ids.db, ids.agent]);
    expect(clip.flows.map((f) => f.id)).toEqual([ids.llmToDb, ids.agentToLlm]);
    expect(clip.boundaries.map((b) => b.id)).toEqual([ids.line]);
    expect(clip.nodes[0]).toStrictEqual(diagram.nodes[0]);
    expect(clip.nodes[0]).not.toBe(diagram.nodes[0]);
    expect(clip.nodes[0]!.position).not.toBe(diagram.nodes[0]!.position);
  });

  it('refuses unknown ids', () => {
    const { diagram } = fixture();
    expect(() => copyElements(diagram, ['ghost'])).toThrow(/ghost/);
  });
});

describe('pasteElements', () => {
  it('gives fresh ids, remaps flows, offsets positions and undoes exactly', () => {
    const { doc, diagram, ids } = fixture();
    const clip = copyElements(diagram, [ids.llm, ids.db, ids.box, ids.line]);
    const { command, newIds } = pasteElements(diagram.id, clip, { x: 20, y: 30 });
    expect(command.label).toBe('Paste 5 elements');
    expect(newIds).toHaveLength(5);
    const before = new Set([...diagram.nodes, ...diagram.flows, ...diagram.boundaries].map((r) => r.id));
    expect(newIds.some((id) => before.has(id))).toBe(false);
    expect(new Set(newIds).size).toBe(5);

    const d = diagramOf(roundTrip(doc, command), diagram.id);
    const [llm, db] = d.nodes.slice(-2);
    const flow = d.flows.at(-1)!;
    const [box, line] = d.boundaries.slice(-2);
    expect([llm!.id, db!.id, flow.id, box!.id, line!.id]).toEqual(newIds);
    expect(llm).toMatchObject({ name: 'LLM', aiType: 'llm', position: { x: 120, y: 130 } });
    expect(flow).toMatchObject({ source: llm!.id, target: db!.id, name: 'Query', vertices: [{ x: 320, y: 90 }, { x: 370, y: 90 }] });
    expect(box).toMatchObject({ shape: 'box', position: { x: 70, y: 80 } });
    expect(line).toMatchObject({ shape: 'line', points: [{ x: -80, y: 30 }, { x: -80, y: 330 }, { x: -60, y: 430 }] });
  });

  it('does not alias the clipboard and can paste the same clipboard again', () => {
    const { doc, diagram, ids } = fixture();
    const clip = copyElements(diagram, [ids.llm, ids.db]);
    const first = pasteElements(diagram.id, clip, { x: 10, y: 10 });
    const once = execute(doc, emptyHistory, first.command);
    const pasted = diagramOf(once.doc, diagram.id).nodes.at(-2)!;
    expect(pasted).not.toBe(clip.nodes[0]);
    expect(pasted.position).not.toBe(clip.nodes[0]!.position);
    expect(pasted.properties).not.toBe(clip.nodes[0]!.properties);
    expect(pasted.properties).toStrictEqual(clip.nodes[0]!.properties);
    expect(clip.nodes[0]!.id).toBe(ids.llm); // the clipboard itself is untouched

    const second = pasteElements(diagram.id, clip, { x: 10, y: 10 });
    expect(second.newIds.some((id) => first.newIds.includes(id))).toBe(false);
    const twice = execute(once.doc, once.history, second.command);
    expect(diagramOf(twice.doc, diagram.id).nodes).toHaveLength(diagram.nodes.length + 4);
  });

  it('drops flows whose endpoints are not on the clipboard; an empty paste is a no-op', () => {
    const { doc, diagram, ids } = fixture();
    const clip = copyElements(diagram, [ids.llm]);
    const { newIds } = pasteElements(diagram.id, { ...clip, flows: [diagram.flows[0]!] }, { x: 0, y: 0 });
    expect(newIds).toHaveLength(1);
    const empty = pasteElements(diagram.id, { nodes: [], flows: [], boundaries: [] }, { x: 0, y: 0 });
    expect(empty.newIds).toEqual([]);
    expectNoOp(doc, empty.command);
  });

  it('pastes into another diagram and refuses an unknown one', () => {
    const { doc, diagram, ids } = fixture();
    const clip = copyElements(diagram, [ids.llm, ids.db]);
    const other = diagramOf(roundTrip(doc, pasteElements(ids.other, clip, { x: 0, y: 0 }).command), ids.other);
    expect(other.nodes).toHaveLength(3);
    expect(other.flows).toHaveLength(1);
    expect(() => execute(doc, emptyHistory, pasteElements('nope', clip, { x: 0, y: 0 }).command)).toThrow(/Diagram not found/);
  });
});

describe('duplicateElements', () => {
  it('is copy + paste in one step', () => {
    const { doc, diagram, ids } = fixture();
    const { command, newIds } = duplicateElements(diagram, [ids.agent], { x: 40, y: 40 });
    expect(command.label).toBe('Duplicate element');
    const d = diagramOf(roundTrip(doc, command), diagram.id);
    expect(d.nodes.at(-1)).toMatchObject({ id: newIds[0], aiType: 'agent', position: { x: 140, y: 340 } });
  });
});
