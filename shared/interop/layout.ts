// Automatic layout for imports without coordinates: ELK's layered algorithm, flows left to right,
// each box boundary a compound node so it ends up sized around its members (nested boxes nest).
// Very large diagrams get a simple row packing instead, so an import never stalls the app.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { elkEngine } from '../geometry';
import type { Point, Size } from '../model';

export interface LayoutItem {
  readonly key: string;
  readonly size: Size;
  /** Key of the containing box, if any. */
  readonly zone?: string;
}

export interface LayoutBox {
  readonly key: string;
  readonly zone?: string;
}

export interface LayoutResult {
  readonly nodes: Map<string, Point>;
  readonly boxes: Map<string, { position: Point; size: Size }>;
}

/** Above this many nodes ELK can take seconds; row packing is instant. */
export const MAX_ELK_NODES = 250;

const PADDING = { top: 44, left: 24, bottom: 24, right: 24 };
const EMPTY_BOX: Size = { width: 240, height: 140 };
const ORIGIN: Point = { x: 40, y: 40 };

export async function autoLayout(
  items: readonly LayoutItem[],
  boxes: readonly LayoutBox[],
  edges: readonly (readonly [string, string])[],
): Promise<LayoutResult> {
  if (items.length <= MAX_ELK_NODES) {
    try {
      return await elkLayout(items, boxes, edges);
    } catch {
      // ELK refuses some degenerate graphs; packing always works.
    }
  }
  return packLayout(items, boxes);
}

interface Tree {
  readonly items: Map<string | undefined, LayoutItem[]>;
  readonly boxes: Map<string | undefined, LayoutBox[]>;
}

/** Children by container key (undefined = the diagram). Unknown zones count as the diagram. */
function tree(items: readonly LayoutItem[], boxes: readonly LayoutBox[]): Tree {
  const known = new Set(boxes.map((b) => b.key));
  const parent = (zone: string | undefined) => (zone !== undefined && known.has(zone) ? zone : undefined);
  const t: Tree = { items: new Map(), boxes: new Map() };
  for (const item of items) push(t.items, parent(item.zone), item);
  for (const box of boxes) push(t.boxes, parent(box.zone), box);
  return t;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const found = map.get(key);
  if (found) found.push(value);
  else map.set(key, [value]);
}

const nodeId = (key: string) => `n${key}`;
const boxId = (key: string) => `b${key}`;

async function elkLayout(
  items: readonly LayoutItem[],
  boxes: readonly LayoutBox[],
  edges: readonly (readonly [string, string])[],
): Promise<LayoutResult> {
  const t = tree(items, boxes);
  const padding = `[top=${PADDING.top},left=${PADDING.left},bottom=${PADDING.bottom},right=${PADDING.right}]`;
  // Box parents were checked for cycles by the caller; the depth guard is belt and braces.
  const children = (container: string | undefined, depth: number): ElkNode[] => [
    ...(t.items.get(container) ?? []).map((i) => ({ id: nodeId(i.key), width: i.size.width, height: i.size.height })),
    ...(depth > 64 ? [] : (t.boxes.get(container) ?? [])).map((b) => {
      const inner = children(b.key, depth + 1);
      return inner.length > 0
        ? { id: boxId(b.key), layoutOptions: { 'elk.padding': padding }, children: inner }
        : { id: boxId(b.key), ...EMPTY_BOX };
    }),
  ];
  const elkEdges: ElkExtendedEdge[] = edges.map(([source, target], i) => ({
    id: `e${i}`,
    sources: [nodeId(source)],
    targets: [nodeId(target)],
  }));
  const elk = await elkEngine();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '96',
      'elk.padding': `[top=${ORIGIN.y},left=${ORIGIN.x},bottom=0,right=0]`,
    },
    children: children(undefined, 0),
    edges: elkEdges,
  });
  const result: LayoutResult = { nodes: new Map(), boxes: new Map() };
  const visit = (node: ElkNode, offset: Point) => {
    for (const child of node.children ?? []) {
      const position = { x: offset.x + (child.x ?? 0), y: offset.y + (child.y ?? 0) };
      const key = child.id.slice(1);
      if (child.id.startsWith('n')) result.nodes.set(key, position);
      else result.boxes.set(key, { position, size: { width: child.width ?? EMPTY_BOX.width, height: child.height ?? EMPTY_BOX.height } });
      visit(child, position);
    }
  };
  visit(graph, { x: 0, y: 0 });
  return result;
}

const GAP = 48;

/** Rows of roughly √n members per container, boxes sized around what they hold. */
export function packLayout(items: readonly LayoutItem[], boxes: readonly LayoutBox[]): LayoutResult {
  const t = tree(items, boxes);
  const result: LayoutResult = { nodes: new Map(), boxes: new Map() };
  type Placed = { size: Size; place: (at: Point) => void };

  const container = (key: string | undefined, depth: number): Placed[] => [
    ...(t.items.get(key) ?? []).map((i) => ({ size: i.size, place: (at: Point) => void result.nodes.set(i.key, at) })),
    ...(depth > 64 ? [] : (t.boxes.get(key) ?? [])).map((b) => {
      const inner = container(b.key, depth + 1);
      const packed = pack(inner, { x: PADDING.left, y: PADDING.top });
      const size =
        inner.length === 0
          ? EMPTY_BOX
          : { width: packed.width + PADDING.left + PADDING.right, height: packed.height + PADDING.top + PADDING.bottom };
      return {
        size,
        place: (at: Point) => {
          result.boxes.set(b.key, { position: at, size });
          packed.place(at);
        },
      };
    }),
  ];

  const top = pack(container(undefined, 0), { x: 0, y: 0 });
  top.place(ORIGIN);
  return result;
}

/** Lays members out in rows relative to `inset`; `place(origin)` commits absolute positions. */
function pack(members: readonly { size: Size; place: (at: Point) => void }[], inset: Point) {
  const perRow = Math.max(1, Math.ceil(Math.sqrt(members.length)));
  const offsets: Point[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  members.forEach((m, i) => {
    if (i > 0 && i % perRow === 0) {
      x = 0;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    offsets.push({ x, y });
    x += m.size.width + GAP;
    width = Math.max(width, x - GAP);
    rowHeight = Math.max(rowHeight, m.size.height);
  });
  return {
    width,
    height: members.length === 0 ? 0 : y + rowHeight,
    place: (origin: Point) =>
      members.forEach((m, i) => m.place({ x: origin.x + inset.x + offsets[i]!.x, y: origin.y + inset.y + offsets[i]!.y })),
  };
}
