// Rules are data: a rule pack is JSON with a declarative predicate per rule (no code, no eval).
// catalogs/rules/README.md documents the language for people who write packs.
import type { AiType, DataCategory, DfdKind, PropertyValue, Rating, StrideLetter, TrustLevel, Uuid } from '../model';

export const RULE_PACK_FORMAT = 'threatloom-rules';
export const RULE_PACK_FORMAT_VERSION = 1;

// ---- predicates ---------------------------------------------------------------------------------
// Every predicate object is either a combinator (`all`, `any`, `not` — alone in its object) or a
// set of tests that must ALL hold. Keys are evaluated in a fixed order, never object key order.

export type OneOrMore<T> = T | readonly T[];

/** Tests on a node. `prop` takes exactly one comparator beside it. */
export interface NodeTests {
  readonly aiType?: OneOrMore<AiType>;
  readonly kind?: OneOrMore<DfdKind>;
  readonly outOfScope?: boolean;
  /** true: inside at least one box boundary; false: inside none; object: the innermost box has one of these trust levels. */
  readonly insideBoundary?: boolean | { readonly trustLevel: OneOrMore<TrustLevel> };
  readonly prop?: string;
  readonly eq?: PropertyValue;
  readonly ne?: PropertyValue;
  readonly in?: readonly PropertyValue[];
  readonly truthy?: true;
  readonly falsy?: true;
  readonly gte?: number;
  readonly lte?: number;
  /** Some flow delivers data to the node (a bidirectional flow counts both ways). */
  readonly incoming?: FlowPredicate;
  /** Some flow carries data away from the node. */
  readonly outgoing?: FlowPredicate;
  /** Some node at the other end of any flow matches. */
  readonly connectedTo?: NodePredicate;
}

export type NodePredicate =
  | { readonly all: readonly NodePredicate[] }
  | { readonly any: readonly NodePredicate[] }
  | { readonly not: NodePredicate }
  | NodeTests;

/** Which boundary crossings count; every given field must hold. */
export interface CrossingSpec {
  /** The data moves from a less trusted zone to a more trusted one. */
  readonly fromLowerTrust?: true;
  /** The data moves to a less trusted zone. */
  readonly toLowerTrust?: true;
  /** enters: into a box the sender is not in; leaves: out of a box the sender is in. */
  readonly direction?: 'enters' | 'leaves';
  /** At least one crossed boundary has one of these trust levels. */
  readonly trustLevel?: OneOrMore<TrustLevel>;
}

/** Tests on a flow, seen in the direction data moves (`source` sends, `target` receives). */
export interface FlowTests {
  readonly source?: NodePredicate;
  readonly target?: NodePredicate;
  readonly encrypted?: boolean;
  readonly authenticated?: boolean;
  readonly publicNetwork?: boolean;
  readonly bidirectional?: boolean;
  readonly outOfScope?: boolean;
  /** Carries at least one of these data categories. */
  readonly carries?: OneOrMore<DataCategory>;
  /** The protocol is one of these (case-insensitive, trimmed). */
  readonly protocol?: OneOrMore<string>;
  /** true: crosses at least one trust boundary; false: crosses none; object: a qualifying crossing. */
  readonly crossesBoundary?: boolean | CrossingSpec;
}

export type FlowPredicate =
  | { readonly all: readonly FlowPredicate[] }
  | { readonly any: readonly FlowPredicate[] }
  | { readonly not: FlowPredicate }
  | FlowTests;

// ---- rules and packs ------------------------------------------------------------------------------

export interface RuleMitigation {
  readonly title: string;
  readonly description: string;
  /** Control references, e.g. `atlas:AML.M0015`. */
  readonly refs: readonly string[];
}

interface RuleBase {
  /** Kebab-case, unique in its pack and stable: suggestion keys and accepted threats keep it. */
  readonly id: string;
  /** Grouping for people and tests (`llm`, `agent`, `boundary-flow`, …). */
  readonly family: string;
  /** Template: `{name}` and, for node rules, `{type}`; for flow rules also `{source}` and `{target}`. */
  readonly title: string;
  /** Same placeholders as the title. */
  readonly description: string;
  readonly stride: readonly StrideLetter[];
  /** `catalogId:entryId`, e.g. `owasp-llm-2025:LLM01`, `atlas:AML.T0051.000`. */
  readonly refs: readonly string[];
  readonly likelihood: Rating;
  readonly impact: Rating;
  readonly mitigations: readonly RuleMitigation[];
  /** Evaluate out-of-scope elements too (normally they get no suggestions). */
  readonly includeOutOfScope?: boolean;
}

export interface NodeRule extends RuleBase {
  readonly target: 'node';
  readonly when: NodePredicate;
}

export interface FlowRule extends RuleBase {
  readonly target: 'flow';
  readonly when: FlowPredicate;
}

export type Rule = NodeRule | FlowRule;

export interface RulePack {
  readonly format: typeof RULE_PACK_FORMAT;
  readonly formatVersion: typeof RULE_PACK_FORMAT_VERSION;
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly rules: readonly Rule[];
}

// ---- results ---------------------------------------------------------------------------------------

export interface Explanation {
  readonly ruleId: string;
  /** Human-readable statements of what made the rule fire, most important first. */
  readonly facts: readonly string[];
}

export interface SuggestedThreat {
  /** `ruleId@elementId`: stable across evaluations, used to remember dismissals. */
  readonly key: string;
  readonly ruleId: string;
  readonly elementId: Uuid;
  readonly elementType: 'node' | 'flow';
  readonly diagramId: Uuid;
  readonly title: string;
  readonly description: string;
  readonly stride: readonly StrideLetter[];
  readonly refs: readonly string[];
  readonly likelihood: Rating;
  readonly impact: Rating;
  readonly mitigations: readonly RuleMitigation[];
  readonly explanation: Explanation;
}
