// Per-diagram facts the predicates read, built once per evaluation: nodes by id, flows seen in
// each direction data moves, adjacency, box containment and boundary crossings.
//
// Geometry (containment, crossings) is the expensive part and depends only on node rectangles,
// flow paths and boundaries, so it can be carried over from a previous build of the same diagram
// when those did not change — a property edit then costs one pass over the records, not a
// geometry rebuild.
import { crossingIndex, rectContainsRect, rectOf, type Rect } from '../geometry';
import { TRUST_LEVELS, type Boundary, type BoxBoundary, type DfdNode, type Diagram, type Flow, type LineBoundary, type TrustLevel, type Uuid } from '../model';

/** A flow as data moves along it: `from` sends, `to` receives. A bidirectional flow has two views. */
export interface FlowView {
  readonly flow: Flow;
  readonly from: DfdNode;
  readonly to: DfdNode;
  readonly reversed: boolean;
}

export interface DiagramGeometry {
  readonly nodes: readonly DfdNode[];
  readonly flows: readonly Flow[];
  readonly boundaries: readonly Boundary[];
  /** Node id → box boundaries wholly containing it, document order (absent: none). */
  readonly containers: ReadonlyMap<Uuid, readonly BoxBoundary[]>;
  /** Node id → the smallest box containing it. */
  readonly innermost: ReadonlyMap<Uuid, BoxBoundary>;
  /** Flow id → boundaries it crosses, document order. */
  readonly crossings: ReadonlyMap<Uuid, readonly Boundary[]>;
}

export interface DiagramFacts {
  readonly diagram: Diagram;
  readonly geometry: DiagramGeometry;
  readonly nodes: ReadonlyMap<Uuid, DfdNode>;
  /** Flow id → its views (one, or two when bidirectional); absent when an endpoint is missing. */
  readonly views: ReadonlyMap<Uuid, readonly FlowView[]>;
  /** Node id → views delivering data to it, in flow document order. */
  readonly incoming: ReadonlyMap<Uuid, readonly FlowView[]>;
  /** Node id → views carrying data away from it, in flow document order. */
  readonly outgoing: ReadonlyMap<Uuid, readonly FlowView[]>;
  /** Node id → the other end of every flow touching it, in flow document order. */
  readonly neighbours: ReadonlyMap<Uuid, readonly DfdNode[]>;
}

const NONE: readonly never[] = [];

/** Rank of a trust level; a node inside no box counts as untrusted (rank 0). */
export function trustRank(level: TrustLevel | null): number {
  return level === null ? 0 : TRUST_LEVELS.indexOf(level);
}

export function nodeTrust(facts: DiagramFacts, node: DfdNode): TrustLevel | null {
  return facts.geometry.innermost.get(node.id)?.trustLevel ?? null;
}

export function crossingsOf(facts: DiagramFacts, flow: Flow): readonly Boundary[] {
  return facts.geometry.crossings.get(flow.id) ?? NONE;
}

export function incomingOf(facts: DiagramFacts, node: DfdNode): readonly FlowView[] {
  return facts.incoming.get(node.id) ?? NONE;
}

export function outgoingOf(facts: DiagramFacts, node: DfdNode): readonly FlowView[] {
  return facts.outgoing.get(node.id) ?? NONE;
}

export function neighboursOf(facts: DiagramFacts, node: DfdNode): readonly DfdNode[] {
  return facts.neighbours.get(node.id) ?? NONE;
}

export function containersOf(facts: DiagramFacts, node: DfdNode): readonly BoxBoundary[] {
  return facts.geometry.containers.get(node.id) ?? NONE;
}

function sameNodeGeometry(a: readonly DfdNode[], b: readonly DfdNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (
      x.id !== y.id ||
      x.position.x !== y.position.x ||
      x.position.y !== y.position.y ||
      x.size.width !== y.size.width ||
      x.size.height !== y.size.height
    ) {
      return false;
    }
  }
  return true;
}

function sameFlowGeometry(a: readonly Flow[], b: readonly Flow[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.id !== y.id || x.source !== y.source || x.target !== y.target || x.vertices !== y.vertices) return false;
  }
  return true;
}

interface PlacedBox {
  readonly box: BoxBoundary;
  readonly rect: Rect;
  readonly area: number;
  readonly order: number;
}

/** Boxes that could contain a rectangle: a box containing it contains its top-left corner. */
type BoxLookup = (rect: Rect) => readonly PlacedBox[];

const GRID_MIN_BOXES = 16;
const GRID_MAX_CELLS_PER_BOX = 64;

/** A uniform grid over box rectangles; huge boxes are always candidates. */
function boxLookup(boxes: readonly PlacedBox[]): BoxLookup {
  if (boxes.length < GRID_MIN_BOXES) return () => boxes;
  const sides = boxes.map((b) => Math.max(b.rect.width, b.rect.height)).sort((a, b) => a - b);
  const cell = Math.max(64, sides[Math.floor(sides.length / 2)]!);
  const cells = new Map<string, PlacedBox[]>();
  const always: PlacedBox[] = [];
  for (const b of boxes) {
    const x0 = Math.floor(b.rect.x / cell);
    const x1 = Math.floor((b.rect.x + b.rect.width) / cell);
    const y0 = Math.floor(b.rect.y / cell);
    const y1 = Math.floor((b.rect.y + b.rect.height) / cell);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > GRID_MAX_CELLS_PER_BOX) {
      always.push(b);
      continue;
    }
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const key = `${x},${y}`;
        const list = cells.get(key);
        if (list) list.push(b);
        else cells.set(key, [b]);
      }
    }
  }
  return (rect) => {
    const local = cells.get(`${Math.floor(rect.x / cell)},${Math.floor(rect.y / cell)}`);
    if (!local) return always;
    return always.length === 0 ? local : [...always, ...local];
  };
}

