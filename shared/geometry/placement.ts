// Where a new element goes when the user clicks a palette item instead of dropping it: the
// free spot nearest the requested one, searched ring by ring on a grid of the element's size,
// preferring spots inside the visible area, so repeated clicks fill the view instead of
// stacking or wandering off screen.
import type { Diagram, Point, Size } from '../model/types';
import { rectContainsRect, rectOf, rectsOverlap, type Rect } from './rect';

const GAP = 20;
const MAX_RINGS = 12;

export function freePosition(diagram: Diagram, wanted: Point, size: Size, visible?: Rect): Point {
  const occupied = diagram.nodes.map(rectOf);
  const stepX = size.width + GAP;
  const stepY = size.height + GAP;
  const free = (p: Point) => {
    const r = { x: p.x - GAP / 2, y: p.y - GAP / 2, width: size.width + GAP, height: size.height + GAP };
    return !occupied.some((o) => rectsOverlap(o, r));
  };
  const onScreen = (p: Point) => !visible || rectContainsRect(visible, { ...p, ...size });
  let fallback: Point | null = null;
  for (let ring = 0; ring <= MAX_RINGS; ring++) {
    for (const p of ringPoints(wanted, ring, stepX, stepY)) {
      if (!free(p)) continue;
      if (onScreen(p)) return p;
      fallback ??= p;
    }
  }
  return fallback ?? wanted;
}

/** The grid points on the square ring `ring` steps away from the centre, row by row. */
function ringPoints(center: Point, ring: number, stepX: number, stepY: number): Point[] {
  if (ring === 0) return [center];
  const points: Point[] = [];
  for (let j = -ring; j <= ring; j++) {
    for (let i = -ring; i <= ring; i++) {
      if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
      points.push({ x: center.x + i * stepX, y: center.y + j * stepY });
    }
  }
  return points;
}
