// Validation of rule packs. Packs are imported from anywhere, so everything is bounded: the JSON's
// depth and size are checked (without recursion) before anything else looks at it, predicates are
// checked by a depth-limited walker that refuses unknown operators, and every problem has a path.
import * as z from 'zod';
import { STRIDE, capProblems, formatPath, toProblems, zodMessages, type Problem } from '../model';
import { checkPredicate, PREDICATE_LIMITS } from './schema-predicates';
import { FLOW_PLACEHOLDERS, NODE_PLACEHOLDERS, templatePlaceholders } from './template';
import { RULE_PACK_FORMAT, RULE_PACK_FORMAT_VERSION, type RulePack } from './types';

export const RULE_LIMITS = {
  /** Characters of a pack file. */
  fileChars: 5_000_000,
  /** JSON values (objects, arrays, scalars) in a whole pack. */
  values: 250_000,
  /** JSON nesting of a whole pack (the predicate limit below is the stricter one). */
  depth: 64,
  rules: 2000,
  id: 80,
  name: 200,
  title: 300,
  description: 5000,
  refs: 40,
  ref: 129,
  mitigations: 20,
  ...PREDICATE_LIMITS,
} as const;

export type RulePackResult = { ok: true; pack: RulePack } | { ok: false; problems: Problem[] };

const kebab = z
  .string()
  .max(RULE_LIMITS.id)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be kebab-case: lower-case letters and digits joined by "-"' });
/** Same shape as catalog refs: `namespace:entryId`. */
export const RULE_REF_PATTERN = /^[a-z0-9](?:[a-z0-9.-]{0,62}[a-z0-9])?:[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ref = z.string().max(RULE_LIMITS.ref).regex(RULE_REF_PATTERN, { error: 'must look like catalogId:entryId, e.g. owasp-llm-2025:LLM01' });
const text = (max: number) => z.string().min(1).max(max);
const rating = z.literal([1, 2, 3, 4, 5]);

function distinct<T extends z.ZodType<string>>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .superRefine((values, ctx) => {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], message: `"${value}" is listed twice` });
        seen.add(value);
      });
    });
}

const mitigation = z.strictObject({
  title: text(RULE_LIMITS.title),
  description: z.string().max(RULE_LIMITS.description),
  refs: distinct(ref, RULE_LIMITS.refs),
});

const rule = z.strictObject({
  id: kebab,
  family: kebab,
  title: text(RULE_LIMITS.title),
  description: text(RULE_LIMITS.description),
  stride: distinct(z.enum(STRIDE), STRIDE.length).min(1),
  target: z.enum(['node', 'flow']),
  // Checked by the predicate walker (it needs `target`, and must stay depth-bounded).
  when: z.unknown(),
  refs: distinct(ref, RULE_LIMITS.refs),
  likelihood: rating,
  impact: rating,
  mitigations: z.array(mitigation).max(RULE_LIMITS.mitigations),
  includeOutOfScope: z.boolean().optional(),
});

const pack = z.strictObject({
  format: z.literal(RULE_PACK_FORMAT),
  formatVersion: z.literal(RULE_PACK_FORMAT_VERSION),
  id: kebab,
  name: text(RULE_LIMITS.name),
  version: text(40),
  description: z.string().max(RULE_LIMITS.description),
  rules: z.array(rule).max(RULE_LIMITS.rules),
});

/** Depth and size of a JSON value without recursion; stops at the first limit exceeded. */
function measure(input: unknown): Problem | null {
  const stack: [unknown, number][] = [[input, 1]];
  let values = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++values > RULE_LIMITS.values) return { path: '', message: `too large: more than ${RULE_LIMITS.values} values` };
    if (depth > RULE_LIMITS.depth) return { path: '', message: `nested too deeply: more than ${RULE_LIMITS.depth} levels` };
    if (typeof value === 'string' && value.length > RULE_LIMITS.description) {
      return { path: '', message: `contains text longer than ${RULE_LIMITS.description} characters` };
    }
    if (typeof value === 'object' && value !== null) for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks that need the whole rule or the whole pack: predicates, placeholders, unique ids. */
function ruleProblems(input: unknown): Problem[] {
  if (!isObject(input) || !Array.isArray(input.rules)) return [];
  const problems: Problem[] = [];
  const report = (path: readonly PropertyKey[], message: string) => problems.push({ path: formatPath(path), message });
  const seen = new Map<string, number>();
  input.rules.forEach((r: unknown, i) => {
    if (!isObject(r)) return;
    if (typeof r.id === 'string') {
      const first = seen.get(r.id);
      if (first !== undefined) report(['rules', i, 'id'], `duplicate rule id: rules[${first}] already uses "${r.id}"`);
      else seen.set(r.id, i);
    }
    if (r.target !== 'node' && r.target !== 'flow') return;
    if (r.when === undefined) report(['rules', i, 'when'], 'required');
    else checkPredicate(r.target, r.when, ['rules', i, 'when'], report);
    const allowed: readonly string[] = r.target === 'node' ? NODE_PLACEHOLDERS : FLOW_PLACEHOLDERS;
    for (const field of ['title', 'description'] as const) {
      const value = r[field];
      if (typeof value !== 'string' || value.length > RULE_LIMITS.description) continue;
      for (const slot of templatePlaceholders(value)) {
        if (!allowed.includes(slot)) report(['rules', i, field], `unknown placeholder {${slot}}: a ${r.target} rule can use ${allowed.map((a) => `{${a}}`).join(', ')}`);
      }
    }
  });
  return problems;
}

/** Validates a parsed rule pack. Problems are capped; paths look like `rules[3].when.all[1].aiType`. */
export function validateRulePack(input: unknown): RulePackResult {
  const tooBig = measure(input);
  if (tooBig) return { ok: false, problems: [tooBig] };
  const parsed = pack.safeParse(input, { error: zodMessages });
  const problems = [...(parsed.success ? [] : toProblems(parsed.error.issues)), ...ruleProblems(input)];
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: capProblems(problems) };
  return { ok: true, pack: parsed.data as RulePack };
}

/** Parses and validates the text of a rule pack file. */
export function parseRulePack(text: string): RulePackResult {
  if (text.length > RULE_LIMITS.fileChars) return { ok: false, problems: [{ path: '', message: `file too large: more than ${RULE_LIMITS.fileChars} characters` }] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  return validateRulePack(json);
}

