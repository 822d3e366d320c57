// A Threatloom model that exercises what exporters must carry: AI types of every DFD kind,
// nested box boundaries, a line boundary, flow flags, every threat status, mitigations, assets,
// and a second diagram. Built with the model's own factory so it tracks the document shape.
import { boundariesContaining } from '../../../shared/geometry';
import {
  createBoxBoundary,
  createDiagram,
  createFlow,
  createLineBoundary,
  createModel,
  createMitigation,
  createNode,
  createThreat,
  newId,
  validateDocument,
  type Boundary,
  type DfdNode,
  type Diagram,
  type Flow,
  type Mitigation,
  type ModelDocument,
  type Threat,
} from '../../../shared/model';

const threat = (title: string, elementIds: string[], extra: Partial<Threat> = {}): Threat =>
  createThreat({ title, description: `${title}: how it happens.`, elementIds, stride: ['T'], likelihood: 3, impact: 4, ...extra });

const mitigation = (title: string, extra: Partial<Mitigation> = {}): Mitigation =>
  createMitigation({ title, description: `${title}, described.`, effectiveness: 0.6, ...extra });

export function richModel(): ModelDocument {
  const user = { ...createNode('actor', { x: 40, y: 200 }, 'Customer'), properties: { population: 'public' } };
  const retriever = createNode('rag-retriever', { x: 400, y: 120 }, 'Retriever');
  const llm = { ...createNode('llm', { x: 660, y: 120 }, 'Hosted LLM'), properties: { hosting: 'third-party-api', provider: 'Example AI' } };
  const vectors = createNode('vector-db', { x: 660, y: 280 }, 'Document vectors');
  const app = { ...createNode('generic-process', { x: 400, y: 300 }, 'Chat backend'), outOfScope: true, outOfScopeReason: 'Owned by another team' };
  const inner: Boundary = { ...createBoxBoundary({ x: 620, y: 60 }, 'Inference VPC'), size: { width: 280, height: 320 }, trustLevel: 'privileged' };
  const outer: Boundary = { ...createBoxBoundary({ x: 360, y: 20 }, 'Cloud account'), size: { width: 580, height: 420 }, trustLevel: 'high' };
  const edge: Boundary = { ...createLineBoundary({ x: 300, y: 0 }, 'Internet edge'), points: [{ x: 300, y: 0 }, { x: 310, y: 250 }, { x: 300, y: 500 }], trustLevel: 'untrusted' };
  const ask: Flow = { ...createFlow(user.id, retriever.id, 'Question'), protocol: 'HTTPS', encrypted: true, publicNetwork: true };
  const search: Flow = { ...createFlow(retriever.id, vectors.id, 'Similarity search'), bidirectional: true };
  const prompt: Flow = { ...createFlow(retriever.id, llm.id, 'Prompt with context'), vertices: [{ x: 560, y: 140 }] };
  const answer = createFlow(app.id, user.id, 'Answer');
  const main: Diagram = {
    ...createDiagram('RAG assistant'),
    nodes: [user, retriever, llm, vectors, app] as DfdNode[],
    flows: [ask, search, prompt, answer],
    boundaries: [outer, inner, edge],
  };

  const dataset = createNode('raw-dataset', { x: 40, y: 40 }, 'Support tickets');
  const trainer = createNode('training-pipeline', { x: 320, y: 40 }, 'Fine-tuning job');
  const registry = createNode('model-registry', { x: 600, y: 40 }, 'Model registry');
  const training: Diagram = {
    ...createDiagram('Fine-tuning'),
    nodes: [dataset, trainer, registry],
    flows: [createFlow(dataset.id, trainer.id, 'Training data'), createFlow(trainer.id, registry.id, 'Weights')],
    boundaries: [],
  };

  const pin = mitigation('Pin the model version', { status: 'implemented' });
  const filter = mitigation('Filter retrieved chunks', { status: 'planned' });
  const threats = [
    threat('Prompt injection through documents', [retriever.id], { stride: ['T', 'E'], mitigationIds: [filter.id] }),
    threat('Model swapped at the provider', [llm.id], { status: 'mitigated', stride: ['S'], mitigationIds: [pin.id] }),
    threat('Vector store leaks other tenants', [vectors.id], {
      status: 'accepted',
      stride: ['I'],
      acceptance: { rationale: 'Tenants are one company', approver: 'CISO', date: '2025-03-01', reviewBy: '2026-03-01' },
    }),
    threat('Question intercepted', [ask.id], { status: 'transferred', stride: ['I'], likelihood: null }),
    threat('Poisoned tickets', [dataset.id], { status: 'avoided', stride: ['T'], impact: 5 }),
    threat('Answer tampering', [answer.id], { status: 'not-applicable', stride: ['T'], impact: null, statusReason: 'Answers are never stored' }),
  ];
  const doc: ModelDocument = {
    ...createModel('RAG assistant', '2025-01-31T09:30:00.000Z'),
    description: 'A support assistant answering from our documents.',
    owner: 'Security team',
    diagrams: [main, training],
    threats,
    mitigations: [pin, filter],
    assets: [
      {
        id: newId(),
        name: 'Ticket corpus',
        kind: 'training-data',
        description: 'Past support tickets.',
        confidentiality: 4,
        integrity: 3,
        availability: 2,
        elementIds: [dataset.id],
      },
    ],
  };
  const valid = validateDocument(doc);
  if (!valid.ok) throw new Error(`fixture model is invalid: ${JSON.stringify(valid.problems)}`);
  return doc;
}

/** A comparable digest of what a round trip must keep: elements, flows, boundaries, threats. */
export function digest(doc: ModelDocument, options: { threatElements?: 'all' | 'first' } = {}) {
  const names = new Map<string, string>();
  for (const d of doc.diagrams) for (const r of [...d.nodes, ...d.flows, ...d.boundaries]) names.set(r.id, r.name);
  const sorted = (values: string[]) => values.sort();
  return {
    diagrams: sorted(doc.diagrams.map((d) => d.name)),
    nodes: sorted(
      doc.diagrams.flatMap((d) =>
        d.nodes.map((n) => {
          const inside = boundariesContaining(d, n.id).map((b) => b.name).sort().join('+');
          return `${d.name} | ${n.name} | ${n.kind} | ${n.aiType} | in: ${inside} | out of scope: ${n.outOfScope}`;
        }),
      ),
    ),
    flows: sorted(
      doc.diagrams.flatMap((d) =>
        d.flows.map((f) => `${d.name} | ${names.get(f.source)} -> ${names.get(f.target)} | ${f.name} | ${f.bidirectional} ${f.encrypted} ${f.publicNetwork} ${f.protocol}`),
      ),
    ),
    boundaries: sorted(doc.diagrams.flatMap((d) => d.boundaries.map((b) => `${d.name} | ${b.name} | ${b.shape} | ${b.trustLevel}`))),
    threats: sorted(
      doc.threats.map((t) => {
        const ids = options.threatElements === 'first' ? t.elementIds.slice(0, 1) : t.elementIds;
        return `${t.title} | ${t.status} | ${t.stride[0] ?? '-'} | impact ${t.impact} | on: ${ids.map((id) => names.get(id)).sort().join('+')}`;
      }),
    ),
  };
}
