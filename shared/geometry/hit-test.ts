// Which diagram elements a marquee selects. Pure so the rule is the same on every surface.
import type { Diagram, Point } from '../model/types';
import { rectContainsRect, rectOf, type Rect } from './rect';

const pointIn = (p: Point, r: Rect) => rectContainsRect(r, { x: p.x, y: p.y, width: 0, height: 0 });

/**
 * Elements wholly inside the marquee (the desktop convention): nodes and box boundaries by
 * their rectangle, line boundaries by all their points, and flows whose endpoints are both
 * selected.
 */
export function elementsInRect(diagram: Diagram, rect: Rect): string[] {
  const ids: string[] = [];
  const nodeIds = new Set<string>();
  for (const node of diagram.nodes) {
    if (!rectContainsRect(rect, rectOf(node))) continue;
    ids.push(node.id);
    nodeIds.add(node.id);
  }
  for (const b of diagram.boundaries) {
    const hit = b.shape === 'box' ? rectContainsRect(rect, rectOf(b)) : b.points.every((p) => pointIn(p, rect));
    if (hit) ids.push(b.id);
  }
  for (const flow of diagram.flows) {
    if (nodeIds.has(flow.source) && nodeIds.has(flow.target)) ids.push(flow.id);
  }
  return ids;
}
