// Which trust boundaries a flow crosses.
//
// - Box: a flow crosses it when exactly one endpoint node is inside the box (see containment.ts).
//   A flow between two nodes in the same box, or both outside, does not cross, whatever its
//   vertices do: boxes are about where the endpoints live.
// - Line: a flow crosses it when its path (source centre → vertices → target centre) shares any
//   point with any segment of the line, touching and colinear overlap included — when in doubt
//   the flow is treated as crossing, so threats are suggested rather than missed.
import type { Boundary, DfdNode, Diagram, Flow, LineBoundary, Point, Uuid } from '../model/types';
import { containmentIndex, nodeInBox } from './containment';
import { nodeCenter, pointsBounds, rectsOverlap, type Rect } from './rect';
import { polylinesIntersect } from './segments';

/** The drawn path of a flow, or null when an endpoint node is missing. */
export function flowPath(diagram: Diagram, flow: Flow): Point[] | null {
  const source = diagram.nodes.find((n) => n.id === flow.source);
  const target = diagram.nodes.find((n) => n.id === flow.target);
  return pathBetween(source, target, flow);
}

function pathBetween(source: DfdNode | undefined, target: DfdNode | undefined, flow: Flow): Point[] | null {
  if (!source || !target) return null;
  return [nodeCenter(source), ...flow.vertices, nodeCenter(target)];
}

interface PreparedLine {
  readonly line: LineBoundary;
  readonly bounds: Rect | null;
}

function prepareLine(line: LineBoundary): PreparedLine {
  return { line, bounds: pointsBounds(line.points) };
}

function pathCrossesLine(path: readonly Point[], pathBounds: Rect | null, prepared: PreparedLine): boolean {
  // Cheap bounding-box rejection first; most flows are nowhere near most lines.
  if (!pathBounds || !prepared.bounds || !rectsOverlap(pathBounds, prepared.bounds)) return false;
  return polylinesIntersect(path, prepared.line.points);
}

/** Boundaries the flow crosses, in document order; [] for an unknown or dangling flow. */
export function flowCrossings(diagram: Diagram, flowId: Uuid): Boundary[] {
  const flow = diagram.flows.find((f) => f.id === flowId);
  if (!flow) return [];
  const source = diagram.nodes.find((n) => n.id === flow.source);
  const target = diagram.nodes.find((n) => n.id === flow.target);
  const path = pathBetween(source, target, flow);
  if (!source || !target || !path) return [];
  const pathBounds = pointsBounds(path);
  return diagram.boundaries.filter((b) =>
    b.shape === 'box' ? nodeInBox(source, b) !== nodeInBox(target, b) : pathCrossesLine(path, pathBounds, prepareLine(b)),
  );
}

/** Flows crossing the boundary, in document order; [] for an unknown boundary. */
export function crossingFlows(diagram: Diagram, boundaryId: Uuid): Flow[] {
  const boundary = diagram.boundaries.find((b) => b.id === boundaryId);
  if (!boundary) return [];
  const nodes = new Map<Uuid, DfdNode>(diagram.nodes.map((n) => [n.id, n]));
  if (boundary.shape === 'box') {
    const inside = new Set<Uuid>();
    for (const n of diagram.nodes) if (nodeInBox(n, boundary)) inside.add(n.id);
    return diagram.flows.filter(
      (f) => nodes.has(f.source) && nodes.has(f.target) && inside.has(f.source) !== inside.has(f.target),
    );
  }
  const prepared = prepareLine(boundary);
  return diagram.flows.filter((f) => {
    const path = pathBetween(nodes.get(f.source), nodes.get(f.target), f);
    return path !== null && pathCrossesLine(path, pointsBounds(path), prepared);
  });
}

const NO_BOXES: ReadonlySet<Uuid> = new Set();

/**
 * Every flow's crossed boundary ids (document order of boundaries) in one pass. Each node's
 * containing boxes are computed once (nodes × boxes), so a flow's box crossings are the symmetric
 * difference of two small sets; line tests are pruned by bounding boxes. Every flow has an entry,
 * an empty array when it crosses nothing or an endpoint is missing.
 */
export function crossingIndex(diagram: Diagram): Map<Uuid, Uuid[]> {
  const nodes = new Map<Uuid, DfdNode>(diagram.nodes.map((n) => [n.id, n]));
  const containing = containmentIndex(diagram);
  const order = new Map<Uuid, number>(diagram.boundaries.map((b, i) => [b.id, i]));
  const lines: PreparedLine[] = [];
  for (const b of diagram.boundaries) if (b.shape === 'line') lines.push(prepareLine(b));

  const index = new Map<Uuid, Uuid[]>();
  for (const flow of diagram.flows) {
    const crossed: Uuid[] = [];
    index.set(flow.id, crossed);
    const path = pathBetween(nodes.get(flow.source), nodes.get(flow.target), flow);
    if (!path) continue;
    const inSource = containing.get(flow.source) ?? NO_BOXES;
    const inTarget = containing.get(flow.target) ?? NO_BOXES;
    for (const id of inSource) if (!inTarget.has(id)) crossed.push(id);
    for (const id of inTarget) if (!inSource.has(id)) crossed.push(id);
    if (lines.length > 0) {
      const pathBounds = pointsBounds(path);
      for (const prepared of lines) if (pathCrossesLine(path, pathBounds, prepared)) crossed.push(prepared.line.id);
    }
    if (crossed.length > 1) crossed.sort((a, b) => order.get(a)! - order.get(b)!);
  }
  return index;
}
