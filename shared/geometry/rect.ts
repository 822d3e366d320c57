// Rectangles, centres and extents of diagram records. Positions are top-left corners, as stored.
import type { BoxBoundary, DfdNode, Diagram, Point } from '../model/types';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

type Placed = Pick<DfdNode | BoxBoundary, 'position' | 'size'>;

export function rectOf(record: Placed): Rect {
  return { x: record.position.x, y: record.position.y, width: record.size.width, height: record.size.height };
}

export function nodeCenter(node: Placed): Point {
  return { x: node.position.x + node.size.width / 2, y: node.position.y + node.size.height / 2 };
}

/**
 * Whether `inner` lies wholly inside `outer`. Edges are inclusive: a rectangle flush against the
 * inside of an edge is still inside, one that pokes out by any amount is not.
 */
export function rectContainsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Accumulates an axis-aligned extent; `null` until something is added. */
class Extent {
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;

  addPoint(p: Point): void {
    if (p.x < this.minX) this.minX = p.x;
    if (p.y < this.minY) this.minY = p.y;
    if (p.x > this.maxX) this.maxX = p.x;
    if (p.y > this.maxY) this.maxY = p.y;
  }

  addRect(r: Rect): void {
    this.addPoint({ x: r.x, y: r.y });
    this.addPoint({ x: r.x + r.width, y: r.y + r.height });
  }

  toRect(): Rect | null {
    if (this.minX > this.maxX) return null;
    return { x: this.minX, y: this.minY, width: this.maxX - this.minX, height: this.maxY - this.minY };
  }
}

/** Bounding box of everything drawn: nodes, box boundaries, line points and flow vertices. */
export function diagramBounds(diagram: Diagram): Rect | null {
  const extent = new Extent();
  for (const node of diagram.nodes) extent.addRect(rectOf(node));
  for (const boundary of diagram.boundaries) {
    if (boundary.shape === 'box') extent.addRect(rectOf(boundary));
    else for (const p of boundary.points) extent.addPoint(p);
  }
  for (const flow of diagram.flows) for (const v of flow.vertices) extent.addPoint(v);
  return extent.toRect();
}

/** Bounding box of a polyline, or null when it has no points. */
export function pointsBounds(points: readonly Point[]): Rect | null {
  const extent = new Extent();
  for (const p of points) extent.addPoint(p);
  return extent.toRect();
}

/** Whether two rectangles share at least one point (edges inclusive). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}
