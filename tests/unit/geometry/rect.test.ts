import { describe, expect, it } from 'vitest';
import { diagramBounds, nodeCenter, rectOf, snap, snapPoint } from '../../../shared/geometry';
import { box, diagram, flow, line, node } from './fixtures';

describe('rectOf / nodeCenter', () => {
  it('uses the stored top-left position and size', () => {
    const n = node('a', 10, 20, 100, 50);
    expect(rectOf(n)).toEqual({ x: 10, y: 20, width: 100, height: 50 });
    expect(nodeCenter(n)).toEqual({ x: 60, y: 45 });
    expect(rectOf(box('b', -5, -5, 10, 10))).toEqual({ x: -5, y: -5, width: 10, height: 10 });
  });
});

describe('diagramBounds', () => {
  it('is null for an empty diagram', () => {
    expect(diagramBounds(diagram({}))).toBeNull();
  });

  it('covers nodes, boxes, line points and flow vertices', () => {
    const d = diagram({
      nodes: [node('a', 0, 0, 10, 10), node('b', 100, 100, 10, 10)],
      boundaries: [box('x', -20, 50, 10, 10), line('l', { x: 50, y: -30 }, { x: 50, y: 0 })],
      flows: [flow('f', 'a', 'b', [{ x: 300, y: 5 }])],
    });
    expect(diagramBounds(d)).toEqual({ x: -20, y: -30, width: 320, height: 140 });
  });

  it('handles a single line boundary alone', () => {
    const d = diagram({ boundaries: [line('l', { x: 5, y: 5 }, { x: 5, y: 25 })] });
    expect(diagramBounds(d)).toEqual({ x: 5, y: 5, width: 0, height: 20 });
  });
});

describe('snap', () => {
  it('rounds to the grid, default 10', () => {
    expect(snap(14)).toBe(10);
    expect(snap(15)).toBe(20);
    expect(snap(-4)).toBe(0);
    expect(Object.is(snap(-4), -0)).toBe(false);
    expect(snap(37, 25)).toBe(25);
    expect(snap(7.3, 0)).toBe(7.3);
    expect(snapPoint({ x: 12, y: 18 })).toEqual({ x: 10, y: 20 });
    expect(snapPoint({ x: 13, y: 17 }, 4)).toEqual({ x: 12, y: 16 });
  });
});
