// Rule-engine benchmark: evaluates the bundled rules over a generated 2000-node model and prints
// medians. Figures only, never pass/fail on time. Run: `node tests/bench/rules-bench.mjs`
// (options: --runs N, --nodes N). Targets from issue 3: evaluation < 50 ms, panel update < 16 ms.
import {
  AI_TYPES,
  DATA_CATEGORIES,
  TRUST_LEVELS,
  componentType,
  createBoxBoundary,
  createFlow,
  createLineBoundary,
  createModel,
  createNode,
  type Boundary,
  type DfdNode,
  type Flow,
  type ModelDocument,
  type PropertyValue,
} from '../../shared/model';
import { buildDiagramFacts, bundledRules, compileRules, createRuleEngine, evaluateRules } from '../../shared/rules';

const BLOCK = 5; // 5×5 nodes per box boundary
const STEP_X = 240;
const STEP_Y = 140;
const PAD = 40;
const BLOCK_GAP = 120;
const FLOWS_PER_NODE = 1.2;

/** Mulberry32, seeded: the same size gives the same model. */
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

/** Every AI type in turn, with randomised property values so that a realistic share of rules fires. */
export function generateRulesModel(nodeCount: number, seed = 1): ModelDocument {
  const random = rng(seed * 7919 + nodeCount);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const blocks = Math.ceil(nodeCount / (BLOCK * BLOCK));
  const blockCols = Math.ceil(Math.sqrt(blocks));
  const blockW = (BLOCK - 1) * STEP_X + 180 + 2 * PAD;
  const blockH = (BLOCK - 1) * STEP_Y + 72 + 2 * PAD;

  const nodes: DfdNode[] = [];
  const at = new Map<string, DfdNode>();
  for (let i = 0; i < nodeCount; i++) {
    const block = Math.floor(i / (BLOCK * BLOCK));
    const local = i % (BLOCK * BLOCK);
    const col = (block % blockCols) * BLOCK + (local % BLOCK);
    const row = Math.floor(block / blockCols) * BLOCK + Math.floor(local / BLOCK);
    const aiType = AI_TYPES[i % AI_TYPES.length]!;
    const base = createNode(aiType, {
      x: (block % blockCols) * (blockW + BLOCK_GAP) + PAD + (local % BLOCK) * STEP_X,
      y: Math.floor(block / blockCols) * (blockH + BLOCK_GAP) + PAD + Math.floor(local / BLOCK) * STEP_Y,
    });
    const properties: Record<string, PropertyValue> = {};
    for (const def of componentType(aiType).properties) {
      if (def.type === 'boolean') properties[def.key] = random() < 0.5;
      else if (def.type === 'enum') properties[def.key] = pick(def.options).value;
      else if (def.type === 'number') properties[def.key] = Math.round(def.min + random() * Math.min(def.max - def.min, 200));
      else properties[def.key] = '';
    }
    const node: DfdNode = { ...base, name: `${base.name} ${i + 1}`, properties, outOfScope: random() < 0.03 };
    nodes.push(node);
    at.set(`${col},${row}`, node);
  }

  const boundaries: Boundary[] = [];
  for (let b = 0; b < blocks; b++) {
    const box = createBoxBoundary({ x: (b % blockCols) * (blockW + BLOCK_GAP), y: Math.floor(b / blockCols) * (blockH + BLOCK_GAP) }, `Zone ${b + 1}`);
    boundaries.push({ ...box, trustLevel: TRUST_LEVELS[b % TRUST_LEVELS.length]!, size: { width: blockW, height: blockH } });
  }
  // A few line boundaries between block columns, so line crossings are exercised too.
  const rowsTotal = Math.ceil(blocks / blockCols);
  for (let c = 1; c < blockCols; c += 3) {
    const x = c * (blockW + BLOCK_GAP) - BLOCK_GAP / 2;
    const line = createLineBoundary({ x, y: 0 }, `Network split ${c}`);
    boundaries.push({ ...line, points: [{ x, y: 0 }, { x, y: rowsTotal * (blockH + BLOCK_GAP) }] });
  }

  const candidates: [DfdNode, DfdNode][] = [];
  for (const [key, node] of at) {
    const [col, row] = key.split(',').map(Number) as [number, number];
    for (const [dc, dr] of [[1, 0], [0, 1]] as const) {
      const other = at.get(`${col + dc},${row + dr}`);
      if (other) candidates.push([node, other]);
    }
  }
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const flows: Flow[] = candidates.slice(0, Math.round(nodeCount * FLOWS_PER_NODE)).map(([a, b], i) => {
    const forward = random() < 0.5;
    return {
      ...createFlow(forward ? a.id : b.id, forward ? b.id : a.id, `Flow ${i + 1}`),
      encrypted: random() < 0.6,
      authenticated: random() < 0.5,
      publicNetwork: random() < 0.15,
      bidirectional: random() < 0.1,
      carries: DATA_CATEGORIES.filter(() => random() < 0.2),
    };
  });

  const model = createModel(`Rules benchmark ${nodeCount} nodes`, '2025-01-01T00:00:00.000Z');
  return { ...model, diagrams: [{ ...model.diagrams[0]!, nodes, flows, boundaries }] };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function min(xs: readonly number[]): number {
  return Math.min(...xs);
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Replaces one property of one node the way an editor command would (new node, nodes, diagram). */
function withProperty(doc: ModelDocument, nodeId: string, key: string, value: PropertyValue): ModelDocument {
  const diagram = doc.diagrams[0]!;
  const nodes = diagram.nodes.map((n) => (n.id === nodeId ? { ...n, properties: { ...n.properties, [key]: value } } : n));
  return { ...doc, diagrams: [{ ...diagram, nodes }] };
}

export interface RulesBenchFigures {
  readonly nodes: number;
  readonly flows: number;
  readonly boundaries: number;
  readonly rules: number;
  readonly suggestions: number;
  readonly compileMs: number;
  readonly firstEvaluationMs: number;
  /** Medians and minimums (the minimum is the figure least disturbed by a busy machine). */
  readonly factsMs: number;
  readonly evaluationMs: number;
  readonly evaluationMinMs: number;
  readonly reevaluateAfterEditMs: number;
  readonly reevaluateAfterEditMinMs: number;
  readonly panelAfterEditMs: number;
  readonly panelAfterEditMinMs: number;
  readonly explainAllMs: number;
}

export function runRulesBench(options: { runs?: number; nodes?: number } = {}): RulesBenchFigures {
  const runs = options.runs ?? 15;
  const doc = generateRulesModel(options.nodes ?? 2000);
  const diagram = doc.diagrams[0]!;
  const rules = bundledRules();

  const compileMs = time(() => compileRules(rules));
  let suggestions = 0;
  const firstEvaluationMs = time(() => (suggestions = evaluateRules(doc, rules).length));
  const facts: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < runs; i++) {
    facts.push(time(() => buildDiagramFacts(diagram)));
    full.push(time(() => evaluateRules(doc, rules)));
  }

  // Explanations are phrased on first read; what reading all of them costs (the review list).
  const explainAll: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const out = evaluateRules(doc, rules);
    explainAll.push(time(() => out.forEach((s) => s.explanation.facts)));
  }

  // An editor session: the engine keeps geometry between calls; each run edits one property of
  // an LLM node (toggling it back and forth), then re-evaluates everything and the panel's element.
  const engine = createRuleEngine(rules);
  engine.evaluate(doc);
  const target = diagram.nodes.find((n) => n.aiType === 'llm')!;
  const reevaluate: number[] = [];
  const panel: number[] = [];
  let current = doc;
  for (let i = 0; i < runs; i++) {
    current = withProperty(current, target.id, 'fineTuned', i % 2 === 0);
    reevaluate.push(time(() => engine.evaluate(current)));
    current = withProperty(current, target.id, 'fineTuned', i % 2 === 1);
    panel.push(time(() => engine.evaluate(current, { elementIds: [target.id] })));
  }

  return {
    nodes: diagram.nodes.length,
    flows: diagram.flows.length,
    boundaries: diagram.boundaries.length,
    rules: rules.length,
    suggestions,
    compileMs,
    firstEvaluationMs,
    factsMs: median(facts),
    evaluationMs: median(full),
    evaluationMinMs: min(full),
    reevaluateAfterEditMs: median(reevaluate),
    reevaluateAfterEditMinMs: min(reevaluate),
    panelAfterEditMs: median(panel),
    panelAfterEditMinMs: min(panel),
    explainAllMs: median(explainAll),
  };
}

