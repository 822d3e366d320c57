import { describe, expect, it } from 'vitest';
import { freePosition, rectsOverlap } from '../../../shared/geometry';
import { createDiagram, createNode, type Diagram } from '../../../shared/model';

const size = { width: 180, height: 72 };
const view = { x: 0, y: 0, width: 1000, height: 700 };

describe('freePosition', () => {
  it('returns the wanted spot when it is free', () => {
    expect(freePosition(createDiagram('d'), { x: 400, y: 300 }, size, view)).toEqual({ x: 400, y: 300 });
  });

  it('fills the visible area without overlaps when called repeatedly', () => {
    let diagram: Diagram = createDiagram('d');
    for (let i = 0; i < 20; i++) {
      const position = freePosition(diagram, { x: 400, y: 300 }, size, view);
      diagram = { ...diagram, nodes: [...diagram.nodes, { ...createNode('llm', position), size }] };
    }
    const rects = diagram.nodes.map((n) => ({ ...n.position, ...n.size }));
    for (const [i, a] of rects.entries()) {
      expect(a.x >= 0 && a.y >= 0 && a.x + a.width <= 1000 && a.y + a.height <= 700, `node ${i} in view`).toBe(true);
      for (const b of rects.slice(i + 1)) expect(rectsOverlap(a, b)).toBe(false);
    }
  });

  it('goes off screen only when the view is full', () => {
    const tiny = { x: 0, y: 0, width: 200, height: 100 };
    const first = freePosition(createDiagram('d'), { x: 10, y: 10 }, size, tiny);
    const diagram = { ...createDiagram('d'), nodes: [{ ...createNode('llm', first), size }] };
    const second = freePosition(diagram, { x: 10, y: 10 }, size, tiny);
    expect(second).not.toEqual(first);
  });
});
