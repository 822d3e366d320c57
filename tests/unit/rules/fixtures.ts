// Small model builders for rule tests: nodes in a row (300 apart) unless placed, flows with
// overrides, and boxes fitted around chosen nodes. Built with the real factories.
import {
  createBoxBoundary,
  createFlow,
  createLineBoundary,
  createModel,
  createNode,
  type AiType,
  type Boundary,
  type DfdNode,
  type Flow,
  type ModelDocument,
  type Point,
  type PropertyValue,
  type TrustLevel,
} from '../../../shared/model';
import { evaluateRules, type FlowPredicate, type NodePredicate, type Rule, type SuggestedThreat } from '../../../shared/rules';

export const NOW = '2025-01-01T00:00:00.000Z';

export class ModelBuilder {
  readonly nodes: DfdNode[] = [];
  readonly flows: Flow[] = [];
  readonly boundaries: Boundary[] = [];

  node(aiType: AiType, name: string, properties: Record<string, PropertyValue> = {}, extra: Partial<DfdNode> & { at?: Point } = {}): DfdNode {
    const { at, ...rest } = extra;
    const base = createNode(aiType, at ?? { x: this.nodes.length * 300, y: 0 }, name);
    const node: DfdNode = { ...base, ...rest, properties: { ...base.properties, ...properties } };
    this.nodes.push(node);
    return node;
  }

  flow(source: DfdNode, target: DfdNode, extra: Partial<Flow> = {}): Flow {
    const flow: Flow = { ...createFlow(source.id, target.id, extra.name ?? `${source.name} to ${target.name}`), ...extra };
    this.flows.push(flow);
    return flow;
  }

  /** A box fitted around the nodes with 20 units of padding. */
  box(name: string, trustLevel: TrustLevel, ...inside: DfdNode[]): Boundary {
    const x0 = Math.min(...inside.map((n) => n.position.x)) - 20;
    const y0 = Math.min(...inside.map((n) => n.position.y)) - 20;
    const x1 = Math.max(...inside.map((n) => n.position.x + n.size.width)) + 20;
    const y1 = Math.max(...inside.map((n) => n.position.y + n.size.height)) + 20;
    const box: Boundary = { ...createBoxBoundary({ x: x0, y: y0 }, name), trustLevel, size: { width: x1 - x0, height: y1 - y0 } };
    this.boundaries.push(box);
    return box;
  }

  /** A vertical line boundary at x. */
  line(name: string, x: number, trustLevel: TrustLevel = 'medium'): Boundary {
    const line: Boundary = { ...createLineBoundary({ x, y: -500 }, name), trustLevel, points: [{ x, y: -500 }, { x, y: 500 }] };
    this.boundaries.push(line);
    return line;
  }

  doc(): ModelDocument {
    const model = createModel('Rules test', NOW);
    return { ...model, diagrams: [{ ...model.diagrams[0]!, nodes: [...this.nodes], flows: [...this.flows], boundaries: [...this.boundaries] }] };
  }
}

export const build = () => new ModelBuilder();

/** One-rule lists for predicate tests. */
export function nodeRule(when: NodePredicate, extra: Partial<Rule> = {}): Rule {
  return {
    id: 'test-node-rule',
    family: 'test',
    title: 'Test threat against {name}',
    description: 'Test description for {name} ({type}).',
    stride: ['T'],
    target: 'node',
    when,
    refs: ['owasp-llm-2025:LLM01'],
    likelihood: 3,
    impact: 4,
    mitigations: [],
    ...extra,
  } as Rule;
}

export function flowRule(when: FlowPredicate, extra: Partial<Rule> = {}): Rule {
  return {
    id: 'test-flow-rule',
    family: 'test',
    title: 'Test threat on {name}: {source} → {target}',
    description: 'Test description.',
    stride: ['I'],
    target: 'flow',
    when,
    refs: [],
    likelihood: 2,
    impact: 2,
    mitigations: [],
    ...extra,
  } as Rule;
}

/** Names of the elements a single rule fires on, in output order. */
export function firesOn(doc: ModelDocument, rule: Rule): string[] {
  const diagram = doc.diagrams[0]!;
  const names = new Map<string, string>([...diagram.nodes.map((n) => [n.id, n.name] as const), ...diagram.flows.map((f) => [f.id, f.name] as const)]);
  return evaluateRules(doc, [rule]).map((s) => names.get(s.elementId) ?? s.elementId);
}

/** Rule ids that fired on the element. */
export function rulesOn(suggestions: readonly SuggestedThreat[], element: { id: string }): string[] {
  return suggestions.filter((s) => s.elementId === element.id).map((s) => s.ruleId);
}
