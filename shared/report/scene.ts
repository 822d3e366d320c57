// A diagram as drawing primitives in its own units, computed from the model's geometry the way
// the canvas draws it (renderer/canvas/cell-attributes.ts): the PDF report and the SVG export both
// draw this, so the two cannot disagree, and neither copies pixels from the screen.
import { crossingIndex, nodeCenter } from '../geometry';
import { BOUNDARY_COLORS, GROUP_COLORS, TRUST_LEVEL_COLORS, componentIcon } from '../icons';
import { componentType, type Boundary, type DfdNode, type Diagram, type Flow, type Point } from '../model';
import type { Rect, Scene, SceneBoundary, SceneFlow, SceneNode } from './types';

const FLOW_COLOR = '#4a5363';
const CROSSING_COLOR = '#c2410c';
const INK = '#1d2330';
/** Rough width of a label character at the canvas's 11–12 px, for extents only. */
const CHAR_WIDTH = 6.3;
const LABEL_LINE_HEIGHT = 14;
/** The canvas's connection-point offset: flows stop this far outside the node's edge. */
const EDGE_GAP = 2;

export interface SceneOptions {
  /** Leave out out-of-scope nodes and flows (and flows touching them). */
  readonly includeOutOfScope: boolean;
}

/** Breaks text into lines of about `width` characters at spaces; a longer word is split. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else for (let i = 0; i < word.length; i += width) lines.push(word.slice(i, i + width));
  }
  return lines;
}

export function boundaryLabel(boundary: Boundary): string {
  return `${boundary.name.trim() || 'Trust boundary'} · trust: ${boundary.trustLevel}`;
}

export function nodeName(node: DfdNode): string {
  return node.name.trim() || componentType(node.aiType).shortLabel;
}

export function flowName(flow: Flow): string {
  return flow.name.trim() || 'Data flow';
}

function rectOfNode(node: DfdNode): Rect {
  return { x: node.position.x, y: node.position.y, width: node.size.width, height: node.size.height };
}

/** Where the segment from `inside` (in the rect) towards `outside` leaves the rect grown by `gap`. */
function exitPoint(rect: Rect, inside: Point, outside: Point, gap: number): Point {
  const x0 = rect.x - gap, x1 = rect.x + rect.width + gap, y0 = rect.y - gap, y1 = rect.y + rect.height + gap;
  if (outside.x >= x0 && outside.x <= x1 && outside.y >= y0 && outside.y <= y1) return inside;
  const dx = outside.x - inside.x;
  const dy = outside.y - inside.y;
  let t = 1;
  if (dx > 0) t = Math.min(t, (x1 - inside.x) / dx);
  if (dx < 0) t = Math.min(t, (x0 - inside.x) / dx);
  if (dy > 0) t = Math.min(t, (y1 - inside.y) / dy);
  if (dy < 0) t = Math.min(t, (y0 - inside.y) / dy);
  return { x: inside.x + dx * t, y: inside.y + dy * t };
}

/** The point at fraction `t` of a polyline's length (0.5: where the canvas puts a link's label). */
export function pointAlong(points: readonly Point[], t: number): Point {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  let left = lengths.reduce((a, b) => a + b, 0) * t;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    if (left <= len && len > 0) {
      const a = points[i]!, b = points[i + 1]!;
      return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    }
    left -= len;
  }
  return points.at(-1) ?? { x: 0, y: 0 };
}

export function midpointAlong(points: readonly Point[]): Point {
  return pointAlong(points, 0.5);
}

/** Where along its path a label is tried, best first: the middle, then outwards. */
const LABEL_POSITIONS = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];

