// evaluateRules as a whole: order, determinism, explanations, scope, templates, options, the
// incremental engine, and the helpers the STRIDE panel uses.
import { describe, expect, it } from 'vitest';
import { createDiagram, validateDocument, type ModelDocument } from '../../../shared/model';
import {
  bundledRules,
  createRuleEngine,
  evaluateRules,
  groupByStride,
  isRecorded,
  suggestionsFor,
  threatFromSuggestion,
  withoutRecorded,
  type Rule,
  type SuggestedThreat,
} from '../../../shared/rules';
import { build, flowRule, nodeRule, rulesOn } from './fixtures';

/** A RAG chatbot exposed to the internet, with a few weak settings. */
function ragChatbot() {
  const b = build();
  const user = b.node('actor', 'Customer', { population: 'public' }, { at: { x: 0, y: 0 } });
  const app = b.node('generic-process', 'Web app', {}, { at: { x: 400, y: 0 } });
  const bot = b.node('llm', 'Support bot', { hosting: 'third-party-api', providerRetainsData: true }, { at: { x: 800, y: 0 } });
  const retriever = b.node('rag-retriever', 'Retriever', { sourceTrust: 'open-web', documentLevelAcl: false }, { at: { x: 800, y: 300 } });
  const index = b.node('vector-db', 'Docs index', { tenantIsolation: 'none' }, { at: { x: 400, y: 300 } });
  b.box('Internet → DMZ', 'low', app, bot, retriever, index);
  b.flow(user, app, { name: 'Question', carries: ['pii'], publicNetwork: true, encrypted: true });
  b.flow(app, bot, { name: 'Prompt', carries: ['prompts', 'pii'], authenticated: true, encrypted: true });
  b.flow(retriever, bot, { name: 'Context' });
  b.flow(index, retriever, { name: 'Chunks' });
  return { doc: b.doc(), user, app, bot, retriever, index };
}

