// One draft diagram → one model diagram: new UUIDs, bounded text, zones checked, flows resolved
// (a flow to an unknown element is skipped with the reason; a loose end drawn next to an element
// is connected to it), and positions for whatever the file did not place.
import { componentType, defaultNodeSize, newId, type Boundary, type DfdNode, type Diagram, type Flow, type Point, type Uuid } from '../model';
import type { Bounder } from './bounded';
import type { DraftBox, DraftDiagram, DraftFlow, FlowEnd } from './draft';
import type { NoteLog } from './notes';
import { DEFAULT_BOX_SIZE, placeElements, type PlaceBox, type PlaceNode } from './placement';
import { quote } from './text';

export interface BuildContext {
  readonly notes: NoteLog;
  readonly bound: Bounder;
  /** Foreign key → new UUID of every node, flow and boundary built so far; threats resolve through it. */
  readonly ids: Map<string, Uuid>;
  /** Node keys of all diagrams, to tell "on another diagram" from "not in the file". */
  readonly allNodes: ReadonlySet<string>;
  /** Report labels of skipped records by key, so a threat on one can name it. */
  readonly skipped: Map<string, string>;
}

const KIND_LABEL = { process: 'process', store: 'data store', external: 'external entity' } as const;
/** How far (in diagram units) a loose flow end may lie from an element and still be connected to it. */
export const SNAP_DISTANCE = 40;

export async function buildDiagram(draft: DraftDiagram, ctx: BuildContext): Promise<Diagram> {
  const { notes, bound, ids } = ctx;
  let duplicates = 0;
  const claim = (key: string, label: string): string => {
    if (!ids.has(key)) return key;
    notes.change(label, 'has the same id as an earlier record; references to that id go to the first one');
    return `\u0000duplicate-${++duplicates}-${key}`;
  };

  const boxKeys = new Set(draft.boundaries.filter((b) => b.shape === 'box').map((b) => b.key));
  const nodes = draft.nodes.map((n) => {
    const label = `${KIND_LABEL[n.kind]} ${quote(n.name)}`;
    const key = claim(n.key, label);
    const id = newId();
    ids.set(key, id);
    let zone = n.zone;
    if (zone !== undefined && !boxKeys.has(zone)) {
      notes.change(label, `its trust zone ${quote(zone)} is not in the file; placed outside any boundary`);
      zone = undefined;
    }
    const what = () => label;
    let name = n.name;
    if (name.trim() === '') {
      name = componentType(n.aiType).shortLabel;
      notes.change(`${KIND_LABEL[n.kind]} without a name`, `named ${quote(name)} after its type`);
    }
    const record: Omit<DfdNode, 'position'> = {
      id,
      kind: n.kind,
      aiType: n.aiType,
      name: bound.name(name, what),
      description: bound.text(n.description, what),
      size: n.size ?? defaultNodeSize(n.kind),
      properties: bound.properties(n.aiType, n.properties, what),
      outOfScope: n.outOfScope,
      outOfScopeReason: n.outOfScope ? bound.text(n.outOfScopeReason, what, 'out-of-scope reason') : '',
    };
    return { key, label, record, position: n.position, zone };
  });
  const localNodes = new Map(nodes.map((n) => [n.key, n]));

  const boxes: BoxWork[] = [];
  const boundaries: (Boundary | { box: number })[] = [];
  for (const b of draft.boundaries) {
    const label = `trust boundary ${quote(b.name)}`;
    const key = claim(b.key, label);
    const base = { id: newId(), name: bound.name(b.name, () => label), description: bound.text(b.description, () => label), trustLevel: b.trustLevel };
    if (b.shape === 'line') {
      if (b.points.length < 2) {
        ctx.skipped.set(b.key, label);
        notes.skip(label, 'a line boundary needs at least two points');
        continue;
      }
      boundaries.push({ ...base, shape: 'line', points: capPoints(b.points, label, notes) });
    } else {
      boundaries.push({ box: boxes.length });
      boxes.push({ ...base, key, label, position: b.position, size: b.size, zone: b.zone });
    }
    ids.set(key, base.id);
  }
  breakZoneCycles(boxes, notes);

  const resolved = draft.flows.map((f) => resolveEnds(f, localNodes, ctx));
  const edges = resolved.flatMap((r) => ('source' in r && 'key' in r.source && 'key' in r.target ? [[r.source.key, r.target.key] as const] : []));

  const placed = await placeElements(
    nodes.map((n): PlaceNode => ({ key: n.key, label: n.label, position: n.position, size: n.record.size, zone: n.zone })),
    boxes.map((b): PlaceBox => ({ key: b.key, label: b.label, position: b.position, size: b.size, zone: b.zone })),
    edges,
    draft.explicitZones ?? false,
    notes,
    `diagram ${quote(draft.name)}`,
  );
  const finalNodes: DfdNode[] = nodes.map((n) => ({ ...n.record, position: placed.nodes.get(n.key) ?? { x: 40, y: 40 } }));

  const flows: Flow[] = [];
  draft.flows.forEach((f, i) => {
    const r = resolved[i]!;
    const label = `flow ${quote(f.name)}`;
    ctx.skipped.set(f.key, label);
    if ('skip' in r) return notes.skip(label, r.skip);
    const source = endId(r.source, 'source', finalNodes, label, notes);
    const target = endId(r.target, 'target', finalNodes, label, notes);
    if (source === undefined || target === undefined) return;
    if (source === target) return notes.skip(label, 'it connects an element to itself');
    ctx.skipped.delete(f.key);
    const key = claim(f.key, label);
    const id = newId();
    ids.set(key, id);
    const what = () => label;
    flows.push({
      id,
      source,
      target,
      name: bound.name(f.name, what),
      description: bound.text(f.description, what),
      bidirectional: f.bidirectional,
      protocol: bound.name(f.protocol, what),
      encrypted: f.encrypted,
      authenticated: f.authenticated,
      publicNetwork: f.publicNetwork,
      carries: [...new Set(f.carries ?? [])],
      vertices: capPoints(f.vertices, label, notes),
      outOfScope: f.outOfScope,
      outOfScopeReason: f.outOfScope ? bound.text(f.outOfScopeReason, what, 'out-of-scope reason') : '',
    });
  });

  return {
    id: newId(),
    name: bound.name(draft.name, () => `diagram ${quote(draft.name)}`),
    nodes: finalNodes,
    flows,
    boundaries: boundaries.map((b): Boundary => {
      if (!('box' in b)) return b;
      const box = boxes[b.box]!;
      const geometry = placed.boxes.get(box.key) ?? { position: { x: 40, y: 40 }, size: DEFAULT_BOX_SIZE };
      return { id: box.id, shape: 'box', name: box.name, description: box.description, trustLevel: box.trustLevel, ...geometry };
    }),
  };
}

