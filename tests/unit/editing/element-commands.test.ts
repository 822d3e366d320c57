import { describe, expect, it } from 'vitest';
import {
  addBoundary,
  addFlow,
  addNode,
  emptyHistory,
  execute,
  setNodeProperty,
  updateBoundary,
  updateFlow,
  updateNode,
} from '../../../shared/editing';
import { createBoxBoundary, createFlow, createLineBoundary, createNode } from '../../../shared/model/factory';
import { diagramOf, expectNoOp, fixture, roundTrip } from './fixtures';

describe('addNode', () => {
  it('appends the node and undoes exactly', () => {
    const { doc, diagram } = fixture();
    const node = createNode('llm', { x: 0, y: 0 });
    const command = addNode(diagram.id, node);
    expect(command.label).toBe('Add LLM');
    const after = roundTrip(doc, command);
    const added = diagramOf(after, diagram.id).nodes.at(-1)!;
    expect(added).toStrictEqual(node);
    expect(added).not.toBe(node);
  });

  it('refuses an unknown diagram and a taken id', () => {
    const { doc, diagram, ids } = fixture();
    const node = createNode('agent', { x: 0, y: 0 });
    expect(() => execute(doc, emptyHistory, addNode('nope', node))).toThrow('Diagram not found: nope');
    expect(() => execute(doc, emptyHistory, addNode(diagram.id, { ...node, id: ids.userToLlm }))).toThrow(/already used/);
  });
});

describe('updateNode', () => {
  it('renames, moves, resizes with fitting labels', () => {
    const { doc, diagram, ids } = fixture();
    expect(updateNode(diagram.id, ids.llm, { name: 'GPT-4' }).label).toBe('Rename node');
    expect(updateNode(diagram.id, ids.llm, { position: { x: 1, y: 2 } }).label).toBe('Move node');
    expect(updateNode(diagram.id, ids.llm, { position: { x: 1, y: 2 }, size: { width: 9, height: 9 } }).label).toBe('Resize node');
    expect(updateNode(diagram.id, ids.llm, { aiType: 'agent', kind: 'process', properties: {} }).label).toBe('Change node type');
    expect(updateNode(diagram.id, ids.llm, { name: 'x', outOfScope: true }).label).toBe('Edit node');

    const after = roundTrip(doc, updateNode(diagram.id, ids.llm, { name: 'GPT-4', outOfScope: true, outOfScopeReason: 'vendor' }));
    const node = diagramOf(after, diagram.id).nodes[0]!;
    expect(node).toMatchObject({ id: ids.llm, name: 'GPT-4', outOfScope: true, outOfScopeReason: 'vendor' });
  });

  it('is a no-op when the values are already there (also for objects)', () => {
    const { doc, diagram, ids } = fixture();
    const node = diagram.nodes[0]!;
    expectNoOp(doc, updateNode(diagram.id, ids.llm, { name: node.name, position: { ...node.position }, properties: { ...node.properties } }));
    expectNoOp(doc, updateNode(diagram.id, ids.llm, { name: undefined }));
  });

  it('never changes the id and refuses an unknown node', () => {
    const { doc, diagram, ids } = fixture();
    const sneaky = { name: 'x', id: 'other' } as unknown as { name: string };
    const after = execute(doc, emptyHistory, updateNode(diagram.id, ids.llm, sneaky)).doc;
    expect(diagramOf(after, diagram.id).nodes[0]!.id).toBe(ids.llm);
    expect(() => execute(doc, emptyHistory, updateNode(diagram.id, 'ghost', { name: 'x' }))).toThrow(/Node not found.*ghost/);
  });
});

describe('setNodeProperty', () => {
  it('sets scalar and list values', () => {
    const { doc, diagram, ids } = fixture();
    const command = setNodeProperty(diagram.id, ids.db, 'encryptedAtRest', true);
    expect(command.label).toBe('Set “Encrypted at rest”');
    const after = roundTrip(doc, command);
    expect(diagramOf(after, diagram.id).nodes[1]!.properties['encryptedAtRest']).toBe(true);

  });

  it('is a no-op for the current value and refuses an unknown node', () => {
    const { doc, diagram, ids } = fixture();
    const current = diagram.nodes[1]!.properties['encryptedAtRest']!;
    expectNoOp(doc, setNodeProperty(diagram.id, ids.db, 'encryptedAtRest', current));
    expect(() => execute(doc, emptyHistory, setNodeProperty(diagram.id, 'ghost', 'k', 1))).toThrow(/Node not found/);
  });
});

