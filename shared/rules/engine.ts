// evaluateRules: a model document and rules in, suggested threats out — pure and deterministic.
//
// Order: diagrams in document order; within a diagram, nodes in document order, then flows in
// document order; within one element, rules in list order. Facts are built once per diagram.
import type { DfdNode, Diagram, Flow, ModelDocument, Uuid } from '../model';
import { compileRules, type CompiledFlowRule, type CompiledNodeRule, type CompiledRule, type CompiledRuleSet } from './compile';
import { buildDiagramFacts, type DiagramFacts, type FlowView } from './facts';
import { describeFlow, describeNode, flowName, joinAnd, nodeName, typeLabel } from './phrases';
import type { EvalContext, Fact } from './predicates';
import type { Explanation, Rule, SuggestedThreat } from './types';

export interface EvaluateOptions {
  /** Only this diagram. */
  readonly diagramId?: Uuid;
  /** Only these elements (node or flow ids); facts still come from their whole diagram. */
  readonly elementIds?: Iterable<Uuid>;
}

const compiledCache = new WeakMap<readonly Rule[], CompiledRuleSet>();

function compiledFor(rules: readonly Rule[] | CompiledRuleSet): CompiledRuleSet {
  if ('nodeRulesByType' in rules) return rules;
  let compiled = compiledCache.get(rules);
  if (!compiled) compiledCache.set(rules, (compiled = compileRules(rules)));
  return compiled;
}

/** Keeps the facts that explain; trivial ones only when nothing else does. Duplicates dropped. */
function factTexts(head: string | null, facts: readonly Fact[]): string[] {
  const dropTrivial = head !== null || facts.some((f) => !f.trivial);
  const out: string[] = head === null ? [] : [head];
  for (const f of facts) if (!(dropTrivial && f.trivial) && !out.includes(f.text)) out.push(f.text);
  return out;
}

/**
 * The explanation's facts are worked out on first read: most suggestions of a large model are
 * never displayed, and phrasing them all would cost more than finding them. The facts are the same
 * whenever they are read (the diagram facts they come from are immutable), and `facts` is an
 * ordinary enumerable property for spreading, JSON and structured cloning.
 */
function lazyExplanation(ruleId: string, explain: () => string[]): Explanation {
  let facts: readonly string[] | null = null;
  return {
    ruleId,
    get facts() {
      return (facts ??= Object.freeze(explain()));
    },
  };
}

function suggestion(
  compiled: CompiledRule,
  diagram: Diagram,
  elementId: Uuid,
  elementType: 'node' | 'flow',
  values: Readonly<Record<string, string>>,
  explain: () => string[],
): SuggestedThreat {
  const rule = compiled.rule;
  return {
    key: `${rule.id}@${elementId}`,
    ruleId: rule.id,
    elementId,
    elementType,
    diagramId: diagram.id,
    title: compiled.title(values),
    description: compiled.description(values),
    stride: compiled.stride,
    refs: compiled.refs,
    likelihood: rule.likelihood,
    impact: rule.impact,
    mitigations: compiled.mitigations,
    explanation: lazyExplanation(rule.id, explain),
  };
}

function evaluateNode(ctx: EvalContext, rules: readonly CompiledNodeRule[], diagram: Diagram, node: DfdNode, out: SuggestedThreat[]): void {
  let values: Record<string, string> | null = null;
  for (const compiled of rules) {
    if (node.outOfScope && !compiled.rule.includeOutOfScope) continue;
    if (!compiled.predicate.test(ctx, node)) continue;
    values ??= { name: nodeName(node), type: typeLabel(node) };
    const explain = () => factTexts(null, compiled.predicate.explain(ctx, node).facts);
    out.push(suggestion(compiled, diagram, node.id, 'node', values, explain));
  }
}

function flowHead(view: FlowView, clauses: readonly string[]): string {
  const flow = describeFlow(view.flow);
  const subject = `${flow[0]!.toUpperCase()}${flow.slice(1)} from ${describeNode(view.from)} to ${describeNode(view.to)}`;
  return clauses.length > 0 ? `${subject} ${joinAnd(clauses)}` : `${subject} exists`;
}

