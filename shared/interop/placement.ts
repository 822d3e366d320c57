// Where imported records go on the canvas. Files with coordinates keep them; what lacks them is
// placed beside the rest or, when the format says which box holds what (OTM), the whole diagram is
// laid out so the geometry tells the same story as the file: in Threatloom a node belongs to a
// trust boundary exactly when the box encloses it.
import { rectContainsRect, type Rect } from '../geometry';
import type { Point, Size } from '../model';
import { autoLayout, type LayoutResult } from './layout';
import type { NoteLog } from './notes';

export interface PlaceNode {
  readonly key: string;
  readonly label: string;
  readonly position?: Point;
  readonly size: Size;
  readonly zone?: string;
}

export interface PlaceBox {
  readonly key: string;
  readonly label: string;
  readonly position?: Point;
  readonly size?: Size;
  readonly zone?: string;
}

export const DEFAULT_BOX_SIZE: Size = { width: 360, height: 240 };
const ZONE_PADDING = { top: 44, side: 24 };
const GAP = 60;

export async function placeElements(
  nodes: readonly PlaceNode[],
  boxes: readonly PlaceBox[],
  edges: readonly (readonly [string, string])[],
  explicitZones: boolean,
  notes: NoteLog,
  diagramLabel: string,
): Promise<LayoutResult> {
  if (explicitZones) return placeByMembership(nodes, boxes, edges, notes, diagramLabel);
  const unplaced = nodes.filter((n) => !n.position).length + boxes.filter((b) => !b.position).length;
  if (unplaced > 0 && unplaced === nodes.length + boxes.length) {
    notes.change(diagramLabel, 'the file has no positions; the diagram was laid out automatically');
    return autoLayout(nodes, [], edges);
  }
  return placeBeside(nodes, boxes, notes);
}

/** Keeps given positions; puts nodes without one in a column right of everything, then boxes. */
function placeBeside(nodes: readonly PlaceNode[], boxes: readonly PlaceBox[], notes: NoteLog): LayoutResult {
  const result: LayoutResult = { nodes: new Map(), boxes: new Map() };
  let right = -Infinity;
  let top = Infinity;
  const extend = (p: Point, s: Size) => {
    right = Math.max(right, p.x + s.width);
    top = Math.min(top, p.y);
  };
  for (const n of nodes) if (n.position) extend(n.position, n.size);
  for (const b of boxes) if (b.position) extend(b.position, b.size ?? DEFAULT_BOX_SIZE);
  const column = { x: Number.isFinite(right) ? right + GAP : 40, y: Number.isFinite(top) ? top : 40 };

  for (const n of nodes) {
    if (n.position) result.nodes.set(n.key, n.position);
    else {
      result.nodes.set(n.key, { ...column });
      notes.change(n.label, 'had no position in the file; placed to the right of the diagram');
      column.y += n.size.height + GAP / 2;
    }
  }
  for (const b of boxes) {
    if (b.position) {
      if (!b.size) notes.change(b.label, 'had no size in the file; given the default size');
      result.boxes.set(b.key, { position: b.position, size: b.size ?? DEFAULT_BOX_SIZE });
    } else {
      const size = b.size ?? DEFAULT_BOX_SIZE;
      result.boxes.set(b.key, { position: { ...column }, size });
      notes.change(b.label, 'had no position in the file; placed empty to the right of the diagram');
      column.y += size.height + GAP / 2;
    }
  }
  return result;
}

async function placeByMembership(
  nodes: readonly PlaceNode[],
  boxes: readonly PlaceBox[],
  edges: readonly (readonly [string, string])[],
  notes: NoteLog,
  diagramLabel: string,
): Promise<LayoutResult> {
  const hasMembers = new Set<string>();
  for (const n of nodes) for (const z of ancestors(n.zone, boxes)) hasMembers.add(z);
  const missing =
    nodes.filter((n) => !n.position).length + boxes.filter((b) => !(b.position && b.size) && !hasMembers.has(b.key)).length;
  if (missing === 0 && nodes.length + boxes.length > 0) {
    const fitted = fitZones(nodes, boxes, notes);
    if (consistent(nodes, boxes, fitted)) return { nodes: new Map(nodes.map((n) => [n.key, n.position!])), boxes: fitted };
    notes.change(diagramLabel, 'the positions in the file do not keep every component inside its trust zone; laid out automatically');
  } else if (missing < nodes.length + boxes.length) {
    notes.change(diagramLabel, `${missing} components or trust zones have no position in the file; the diagram was laid out automatically`);
  } else if (missing > 0) {
    notes.change(diagramLabel, 'the file has no positions; the diagram was laid out automatically');
  }
  return autoLayout(nodes, boxes, edges);
}

/** The chain of zone keys from `zone` outwards (parents were checked for cycles by the caller). */
export function ancestors(zone: string | undefined, boxes: readonly PlaceBox[]): string[] {
  const byKey = new Map(boxes.map((b) => [b.key, b]));
  const chain: string[] = [];
  for (let z = zone; z !== undefined && byKey.has(z) && chain.length <= boxes.length; z = byKey.get(z)!.zone) chain.push(z);
  return chain;
}

/** Boxes grown (or, without geometry, made) to enclose their members, innermost first. */
function fitZones(nodes: readonly PlaceNode[], boxes: readonly PlaceBox[], notes: NoteLog): Map<string, { position: Point; size: Size }> {
  const depth = (b: PlaceBox) => ancestors(b.zone, boxes).length;
  const rects = new Map<string, Rect>();
  for (const b of [...boxes].sort((a, c) => depth(c) - depth(a))) {
    const members: Rect[] = [
      ...nodes.filter((n) => n.zone === b.key).map((n) => ({ ...n.position!, ...n.size })),
      ...boxes.filter((c) => c.zone === b.key && rects.has(c.key)).map((c) => rects.get(c.key)!),
    ];
    const own = b.position && b.size ? { ...b.position, ...b.size } : undefined;
    let rect: Rect;
    if (own && members.every((m) => rectContainsRect(own, m))) rect = own;
    else {
      const around = padded(union(members));
      rect = own ? union([own, around]) : around;
      if (own) notes.change(b.label, 'enlarged to enclose everything the file puts inside it');
    }
    rects.set(b.key, rect);
  }
  return new Map([...rects].map(([k, r]) => [k, { position: { x: r.x, y: r.y }, size: { width: r.width, height: r.height } }]));
}

function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

function padded(r: Rect): Rect {
  return { x: r.x - ZONE_PADDING.side, y: r.y - ZONE_PADDING.top, width: r.width + 2 * ZONE_PADDING.side, height: r.height + ZONE_PADDING.top + ZONE_PADDING.side };
}

/** Every node and box lies geometrically inside exactly its zone chain. */
function consistent(nodes: readonly PlaceNode[], boxes: readonly PlaceBox[], fitted: Map<string, { position: Point; size: Size }>): boolean {
  const rect = (g: { position: Point; size: Size }): Rect => ({ ...g.position, ...g.size });
  const insideOf = (r: Rect, self?: string) =>
    [...fitted].filter(([k, g]) => k !== self && rectContainsRect(rect(g), r)).map(([k]) => k).sort();
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  return (
    nodes.every((n) => same(insideOf({ ...n.position!, ...n.size }), ancestors(n.zone, boxes).sort())) &&
    boxes.every((b) => same(insideOf(rect(fitted.get(b.key)!), b.key), ancestors(b.zone, boxes).sort()))
  );
}
