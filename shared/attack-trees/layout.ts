// Automatic layout of an attack tree: ELK's layered algorithm, top-down, the goal on top and each
// step below its parent, siblings in document order. Box sizes come from the wrapped label (no
// DOM here to measure text, so wrapping is by characters for a ~13px UI font); the same lines are
// returned so every renderer (the app's SVG, the PDF report) draws exactly what was measured.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { elkEngine } from '../geometry';
import type { AttackTree, Point, Uuid } from '../model';
import { indexTree } from './structure';

export interface LaidOutNode {
  /** The step id, or the tree id for the goal. */
  readonly id: Uuid;
  readonly kind: 'goal' | 'step';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The label wrapped as drawn (long labels end in "…"; the full text goes in a tooltip). */
  readonly lines: readonly string[];
}

export interface LaidOutEdge {
  /** Parent (goal or step) id → child step id. */
  readonly from: Uuid;
  readonly to: Uuid;
  /** Polyline from the parent's bottom to the child's top. */
  readonly points: readonly Point[];
}

export interface AttackTreeLayout {
  readonly nodes: readonly LaidOutNode[];
  readonly edges: readonly LaidOutEdge[];
  readonly width: number;
  readonly height: number;
}

/** Geometry of a box, shared with renderers so text lands where the height was reserved for it. */
export const TREE_BOX = {
  width: 180,
  goalWidth: 220,
  /** Room for the tag row ("GOAL", "AND", "BLOCKED") above the label. */
  header: 24,
  lineHeight: 16,
  padding: 10,
  maxLines: 4,
  /** Characters per line that fit the box at the 13px UI font (wide fonts ≈ 7.5px a glyph, 160px of
   * text; the goal is bold). Renderers still squeeze a line that measures wider than the box. */
  charsPerLine: 21,
  goalCharsPerLine: 24,
} as const;

const MARGIN = 20;
const SIBLING_GAP = 24;
const LAYER_GAP = 48;

/** Wraps a label into at most `maxLines` lines of about `width` characters, breaking long words. */
export function wrapLabel(label: string, width: number, maxLines: number = TREE_BOX.maxLines): string[] {
  const words = label.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      line = '';
      word = word.slice(width);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length === 0) return [''];
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}

function box(id: Uuid, kind: 'goal' | 'step', label: string): Omit<LaidOutNode, 'x' | 'y'> {
  const goal = kind === 'goal';
  const lines = wrapLabel(label, goal ? TREE_BOX.goalCharsPerLine : TREE_BOX.charsPerLine);
  const height = TREE_BOX.header + lines.length * TREE_BOX.lineHeight + TREE_BOX.padding * 2;
  return { id, kind, width: goal ? TREE_BOX.goalWidth : TREE_BOX.width, height, lines };
}

interface Graph {
  readonly boxes: Omit<LaidOutNode, 'x' | 'y'>[];
  readonly links: { from: Uuid; to: Uuid }[];
}

/** Boxes in goal-then-depth-first order and parent→child links; steps caught in a cycle are left out. */
function graphOf(tree: AttackTree): Graph {
  const { children } = indexTree(tree);
  const boxes = [box(tree.id, 'goal', tree.goal)];
  const links: { from: Uuid; to: Uuid }[] = [];
  const seen = new Set<Uuid>();
  const walk = (parent: Uuid | null, parentBox: Uuid) => {
    for (const step of children.get(parent) ?? []) {
      if (seen.has(step.id)) continue;
      seen.add(step.id);
      boxes.push(box(step.id, 'step', step.label));
      links.push({ from: parentBox, to: step.id });
      walk(step.id, step.id);
    }
  };
  walk(null, tree.id);
  return { boxes, links };
}

export async function layoutAttackTree(tree: AttackTree): Promise<AttackTreeLayout> {
  const graph = graphOf(tree);
  try {
    return await elkLayout(graph);
  } catch {
    // ELK is not expected to refuse a tree, but a drawing is better than none.
    return tidyLayout(graph);
  }
}

