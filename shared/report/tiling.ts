// How a diagram goes onto pages: one page, scaled to fit, when its labels stay legible; otherwise
// tiles at a legible scale that overlap so no element is cut at a tile edge without also showing
// whole on a neighbour, plus a key page showing where each tile sits. Nothing is ever cut off:
// the tiles together cover the whole drawing.
import type { Rect } from './types';

export interface Tile {
  /** Spreadsheet-style: column letter, row number (`A1`, `B3`). */
  readonly label: string;
  readonly col: number;
  readonly row: number;
  /** The part of the drawing this tile shows, in diagram units. */
  readonly rect: Rect;
}

export interface DiagramPages {
  /** Page points per diagram unit on the detail pages. */
  readonly scale: number;
  readonly cols: number;
  readonly rows: number;
  readonly tiles: readonly Tile[];
}

export interface TilingOptions {
  /** The smallest scale at which 13 px node names print at ≥ 7 pt and 11 px flow labels at ≥ 6 pt. */
  readonly minScale: number;
  /** Small diagrams are enlarged at most this much. */
  readonly maxScale: number;
  /** Diagram units shared by neighbouring tiles: more than a node's width apart is never split on both. */
  readonly overlap: number;
}

export const DEFAULT_TILING: TilingOptions = { minScale: 0.55, maxScale: 1.25, overlap: 180 };

/** `0 → A`, `25 → Z`, `26 → AA`. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Start offsets of `count` windows of `size` spread evenly over `total` (first at 0, last flush with the end). */
function starts(total: number, size: number, count: number): number[] {
  if (count <= 1) return [0];
  const step = (total - size) / (count - 1);
  return Array.from({ length: count }, (_, i) => i * step);
}

function countFor(total: number, size: number, overlap: number): number {
  if (total <= size) return 1;
  return Math.ceil((total - overlap) / (size - overlap));
}

/** Plans the pages for a drawing of `bounds` in a printable `area` (points). */
export function planDiagramPages(bounds: Rect, area: { readonly width: number; readonly height: number }, options: TilingOptions = DEFAULT_TILING): DiagramPages {
  const fit = Math.min(area.width / Math.max(bounds.width, 1), area.height / Math.max(bounds.height, 1));
  if (fit >= options.minScale) {
    return { scale: Math.min(fit, options.maxScale), cols: 1, rows: 1, tiles: [{ label: 'A1', col: 0, row: 0, rect: bounds }] };
  }
  const scale = options.minScale;
  const tileW = area.width / scale;
  const tileH = area.height / scale;
  // A tile must be wider than the overlap, or the tiles would never advance.
  const overlapX = Math.min(options.overlap, tileW / 3);
  const overlapY = Math.min(options.overlap, tileH / 3);
  const cols = countFor(bounds.width, tileW, overlapX);
  const rows = countFor(bounds.height, tileH, overlapY);
  const xs = starts(bounds.width, Math.min(tileW, bounds.width), cols);
  const ys = starts(bounds.height, Math.min(tileH, bounds.height), rows);
  const tiles: Tile[] = [];
  ys.forEach((y, row) =>
    xs.forEach((x, col) =>
      tiles.push({
        label: `${columnName(col)}${row + 1}`,
        col,
        row,
        rect: { x: bounds.x + x, y: bounds.y + y, width: Math.min(tileW, bounds.width), height: Math.min(tileH, bounds.height) },
      }),
    ),
  );
  return { scale, cols, rows, tiles };
}
