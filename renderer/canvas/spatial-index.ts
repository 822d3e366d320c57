// A uniform grid over rectangles, for "what is near this area" without looking at everything:
// a big diagram keeps only what is near the viewport in the JointJS graph, and asking which
// records that is must cost about as much as the answer, not as much as the diagram.
import type { Rect } from '../../shared/geometry';

/** Grid cells are this many diagram px square: a few nodes wide, so most records sit in 1–4 cells. */
const CELL = 512;
/** Cell coordinates are packed into one number; ±2^20 cells is ±500 million px, far beyond any diagram. */
const SPAN = 2 ** 21;
const OFFSET = 2 ** 20;

const cellRange = (rect: Rect) => ({
  x0: Math.floor(rect.x / CELL),
  y0: Math.floor(rect.y / CELL),
  x1: Math.floor((rect.x + Math.max(0, rect.width)) / CELL),
  y1: Math.floor((rect.y + Math.max(0, rect.height)) / CELL),
});
const cellKey = (cx: number, cy: number) => (cx + OFFSET) * SPAN + (cy + OFFSET);

export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

export class SpatialIndex {
  private readonly cells = new Map<number, Set<string>>();
  private readonly rects = new Map<string, Rect>();

  get size(): number {
    return this.rects.size;
  }

  rectOf(id: string): Rect | undefined {
    return this.rects.get(id);
  }

  /** Adds `id` at `rect`, or moves it there. */
  set(id: string, rect: Rect): void {
    const old = this.rects.get(id);
    if (old) {
      if (old.x === rect.x && old.y === rect.y && old.width === rect.width && old.height === rect.height) return;
      this.unlink(id, old);
    }
    this.rects.set(id, rect);
    const r = cellRange(rect);
    for (let cx = r.x0; cx <= r.x1; cx++) {
      for (let cy = r.y0; cy <= r.y1; cy++) {
        const key = cellKey(cx, cy);
        let ids = this.cells.get(key);
        if (!ids) this.cells.set(key, (ids = new Set()));
        ids.add(id);
      }
    }
  }

  delete(id: string): void {
    const old = this.rects.get(id);
    if (!old) return;
    this.unlink(id, old);
    this.rects.delete(id);
  }

  clear(): void {
    this.cells.clear();
    this.rects.clear();
  }

  /** Ids whose rectangle shares at least one point with `area` (edges inclusive). */
  query(area: Rect, into: Set<string> = new Set()): Set<string> {
    const r = cellRange(area);
    // Zoomed far out the area spans more grid cells than there are records: scan the records.
    if ((r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1) > this.rects.size) {
      for (const [id, rect] of this.rects) if (intersects(rect, area)) into.add(id);
      return into;
    }
    for (let cx = r.x0; cx <= r.x1; cx++) {
      for (let cy = r.y0; cy <= r.y1; cy++) {
        const ids = this.cells.get(cellKey(cx, cy));
        if (!ids) continue;
        for (const id of ids) if (!into.has(id) && intersects(this.rects.get(id)!, area)) into.add(id);
      }
    }
    return into;
  }

  private unlink(id: string, rect: Rect): void {
    const r = cellRange(rect);
    for (let cx = r.x0; cx <= r.x1; cx++) {
      for (let cy = r.y0; cy <= r.y1; cy++) {
        const key = cellKey(cx, cy);
        const ids = this.cells.get(key);
        if (!ids) continue;
        ids.delete(id);
        if (ids.size === 0) this.cells.delete(key);
      }
    }
  }
}