async function elkLayout({ boxes, links }: Graph): Promise<AttackTreeLayout> {
  const edges: ElkExtendedEdge[] = links.map((l, i) => ({ id: `e${i}`, sources: [l.from], targets: [l.to] }));
  const elk = await elkEngine();
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      // A classic tree: each parent centred over its children, one edge trunk leaving its middle.
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
      'elk.layered.mergeEdges': 'true',
      'elk.spacing.nodeNode': String(SIBLING_GAP),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
      'elk.padding': `[top=${MARGIN},left=${MARGIN},bottom=${MARGIN},right=${MARGIN}]`,
    },
    children: boxes.map((b) => ({ id: b.id, width: b.width, height: b.height })),
    edges,
  };
  const result = await elk.layout(graph);
  const placed = new Map((result.children ?? []).map((c: ElkNode) => [c.id, c]));
  const nodes = boxes.map((b) => {
    const p = placed.get(b.id);
    if (!p || p.x === undefined || p.y === undefined) throw new Error(`ELK did not place ${b.id}`);
    return { ...b, x: p.x, y: p.y };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const routed = new Map((result.edges ?? []).map((e) => [e.id, e]));
  const laidEdges = links.map((l, i) => {
    const section = routed.get(`e${i}`)?.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : straight(byId.get(l.from)!, byId.get(l.to)!);
    return { from: l.from, to: l.to, points: points.map((p) => ({ x: p.x, y: p.y })) };
  });
  return { nodes, edges: laidEdges, width: result.width ?? 0, height: result.height ?? 0 };
}

function straight(from: LaidOutNode, to: LaidOutNode): Point[] {
  return [
    { x: from.x + from.width / 2, y: from.y + from.height },
    { x: to.x + to.width / 2, y: to.y },
  ];
}

/**
 * The fallback: a plain tree where every subtree owns a column band as wide as it needs (its own
 * box, or its children side by side), parents centred over their band. Bands never share x, so
 * boxes cannot overlap.
 */
function tidyLayout({ boxes, links }: Graph): AttackTreeLayout {
  const kids = new Map<Uuid, Uuid[]>();
  for (const l of links) kids.set(l.from, [...(kids.get(l.from) ?? []), l.to]);
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const bandWidth = new Map<Uuid, number>();
  const depthHeights: number[] = [];
  const measure = (id: Uuid, depth: number): number => {
    const b = byId.get(id)!;
    depthHeights[depth] = Math.max(depthHeights[depth] ?? 0, b.height);
    const children = kids.get(id) ?? [];
    const span = children.reduce((sum, k) => sum + measure(k, depth + 1), 0) + SIBLING_GAP * Math.max(0, children.length - 1);
    const width = Math.max(b.width, span);
    bandWidth.set(id, width);
    return width;
  };
  const root = boxes[0]!.id;
  const total = measure(root, 0);
  const top = (depth: number) => MARGIN + depthHeights.slice(0, depth).reduce((sum, h) => sum + h + LAYER_GAP, 0);
  const placed = new Map<Uuid, LaidOutNode>();
  const place = (id: Uuid, left: number, depth: number) => {
    const b = byId.get(id)!;
    const band = bandWidth.get(id)!;
    placed.set(id, { ...b, x: left + (band - b.width) / 2, y: top(depth) });
    const children = kids.get(id) ?? [];
    const span = children.reduce((sum, k) => sum + bandWidth.get(k)!, 0) + SIBLING_GAP * Math.max(0, children.length - 1);
    let x = left + (band - span) / 2;
    for (const k of children) {
      place(k, x, depth + 1);
      x += bandWidth.get(k)! + SIBLING_GAP;
    }
  };
  place(root, MARGIN, 0);
  const nodes = boxes.map((b) => placed.get(b.id)!);
  const edges = links.map((l) => ({ from: l.from, to: l.to, points: straight(placed.get(l.from)!, placed.get(l.to)!) }));
  const height = Math.max(...nodes.map((n) => n.y + n.height)) + MARGIN;
  return { nodes, edges, width: total + MARGIN * 2, height };
}

/** Exposed for tests: the fallback layout ELK's failure would fall back to. */
export function fallbackLayout(tree: AttackTree): AttackTreeLayout {
  return tidyLayout(graphOf(tree));
}
