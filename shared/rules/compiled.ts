// The compiled form of predicates: closures with a fast boolean `test` and an `explain` that
// returns the facts deciding the outcome, plus the combinators shared by node and flow predicates.
//
// Explanations follow the outcome: `all` that holds keeps every child's facts, `all` that fails
// keeps the first failing child's; `any` the reverse; `not` keeps its child's facts.
import type { DfdNode, Uuid } from '../model';
import type { FlowView, DiagramFacts } from './facts';

export interface Fact {
  readonly text: string;
  /** Implied by other facts (e.g. "… is an LLM"); dropped when anything else explains the outcome. */
  readonly trivial?: boolean;
}

export interface NodeOutcome {
  readonly ok: boolean;
  readonly facts: readonly Fact[];
}

/** Clauses are about the flow itself ("is not encrypted"); facts are sentences about its endpoints. */
export interface FlowOutcome {
  readonly ok: boolean;
  readonly clauses: readonly string[];
  readonly facts: readonly Fact[];
}

export interface EvalContext {
  readonly facts: DiagramFacts;
  /** Results of nested node predicates that contain quantifiers, per node: bounds hostile nesting. */
  readonly memo: Map<number, Map<Uuid, boolean>>;
}

export interface CompiledNodePredicate {
  readonly id: number;
  /** Contains a quantifier (incoming, outgoing, connectedTo, source, target). */
  readonly deep: boolean;
  test(ctx: EvalContext, node: DfdNode): boolean;
  explain(ctx: EvalContext, node: DfdNode): NodeOutcome;
}

export interface CompiledFlowPredicate {
  readonly deep: boolean;
  test(ctx: EvalContext, view: FlowView): boolean;
  explain(ctx: EvalContext, view: FlowView): FlowOutcome;
}

// ---- combinators (shared shape for nodes and flows) ------------------------------------------------

export function combineNode(id: number, kind: 'all' | 'any', parts: readonly CompiledNodePredicate[]): CompiledNodePredicate {
  const deep = parts.some((p) => p.deep);
  if (kind === 'all') {
    return {
      id,
      deep,
      test: (ctx, node) => {
        for (const p of parts) if (!p.test(ctx, node)) return false;
        return true;
      },
      explain: (ctx, node) => {
        const facts: Fact[] = [];
        for (const p of parts) {
          const out = p.explain(ctx, node);
          if (!out.ok) return out;
          facts.push(...out.facts);
        }
        return { ok: true, facts };
      },
    };
  }
  return {
    id,
    deep,
    test: (ctx, node) => {
      for (const p of parts) if (p.test(ctx, node)) return true;
      return false;
    },
    explain: (ctx, node) => {
      const facts: Fact[] = [];
      for (const p of parts) {
        const out = p.explain(ctx, node);
        if (out.ok) return out;
        facts.push(...out.facts);
      }
      return { ok: false, facts };
    },
  };
}

export function combineFlow(kind: 'all' | 'any', parts: readonly CompiledFlowPredicate[]): CompiledFlowPredicate {
  const deep = parts.some((p) => p.deep);
  const want = kind === 'all';
  return {
    deep,
    test: (ctx, view) => {
      // all: false at the first failure; any: true at the first success.
      for (const p of parts) if (p.test(ctx, view) !== want) return !want;
      return want;
    },
    explain: (ctx, view) => {
      const clauses: string[] = [];
      const facts: Fact[] = [];
      for (const p of parts) {
        const out = p.explain(ctx, view);
        // `all` stops at the first failure, `any` at the first success: that child alone explains it.
        if (out.ok !== want) return out;
        clauses.push(...out.clauses);
        facts.push(...out.facts);
      }
      return { ok: want, clauses, facts };
    },
  };
}

export function nested(ctx: EvalContext, p: CompiledNodePredicate, node: DfdNode): boolean {
  if (!p.deep) return p.test(ctx, node);
  let seen = ctx.memo.get(p.id);
  if (!seen) ctx.memo.set(p.id, (seen = new Map()));
  const known = seen.get(node.id);
  if (known !== undefined) return known;
  const result = p.test(ctx, node);
  seen.set(node.id, result);
  return result;
}
