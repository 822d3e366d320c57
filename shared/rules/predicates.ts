// Predicates compiled to plain closures (no eval): a fast boolean `test` used on every element, and
// an `explain` run only when a rule fired. Tests in an object run in a fixed order (cheap ones
// first), never in the object's key order.
import type { DfdNode } from '../model';
import { combineFlow, combineNode, nested, type CompiledFlowPredicate, type CompiledNodePredicate, type EvalContext, type Fact } from './compiled';
import { containersOf, incomingOf, neighboursOf, nodeTrust, outgoingOf, type FlowView } from './facts';
import { FLAG_PHRASES, comparator, crossing, crossingClause } from './leaf-tests';
import { article, describeBoundary, describeFlow, describeNode, flowPredicateText, formatValue, joinAnd, list, nodePredicateText, typeLabel } from './phrases';
import type { FlowPredicate, FlowTests, NodePredicate, NodeTests } from './types';

export type { CompiledFlowPredicate, CompiledNodePredicate, EvalContext, Fact, FlowOutcome, NodeOutcome } from './compiled';

const NODE_KEYS = ['aiType', 'kind', 'outOfScope', 'insideBoundary', 'prop', 'incoming', 'outgoing', 'connectedTo'] as const;
const COMPARATORS = ['eq', 'ne', 'in', 'truthy', 'falsy', 'gte', 'lte'] as const;
const FLOW_KEYS = ['outOfScope', 'encrypted', 'authenticated', 'publicNetwork', 'bidirectional', 'carries', 'protocol', 'crossesBoundary', 'source', 'target'] as const;
const NODE_ALLOWED = new Set<string>([...NODE_KEYS, ...COMPARATORS]);
const FLOW_ALLOWED = new Set<string>(FLOW_KEYS);

function aloneIfCombinator(p: object): void {
  const keys = Object.keys(p);
  if (keys.length > 1 && keys.some((k) => k === 'all' || k === 'any' || k === 'not')) throw new Error(`a combinator must be alone in its object (got ${keys.join(', ')})`);
}

// ---- the compiler -------------------------------------------------------------------------------

export class PredicateCompiler {
  private nextId = 0;

  node(p: NodePredicate): CompiledNodePredicate {
    const id = this.nextId++;
    if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new Error('node predicate must be an object');
    aloneIfCombinator(p);
    if ('all' in p) return combineNode(id, 'all', p.all.map((c) => this.node(c)));
    if ('any' in p) return combineNode(id, 'any', p.any.map((c) => this.node(c)));
    if ('not' in p) {
      const inner = this.node(p.not);
      return {
        id,
        deep: inner.deep,
        test: (ctx, node) => !inner.test(ctx, node),
        explain: (ctx, node) => {
          const out = inner.explain(ctx, node);
          return { ok: !out.ok, facts: out.facts };
        },
      };
    }
    for (const key of Object.keys(p)) if (!NODE_ALLOWED.has(key)) throw new Error(`unknown node operator "${key}"`);
    const t = p as NodeTests;
    const parts: CompiledNodePredicate[] = [];
    for (const key of NODE_KEYS) if (t[key] !== undefined) parts.push(this.nodeTest(key, t));
    if (parts.length === 0) throw new Error('node predicate has no test');
    return parts.length === 1 ? parts[0]! : combineNode(id, 'all', parts);
  }

  flow(p: FlowPredicate): CompiledFlowPredicate {
    if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new Error('flow predicate must be an object');
    aloneIfCombinator(p);
    if ('all' in p) return combineFlow('all', p.all.map((c) => this.flow(c)));
    if ('any' in p) return combineFlow('any', p.any.map((c) => this.flow(c)));
    if ('not' in p) {
      const inner = this.flow(p.not);
      return {
        deep: inner.deep,
        test: (ctx, view) => !inner.test(ctx, view),
        explain: (ctx, view) => {
          const out = inner.explain(ctx, view);
          return { ...out, ok: !out.ok };
        },
      };
    }
    for (const key of Object.keys(p)) if (!FLOW_ALLOWED.has(key)) throw new Error(`unknown flow operator "${key}"`);
    const t = p as FlowTests;
    const parts: CompiledFlowPredicate[] = [];
    for (const key of FLOW_KEYS) if (t[key] !== undefined) parts.push(this.flowTest(key, t));
    if (parts.length === 0) throw new Error('flow predicate has no test');
    return parts.length === 1 ? parts[0]! : combineFlow('all', parts);
  }