function buildContainment(diagram: Diagram): Pick<DiagramGeometry, 'containers' | 'innermost'> {
  // Same rule as geometry's containmentIndex (whole rectangle inside, edges inclusive); a grid
  // narrows the boxes tried per node, and results keep the boxes' document order.
  const boxes: PlacedBox[] = [];
  diagram.boundaries.forEach((b, order) => {
    if (b.shape === 'box') boxes.push({ box: b, rect: rectOf(b), area: b.size.width * b.size.height, order });
  });
  const containers = new Map<Uuid, BoxBoundary[]>();
  const innermost = new Map<Uuid, BoxBoundary>();
  if (boxes.length === 0) return { containers, innermost };
  const candidates = boxLookup(boxes);
  for (const node of diagram.nodes) {
    const rect = rectOf(node);
    let inside: PlacedBox[] | undefined;
    for (const entry of candidates(rect)) if (rectContainsRect(entry.rect, rect)) (inside ??= []).push(entry);
    if (!inside) continue;
    if (inside.length > 1) inside.sort((a, b) => a.order - b.order);
    let best = inside[0]!;
    for (const entry of inside) if (entry.area < best.area) best = entry;
    containers.set(node.id, inside.map((e) => e.box));
    innermost.set(node.id, best.box);
  }
  return { containers, innermost };
}

/**
 * Boundaries each flow crosses, in document order — the rule of geometry's crossingIndex: a box
 * is crossed when exactly one endpoint is inside it; a line when the flow's path touches it.
 * Box crossings come from the containment above; line tests are delegated to crossingIndex.
 */
function buildCrossings(diagram: Diagram, containers: ReadonlyMap<Uuid, readonly BoxBoundary[]>): Map<Uuid, readonly Boundary[]> {
  const crossings = new Map<Uuid, readonly Boundary[]>();
  if (diagram.boundaries.length === 0) return crossings;
  const order = new Map<Uuid, number>(diagram.boundaries.map((b, i) => [b.id, i]));
  const lines: LineBoundary[] = [];
  for (const b of diagram.boundaries) if (b.shape === 'line') lines.push(b);
  const lineHits = lines.length > 0 ? crossingIndex({ ...diagram, boundaries: lines }) : null;
  const lineById = new Map<Uuid, LineBoundary>(lines.map((l) => [l.id, l]));
  const nodeIds = new Set<Uuid>(diagram.nodes.map((n) => n.id));
  for (const flow of diagram.flows) {
    if (!nodeIds.has(flow.source) || !nodeIds.has(flow.target)) continue;
    const inSource = containers.get(flow.source) ?? NONE;
    const inTarget = containers.get(flow.target) ?? NONE;
    let crossed: Boundary[] | undefined;
    for (const b of inSource) if (!inTarget.includes(b)) (crossed ??= []).push(b);
    for (const b of inTarget) if (!inSource.includes(b)) (crossed ??= []).push(b);
    for (const id of lineHits?.get(flow.id) ?? NONE) (crossed ??= []).push(lineById.get(id)!);
    if (!crossed) continue;
    if (crossed.length > 1) crossed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    crossings.set(flow.id, crossed);
  }
  return crossings;
}

function buildGeometry(diagram: Diagram, previous: DiagramGeometry | undefined): DiagramGeometry {
  const boxesSame = previous !== undefined && previous.boundaries === diagram.boundaries;
  const nodesSame = boxesSame && sameNodeGeometry(previous.nodes, diagram.nodes);
  if (nodesSame && sameFlowGeometry(previous.flows, diagram.flows)) {
    return { ...previous, nodes: diagram.nodes, flows: diagram.flows };
  }
  const { containers, innermost } = nodesSame ? previous : buildContainment(diagram);
  const crossings = buildCrossings(diagram, containers);
  return { nodes: diagram.nodes, flows: diagram.flows, boundaries: diagram.boundaries, containers, innermost, crossings };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the facts of one diagram. Pass the facts of an earlier version of the same diagram to
 * reuse its geometry when node rectangles, flow paths and boundaries are unchanged.
 */
export function buildDiagramFacts(diagram: Diagram, previous?: DiagramFacts): DiagramFacts {
  const geometry = buildGeometry(diagram, previous?.geometry);
  const nodes = new Map<Uuid, DfdNode>();
  for (const n of diagram.nodes) nodes.set(n.id, n);

  const views = new Map<Uuid, FlowView[]>();
  const incoming = new Map<Uuid, FlowView[]>();
  const outgoing = new Map<Uuid, FlowView[]>();
  const neighbours = new Map<Uuid, DfdNode[]>();
  for (const flow of diagram.flows) {
    const source = nodes.get(flow.source);
    const target = nodes.get(flow.target);
    if (!source || !target) continue;
    const forward: FlowView = { flow, from: source, to: target, reversed: false };
    const list = [forward];
    push(outgoing, source.id, forward);
    push(incoming, target.id, forward);
    if (flow.bidirectional) {
      const backward: FlowView = { flow, from: target, to: source, reversed: true };
      list.push(backward);
      push(outgoing, target.id, backward);
      push(incoming, source.id, backward);
    }
    views.set(flow.id, list);
    push(neighbours, source.id, target);
    if (target.id !== source.id) push(neighbours, target.id, source);
  }
  return { diagram, geometry, nodes, views, incoming, outgoing, neighbours };
}
