// Benchmark models: N nodes on a grid, grouped in blocks of 5×5 with a box trust boundary around
// each block, about 1.2 flows per node between grid neighbours (some crossing boundaries), and 0.4
// threats per node like the peer measurements. Built with the real factories and checked with the
// real validator, so the app opens exactly what a user could have drawn. Seeded: the same size
// always gives the same layout (ids are fresh UUIDs each time).
import {
  AI_TYPES,
  DATA_CATEGORIES,
  STRIDE,
  TRUST_LEVELS,
  createBoxBoundary,
  createFlow,
  createModel,
  createNode,
  newId,
  serializeDocument,
  validateDocument,
  type BoxBoundary,
  type DfdNode,
  type Flow,
  type ModelDocument,
  type Threat,
} from '../../shared/model';
import { modelMetaOf } from '../../renderer/storage/library';
import type { ModelMeta } from '../../renderer/storage/db';

const BLOCK = 5; // nodes per block side: 25 nodes per boundary
const STEP_X = 240; // node 160 wide + 80 gap
const STEP_Y = 140; // node 64–72 tall + ~70 gap
const PAD = 40; // boundary padding around its block
const HEADER = 36; // room for the boundary's title above the first row
const BLOCK_GAP = 120; // between neighbouring boundaries
const FLOWS_PER_NODE = 1.2;
const THREATS_PER_NODE = 0.4;
const PROTOCOLS = ['HTTPS', 'gRPC', 'SQL', 'AMQP', ''];

/** Mulberry32: small, fast, good enough to shuffle a layout reproducibly. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchModel {
  readonly doc: ModelDocument;
  /** The document as the app stores it (canonical JSON text). */
  readonly json: string;
  readonly meta: ModelMeta;
  readonly counts: { readonly nodes: number; readonly flows: number; readonly boundaries: number; readonly threats: number };
}

export function generateModel(nodeCount: number, seed = 1): BenchModel {
  const random = rng(seed * 7919 + nodeCount);
  const now = '2025-01-01T00:00:00.000Z';
  const model = createModel(`Benchmark ${nodeCount} nodes`, now);
  const blocks = Math.ceil(nodeCount / (BLOCK * BLOCK));
  const blockCols = Math.ceil(Math.sqrt(blocks));
  const blockWidth = (BLOCK - 1) * STEP_X + 160 + 2 * PAD;
  const blockHeight = (BLOCK - 1) * STEP_Y + 72 + 2 * PAD + HEADER;
  const gridCols = blockCols * BLOCK;

  // Nodes, addressed by global grid cell so neighbours across block edges can be linked.
  const nodes: DfdNode[] = [];
  const atCell = new Map<string, DfdNode>();
  const cellOf = new Map<string, { col: number; row: number }>();
  for (let i = 0; i < nodeCount; i++) {
    const block = Math.floor(i / (BLOCK * BLOCK));
    const local = i % (BLOCK * BLOCK);
    const bx = block % blockCols;
    const by = Math.floor(block / blockCols);
    const lx = local % BLOCK;
    const ly = Math.floor(local / BLOCK);
    const aiType = AI_TYPES[Math.floor(random() * AI_TYPES.length)]!;
    const position = {
      x: bx * (blockWidth + BLOCK_GAP) + PAD + lx * STEP_X,
      y: by * (blockHeight + BLOCK_GAP) + PAD + HEADER + ly * STEP_Y,
    };
    const base = createNode(aiType, position);
    const node: DfdNode = { ...base, name: `${base.name} ${i + 1}` };
    nodes.push(node);
    const col = bx * BLOCK + lx;
    const row = by * BLOCK + ly;
    atCell.set(`${col},${row}`, node);
    cellOf.set(node.id, { col, row });
  }

  // One box boundary around each block.
  const boundaries: BoxBoundary[] = [];
  for (let b = 0; b < blocks; b++) {
    const bx = b % blockCols;
    const by = Math.floor(b / blockCols);
    const inBlock = Math.min(BLOCK * BLOCK, nodeCount - b * BLOCK * BLOCK);
    const rows = Math.ceil(inBlock / BLOCK);
    const base = createBoxBoundary({ x: bx * (blockWidth + BLOCK_GAP), y: by * (blockHeight + BLOCK_GAP) }, `Zone ${b + 1}`);
    boundaries.push({
      ...base,
      trustLevel: TRUST_LEVELS[b % TRUST_LEVELS.length]!,
      size: { width: blockWidth, height: (rows - 1) * STEP_Y + 72 + 2 * PAD + HEADER },
    });
  }

  // Flows: a seeded choice among right and down neighbours (those across block edges cross
  // two boundaries), about FLOWS_PER_NODE per node.
  const candidates: [DfdNode, DfdNode][] = [];
  for (const node of nodes) {
    const { col, row } = cellOf.get(node.id)!;
    for (const [dc, dr] of [[1, 0], [0, 1]] as const) {
      const other = atCell.get(`${col + dc},${row + dr}`);
      if (other && col + dc < gridCols) candidates.push([node, other]);
    }
  }
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const flowCount = Math.min(candidates.length, Math.round(nodeCount * FLOWS_PER_NODE));
  const flows: Flow[] = candidates.slice(0, flowCount).map(([a, b], i) => {
    const forward = random() < 0.5;
    const base = createFlow(forward ? a.id : b.id, forward ? b.id : a.id, `Flow ${i + 1}`);
    const carries = DATA_CATEGORIES.filter(() => random() < 0.2);
    return {
      ...base,
      protocol: PROTOCOLS[i % PROTOCOLS.length]!,
      encrypted: random() < 0.6,
      authenticated: random() < 0.5,
      bidirectional: random() < 0.1,
      carries,
    };
  });

  const threats: Threat[] = [];
  const threatCount = Math.round(nodeCount * THREATS_PER_NODE);
  for (let i = 0; i < threatCount; i++) {
    const node = nodes[Math.floor(random() * nodes.length)]!;
    threats.push({
      id: newId(),
      title: `Threat ${i + 1} against ${node.name}`,
      description: 'Generated for the benchmark.',
      elementIds: [node.id],
      stride: [STRIDE[i % STRIDE.length]!],
      refs: [],
      origin: { kind: 'manual' },
      status: 'open',
      likelihood: 3,
      impact: 3,
      owner: '',
      mitigationIds: [],
      acceptance: null,
      statusReason: '',
      owaspRisk: null,
    });
  }

  const diagram = { ...model.diagrams[0]!, nodes, flows, boundaries };
  const doc: ModelDocument = { ...model, diagrams: [diagram], threats };
  const result = validateDocument(JSON.parse(JSON.stringify(doc)));
  if (!result.ok) {
    const first = result.problems.slice(0, 5).map((p) => JSON.stringify(p)).join('\n  ');
    throw new Error(`generated ${nodeCount}-node model is invalid:\n  ${first}`);
  }
  return {
    doc,
    json: serializeDocument(doc),
    meta: modelMetaOf(doc),
    counts: { nodes: nodes.length, flows: flows.length, boundaries: boundaries.length, threats: threats.length },
  };
}