function overlapsRect(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Rectangles bucketed on a coarse grid, so a big diagram's label placement stays linear. */
class Obstacles {
  private readonly cells = new Map<string, Rect[]>();
  private static readonly SIZE = 240;

  private keys(r: Rect): string[] {
    const s = Obstacles.SIZE;
    const keys: string[] = [];
    for (let gx = Math.floor(r.x / s); gx <= Math.floor((r.x + r.width) / s); gx++) {
      for (let gy = Math.floor(r.y / s); gy <= Math.floor((r.y + r.height) / s); gy++) keys.push(`${gx},${gy}`);
    }
    return keys;
  }

  add(r: Rect): void {
    for (const key of this.keys(r)) {
      const list = this.cells.get(key);
      if (list) list.push(r);
      else this.cells.set(key, [r]);
    }
  }

  hits(r: Rect): number {
    const seen = new Set<Rect>();
    for (const key of this.keys(r)) for (const o of this.cells.get(key) ?? []) if (overlapsRect(r, o)) seen.add(o);
    return seen.size;
  }
}

/**
 * Puts a label along its path where it covers the fewest nodes and labels already placed (the
 * middle when nothing is in the way). The canvas lets a node hide part of a label; a printed
 * report cannot be panned, so its labels move instead.
 */
function placeLabel(lines: readonly string[], path: readonly Point[], obstacles: Obstacles): Point {
  let best = pointAlong(path, 0.5);
  let bestHits = Infinity;
  for (const t of LABEL_POSITIONS) {
    const at = pointAlong(path, t);
    const hits = obstacles.hits(labelBox(lines, at));
    if (hits < bestHits) {
      best = at;
      bestHits = hits;
      if (hits === 0) break;
    }
  }
  obstacles.add(labelBox(lines, best));
  return best;
}

/**
 * Characters per label line that fit between two nodes side by side (about 6.3 units a
 * character), as on the canvas, so a caption sits in the gap instead of over the nodes.
 */
function labelWidthBetween(a: DfdNode, b: DfdNode): number {
  const gapX = Math.abs(a.position.x + a.size.width / 2 - (b.position.x + b.size.width / 2)) - (a.size.width + b.size.width) / 2;
  const gapY = Math.abs(a.position.y + a.size.height / 2 - (b.position.y + b.size.height / 2)) - (a.size.height + b.size.height) / 2;
  if (gapY > gapX) return 28;
  return Math.max(10, Math.min(28, Math.floor((gapX - 12) / CHAR_WIDTH)));
}

function flowPoints(source: DfdNode, target: DfdNode, flow: Flow): Point[] {
  if (source.id === target.id && flow.vertices.length === 0) {
    // A loop on one node: up from its top edge and back, so it stays visible.
    const r = rectOfNode(source);
    const top = r.y - EDGE_GAP;
    return [{ x: r.x + r.width * 0.35, y: top }, { x: r.x + r.width * 0.35, y: top - 30 }, { x: r.x + r.width * 0.65, y: top - 30 }, { x: r.x + r.width * 0.65, y: top }];
  }
  const raw = [nodeCenter(source), ...flow.vertices, nodeCenter(target)];
  const first = exitPoint(rectOfNode(source), raw[0]!, raw[1]!, EDGE_GAP);
  const last = exitPoint(rectOfNode(target), raw[raw.length - 1]!, raw[raw.length - 2]!, EDGE_GAP);
  return [first, ...flow.vertices, last];
}

function sceneNode(node: DfdNode): SceneNode {
  const type = componentType(node.aiType);
  const colors = GROUP_COLORS[type.group];
  return {
    id: node.id,
    kind: node.kind,
    name: nodeName(node),
    typeLabel: type.shortLabel.toUpperCase(),
    rect: rectOfNode(node),
    accent: colors.accent,
    tint: colors.tint,
    icon: componentIcon(node.aiType),
    outOfScope: node.outOfScope,
  };
}

function sceneBoundary(boundary: Boundary, obstacles: Obstacles): SceneBoundary {
  const color = TRUST_LEVEL_COLORS[boundary.trustLevel] ?? BOUNDARY_COLORS.accent;
  const label = boundaryLabel(boundary);
  if (boundary.shape === 'box') {
    return { id: boundary.id, shape: 'box', rect: { x: boundary.position.x, y: boundary.position.y, width: boundary.size.width, height: boundary.size.height }, color, label };
  }
  return { id: boundary.id, shape: 'line', points: boundary.points, color, label, labelAt: placeLabel([label], boundary.points, obstacles) };
}

/** A label's box centred on `at`, estimated from its character count. */
export function labelBox(lines: readonly string[], at: Point): Rect {
  const width = Math.max(0, ...lines.map((l) => l.length)) * CHAR_WIDTH + 12;
  const height = lines.length * LABEL_LINE_HEIGHT + 6;
  return { x: at.x - width / 2, y: at.y - height / 2, width, height };
}

export function buildScene(diagram: Diagram, options: SceneOptions): Scene {
  const nodes = diagram.nodes.filter((n) => options.includeOutOfScope || !n.outOfScope);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const boundaryNames = new Map(diagram.boundaries.map((b) => [b.id, b.name.trim() || 'Trust boundary']));
  const crossings = crossingIndex(diagram);
  // What labels should not cover: nodes, then box boundary headers, then each label placed.
  const obstacles = new Obstacles();
  for (const n of nodes) obstacles.add({ x: n.position.x - 4, y: n.position.y - 4, width: n.size.width + 8, height: n.size.height + 8 });
  for (const b of diagram.boundaries) {
    if (b.shape === 'box') obstacles.add({ x: b.position.x, y: b.position.y - 12, width: Math.min(b.size.width, boundaryLabel(b).length * 7 + 24), height: 24 });
  }
  const boundaries = diagram.boundaries.map((b) => sceneBoundary(b, obstacles));
  const flows: SceneFlow[] = [];
  for (const flow of diagram.flows) {
    const source = byId.get(flow.source);
    const target = byId.get(flow.target);
    if (!source || !target || (flow.outOfScope && !options.includeOutOfScope)) continue;
    const points = flowPoints(source, target, flow);
    const crossed = (crossings.get(flow.id) ?? []).map((id) => boundaryNames.get(id) ?? id);
    const caption = [flowName(flow), flow.protocol.trim() ? `(${flow.protocol.trim()})` : ''].filter(Boolean).join(' ');
    const width = labelWidthBetween(source, target);
    const label = [...wrapWords(caption, width), ...(crossed.length ? wrapWords(`crosses ${crossed.join(', ')}`, width) : [])];
    flows.push({
      id: flow.id,
      source: flow.source,
      target: flow.target,
      points,
      arrowStart: flow.bidirectional,
      color: crossed.length ? CROSSING_COLOR : FLOW_COLOR,
      label,
      labelAt: placeLabel(label, points, obstacles),
      labelColor: crossed.length ? CROSSING_COLOR : INK,
      outOfScope: flow.outOfScope,
    });
  }
  const scene = { boundaries, flows, nodes: nodes.map(sceneNode) };
  return { ...scene, bounds: sceneBounds(scene) };
}

function sceneBounds(scene: Omit<Scene, 'bounds'>): Rect {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const add = (r: Rect) => {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  };
  const addPoints = (points: readonly Point[]) => points.forEach((p) => add({ x: p.x, y: p.y, width: 0, height: 0 }));
  for (const n of scene.nodes) add(n.rect);
  for (const b of scene.boundaries) {
    if (b.shape === 'box') {
      add(b.rect);
      // The name sits in a header straddling the top edge.
      add({ x: b.rect.x, y: b.rect.y - 14, width: Math.min(b.rect.width, b.label.length * 7 + 24), height: 14 });
    } else {
      addPoints(b.points);
      add(labelBox([b.label], b.labelAt));
    }
  }
  for (const f of scene.flows) {
    addPoints(f.points);
    if (f.label.length) add(labelBox(f.label, f.labelAt));
  }
  if (minX > maxX) return { x: 0, y: 0, width: 400, height: 240 };
  const pad = 16;
  return { x: minX - pad, y: minY - pad, width: maxX - minX + 2 * pad, height: maxY - minY + 2 * pad };
}