  private leaf(test: (ctx: EvalContext, node: DfdNode) => boolean, say: (ctx: EvalContext, node: DfdNode, ok: boolean) => Fact): CompiledNodePredicate {
    return {
      id: this.nextId++,
      deep: false,
      test,
      explain: (ctx, node) => {
        const ok = test(ctx, node);
        return { ok, facts: [say(ctx, node, ok)] };
      },
    };
  }

  private nodeTest(key: (typeof NODE_KEYS)[number], t: NodeTests): CompiledNodePredicate {
    switch (key) {
      // Type facts are trivial either way: every other fact names the element with its type.
      case 'aiType': {
        const wanted = new Set<string>(list(t.aiType!));
        const text = nodePredicateText({ aiType: t.aiType! }).replace(/^is /, '');
        return this.leaf(
          (_, n) => wanted.has(n.aiType),
          (_, n, ok) => ({ text: `${describeNode(n)} is ${article(typeLabel(n))}${ok ? '' : `, not ${text}`}`, trivial: true }),
        );
      }
      case 'kind': {
        const wanted = new Set<string>(list(t.kind!));
        const text = nodePredicateText({ kind: t.kind! }).replace(/^is /, '');
        return this.leaf(
          (_, n) => wanted.has(n.kind),
          (_, n, ok) => ({ text: `${describeNode(n)} is ${article(n.kind)}${ok ? '' : `, not ${text}`}`, trivial: true }),
        );
      }
      case 'outOfScope': {
        const wanted = t.outOfScope!;
        return this.leaf(
          (_, n) => n.outOfScope === wanted,
          (_, n) =>
            n.outOfScope
              ? { text: `${describeNode(n)} is out of scope${n.outOfScopeReason.trim() ? ` (${n.outOfScopeReason.trim()})` : ''}` }
              : { text: `${describeNode(n)} is in scope`, trivial: true },
        );
      }
      case 'insideBoundary': {
        const spec = t.insideBoundary!;
        const levels = typeof spec === 'object' ? new Set<string>(list(spec.trustLevel)) : null;
        return this.leaf(
          (ctx, n) => {
            if (levels === null) return containersOf(ctx.facts, n).length > 0 === spec;
            const level = nodeTrust(ctx.facts, n);
            return level !== null && levels.has(level);
          },
          (ctx, n) => {
            const inner = ctx.facts.geometry.innermost.get(n.id);
            return { text: inner ? `${describeNode(n)} is inside ${describeBoundary(inner)}` : `${describeNode(n)} is inside no trust boundary` };
          },
        );
      }
      case 'prop':
        return this.propTest(t);
      case 'incoming':
      case 'outgoing':
        return this.flowQuantifier(key, this.flow(t[key]!), t[key]!);
      case 'connectedTo':
        return this.connectedTo(this.node(t.connectedTo!), t.connectedTo!);
    }
  }

  private propTest(t: NodeTests): CompiledNodePredicate {
    const key = t.prop!;
    const compare = comparator(t);
    const read = (n: DfdNode) => (Object.hasOwn(n.properties, key) ? n.properties[key] : undefined);
    return this.leaf(
      (_, n) => compare(read(n)),
      (_, n) => {
        const value = read(n);
        return { text: value === undefined ? `${describeNode(n)}: property ${key} is not set` : `${describeNode(n)}: property ${key} = ${formatValue(value)}` };
      },
    );
  }

  private flowQuantifier(key: 'incoming' | 'outgoing', inner: CompiledFlowPredicate, source: FlowPredicate): CompiledNodePredicate {
    const viewsOf = key === 'incoming' ? incomingOf : outgoingOf;
    const id = this.nextId++;
    return {
      id,
      deep: true,
      test: (ctx, n) => {
        for (const v of viewsOf(ctx.facts, n)) if (inner.test(ctx, v)) return true;
        return false;
      },
      explain: (ctx, n) => {
        const views = viewsOf(ctx.facts, n);
        const matching = views.filter((v) => inner.test(ctx, v));
        const first = matching[0];
        if (!first) {
          const what = views.length === 0 ? `${key === 'incoming' ? 'receives' : 'sends'} no flows` : `${key === 'incoming' ? 'receives' : 'sends'} no flow that ${flowPredicateText(source)}`;
          return { ok: false, facts: [{ text: `${describeNode(n)} ${what}` }] };
        }
        const out = inner.explain(ctx, first);
        const verb = key === 'incoming' ? `receives ${describeFlow(first.flow)} from ${describeNode(first.from)}` : `sends ${describeFlow(first.flow)} to ${describeNode(first.to)}`;
        const that = out.clauses.length > 0 ? ` that ${joinAnd(out.clauses)}` : '';
        const more = matching.length > 1 ? ` (and ${matching.length - 1} more like it)` : '';
        return { ok: true, facts: [{ text: `${describeNode(n)} ${verb}${that}${more}` }, ...out.facts] };
      },
    };
  }

