// Problems: what validation, migration and file parsing report — a readable path and a reason.
import type * as z from 'zod';

export interface Problem {
  /** Where, e.g. `diagrams[0].nodes[3].name`; empty for the document or file as a whole. */
  readonly path: string;
  readonly message: string;
}

/** More problems than this are summarised: nobody reads the 51st, and a broken file can have millions. */
export const MAX_PROBLEMS = 50;

export function quoteList(values: readonly unknown[], max = 12): string {
  const shown = values.slice(0, max).map((v) => JSON.stringify(v));
  return values.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

// Plain-language messages for a per-parse error map; schema-level `error`s in schema.ts win over it.
export const zodMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) return 'required';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, got ${typeName(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'string') return `too long: at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `too many entries: at most ${issue.maximum}`;
      return `must be at most ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} entries`;
      if (issue.origin === 'string') return `needs at least ${issue.minimum} characters`;
      return issue.inclusive ? `must be at least ${issue.minimum}` : `must be greater than ${issue.minimum}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoteList(issue.values)}` : `must be one of ${quoteList(issue.values)}`;
    case 'invalid_union':
      return Array.isArray(issue.options) ? `must be one of ${quoteList(issue.options)}` : undefined;
    default:
      return undefined;
  }
};

/** `['diagrams', 0, 'nodes', 3, 'name']` → `diagrams[0].nodes[3].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** Caps a problem list at MAX_PROBLEMS, saying how many were left out. */
export function capProblems(problems: readonly Problem[], max = MAX_PROBLEMS): Problem[] {
  if (problems.length <= max) return [...problems];
  const kept = problems.slice(0, max - 1);
  return [...kept, { path: '', message: `…and ${problems.length - kept.length} more problems` }];
}

/** Zod issues → problems; one problem per unknown key so each has its own path. */
export function toProblems(issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((k) => ({ path: formatPath([...issue.path, k]), message: 'unknown field' }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
}
