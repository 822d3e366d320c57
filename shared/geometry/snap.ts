// Grid snapping for canvas gestures; the grid is in diagram units.
import type { Point } from '../model/types';

export const DEFAULT_GRID = 10;

/** Rounds to the nearest multiple of `grid`; a non-positive grid leaves the value alone. */
export function snap(value: number, grid: number = DEFAULT_GRID): number {
  if (!(grid > 0)) return value;
  // `+ 0` turns -0 into 0 so snapped values serialize and compare cleanly.
  return Math.round(value / grid) * grid + 0;
}

export function snapPoint(p: Point, grid: number = DEFAULT_GRID): Point {
  return { x: snap(p.x, grid), y: snap(p.y, grid) };
}