function evaluateFlow(ctx: EvalContext, rules: readonly CompiledFlowRule[], diagram: Diagram, flow: Flow, out: SuggestedThreat[]): void {
  const views = ctx.facts.views.get(flow.id);
  if (!views) return; // an endpoint is missing: nothing to reason about
  for (const compiled of rules) {
    if (flow.outOfScope && !compiled.rule.includeOutOfScope) continue;
    let view: FlowView | undefined;
    for (const v of views) {
      if (compiled.predicate.test(ctx, v)) {
        view = v;
        break;
      }
    }
    if (!view) continue;
    const values = { name: flowName(flow), source: nodeName(view.from), target: nodeName(view.to) };
    const matched = view;
    const explain = () => {
      const explained = compiled.predicate.explain(ctx, matched);
      return factTexts(flowHead(matched, explained.clauses), explained.facts);
    };
    out.push(suggestion(compiled, diagram, flow.id, 'flow', values, explain));
  }
}

function evaluateDiagram(compiled: CompiledRuleSet, facts: DiagramFacts, only: ReadonlySet<Uuid> | null, out: SuggestedThreat[]): void {
  const ctx: EvalContext = { facts, memo: new Map() };
  const diagram = facts.diagram;
  for (const node of diagram.nodes) {
    if (only && !only.has(node.id)) continue;
    const rules = compiled.nodeRulesByType.get(node.aiType);
    if (rules && rules.length > 0) evaluateNode(ctx, rules, diagram, node, out);
  }
  if (compiled.flowRules.length === 0) return;
  for (const flow of diagram.flows) {
    if (only && !only.has(flow.id)) continue;
    evaluateFlow(ctx, compiled.flowRules, diagram, flow, out);
  }
}

function selectedDiagrams(doc: ModelDocument, options: EvaluateOptions | undefined): readonly Diagram[] {
  return options?.diagramId === undefined ? doc.diagrams : doc.diagrams.filter((d) => d.id === options.diagramId);
}

/**
 * Suggested threats for every in-scope element of the document. Same input, same output in the
 * same order. Rules may be a plain list (compiled once and cached per list) or a compiled set.
 */
export function evaluateRules(doc: ModelDocument, rules: readonly Rule[] | CompiledRuleSet, options?: EvaluateOptions): SuggestedThreat[] {
  const compiled = compiledFor(rules);
  const only = options?.elementIds ? new Set(options.elementIds) : null;
  const out: SuggestedThreat[] = [];
  for (const diagram of selectedDiagrams(doc, options)) evaluateDiagram(compiled, buildDiagramFacts(diagram), only, out);
  return out;
}

export interface RuleEngine {
  /** Same result as evaluateRules(doc, rules, options), reusing diagram geometry from the previous call. */
  evaluate(doc: ModelDocument, options?: EvaluateOptions): SuggestedThreat[];
}

/**
 * A rule evaluator for a live editor: rules are compiled once, and each diagram's geometry
 * (containment, crossings) is kept between calls and rebuilt only when node rectangles, flow paths
 * or boundaries changed. Results are identical to evaluateRules.
 */
export function createRuleEngine(rules: readonly Rule[] | CompiledRuleSet): RuleEngine {
  const compiled = compiledFor(rules);
  let previous = new Map<Uuid, DiagramFacts>();
  return {
    evaluate(doc, options) {
      const only = options?.elementIds ? new Set(options.elementIds) : null;
      const out: SuggestedThreat[] = [];
      const next = new Map<Uuid, DiagramFacts>();
      for (const diagram of selectedDiagrams(doc, options)) {
        const before = previous.get(diagram.id);
        const facts = before?.diagram === diagram ? before : buildDiagramFacts(diagram, before);
        next.set(diagram.id, facts);
        evaluateDiagram(compiled, facts, only, out);
      }
      // Keep facts of diagrams not evaluated this time; drop those no longer in the document.
      for (const diagram of doc.diagrams) if (!next.has(diagram.id) && previous.has(diagram.id)) next.set(diagram.id, previous.get(diagram.id)!);
      previous = next;
      return out;
    },
  };
}