  private connectedTo(inner: CompiledNodePredicate, source: NodePredicate): CompiledNodePredicate {
    const id = this.nextId++;
    return {
      id,
      deep: true,
      test: (ctx, n) => {
        for (const m of neighboursOf(ctx.facts, n)) if (nested(ctx, inner, m)) return true;
        return false;
      },
      explain: (ctx, n) => {
        const match = neighboursOf(ctx.facts, n).find((m) => nested(ctx, inner, m));
        if (!match) return { ok: false, facts: [{ text: `${describeNode(n)} is connected to nothing that ${nodePredicateText(source)}` }] };
        return { ok: true, facts: [{ text: `${describeNode(n)} is connected to ${describeNode(match)}` }, ...inner.explain(ctx, match).facts] };
      },
    };
  }

  private flowLeaf(test: (ctx: EvalContext, v: FlowView) => boolean, say: (ctx: EvalContext, v: FlowView, ok: boolean) => string): CompiledFlowPredicate {
    return {
      deep: false,
      test,
      explain: (ctx, v) => {
        const ok = test(ctx, v);
        return { ok, clauses: [say(ctx, v, ok)], facts: [] };
      },
    };
  }

  private flowFlag(field: 'encrypted' | 'authenticated' | 'publicNetwork' | 'bidirectional' | 'outOfScope', wanted: boolean): CompiledFlowPredicate {
    const phrase = FLAG_PHRASES[field];
    return this.flowLeaf(
      (_, v) => v.flow[field] === wanted,
      (_, v) => (v.flow[field] ? phrase[0] : phrase[1]),
    );
  }

  private flowTest(key: (typeof FLOW_KEYS)[number], t: FlowTests): CompiledFlowPredicate {
    switch (key) {
      case 'outOfScope':
      case 'encrypted':
      case 'authenticated':
      case 'publicNetwork':
      case 'bidirectional':
        return this.flowFlag(key, t[key]!);
      case 'carries': {
        const wanted = new Set<string>(list(t.carries!));
        return this.flowLeaf(
          (_, v) => {
            for (const c of v.flow.carries) if (wanted.has(c)) return true;
            return false;
          },
          (_, v, ok) => {
            const carried = v.flow.carries;
            if (ok) return `carries ${joinAnd(carried.filter((c) => wanted.has(c)))}`;
            return carried.length === 0 ? 'carries no tagged data' : `carries only ${joinAnd(carried)}`;
          },
        );
      }
      case 'protocol': {
        const wanted = new Set(list(t.protocol!).map((p) => p.trim().toLowerCase()));
        return this.flowLeaf(
          (_, v) => wanted.has(v.flow.protocol.trim().toLowerCase()),
          (_, v) => (v.flow.protocol.trim() ? `uses ${v.flow.protocol.trim()}` : 'names no protocol'),
        );
      }
      case 'crossesBoundary': {
        const spec = t.crossesBoundary!;
        return this.flowLeaf(
          (ctx, v) => crossing(ctx, v, spec).ok,
          (ctx, v) => crossingClause(ctx, v, crossing(ctx, v, spec)),
        );
      }
      case 'source':
      case 'target': {
        const inner = this.node(t[key]!);
        const end = (v: FlowView) => (key === 'source' ? v.from : v.to);
        return {
          deep: true,
          test: (ctx, v) => nested(ctx, inner, end(v)),
          explain: (ctx, v) => {
            const out = inner.explain(ctx, end(v));
            return { ok: out.ok, clauses: [], facts: out.facts };
          },
        };
      }
    }
  }
}
