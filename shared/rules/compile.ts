// Rules → compiled form: predicate closures, templates, frozen result fields, and the AI types a
// node rule can possibly match (so each node is only tried against rules that could fire on it).
import { AI_TYPES, type AiType, type StrideLetter } from '../model';
import { PredicateCompiler, type CompiledFlowPredicate, type CompiledNodePredicate } from './predicates';
import { compileTemplate } from './template';
import type { NodePredicate, Rule, RuleMitigation } from './types';

export interface CompiledRule {
  readonly rule: Rule;
  /** Position in the rule list: the order suggestions of one element come in. */
  readonly order: number;
  readonly title: (values: Readonly<Record<string, string>>) => string;
  readonly description: (values: Readonly<Record<string, string>>) => string;
  readonly mitigations: readonly RuleMitigation[];
  readonly refs: readonly string[];
  readonly stride: readonly StrideLetter[];
}

export interface CompiledNodeRule extends CompiledRule {
  readonly predicate: CompiledNodePredicate;
}

export interface CompiledFlowRule extends CompiledRule {
  readonly predicate: CompiledFlowPredicate;
}

export interface CompiledRuleSet {
  readonly rules: readonly Rule[];
  /** Node rules that can fire on each AI type, in rule order. */
  readonly nodeRulesByType: ReadonlyMap<AiType, readonly CompiledNodeRule[]>;
  readonly flowRules: readonly CompiledFlowRule[];
}

/**
 * The AI types a node predicate can match, or null when it is not limited to some types.
 * Conservative: `not` and unconstrained branches give null.
 */
export function predicateAiTypes(p: NodePredicate): ReadonlySet<AiType> | null {
  if ('all' in p) {
    let acc: ReadonlySet<AiType> | null = null;
    for (const child of p.all) {
      const types = predicateAiTypes(child);
      if (types === null) continue;
      const before: ReadonlySet<AiType> | null = acc;
      acc = before === null ? types : new Set([...before].filter((t: AiType) => types.has(t)));
    }
    return acc;
  }
  if ('any' in p) {
    const acc = new Set<AiType>();
    for (const child of p.any) {
      const types = predicateAiTypes(child);
      if (types === null) return null;
      for (const t of types) acc.add(t);
    }
    return acc;
  }
  if ('not' in p) return null;
  if (p.aiType === undefined) return null;
  return new Set(typeof p.aiType === 'string' ? [p.aiType] : p.aiType);
}

/** The AI types a rule can fire on (node rules), or null for flow rules and unconstrained node rules. */
export function ruleAiTypes(rule: Rule): readonly AiType[] | null {
  if (rule.target !== 'node') return null;
  const types = predicateAiTypes(rule.when);
  return types === null ? null : AI_TYPES.filter((t) => types.has(t));
}

function freezeMitigations(list: readonly RuleMitigation[]): readonly RuleMitigation[] {
  return Object.freeze(list.map((m) => Object.freeze({ title: m.title, description: m.description, refs: Object.freeze([...m.refs]) })));
}

/** Compiles rules; throws on a malformed predicate (validate untrusted packs with validateRulePack first). */
export function compileRules(rules: readonly Rule[]): CompiledRuleSet {
  const compiler = new PredicateCompiler();
  const byType = new Map<AiType, CompiledNodeRule[]>(AI_TYPES.map((t) => [t, []]));
  const flowRules: CompiledFlowRule[] = [];
  rules.forEach((rule, order) => {
    const base = {
      rule,
      order,
      title: compileTemplate(rule.title),
      description: compileTemplate(rule.description),
      mitigations: freezeMitigations(rule.mitigations),
      refs: Object.freeze([...rule.refs]),
      stride: Object.freeze([...rule.stride]),
    };
    try {
      if (rule.target === 'node') {
        const compiled: CompiledNodeRule = { ...base, predicate: compiler.node(rule.when) };
        const types = predicateAiTypes(rule.when);
        for (const t of AI_TYPES) if (types === null || types.has(t)) byType.get(t)!.push(compiled);
      } else {
        flowRules.push({ ...base, predicate: compiler.flow(rule.when) });
      }
    } catch (error) {
      throw new Error(`rule "${rule.id}": ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return { rules, nodeRulesByType: byType, flowRules };
}
