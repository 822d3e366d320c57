// The rule engine's diagram facts must agree with shared/geometry's containment and crossing
// rules (it re-derives box crossings from its own containment pass, with a grid for speed).
import { describe, expect, it } from 'vitest';
import { containmentIndex, crossingIndex } from '../../../shared/geometry';
import { createBoxBoundary, createFlow, createLineBoundary, createNode, type Boundary, type Diagram, type DfdNode, type Flow } from '../../../shared/model';
import { buildDiagramFacts, type DiagramFacts } from '../../../shared/rules';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random nodes, nested and overlapping boxes (some huge), lines, flows (some dangling). */
function randomDiagram(seed: number, boxes: number): Diagram {
  const random = rng(seed);
  const coord = (max: number) => Math.round(random() * max);
  const nodes: DfdNode[] = Array.from({ length: 150 }, (_, i) => createNode('generic-process', { x: coord(4000), y: coord(3000) }, `N${i}`));
  const boundaries: Boundary[] = [];
  for (let i = 0; i < boxes; i++) {
    const huge = random() < 0.05;
    const size = huge ? { width: 3000 + coord(2000), height: 2500 + coord(1000) } : { width: 200 + coord(900), height: 150 + coord(700) };
    boundaries.push({ ...createBoxBoundary({ x: coord(4000) - 300, y: coord(3000) - 300 }, `B${i}`), size });
  }
  for (let i = 0; i < 4; i++) {
    const x = coord(4000);
    boundaries.splice(Math.floor(random() * boundaries.length), 0, { ...createLineBoundary({ x, y: 0 }, `L${i}`), points: [{ x, y: -100 }, { x: x + coord(400), y: 3200 }] });
  }
  // One box exactly around a node: edges inclusive.
  const exact = nodes[0]!;
  boundaries.push({ ...createBoxBoundary(exact.position, 'Exact'), size: exact.size });
  const flows: Flow[] = Array.from({ length: 200 }, () => {
    const a = nodes[Math.floor(random() * nodes.length)]!;
    const b = nodes[Math.floor(random() * nodes.length)]!;
    return { ...createFlow(a.id, random() < 0.03 ? crypto.randomUUID() : b.id), vertices: random() < 0.2 ? [{ x: coord(4000), y: coord(3000) }] : [] };
  });
  return { id: crypto.randomUUID(), name: 'Random', nodes, flows, boundaries };
}

function expectAgreesWithGeometry(d: Diagram, facts: DiagramFacts) {
  const containment = containmentIndex(d);
  for (const node of d.nodes) {
    const expected = d.boundaries.filter((b) => containment.get(node.id)?.has(b.id)).map((b) => b.id);
    expect((facts.geometry.containers.get(node.id) ?? []).map((b) => b.id)).toEqual(expected);
  }
  const crossings = crossingIndex(d);
  for (const flow of d.flows) expect((facts.geometry.crossings.get(flow.id) ?? []).map((b) => b.id)).toEqual(crossings.get(flow.id));
}

describe('diagram facts', () => {
  it.each([
    [1, 5],
    [2, 40],
    [3, 120],
  ])('containment and crossings match shared/geometry (seed %i, %i boxes)', (seed, boxes) => {
    const d = randomDiagram(seed, boxes);
    expectAgreesWithGeometry(d, buildDiagramFacts(d));
  });

  it('the innermost box is the smallest one containing the node', () => {
    const node = createNode('llm', { x: 100, y: 100 });
    const outer = { ...createBoxBoundary({ x: 0, y: 0 }, 'Outer'), size: { width: 1000, height: 1000 } };
    const inner = { ...createBoxBoundary({ x: 50, y: 50 }, 'Inner'), size: { width: 400, height: 300 } };
    const facts = buildDiagramFacts({ id: 'd', name: 'D', nodes: [node], flows: [], boundaries: [inner, outer] });
    expect(facts.geometry.innermost.get(node.id)?.name).toBe('Inner');
    expect(facts.geometry.containers.get(node.id)?.map((b) => b.name)).toEqual(['Inner', 'Outer']);
  });

  it('reusing an earlier build gives the same facts as building from scratch', () => {
    const d = randomDiagram(7, 60);
    const first = buildDiagramFacts(d);
    const renamed: Diagram = { ...d, nodes: d.nodes.map((n, i) => (i === 3 ? { ...n, name: 'Renamed', properties: { x: 1 } } : n)) };
    const reused = buildDiagramFacts(renamed, first);
    expect(reused.geometry.crossings).toBe(first.geometry.crossings); // geometry carried over
    expect(reused.nodes.get(d.nodes[3]!.id)?.name).toBe('Renamed');
    expectAgreesWithGeometry(renamed, reused);

    const moved: Diagram = { ...renamed, nodes: renamed.nodes.map((n, i) => (i < 20 ? { ...n, position: { x: n.position.x + 333, y: n.position.y } } : n)) };
    const afterMove = buildDiagramFacts(moved, reused);
    expect(afterMove.geometry.crossings).not.toBe(first.geometry.crossings);
    expectAgreesWithGeometry(moved, afterMove);

    const bent: Diagram = { ...moved, flows: moved.flows.map((f, i) => (i < 50 ? { ...f, vertices: [{ x: 2000, y: -500 }] } : f)) };
    expectAgreesWithGeometry(bent, buildDiagramFacts(bent, afterMove));
  });

  it('bidirectional flows give two views; dangling flows none', () => {
    const a = createNode('agent', { x: 0, y: 0 });
    const b = createNode('tool-server', { x: 400, y: 0 });
    const both = { ...createFlow(a.id, b.id), bidirectional: true };
    const dangling = createFlow(a.id, crypto.randomUUID());
    const facts = buildDiagramFacts({ id: 'd', name: 'D', nodes: [a, b], flows: [both, dangling], boundaries: [] });
    expect(facts.views.get(both.id)?.map((v) => [v.from.id, v.to.id])).toEqual([
      [a.id, b.id],
      [b.id, a.id],
    ]);
    expect(facts.views.has(dangling.id)).toBe(false);
    expect(facts.incoming.get(a.id)?.map((v) => v.reversed)).toEqual([true]);
    expect(facts.neighbours.get(a.id)?.map((n) => n.id)).toEqual([b.id]);
  });
});
