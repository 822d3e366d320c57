// Where a new element goes when the user clicks a palette item instead of dropping it:
// the requested spot, stepped diagonally until it no longer lands on another node's corner,
// so repeated clicks fan out instead of stacking invisibly.
import type { Diagram, Point } from '../model/types';

const STEP = 30;

export function freePosition(diagram: Diagram, wanted: Point, maxSteps = 50): Point {
  const taken = new Set(diagram.nodes.map((n) => `${n.position.x},${n.position.y}`));
  for (const b of diagram.boundaries) if (b.shape === 'box') taken.add(`${b.position.x},${b.position.y}`);
  let p = wanted;
  for (let i = 0; i < maxSteps && taken.has(`${p.x},${p.y}`); i++) p = { x: p.x + STEP, y: p.y + STEP };
  return p;
}