export function formatRulesBench(f: RulesBenchFigures, runs: number): string {
  const ms = (x: number, lowest?: number) => `${x.toFixed(1)} ms${lowest === undefined ? '' : ` (min ${lowest.toFixed(1)})`}`;
  const mark = (x: number, target: number) => (x <= target ? '✓' : '✗');
  return [
    `Rule engine — ${f.nodes} nodes, ${f.flows} flows, ${f.boundaries} boundaries (${f.nodes + f.flows + f.boundaries} elements); ${f.rules} rules → ${f.suggestions} suggestions; median of ${runs} runs`,
    `  compile rules                          ${ms(f.compileMs)}`,
    `  first evaluation (incl. compile)       ${ms(f.firstEvaluationMs)}`,
    `  build diagram facts                    ${ms(f.factsMs)}`,
    `  evaluate whole model                   ${ms(f.evaluationMs, f.evaluationMinMs)}  ${mark(f.evaluationMs, 50)} target 50 ms`,
    `  re-evaluate whole model after an edit  ${ms(f.reevaluateAfterEditMs, f.reevaluateAfterEditMinMs)}`,
    `  panel (selected element) after an edit ${ms(f.panelAfterEditMs, f.panelAfterEditMinMs)}  ${mark(f.panelAfterEditMs, 16)} target 16 ms`,
    `  phrase every explanation (review list) ${ms(f.explainAllMs)}`,
  ].join('\n');
}