interface BoxWork {
  readonly key: string;
  readonly label: string;
  readonly id: Uuid;
  readonly name: string;
  readonly description: string;
  readonly trustLevel: DraftBox['trustLevel'];
  readonly position?: Point;
  readonly size?: DraftBox['size'];
  zone?: string;
}

type ResolvedEnd = { key: string; id: Uuid } | { point: Point };

function resolveEnds(
  f: DraftFlow,
  local: ReadonlyMap<string, { record: { id: Uuid } }>,
  ctx: BuildContext,
): { source: ResolvedEnd; target: ResolvedEnd } | { skip: string } {
  const one = (end: FlowEnd, which: string): ResolvedEnd | string => {
    if (end === null) return `it has no ${which}`;
    if ('point' in end) return end;
    const node = local.get(end.key);
    if (node) return { key: end.key, id: node.record.id };
    if (ctx.allNodes.has(end.key)) return `its ${which} is an element of another diagram`;
    if (ctx.ids.has(end.key)) return `its ${which} is not a process, store or external entity`;
    return `its ${which} ${quote(end.key)} is not in the file`;
  };
  const source = one(f.source, 'source');
  const target = one(f.target, 'target');
  if (typeof source === 'string') return { skip: source };
  if (typeof target === 'string') return { skip: target };
  return { source, target };
}

/** A resolved end's node id; a loose point is connected to the element it was drawn next to. */
function endId(end: ResolvedEnd, which: string, nodes: readonly DfdNode[], label: string, notes: NoteLog): Uuid | undefined {
  if ('id' in end) return end.id;
  let best: DfdNode | undefined;
  let bestDistance = Infinity;
  for (const n of nodes) {
    const dx = Math.max(n.position.x - end.point.x, 0, end.point.x - (n.position.x + n.size.width));
    const dy = Math.max(n.position.y - end.point.y, 0, end.point.y - (n.position.y + n.size.height));
    const distance = Math.hypot(dx, dy);
    if (distance < bestDistance) [best, bestDistance] = [n, distance];
  }
  const at = `(${Math.round(end.point.x)}, ${Math.round(end.point.y)})`;
  if (!best || bestDistance > SNAP_DISTANCE) {
    notes.skip(label, `its ${which} is a loose point ${at}, not connected to any element`);
    return undefined;
  }
  const away = bestDistance === 0 ? 'it lies on it' : `${Math.round(bestDistance)} units away`;
  notes.change(label, `its ${which} was a loose point ${at}; connected to ${quote(best.name)}, the element it was drawn next to (${away})`);
  return best.id;
}

/** Real drawings bend a line a few times; thousands of points are junk that would only slow the canvas. */
export const MAX_POINTS = 1000;

function capPoints(points: readonly Point[], label: string, notes: NoteLog): readonly Point[] {
  if (points.length <= MAX_POINTS) return points;
  notes.change(label, `had ${points.length} points; kept the first ${MAX_POINTS}`);
  return points.slice(0, MAX_POINTS);
}

function breakZoneCycles(boxes: BoxWork[], notes: NoteLog): void {
  const byKey = new Map(boxes.map((b) => [b.key, b]));
  for (const box of boxes) {
    if (box.zone !== undefined && !byKey.has(box.zone)) {
      notes.change(box.label, `its parent trust zone ${quote(box.zone)} is not in the file; placed at the top level`);
      box.zone = undefined;
    }
  }
  for (const box of boxes) {
    const seen = new Set<string>();
    for (let z = box.zone; z !== undefined && !seen.has(z); z = byKey.get(z)?.zone) {
      if (z === box.key) {
        notes.change(box.label, 'its trust zones contain each other in a loop; placed at the top level');
        box.zone = undefined;
        break;
      }
      seen.add(z);
    }
  }
}
