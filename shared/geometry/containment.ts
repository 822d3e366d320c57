// Which nodes sit inside which box boundaries.
//
// Rule: a node is inside a box when its WHOLE rectangle is inside the box (edges inclusive).
// A node straddling a box edge is in neither side's box — the user has not decided where it
// lives, and treating "half inside" as inside would make flows silently stop crossing the
// boundary. Line boundaries enclose nothing.
import type { BoxBoundary, DfdNode, Diagram, Uuid } from '../model/types';
import { rectContainsRect, rectOf, type Rect } from './rect';

/** The box boundaries of a diagram, in document order. */
export function boxBoundaries(diagram: Diagram): BoxBoundary[] {
  const boxes: BoxBoundary[] = [];
  for (const b of diagram.boundaries) if (b.shape === 'box') boxes.push(b);
  return boxes;
}

export function nodeInBox(node: DfdNode, box: BoxBoundary): boolean {
  return rectContainsRect(rectOf(box), rectOf(node));
}

/** Box boundaries wholly containing the node, in document order; [] if unknown. */
export function boundariesContaining(diagram: Diagram, nodeId: Uuid): BoxBoundary[] {
  const node = diagram.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  return boxBoundaries(diagram).filter((box) => nodeInBox(node, box));
}

/** Nodes wholly inside the box boundary, in document order; [] for a line or unknown boundary. */
export function nodesInBoundary(diagram: Diagram, boundaryId: Uuid): DfdNode[] {
  const box = diagram.boundaries.find((b) => b.id === boundaryId);
  if (!box || box.shape !== 'box') return [];
  const rect = rectOf(box);
  return diagram.nodes.filter((n) => rectContainsRect(rect, rectOf(n)));
}

/**
 * For every node, the set of box-boundary ids containing it (nodes inside no box are absent).
 * One pass of nodes × boxes, so per-flow box crossings become set lookups.
 */
export function containmentIndex(diagram: Diagram): Map<Uuid, Set<Uuid>> {
  const boxes: { id: Uuid; rect: Rect }[] = boxBoundaries(diagram).map((b) => ({ id: b.id, rect: rectOf(b) }));
  const index = new Map<Uuid, Set<Uuid>>();
  if (boxes.length === 0) return index;
  for (const node of diagram.nodes) {
    const rect = rectOf(node);
    let inside: Set<Uuid> | undefined;
    for (const box of boxes) {
      if (!rectContainsRect(box.rect, rect)) continue;
      (inside ??= new Set()).add(box.id);
    }
    if (inside) index.set(node.id, inside);
  }
  return index;
}
