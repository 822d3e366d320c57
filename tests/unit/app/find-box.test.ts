// Edit ▸ Find: which elements match a query, in which order, and where an element is drawn.
import { describe, expect, it } from 'vitest';
import { createBoxBoundary, createModel, createFlow, createNode, type Diagram, type ModelDocument } from '../../../shared/model';
import { elementRect, findElements } from '../../../renderer/editor/find-box';

function model(): { doc: ModelDocument; first: Diagram; second: Diagram } {
  const base = createModel('Find test');
  const api = { ...createNode('llm', { x: 100, y: 100 }), name: 'Support LLM' };
  const store = { ...createNode('vector-db', { x: 400, y: 100 }), name: 'Vector store of support tickets' };
  const llm = { ...createNode('llm', { x: 0, y: 0 }), name: 'llm' };
  const flow = { ...createFlow(api.id, store.id), name: 'retrieve support context' };
  const box = { ...createBoxBoundary({ x: 50, y: 50 }), name: 'Support VPC' };
  const first: Diagram = { ...base.diagrams[0]!, nodes: [api, store], flows: [flow], boundaries: [box] };
  const second: Diagram = { ...first, id: crypto.randomUUID(), name: 'Training', nodes: [llm, { ...createNode('raw-dataset', { x: 0, y: 200 }), name: 'Support logs' }], flows: [], boundaries: [] };
  return { doc: { ...base, diagrams: [first, second] }, first, second };
}

describe('findElements', () => {
  const { doc, first, second } = model();

  it('matches names case-insensitively across nodes, flows and boundaries of every diagram', () => {
    const hits = findElements(doc, 'SUPPORT', first.id, 20);
    expect(hits.map((h) => h.name)).toEqual(['Support LLM', 'Support VPC', 'Vector store of support tickets', 'retrieve support context', 'Support logs']);
    expect(hits.find((h) => h.name === 'Support VPC')?.what).toBe('Trust boundary');
    expect(hits.find((h) => h.name === 'retrieve support context')?.what).toBe('Data flow');
    expect(hits.at(-1)).toMatchObject({ diagramId: second.id, diagramName: 'Training' });
  });

  it('puts whole-name and prefix matches first, the active diagram before others', () => {
    expect(findElements(doc, 'llm', first.id).map((h) => h.name)).toEqual(['Support LLM', 'llm']);
    expect(findElements(doc, 'llm', second.id).map((h) => h.name)).toEqual(['llm', 'Support LLM']);
  });

  it('returns nothing for an empty query or no match, and at most `limit` hits', () => {
    expect(findElements(doc, '   ', first.id)).toEqual([]);
    expect(findElements(doc, 'kubernetes', first.id)).toEqual([]);
    expect(findElements(doc, 's', first.id, 2)).toHaveLength(2);
  });
});

describe('elementRect', () => {
  const { first } = model();
  it('gives nodes and boxes their rectangles and flows the span of their path', () => {
    const node = first.nodes[0]!;
    expect(elementRect(first, node.id)).toEqual({ x: 100, y: 100, width: node.size.width, height: node.size.height });
    const box = first.boundaries[0]!;
    expect(elementRect(first, box.id)).toMatchObject({ x: 50, y: 50 });
    const flowRect = elementRect(first, first.flows[0]!.id)!;
    expect(flowRect.x).toBeGreaterThanOrEqual(100);
    expect(flowRect.x + flowRect.width).toBeLessThanOrEqual(400 + first.nodes[1]!.size.width);
    expect(elementRect(first, 'nope')).toBeNull();
  });
});
