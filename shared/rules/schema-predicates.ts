// The predicate walker behind validateRulePack: depth-limited, refuses unknown operators and
// misplaced tests with a path and a hint. Leaf values are checked with small zod schemas.
import * as z from 'zod';
import { AI_TYPES, DATA_CATEGORIES, TRUST_LEVELS, zodMessages } from '../model';

export const PREDICATE_LIMITS = {
  /** Predicate objects nested inside one another (combinators and quantifiers). */
  predicateDepth: 16,
  /** incoming / outgoing / connectedTo / source / target nested inside one another. */
  quantifierDepth: 4,
  /** Predicate objects in one rule. */
  predicateSize: 300,
  /** Children of `all` / `any`, values of `in`. */
  items: 64,
  /** A property value or protocol name in a predicate. */
  value: 200,
} as const;

type Report = (path: readonly PropertyKey[], message: string) => void;

const NODE_TESTS = ['aiType', 'kind', 'outOfScope', 'insideBoundary', 'prop', 'incoming', 'outgoing', 'connectedTo'];
const COMPARATORS = ['eq', 'ne', 'in', 'truthy', 'falsy', 'gte', 'lte'];
const FLOW_TESTS = ['source', 'target', 'encrypted', 'authenticated', 'publicNetwork', 'bidirectional', 'outOfScope', 'carries', 'protocol', 'crossesBoundary'];
const COMBINATORS = ['all', 'any', 'not'];

const oneOrMore = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.union([item, z.array(item).min(1).max(max)], { error: `must be ${what}, or a non-empty list of them` });
const names = (values: readonly string[]) => `one of ${values.slice(0, 6).map((v) => JSON.stringify(v)).join(', ')}${values.length > 6 ? ', …' : ''}`;
const trustLevels = oneOrMore(z.enum(TRUST_LEVELS), TRUST_LEVELS.length, names(TRUST_LEVELS));
const scalar = z.union([z.string().max(PREDICATE_LIMITS.value), z.number(), z.boolean()], { error: 'must be text, a number or true/false' });

const LEAVES: Record<string, z.ZodType> = {
  aiType: oneOrMore(z.enum(AI_TYPES), AI_TYPES.length, `an AI component type (${names(AI_TYPES)})`),
  kind: oneOrMore(z.enum(['process', 'store', 'external']), 3, names(['process', 'store', 'external'])),
  outOfScope: z.boolean(),
  insideBoundary: z.union([z.boolean(), z.strictObject({ trustLevel: trustLevels })], { error: 'must be true, false or { "trustLevel": [...] }' }),
  prop: z.string().max(100).regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { error: 'must be a property key such as authentication' }),
  eq: scalar,
  ne: scalar,
  in: z.array(scalar).min(1).max(PREDICATE_LIMITS.items),
  truthy: z.literal(true, { error: 'must be true' }),
  falsy: z.literal(true, { error: 'must be true' }),
  gte: z.number(),
  lte: z.number(),
  encrypted: z.boolean(),
  authenticated: z.boolean(),
  publicNetwork: z.boolean(),
  bidirectional: z.boolean(),
  carries: oneOrMore(z.enum(DATA_CATEGORIES), DATA_CATEGORIES.length, names(DATA_CATEGORIES)),
  protocol: oneOrMore(z.string().min(1).max(40), 16, 'a protocol name'),
  crossesBoundary: z.union(
    [
      z.boolean(),
      z
        .strictObject({
          fromLowerTrust: z.literal(true).optional(),
          toLowerTrust: z.literal(true).optional(),
          direction: z.enum(['enters', 'leaves']).optional(),
          trustLevel: trustLevels.optional(),
        })
        .refine((o) => Object.keys(o).length > 0, { error: 'needs at least one of fromLowerTrust, toLowerTrust, direction, trustLevel (or use true)' }),
    ],
    { error: 'must be true, false or an object with fromLowerTrust, toLowerTrust, direction or trustLevel' },
  ),
};

