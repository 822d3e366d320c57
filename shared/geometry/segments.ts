// Segment and polyline intersection with exact orientation tests (coordinates are plain numbers,
// usually grid-snapped integers, so no epsilon is applied).
import type { Point } from '../model/types';

/** Sign of the cross product (b - a) × (c - a): 1 counter-clockwise, -1 clockwise, 0 colinear. */
function orientation(a: Point, b: Point, c: Point): number {
  return Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
}

/** For a point colinear with segment a–b: whether it lies within the segment's extent. */
function onSegment(a: Point, b: Point, p: Point): boolean {
  return (
    Math.min(a.x, b.x) <= p.x && p.x <= Math.max(a.x, b.x) && Math.min(a.y, b.y) <= p.y && p.y <= Math.max(a.y, b.y)
  );
}

/**
 * Whether closed segments p1–p2 and q1–q2 share at least one point. Touching at an end and
 * overlapping colinear segments count; parallel segments apart from each other do not.
 */
export function segmentsIntersect(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const o1 = orientation(p1, p2, q1);
  const o2 = orientation(p1, p2, q2);
  const o3 = orientation(q1, q2, p1);
  const o4 = orientation(q1, q2, p2);
  // General position (including one end touching the other segment's interior).
  if (o1 !== o2 && o3 !== o4) return true;
  // Colinear cases: an end of one segment lying on the other.
  if (o1 === 0 && onSegment(p1, p2, q1)) return true;
  if (o2 === 0 && onSegment(p1, p2, q2)) return true;
  if (o3 === 0 && onSegment(q1, q2, p1)) return true;
  if (o4 === 0 && onSegment(q1, q2, p2)) return true;
  return false;
}

/** Whether two polylines (each at least two points to have segments) share any point. */
export function polylinesIntersect(a: readonly Point[], b: readonly Point[]): boolean {
  for (let i = 1; i < a.length; i++) {
    const a1 = a[i - 1]!;
    const a2 = a[i]!;
    for (let j = 1; j < b.length; j++) {
      if (segmentsIntersect(a1, a2, b[j - 1]!, b[j]!)) return true;
    }
  }
  return false;
}