/** Deep copy with every object's keys in reverse order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .reverse()
        .map((k) => [k, reverseKeys((value as Record<string, unknown>)[k])]),
    ) as T;
  }
  return value;
}

const plain = (list: readonly SuggestedThreat[]) => JSON.parse(JSON.stringify(list)) as unknown[];

describe('determinism', () => {
  const { doc } = ragChatbot();
  const rules = bundledRules();

  it('the same input gives the same output, in the same order', () => {
    const first = evaluateRules(doc, rules);
    expect(first.length).toBeGreaterThan(10);
    expect(plain(evaluateRules(doc, rules))).toEqual(plain(first));
    expect(plain(evaluateRules(structuredClone(doc), [...rules]))).toEqual(plain(first));
  });

  it('object key order in the document and in the rules does not matter', () => {
    const first = plain(evaluateRules(doc, rules));
    expect(plain(evaluateRules(reverseKeys(doc), reverseKeys(rules)))).toEqual(first);
  });

  it('orders by diagram, then nodes, then flows (document order), then rule order', () => {
    const out = evaluateRules(doc, rules);
    const diagram = doc.diagrams[0]!;
    const position = new Map<string, number>([...diagram.nodes, ...diagram.flows].map((e, i) => [e.id, i]));
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const keys = out.map((s) => [position.get(s.elementId)!, ruleIndex.get(s.ruleId)!] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(keys).toEqual(sorted);
  });

  it('keys are ruleId@elementId and unique', () => {
    const out = evaluateRules(doc, rules);
    for (const s of out) expect(s.key).toBe(`${s.ruleId}@${s.elementId}`);
    expect(new Set(out.map((s) => s.key)).size).toBe(out.length);
  });
});

describe('suggested threats', () => {
  const { doc, bot, retriever, index } = ragChatbot();
  const out = evaluateRules(doc, bundledRules());

  it('title names the element; fields come from the rule', () => {
    const injection = out.find((s) => s.key === `llm-prompt-injection@${bot.id}`)!;
    expect(injection).toMatchObject({
      ruleId: 'llm-prompt-injection',
      elementId: bot.id,
      elementType: 'node',
      diagramId: doc.diagrams[0]!.id,
      title: 'Prompt injection against Support bot',
      stride: ['T'],
      likelihood: 4,
      impact: 4,
    });
    expect(injection.refs).toEqual(expect.arrayContaining(['owasp-llm-2025:LLM01', 'atlas:AML.T0051', 'atlas:AML.T0051.000']));
    expect(injection.mitigations.map((m) => m.refs).flat()).toContain('atlas:AML.M0020');
  });

  it('explanations state the facts that made the rule fire', () => {
    const facts = (ruleId: string, id: string) => out.find((s) => s.key === `${ruleId}@${id}`)!.explanation.facts;
    expect(facts('vectordb-cross-tenant-leak', index.id)).toEqual(["Vector database 'Docs index': property tenantIsolation = none"]);
    expect(facts('llm-system-prompt-extraction', bot.id)).toEqual([
      "LLM 'Support bot' receives flow 'Prompt' from Process 'Web app' that carries prompts",
    ]);
    expect(facts('llm-jailbreak-no-guardrail', bot.id)).toEqual(["LLM 'Support bot' is connected to nothing that is a Guardrail"]);
    expect(facts('rag-indirect-prompt-injection', retriever.id)).toEqual(["RAG retriever 'Retriever': property sourceTrust = open-web"]);
    // A rule that applies to every LLM says so rather than nothing.
    expect(facts('llm-prompt-injection', bot.id)).toEqual(["LLM 'Support bot' is an LLM"]);
  });

  it('flow explanations name the flow, its endpoints and the boundary it crosses', () => {
    const question = doc.diagrams[0]!.flows[0]!;
    const s = out.find((x) => x.key === `flow-unauthenticated-into-higher-trust@${question.id}`)!;
    expect(s.title).toBe('Unauthenticated flow from Customer into more trusted Web app');
    expect(s.explanation.facts).toEqual([
      "Flow 'Question' from User 'Customer' to Process 'Web app' is not authenticated and crosses 'Internet → DMZ' (low trust), moving data from outside every boundary to low trust",
    ]);
  });

  it('explanation facts are the same whenever read, and survive JSON and structured cloning', () => {
    const s = out.find((x) => x.ruleId === 'vectordb-cross-tenant-leak')!;
    const facts = s.explanation.facts;
    expect(s.explanation.facts).toBe(facts);
    expect(JSON.parse(JSON.stringify(s)).explanation).toEqual({ ruleId: s.ruleId, facts: [...facts] });
    expect(structuredClone(s).explanation.facts).toEqual([...facts]);
    expect({ ...s.explanation }).toEqual({ ruleId: s.ruleId, facts });
  });

  it('negated explanations say what is missing', () => {
    const b = build();
    const billing = b.node('generic-process', 'Billing');
    const rule = nodeRule({ all: [{ aiType: 'generic-process' }, { not: { incoming: { encrypted: true } } }] });
    expect(evaluateRules(b.doc(), [rule]).map((s) => s.explanation.facts)).toEqual([["Process 'Billing' receives no flows"]]);
    b.flow(b.node('actor', 'Clerk'), billing, { name: 'Entry' });
    const out2 = evaluateRules(b.doc(), [rule]);
    expect(out2.map((s) => s.explanation.facts)).toEqual([["Process 'Billing' receives no flow that is encrypted"]]);
    expect(rulesOn(out2, billing)).toEqual(['test-node-rule']);
  });
});

describe('scope', () => {
  it('out-of-scope nodes and flows get no suggestions', () => {
    const b = build();
    b.node('llm', 'Vendor LLM', {}, { outOfScope: true, outOfScopeReason: 'vendor' });
    const api = b.node('inference-api', 'API', { authentication: 'none' });
    const user = b.node('actor', 'User', {}, { outOfScope: true });
    b.flow(user, api, { name: 'Ignored', outOfScope: true, publicNetwork: true });
    const out = evaluateRules(b.doc(), bundledRules());
    const names = new Set(out.map((s) => s.elementId));
    expect(names).toEqual(new Set([api.id]));
  });

  it('out-of-scope neighbours still count as facts for in-scope elements', () => {
    const b = build();
    const vendor = b.node('generic-external', 'Vendor', {}, { outOfScope: true });
    const app = b.node('generic-process', 'App');
    b.flow(app, vendor, { name: 'Export', carries: ['pii'] });
    const out = evaluateRules(b.doc(), bundledRules());
    expect(out.map((s) => s.ruleId)).toContain('flow-sensitive-data-to-out-of-scope');
    expect(rulesOn(out, vendor)).toEqual([]);
  });

  it('a rule can ask for out-of-scope elements explicitly', () => {
    const b = build();
    b.node('llm', 'Vendor LLM', {}, { outOfScope: true, outOfScopeReason: 'vendor-managed' });
    const rule = nodeRule({ aiType: 'llm', outOfScope: true }, { includeOutOfScope: true });
    const out = evaluateRules(b.doc(), [rule]);
    expect(out).toHaveLength(1);
    expect(out[0]!.explanation.facts).toEqual(["LLM 'Vendor LLM' is out of scope (vendor-managed)"]);
  });
});

describe('templates', () => {
  it('fills names as plain text, once', () => {
    const b = build();
    b.node('llm', '<img src=x> {target} {name}');
    const [s] = evaluateRules(b.doc(), [nodeRule({ aiType: 'llm' })]);
    expect(s!.title).toBe('Test threat against <img src=x> {target} {name}');
    expect(s!.description).toBe('Test description for <img src=x> {target} {name} (LLM).');
  });

  it('an unnamed element is called by its type', () => {
    const b = build();
    b.node('vector-db', '  ');
    const [s] = evaluateRules(b.doc(), [nodeRule({ aiType: 'vector-db' })]);
    expect(s!.title).toBe('Test threat against Vector database');
  });

  it('flow templates name the endpoints in the direction that matched', () => {
    const b = build();
    const a = b.node('agent', 'Planner');
    const t = b.node('tool-server', 'Shell', { permissions: 'privileged' });
    b.flow(t, a, { name: 'Tool call', bidirectional: true });
    const [s] = evaluateRules(b.doc(), [flowRule({ source: { aiType: 'agent' } })]);
    expect(s!.title).toBe('Test threat on Tool call: Planner → Shell');
  });
});

describe('options and edge cases', () => {
  it('diagramId and elementIds narrow the output, not the facts', () => {
    const { doc, bot, app } = ragChatbot();
    const second = { ...createDiagram('Second'), nodes: [{ ...doc.diagrams[0]!.nodes[2]!, id: crypto.randomUUID() }] };
    const two: ModelDocument = { ...doc, diagrams: [...doc.diagrams, second] };
    const all = evaluateRules(two, bundledRules());
    expect(new Set(all.map((s) => s.diagramId))).toEqual(new Set([doc.diagrams[0]!.id, second.id]));
    expect(evaluateRules(two, bundledRules(), { diagramId: second.id }).every((s) => s.diagramId === second.id)).toBe(true);
    const only = evaluateRules(two, bundledRules(), { elementIds: [bot.id] });
    expect(plain(only)).toEqual(plain(all.filter((s) => s.elementId === bot.id)));
    expect(evaluateRules(two, bundledRules(), { elementIds: [app.id] }).every((s) => s.elementId === app.id)).toBe(true);
  });

  it('ignores flows whose endpoint is missing and survives an empty model', () => {
    const b = build();
    const a = b.node('generic-process', 'A');
    b.flow(a, { ...a, id: crypto.randomUUID() }, { name: 'Dangling', publicNetwork: true });
    expect(evaluateRules(b.doc(), [flowRule({ publicNetwork: true })])).toEqual([]);
    expect(evaluateRules(build().doc(), bundledRules())).toEqual([]);
  });

  it('compiling a rule with an unknown operator throws (validate untrusted packs first)', () => {
    const bad = nodeRule({ regex: 'x' } as never);
    expect(() => evaluateRules(build().doc(), [bad])).toThrow(/rule "test-node-rule": unknown node operator "regex"/);
  });
});

describe('createRuleEngine', () => {
  it('matches evaluateRules after property edits, moves and new boundaries', () => {
    const { doc, bot, index } = ragChatbot();
    const rules = bundledRules();
    const engine = createRuleEngine(rules);
    const check = (d: ModelDocument) => expect(plain(engine.evaluate(d))).toEqual(plain(evaluateRules(d, rules)));
    check(doc);
    check(doc); // unchanged document

    const edit = (d: ModelDocument, f: (n: ModelDocument['diagrams'][0]['nodes'][0]) => typeof n): ModelDocument => {
      const diagram = d.diagrams[0]!;
      return { ...d, diagrams: [{ ...diagram, nodes: diagram.nodes.map(f) }] };
    };
    const tenantFixed = edit(doc, (n) => (n.id === index.id ? { ...n, properties: { ...n.properties, tenantIsolation: 'per-tenant-index' } } : n));
    check(tenantFixed);
    expect(engine.evaluate(tenantFixed).map((s) => s.key)).not.toContain(`vectordb-cross-tenant-leak@${index.id}`);

    // Moving the LLM out of the DMZ changes which flows cross the boundary.
    const moved = edit(tenantFixed, (n) => (n.id === bot.id ? { ...n, position: { x: 3000, y: 3000 } } : n));
    check(moved);
    const diagram = moved.diagrams[0]!;
    const unboxed = { ...moved, diagrams: [{ ...diagram, boundaries: [] }] };
    check(unboxed);
    check(doc);
  });

  it('evaluates only the selected element for the panel', () => {
    const { doc, bot } = ragChatbot();
    const engine = createRuleEngine(bundledRules());
    expect(engine.evaluate(doc, { elementIds: [bot.id] }).every((s) => s.elementId === bot.id)).toBe(true);
  });
});

describe('panel helpers', () => {
  const { doc, bot } = ragChatbot();
  const out = evaluateRules(doc, bundledRules());

  it('suggestionsFor and groupByStride', () => {
    const mine = suggestionsFor(bot.id, out);
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.every((s) => s.elementId === bot.id)).toBe(true);
    const groups = groupByStride(mine);
    expect(Object.keys(groups)).toEqual(['S', 'T', 'R', 'I', 'D', 'E']);
    expect(groups.T.map((s) => s.ruleId)).toContain('llm-prompt-injection');
    expect(groups.S).toEqual([]);
    const multi = groupByStride([{ stride: ['S', 'E'] as const }]);
    expect([multi.S.length, multi.E.length, multi.T.length]).toEqual([1, 1, 0]);
  });

  it('threatFromSuggestion makes a valid, open threat linked to the rule and element', () => {
    const s = out.find((x) => x.key === `llm-prompt-injection@${bot.id}`)!;
    const id = crypto.randomUUID();
    const { threat, mitigations } = threatFromSuggestion(s, id);
    expect(threat).toEqual({
      id,
      title: 'Prompt injection against Support bot',
      description: s.description,
      elementIds: [bot.id],
      stride: ['T'],
      refs: [...s.refs],
      origin: { kind: 'rule', ruleId: 'llm-prompt-injection', facts: [...s.explanation.facts] },
      status: 'open',
      likelihood: 4,
      impact: 4,
      owner: '',
      mitigationIds: [],
      acceptance: null,
      statusReason: '',
      owaspRisk: null,
    });
    expect(mitigations).toBe(s.mitigations);
    const withThreat: ModelDocument = JSON.parse(JSON.stringify({ ...doc, threats: [threat] }));
    expect(validateDocument(withThreat).ok).toBe(true);

    expect(isRecorded(s, [threat])).toBe(true);
    expect(withoutRecorded(out, [threat]).map((x) => x.key)).not.toContain(s.key);
    expect(withoutRecorded(out, [threat])).toHaveLength(out.length - 1);
  });

  it('threatFromSuggestion clips a title longer than the document allows', () => {
    const b = build();
    b.node('llm', 'n'.repeat(500));
    const [s] = evaluateRules(b.doc(), [nodeRule({ aiType: 'llm' }) as Rule]);
    expect(threatFromSuggestion(s!, crypto.randomUUID()).threat.title).toHaveLength(500);
  });
});