describe('addFlow', () => {
  it('connects two existing nodes', () => {
    const { doc, diagram, ids } = fixture();
    const flow = createFlow(ids.db, ids.agent);
    const after = roundTrip(doc, addFlow(diagram.id, flow));
    expect(diagramOf(after, diagram.id).flows.at(-1)).toStrictEqual(flow);
  });

  it('refuses self-loops, missing endpoints and taken ids', () => {
    const { doc, diagram, ids } = fixture();
    expect(() => addFlow(diagram.id, createFlow(ids.llm, ids.llm))).toThrow(/itself/);
    expect(() => execute(doc, emptyHistory, addFlow(diagram.id, createFlow(ids.llm, 'ghost')))).toThrow(/Node not found.*ghost/);
    expect(() => execute(doc, emptyHistory, addFlow(diagram.id, { ...createFlow(ids.db, ids.agent), id: ids.llm }))).toThrow(/already used/);
  });
});

describe('updateFlow', () => {
  it('edits security properties and reconnects', () => {
    const { doc, diagram, ids } = fixture();
    const secured = roundTrip(doc, updateFlow(diagram.id, ids.userToLlm, { encrypted: true, protocol: 'HTTPS', carries: ['pii'] }));
    expect(diagramOf(secured, diagram.id).flows[0]).toMatchObject({ encrypted: true, protocol: 'HTTPS', carries: ['pii'] });

    const command = updateFlow(diagram.id, ids.userToLlm, { target: ids.db });
    expect(command.label).toBe('Reconnect flow');
    expect(diagramOf(roundTrip(doc, command), diagram.id).flows[0]!.target).toBe(ids.db);
    roundTrip(doc, updateFlow(diagram.id, ids.llmToDb, { vertices: [] }));
  });

  it('refuses a reconnection to a missing node or to its own source', () => {
    const { doc, diagram, ids } = fixture();
    expect(() => execute(doc, emptyHistory, updateFlow(diagram.id, ids.userToLlm, { target: 'ghost' }))).toThrow(/Node not found/);
    expect(() => execute(doc, emptyHistory, updateFlow(diagram.id, ids.userToLlm, { target: ids.user }))).toThrow(/itself/);
    expect(() => execute(doc, emptyHistory, updateFlow(diagram.id, 'ghost', { name: 'x' }))).toThrow(/Flow not found/);
  });

  it('is a no-op for unchanged values', () => {
    const { doc, diagram, ids } = fixture();
    const flow = diagram.flows[1]!;
    expectNoOp(doc, updateFlow(diagram.id, ids.llmToDb, { name: flow.name, vertices: flow.vertices.map((v) => ({ ...v })) }));
  });
});

describe('addBoundary / updateBoundary', () => {
  it('adds box and line boundaries', () => {
    const { doc, diagram } = fixture();
    const box = createBoxBoundary({ x: 10, y: 10 });
    const line = createLineBoundary({ x: 10, y: 10 });
    expect(diagramOf(roundTrip(doc, addBoundary(diagram.id, box)), diagram.id).boundaries.at(-1)).toStrictEqual(box);
    expect(diagramOf(roundTrip(doc, addBoundary(diagram.id, line)), diagram.id).boundaries.at(-1)).toStrictEqual(line);
    expect(() => addBoundary(diagram.id, { ...line, points: [{ x: 0, y: 0 }] })).toThrow(/two points/);
  });

  it('updates fields valid for the shape', () => {
    const { doc, diagram, ids } = fixture();
    const level = updateBoundary(diagram.id, ids.box, { trustLevel: 'high' });
    expect(level.label).toBe('Change trust level');
    expect(diagramOf(roundTrip(doc, level), diagram.id).boundaries[0]!.trustLevel).toBe('high');
    roundTrip(doc, updateBoundary(diagram.id, ids.box, { position: { x: 0, y: 0 }, size: { width: 10, height: 10 } }));
    const reshaped = roundTrip(doc, updateBoundary(diagram.id, ids.line, { points: [{ x: 0, y: 0 }, { x: 5, y: 5 }] }));
    expect(diagramOf(reshaped, diagram.id).boundaries[1]).toMatchObject({ shape: 'line', points: [{ x: 0, y: 0 }, { x: 5, y: 5 }] });
  });

  it('refuses fields of the other shape, a shape change and unknown boundaries', () => {
    const { doc, diagram, ids } = fixture();
    const run = (c: ReturnType<typeof updateBoundary>) => () => execute(doc, emptyHistory, c);
    expect(run(updateBoundary(diagram.id, ids.box, { points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }))).toThrow(/box boundary has no points/);
    expect(run(updateBoundary(diagram.id, ids.line, { size: { width: 1, height: 1 } }))).toThrow(/line boundary has no size/);
    expect(() => updateBoundary(diagram.id, ids.box, { shape: 'line' } as never)).toThrow(/shape/);
    expect(run(updateBoundary(diagram.id, 'ghost', { name: 'x' }))).toThrow(/Trust boundary not found/);
  });
});
