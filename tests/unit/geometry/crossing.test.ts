import { describe, expect, it } from 'vitest';
import { crossingFlows, crossingIndex, flowCrossings, flowPath } from '../../../shared/geometry';
import type { Diagram } from '../../../shared/model/types';
import { box, diagram, flow, line, node } from './fixtures';

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

/** Every query must agree with the one-pass index. */
function expectIndexAgrees(d: Diagram) {
  const index = crossingIndex(d);
  expect([...index.keys()]).toEqual(ids(d.flows));
  for (const f of d.flows) expect(index.get(f.id)).toEqual(ids(flowCrossings(d, f.id)));
  for (const b of d.boundaries) {
    const viaIndex = d.flows.filter((f) => index.get(f.id)!.includes(b.id));
    expect(ids(crossingFlows(d, b.id))).toEqual(ids(viaIndex));
  }
}

describe('box boundary crossings', () => {
  // Two sibling boxes A and B inside an outer box; C outside everything.
  const d = diagram({
    nodes: [
      node('a1', 20, 20),
      node('a2', 20, 60),
      node('b1', 220, 20),
      node('c', 600, 20),
      node('half', 140, 20), // straddles box A's right edge (A ends at x=150)
    ],
    boundaries: [box('outer', 0, 0, 400, 200), box('A', 10, 10, 140, 100), box('B', 210, 10, 140, 100)],
    flows: [
      flow('a1-b1', 'a1', 'b1'),
      flow('a1-a2', 'a1', 'a2', [{ x: 900, y: 900 }]), // wanders out, still within A
      flow('a1-c', 'a1', 'c'),
      flow('b1-c', 'b1', 'c'),
      flow('a1-half', 'a1', 'half'),
      flow('dangling', 'a1', 'ghost'),
    ],
  });

  it('a flow between two boxes crosses both', () => {
    expect(ids(flowCrossings(d, 'a1-b1'))).toEqual(['A', 'B']);
  });

  it('a flow within a box crosses nothing, whatever its vertices do', () => {
    expect(flowCrossings(d, 'a1-a2')).toEqual([]);
  });

  it('a flow leaving nested boxes crosses each of them', () => {
    expect(ids(flowCrossings(d, 'a1-c'))).toEqual(['outer', 'A']);
    expect(ids(flowCrossings(d, 'b1-c'))).toEqual(['outer', 'B']);
  });

  it('a half-inside endpoint counts as outside the box', () => {
    expect(ids(flowCrossings(d, 'a1-half'))).toEqual(['A']);
  });

  it('dangling and unknown flows cross nothing', () => {
    expect(flowCrossings(d, 'dangling')).toEqual([]);
    expect(flowCrossings(d, 'nope')).toEqual([]);
    expect(flowPath(d, d.flows[5]!)).toBeNull();
  });

  it('lists the flows crossing a boundary', () => {
    expect(ids(crossingFlows(d, 'outer'))).toEqual(['a1-c', 'b1-c']);
    expect(ids(crossingFlows(d, 'A'))).toEqual(['a1-b1', 'a1-c', 'a1-half']);
    expect(crossingFlows(d, 'nope')).toEqual([]);
  });

  it('agrees with the index', () => expectIndexAgrees(d));
});

describe('line boundary crossings', () => {
  // A vertical line at x = 100 from y = 0 to y = 100. Nodes are 20×20, so centres are +10.
  const d = diagram({
    nodes: [
      node('left', 40, 40), // centre (50, 50)
      node('right', 140, 40), // centre (150, 50)
      node('leftLow', 40, 190), // centre (50, 200)
      node('rightLow', 140, 190), // centre (150, 200)
      node('onLine', 90, 190), // centre (100, 200): on the line's extension, not on it
      node('top', 90, -60), // centre (100, -50)
    ],
    boundaries: [line('wall', { x: 100, y: 0 }, { x: 100, y: 100 })],
    flows: [
      flow('straight', 'left', 'right'),
      flow('below', 'leftLow', 'rightLow'),
      flow('detour-over', 'left', 'right', [{ x: 50, y: -20 }, { x: 150, y: -20 }]),
      flow('detour-through', 'leftLow', 'rightLow', [{ x: 50, y: 50 }, { x: 150, y: 50 }]),
      flow('colinear', 'top', 'onLine'), // runs along the wall from (100,-50) to (100,200)
      flow('parallel', 'left', 'leftLow'), // x = 50, parallel to the wall
    ],
  });

  it('crosses when the straight path intersects the line', () => {
    expect(ids(flowCrossings(d, 'straight'))).toEqual(['wall']);
  });

  it('does not cross when the path passes beside the line', () => {
    expect(flowCrossings(d, 'below')).toEqual([]);
  });

  it('follows vertices: a detour around the line does not cross', () => {
    expect(flowCrossings(d, 'detour-over')).toEqual([]);
  });

  it('follows vertices: a detour through the line crosses', () => {
    expect(ids(flowCrossings(d, 'detour-through'))).toEqual(['wall']);
  });

  it('parallel paths never cross; colinear overlap counts as crossing', () => {
    expect(flowCrossings(d, 'parallel')).toEqual([]);
    expect(ids(flowCrossings(d, 'colinear'))).toEqual(['wall']);
  });

  it('lists flows crossing the line', () => {
    expect(ids(crossingFlows(d, 'wall'))).toEqual(['straight', 'detour-through', 'colinear']);
  });

  it('agrees with the index', () => expectIndexAgrees(d));
});

describe('crossingIndex', () => {
  it('orders boundary ids as the document does, mixing boxes and lines', () => {
    const d = diagram({
      nodes: [node('in', 20, 20), node('out', 300, 20)],
      boundaries: [line('l', { x: 200, y: -100 }, { x: 200, y: 100 }), box('b', 0, 0, 100, 100)],
      flows: [flow('f', 'in', 'out')],
    });
    expect(crossingIndex(d).get('f')).toEqual(['l', 'b']);
    expectIndexAgrees(d);
  });

  it('stays fast on a 2000-node diagram', () => {
    const nodes = [];
    const flows = [];
    const boundaries = [];
    for (let i = 0; i < 2000; i++) nodes.push(node(`n${i}`, (i % 50) * 60, Math.floor(i / 50) * 60));
    for (let i = 1; i < 2000; i++) flows.push(flow(`f${i}`, `n${i - 1}`, `n${(i * 7) % 2000}`));
    for (let i = 0; i < 40; i++) boundaries.push(box(`b${i}`, (i % 8) * 360, Math.floor(i / 8) * 480, 350, 470));
    for (let i = 0; i < 10; i++) boundaries.push(line(`l${i}`, { x: i * 300 + 25, y: 0 }, { x: i * 300 + 25, y: 2400 }));
    const d = diagram({ nodes, flows, boundaries });
    const started = performance.now();
    const index = crossingIndex(d);
    const elapsed = performance.now() - started;
    expect(index.size).toBe(1999);
    // Generous bound: this guards against accidental quadratic behaviour, not against slow CI.
    expect(elapsed).toBeLessThan(2000);
    for (const id of ['f1', 'f500', 'f1999']) expect(index.get(id)).toEqual(ids(flowCrossings(d, id)));
  });
});