interface Walk {
  readonly report: Report;
  size: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function leaf(walk: Walk, key: string, value: unknown, path: readonly PropertyKey[]): void {
  const result = LEAVES[key]!.safeParse(value, { error: zodMessages });
  if (result.success) return;
  for (const issue of result.error.issues.slice(0, 3)) walk.report([...path, ...issue.path], issue.message);
}

function misplaced(key: string, on: 'node' | 'flow'): string {
  if (on === 'node' && FLOW_TESTS.includes(key)) return `unknown operator "${key}" on a node: it tests a flow, so put it inside "incoming" or "outgoing"`;
  if (on === 'flow' && (NODE_TESTS.includes(key) || COMPARATORS.includes(key))) {
    return `unknown operator "${key}" on a flow: it tests a node, so put it inside "source" or "target"`;
  }
  return `unknown operator "${key}"`;
}

function walkPredicate(walk: Walk, on: 'node' | 'flow', p: unknown, path: readonly PropertyKey[], depth: number, quantifiers: number): void {
  if (++walk.size > PREDICATE_LIMITS.predicateSize) {
    if (walk.size === PREDICATE_LIMITS.predicateSize + 1) walk.report(path, `rule too large: more than ${PREDICATE_LIMITS.predicateSize} predicates`);
    return;
  }
  if (depth > PREDICATE_LIMITS.predicateDepth) return walk.report(path, `nested too deeply: at most ${PREDICATE_LIMITS.predicateDepth} levels`);
  if (!isObject(p)) return walk.report(path, `must be a ${on} predicate object, e.g. ${on === 'node' ? '{ "aiType": "llm" }' : '{ "encrypted": false }'}`);
  const keys = Object.keys(p);
  if (keys.length === 0) return walk.report(path, 'empty predicate: needs at least one test');

  const combinator = keys.find((k) => COMBINATORS.includes(k));
  if (combinator !== undefined) {
    if (keys.length > 1) return walk.report(path, `"${combinator}" must be alone in its object: put the other tests inside it`);
    const inner = p[combinator];
    if (combinator === 'not') return walkPredicate(walk, on, inner, [...path, 'not'], depth + 1, quantifiers);
    if (!Array.isArray(inner) || inner.length === 0) return walk.report([...path, combinator], 'must be a list of at least one predicate');
    if (inner.length > PREDICATE_LIMITS.items) return walk.report([...path, combinator], `too many entries: at most ${PREDICATE_LIMITS.items}`);
    inner.forEach((child, i) => walkPredicate(walk, on, child, [...path, combinator, i], depth + 1, quantifiers));
    return;
  }

  const allowed = on === 'node' ? [...NODE_TESTS, ...COMPARATORS] : FLOW_TESTS;
  for (const key of keys) {
    const at = [...path, key];
    if (!allowed.includes(key)) {
      walk.report(at, misplaced(key, on));
      continue;
    }
    const value = p[key];
    const nested = (into: 'node' | 'flow') => {
      if (quantifiers >= PREDICATE_LIMITS.quantifierDepth) walk.report(at, `quantifiers nested too deeply: at most ${PREDICATE_LIMITS.quantifierDepth}`);
      else walkPredicate(walk, into, value, at, depth + 1, quantifiers + 1);
    };
    if (key === 'incoming' || key === 'outgoing') nested('flow');
    else if (key === 'connectedTo' || key === 'source' || key === 'target') nested('node');
    else leaf(walk, key, value, at);
  }

  if (on === 'node') {
    const comparators = keys.filter((k) => COMPARATORS.includes(k));
    if (comparators.length > 0 && !keys.includes('prop')) walk.report([...path, comparators[0]!], `"${comparators[0]}" compares a property: add "prop" beside it`);
    else if (keys.includes('prop') && comparators.length !== 1) {
      walk.report([...path, 'prop'], comparators.length === 0 ? `needs one comparator beside it: ${COMPARATORS.join(', ')}` : `takes exactly one comparator, got ${comparators.join(', ')}`);
    }
  }
}

/** Checks a rule's `when` for a node or flow rule, reporting each problem at its path. */
export function checkPredicate(target: 'node' | 'flow', when: unknown, path: readonly PropertyKey[], report: Report): void {
  walkPredicate({ report, size: 0 }, target, when, path, 1, 0);
}
