import { describe, expect, it } from 'vitest';
import { boundariesContaining, containmentIndex, nodesInBoundary } from '../../../shared/geometry';
import { box, diagram, line, node } from './fixtures';

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

describe('containment', () => {
  const d = diagram({
    nodes: [
      node('deep', 50, 50, 20, 20), // inside inner and outer
      node('shallow', 10, 150, 20, 20), // inside outer only
      node('flush', 0, 0, 20, 20), // touching outer's top-left corner from the inside
      node('half', 190, 50, 20, 20), // straddles outer's right edge
      node('outside', 200, 0, 20, 20), // touches outer's right edge from the outside
      node('far', 500, 500),
    ],
    boundaries: [
      box('outer', 0, 0, 200, 200),
      box('inner', 40, 40, 60, 60),
      line('l', { x: 0, y: 0 }, { x: 300, y: 300 }),
    ],
  });

  it('finds nested boxes in document order', () => {
    expect(ids(boundariesContaining(d, 'deep'))).toEqual(['outer', 'inner']);
    expect(ids(boundariesContaining(d, 'shallow'))).toEqual(['outer']);
  });

  it('counts a node flush with an inner edge as inside', () => {
    expect(ids(boundariesContaining(d, 'flush'))).toEqual(['outer']);
  });

  it('does not count a node half inside, nor one touching from outside', () => {
    expect(boundariesContaining(d, 'half')).toEqual([]);
    expect(boundariesContaining(d, 'outside')).toEqual([]);
    expect(boundariesContaining(d, 'far')).toEqual([]);
  });

  it('returns [] for an unknown node', () => {
    expect(boundariesContaining(d, 'nope')).toEqual([]);
  });

  it('lists nodes in a box, and none for a line or unknown boundary', () => {
    expect(ids(nodesInBoundary(d, 'outer'))).toEqual(['deep', 'shallow', 'flush']);
    expect(ids(nodesInBoundary(d, 'inner'))).toEqual(['deep']);
    expect(nodesInBoundary(d, 'l')).toEqual([]);
    expect(nodesInBoundary(d, 'nope')).toEqual([]);
  });

  it('builds the same answer as an index', () => {
    const index = containmentIndex(d);
    for (const n of d.nodes) {
      const expected = ids(boundariesContaining(d, n.id));
      expect([...(index.get(n.id) ?? [])]).toEqual(expected);
    }
  });
});
