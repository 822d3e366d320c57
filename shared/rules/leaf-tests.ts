// Leaf helpers of the predicate compiler: property comparators, flow flag phrases, and how a
// flow's boundary crossings are matched against a crossing spec and put into words.
import type { Boundary } from '../model';
import type { EvalContext } from './compiled';
import { containersOf, crossingsOf, nodeTrust, trustRank, type FlowView } from './facts';
import { describeBoundary, joinAnd, list } from './phrases';
import type { CrossingSpec, NodeTests } from './types';

export const FLAG_PHRASES = {
  encrypted: ['is encrypted', 'is not encrypted'],
  authenticated: ['is authenticated', 'is not authenticated'],
  publicNetwork: ['runs over a public network', 'stays off public networks'],
  bidirectional: ['is bidirectional', 'is one-way'],
  outOfScope: ['is out of scope', 'is in scope'],
} as const;

/** true, a non-zero number or non-empty text; anything else, including an unset property, is falsy. */
function truthy(v: unknown): boolean {
  return v === true || (typeof v === 'number' && v !== 0 && !Number.isNaN(v)) || (typeof v === 'string' && v !== '');
}

export function comparator(t: NodeTests): (value: unknown) => boolean {
  if (t.eq !== undefined) return (v) => v === t.eq;
  if (t.ne !== undefined) return (v) => v !== t.ne;
  if (t.in !== undefined) {
    const values = new Set<unknown>(t.in);
    return (v) => v !== undefined && values.has(v);
  }
  if (t.truthy) return truthy;
  if (t.falsy) return (v) => !truthy(v);
  if (t.gte !== undefined) return (v) => typeof v === 'number' && v >= t.gte!;
  if (t.lte !== undefined) return (v) => typeof v === 'number' && v <= t.lte!;
  throw new Error(`property test on "${t.prop}" has no comparator`);
}

/** Nested node predicates with quantifiers are memoised per node for one diagram evaluation. */
function zone(level: string | null): string {
  return level === null ? 'outside every boundary' : `${level} trust`;
}

export interface CrossingResult {
  readonly ok: boolean;
  /** Boundaries to name in the explanation: the qualifying ones when ok, else all crossed. */
  readonly shown: readonly Boundary[];
}

export function crossing(ctx: EvalContext, v: FlowView, spec: boolean | CrossingSpec): CrossingResult {
  const crossed = crossingsOf(ctx.facts, v.flow);
  if (crossed.length === 0) return { ok: spec === false, shown: crossed };
  if (typeof spec === 'boolean') return { ok: spec, shown: crossed };

  const fromRank = trustRank(nodeTrust(ctx.facts, v.from));
  const toRank = trustRank(nodeTrust(ctx.facts, v.to));
  // A line boundary has no inside: its direction is unknown, so it counts as crossing either way.
  const line = crossed.some((b) => b.shape === 'line');
  if (spec.fromLowerTrust && !(fromRank < toRank || line)) return { ok: false, shown: crossed };
  if (spec.toLowerTrust && !(fromRank > toRank || line)) return { ok: false, shown: crossed };
  if (spec.trustLevel === undefined && spec.direction === undefined) return { ok: true, shown: crossed };

  const levels = spec.trustLevel === undefined ? null : new Set<string>(list(spec.trustLevel));
  const senderBoxes: readonly Boundary[] = spec.direction ? containersOf(ctx.facts, v.from) : [];
  const qualifying = crossed.filter((b) => {
    if (levels && !levels.has(b.trustLevel)) return false;
    if (!spec.direction || b.shape === 'line') return true;
    return spec.direction === 'leaves' ? senderBoxes.includes(b) : !senderBoxes.includes(b);
  });
  return qualifying.length > 0 ? { ok: true, shown: qualifying } : { ok: false, shown: crossed };
}

export function crossingClause(ctx: EvalContext, v: FlowView, result: CrossingResult): string {
  if (result.shown.length === 0) return 'crosses no trust boundary';
  const fromLevel = nodeTrust(ctx.facts, v.from);
  const toLevel = nodeTrust(ctx.facts, v.to);
  const line = result.shown.some((b) => b.shape === 'line');
  const moving =
    fromLevel !== toLevel ? `, moving data from ${zone(fromLevel)} to ${zone(toLevel)}` : line ? ' (a line boundary: direction unknown)' : '';
  return `crosses ${joinAnd(result.shown.map(describeBoundary))}${moving}`;
}
