// The layout grid templates are drawn on: 200 × 80 nodes, 200 px between columns (room for a flow
// label between two nodes side by side) and 140 px between rows (room for a boundary's name tag
// between two boxes stacked one above the other). Every value is a multiple of the canvas's 10 px
// grid.
import type { Point } from '../model';
import type { BoxSpec } from './builder';

export const COLUMN_PITCH = 400;
export const ROW_PITCH = 220;
export const LEFT = 60;
export const TOP = 120;
const NODE = { width: 200, height: 80 };
/** Room around the nodes inside a box: the name tag sits on the top edge, so more above. */
const PAD = { x: 40, top: 60, bottom: 40 };

/** x of the left edge of a node in column `i` (halves place a node between two columns). */
export const col = (i: number) => LEFT + Math.round((i * COLUMN_PITCH) / 10) * 10;
/** y of the top edge of a node in row `i`. */
export const row = (i: number) => TOP + Math.round((i * ROW_PITCH) / 10) * 10;
/** The top-left corner of a node at column `c`, row `r`. */
export const cell = (c: number, r: number): Point => ({ x: col(c), y: row(r) });

/** A box around the grid cells from (c0, r0) to (c1, r1), inclusive. */
export function span(c0: number, r0: number, c1 = c0, r1 = r0): BoxSpec {
  const x = col(c0) - PAD.x;
  const y = row(r0) - PAD.top;
  return { x, y, width: col(c1) + NODE.width + PAD.x - x, height: row(r1) + NODE.height + PAD.bottom - y };
}
