import { describe, expect, it } from 'vitest';
import { emptyHistory, execute, setBounds, translateElements } from '../../../shared/editing';
import { diagramOf, expectNoOp, fixture, roundTrip } from './fixtures';

describe('translateElements', () => {
  it('moves nodes and the vertices of flows whose both endpoints move', () => {
    const { doc, diagram, ids } = fixture();
    const command = translateElements(diagram.id, [ids.llm, ids.db, ids.agent], 10, -5);
    expect(command.label).toBe('Move 3 elements');
    const d = diagramOf(roundTrip(doc, command), diagram.id);
    expect(d.nodes[0]!.position).toEqual({ x: 110, y: 95 });
    expect(d.nodes[1]!.position).toEqual({ x: 410, y: 95 });
    expect(d.nodes[3]!.position).toEqual({ x: -300, y: 100 }); // user stays
    // llm → db: both moved, bends follow.
    expect(d.flows[1]!.vertices).toEqual([{ x: 310, y: 55 }, { x: 360, y: 55 }]);
    // user → llm: only one end moved, bends stay.
    expect(d.flows[0]!.vertices).toEqual([{ x: -50, y: 50 }]);
    // agent → llm: both moved but straight, stays an identical empty list.
    expect(d.flows[2]!.vertices).toBe(diagram.flows[2]!.vertices);
  });

  it('moves listed flows, box boundaries and every point of line boundaries', () => {
    const { doc, diagram, ids } = fixture();
    const command = translateElements(diagram.id, [ids.userToLlm, ids.box, ids.line], 5, 5);
    const d = diagramOf(roundTrip(doc, command), diagram.id);
    expect(d.flows[0]!.vertices).toEqual([{ x: -45, y: 55 }]);
    expect(d.boundaries[0]).toMatchObject({ position: { x: 55, y: 55 } });
    expect(d.boundaries[1]).toMatchObject({ points: [{ x: -95, y: 5 }, { x: -95, y: 305 }, { x: -75, y: 405 }] });
    expect(d.nodes).toBe(diagram.nodes);
  });

  it('labels one element, ignores duplicates, and a zero move is a no-op', () => {
    const { doc, diagram, ids } = fixture();
    expect(translateElements(diagram.id, [ids.llm, ids.llm], 1, 1).label).toBe('Move element');
    expectNoOp(doc, translateElements(diagram.id, [ids.llm], 0, 0));
    expectNoOp(doc, translateElements(diagram.id, [], 3, 3));
  });

  it('refuses unknown ids and non-finite offsets', () => {
    const { doc, diagram, ids } = fixture();
    expect(() => execute(doc, emptyHistory, translateElements(diagram.id, [ids.llm, 'ghost'], 1, 1))).toThrow(/ghost/);
    expect(() => execute(doc, emptyHistory, translateElements('nope', [ids.llm], 1, 1))).toThrow(/Diagram not found/);
    expect(() => translateElements(diagram.id, [ids.llm], Number.NaN, 1)).toThrow(/finite/);
  });
});

describe('setBounds', () => {
  it('resizes a node and a box boundary', () => {
    const { doc, diagram, ids } = fixture();
    const node = diagramOf(roundTrip(doc, setBounds(diagram.id, ids.llm, { x: 90, y: 90 }, { width: 200, height: 100 })), diagram.id).nodes[0]!;
    expect(node).toMatchObject({ position: { x: 90, y: 90 }, size: { width: 200, height: 100 } });
    const box = diagramOf(roundTrip(doc, setBounds(diagram.id, ids.box, { x: 0, y: 0 }, { width: 50, height: 60 })), diagram.id).boundaries[0]!;
    expect(box).toMatchObject({ position: { x: 0, y: 0 }, size: { width: 50, height: 60 } });
  });

  it('only writes what changed; same bounds are a no-op', () => {
    const { doc, diagram, ids } = fixture();
    const node = diagram.nodes[0]!;
    expectNoOp(doc, setBounds(diagram.id, ids.llm, { ...node.position }, { ...node.size }));
    const after = execute(doc, emptyHistory, setBounds(diagram.id, ids.llm, node.position, { width: 1, height: 1 })).doc;
    expect(diagramOf(after, diagram.id).nodes[0]!.position).toBe(node.position);
  });

  it('refuses lines, flows, unknown ids and non-positive sizes', () => {
    const { doc, diagram, ids } = fixture();
    const bounds = [{ x: 0, y: 0 }, { width: 10, height: 10 }] as const;
    expect(() => execute(doc, emptyHistory, setBounds(diagram.id, ids.line, ...bounds))).toThrow(/Only nodes and box boundaries/);
    expect(() => execute(doc, emptyHistory, setBounds(diagram.id, ids.userToLlm, ...bounds))).toThrow(/Only nodes and box boundaries/);
    expect(() => execute(doc, emptyHistory, setBounds(diagram.id, 'ghost', ...bounds))).toThrow(/ghost/);
    expect(() => setBounds(diagram.id, ids.llm, { x: 0, y: 0 }, { width: 0, height: 10 })).toThrow(/positive/);
  });
});
