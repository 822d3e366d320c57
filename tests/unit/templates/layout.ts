// Layout checks for template diagrams, approximating what the canvas draws: node rectangles (with
// the threat badge that pokes out of the top-right corner), the name tag on a box boundary's top
// edge, and each flow's label — its text as renderer/canvas builds it, about 6.3 px a character at
// 11 px, centred halfway along the drawn path.
import type { Diagram, DfdNode, ModelDocument, Point } from '../../../shared/model';
import { crossingIndex, rectOf, segmentsIntersect, type Rect } from '../../../shared/geometry';
import { flowCell, labelWidthBetween } from '../../../renderer/canvas/cell-attributes';

const CHAR = 6.3;
const LINE = 13;
const BADGE = 10;
const AIR = 4;

export interface Box {
  readonly what: string;
  readonly rect: Rect;
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const grow = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by });
const center = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** Where the segment from the centre of `r` towards `to` leaves `r`. */
function exitPoint(r: Rect, to: Point): Point {
  const c = center(r);
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  const scale = Math.min(dx === 0 ? Infinity : r.width / 2 / Math.abs(dx), dy === 0 ? Infinity : r.height / 2 / Math.abs(dy));
  return scale >= 1 ? to : { x: c.x + dx * scale, y: c.y + dy * scale };
}

/** The drawn path of a flow: node centres and vertices, cut at the two node borders. */
export function drawnPath(source: DfdNode, target: DfdNode, vertices: readonly Point[]): Point[] {
  const s = rectOf(source);
  const t = rectOf(target);
  const first = vertices[0] ?? center(t);
  const last = vertices.at(-1) ?? center(s);
  return [exitPoint(s, first), ...vertices, exitPoint(t, last)];
}

function midpoint(path: readonly Point[]): Point {
  const lengths = path.slice(1).map((p, i) => Math.hypot(p.x - path[i]!.x, p.y - path[i]!.y));
  let rest = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    if (rest <= len) {
      const a = path[i]!;
      const b = path[i + 1]!;
      const f = len === 0 ? 0 : rest / len;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    rest -= len;
  }
  return path.at(-1)!;
}

/** Node rectangles, and the threat badge circle centred on each top-right corner. */
export function nodeBoxes(diagram: Diagram): Box[] {
  return diagram.nodes.flatMap((n) => [
    { what: `node ${n.name}`, rect: rectOf(n) },
    { what: `badge of ${n.name}`, rect: { x: n.position.x + n.size.width - 2 - BADGE, y: n.position.y + 2 - BADGE, width: 2 * BADGE, height: 2 * BADGE } },
  ]);
}

/** The name tag of each box boundary (see boxCell in renderer/canvas/cell-attributes.ts). */
export function headerBoxes(diagram: Diagram): Box[] {
  return diagram.boundaries.flatMap((b) => {
    if (b.shape !== 'box') return [];
    const title = `${b.name} · trust: ${b.trustLevel}`;
    return [{ what: `tag of ${b.name}`, rect: { x: b.position.x + 8, y: b.position.y - 12, width: Math.min(b.size.width - 16, 16 + title.length * 7), height: 24 } }];
  });
}

/** Each flow's label as drawn with the document's open threats counted on it. */
export function labelBoxes(doc: ModelDocument, diagram: Diagram): Box[] {
  return flowLabels(doc, diagram).map((l) => l.box);
}

/** Labels whose threat count wraps away from its warning sign ("… ⚠" / "2"). */
export function splitCounts(doc: ModelDocument): string[] {
  return doc.diagrams.flatMap((d) => flowLabels(doc, d).filter((l) => l.lines.some((line) => line.endsWith('⚠'))).map((l) => l.box.what));
}

function flowLabels(doc: ModelDocument, diagram: Diagram): { box: Box; lines: string[] }[] {
  const nodes = new Map(diagram.nodes.map((n) => [n.id, n]));
  const names = new Map(diagram.boundaries.map((b) => [b.id, b.name]));
  const crossings = crossingIndex(diagram);
  return diagram.flows.map((f) => {
    const source = nodes.get(f.source)!;
    const target = nodes.get(f.target)!;
    const open = doc.threats.filter((t) => t.status === 'open' && t.elementIds.includes(f.id)).length;
    const crosses = (crossings.get(f.id) ?? []).map((id) => names.get(id) ?? id);
    const cell = flowCell(f, false, crosses, open, labelWidthBetween(source, target));
    const text = String((cell.labels as { attrs: { text: { text: string } } }[])[0]?.attrs.text.text ?? '');
    const lines = text.split('\n');
    const width = Math.max(...lines.map((l) => l.length)) * CHAR + 12;
    const height = lines.length * LINE + 6;
    const mid = midpoint(drawnPath(source, target, f.vertices));
    // A few pixels of air around the label: touching counts as overlapping.
    return { lines, box: { what: `label of ${f.name}`, rect: grow({ x: mid.x - width / 2, y: mid.y - height / 2, width, height }, AIR) } };
  });
}

/** Pairs of drawn things that overlap: nodes, boundary name tags and flow labels. */
export function collisions(doc: ModelDocument): string[] {
  const out: string[] = [];
  for (const diagram of doc.diagrams) {
    const nodes = nodeBoxes(diagram);
    const headers = headerBoxes(diagram);
    const labels = labelBoxes(doc, diagram);
    const all = [...nodes, ...headers, ...labels];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const [a, b] = [all[i]!, all[j]!];
        // A node's own badge sits on its corner by design.
        if (a.what === `node ${b.what.slice('badge of '.length)}`) continue;
        if (overlap(a.rect, b.rect)) out.push(`${a.what} overlaps ${b.what}`);
      }
    }
  }
  return out;
}

/** Box boundaries whose name tag is cut short (the canvas wraps it at the box width less 40 px, about 7 px a character). */
export function truncatedTags(diagram: Diagram): string[] {
  return diagram.boundaries.flatMap((b) => {
    if (b.shape !== 'box') return [];
    const title = `${b.name} · trust: ${b.trustLevel}`;
    return title.length * 7 > b.size.width - 40 ? [`“${title}” does not fit a ${b.size.width} px wide box`] : [];
  });
}

/** Flows whose drawn line runs through a node that is not one of its ends. */
export function flowsThroughNodes(diagram: Diagram): string[] {
  const nodes = new Map(diagram.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  for (const f of diagram.flows) {
    const path = drawnPath(nodes.get(f.source)!, nodes.get(f.target)!, f.vertices);
    for (const n of diagram.nodes) {
      if (n.id === f.source || n.id === f.target) continue;
      const r = grow(rectOf(n), 10);
      const corners = [
        { x: r.x, y: r.y },
        { x: r.x + r.width, y: r.y },
        { x: r.x + r.width, y: r.y + r.height },
        { x: r.x, y: r.y + r.height },
      ];
      const crosses = path.slice(1).some((b, i) => {
        const a = path[i]!;
        return corners.some((c, k) => segmentsIntersect(a, b, c, corners[(k + 1) % 4]!));
      });
      if (crosses) out.push(`${f.name} runs through ${n.name}`);
    }
  }
  return out;
}
