// The schema of the current document shape, plus the cross-record rules a schema cannot express.
// Model files come from other people (git, e-mail, imports), so every field is bounded: a hostile
// or broken file yields a list of problems with readable paths, never a crash or a huge record.
import * as z from 'zod';
import { componentType, type PropertyDef } from './component-types';
import { capProblems, quoteList, toProblems, zodMessages, type Problem } from './problems';
import { referenceProblems } from './references';
import { lifecycleProblems } from './lifecycle';
import { CURRENT_SCHEMA_VERSION } from './version';
import {
  AI_TYPES,
  ASSET_KINDS,
  DATA_CATEGORIES,
  MITIGATION_STATUSES,
  OWASP_RISK_FACTORS,
  MODEL_FORMAT,
  STRIDE,
  THREAT_STATUSES,
  TRUST_LEVELS,
  type DfdNode,
  type ModelDocument,
  type PropertyValue,
  type OwaspRiskFactor,
} from './types';

export type ValidationResult = { ok: true; doc: ModelDocument } | { ok: false; problems: Problem[] };

export const LIMITS = {
  name: 500,
  description: 20_000,
  ref: 200,
  key: 100,
  list: 100_000,
  /** Coordinates and sizes in diagram units; far beyond any real canvas, small enough to stay exact. */
  coordinate: 10_000_000,
} as const;

// ---- shape -------------------------------------------------------------------------------------

const id = z.guid({ error: 'must be a UUID' });
const name = z.string().max(LIMITS.name);
const text = z.string().max(LIMITS.description);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.list);
const coordinate = z.number().min(-LIMITS.coordinate).max(LIMITS.coordinate);
const point = z.strictObject({ x: coordinate, y: coordinate });
const length = z.number().positive().max(LIMITS.coordinate);
const size = z.strictObject({ width: length, height: length });
const rating = z.literal([1, 2, 3, 4, 5]);
const key = z.string().max(LIMITS.key).regex(/^[A-Za-z0-9][\w.-]*$/, { error: 'must be letters, digits, ".", "-" or "_"' });
/** `catalogId:entryId`, e.g. `owasp-llm-2025:LLM01`. */
const ref = z
  .string()
  .max(LIMITS.ref)
  .regex(/^[^\s:]+:\S+$/, { error: 'must look like catalogId:entryId, e.g. owasp-llm-2025:LLM01' });
const isoDate = z.iso.date({ error: 'must be a date like 2025-01-31' });
const isoDateOrEmpty = z.literal('').or(z.iso.date({ error: 'must be a date like 2025-01-31, or empty' }));
const timestamp = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp like 2025-01-31T09:30:00.000Z' });

/** Reports the second and later occurrence of a value, at its own index. */
function distinct<T extends z.ZodType<string>>(item: T) {
  return list(item).superRefine((values, ctx) => {
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], message: `"${value}" is listed twice` });
      seen.add(value);
    });
  });
}

/** A string-keyed map. z.record silently drops a `__proto__` key; a file that has one is suspect, so say so. */
function record<T extends z.ZodType>(value: T) {
  return z
    .unknown()
    .superRefine((input, ctx) => {
      if (typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__')) {
        ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'unknown field' });
      }
    })
    .pipe(z.record(key, value));
}

const propertyValue = z.union([z.string().max(LIMITS.name), z.number(), z.boolean()], {
  error: 'must be text, a number or true/false',
});

const node = z
  .strictObject({
    id,
    kind: z.enum(['process', 'store', 'external']),
    aiType: z.enum(AI_TYPES),
    name,
    description: text,
    position: point,
    size,
    properties: record(propertyValue),
    outOfScope: z.boolean(),
    outOfScopeReason: text,
  })
  .superRefine((n, ctx) => {
    const type = componentType(n.aiType);
    if (n.kind !== type.kind) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `must be "${type.kind}" for a ${n.aiType} node` });
    }
    for (const [path, message] of propertyProblems(n)) ctx.addIssue({ code: 'custom', path, message });
  });

const flow = z.strictObject({
  id,
  source: id,
  target: id,
  name,
  description: text,
  bidirectional: z.boolean(),
  protocol: name,
  encrypted: z.boolean(),
  authenticated: z.boolean(),
  publicNetwork: z.boolean(),
  carries: distinct(z.enum(DATA_CATEGORIES)),
  vertices: list(point),
  outOfScope: z.boolean(),
  outOfScopeReason: text,
});

const boundaryBase = { id, name, description: text, trustLevel: z.enum(TRUST_LEVELS) };
const boundary = z.discriminatedUnion('shape', [
  z.strictObject({ ...boundaryBase, shape: z.literal('box'), position: point, size }),
  z.strictObject({ ...boundaryBase, shape: z.literal('line'), points: list(point).min(2, { error: 'a line needs at least 2 points' }) }),
]);

const diagram = z.strictObject({ id, name, nodes: list(node), flows: list(flow), boundaries: list(boundary) });

const asset = z.strictObject({
  id,
  name,
  kind: z.enum(ASSET_KINDS),
  description: text,
  confidentiality: rating,
  integrity: rating,
  availability: rating,
  elementIds: distinct(id),
});

const origin = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('manual') }),
  z.strictObject({ kind: z.literal('rule'), ruleId: name, facts: list(text) }),
]);

const threat = z.strictObject({
  id,
  title: name,
  description: text,
  elementIds: distinct(id),
  stride: distinct(z.enum(STRIDE)),
  refs: distinct(ref),
  origin,
  status: z.enum(THREAT_STATUSES),
  likelihood: rating.nullable(),
  impact: rating.nullable(),
  owner: name,
  mitigationIds: distinct(id),
  acceptance: z
    .strictObject({ rationale: text, approver: name, date: isoDate, reviewBy: isoDateOrEmpty })
    .nullable(),
  statusReason: text,
  owaspRisk: z
    .strictObject(Object.fromEntries(OWASP_RISK_FACTORS.map((f) => [f, z.int().min(0).max(9)])) as Record<OwaspRiskFactor, z.ZodInt>)
    .nullable(),
});

const mitigation = z.strictObject({
  id,
  title: name,
  description: text,
  status: z.enum(MITIGATION_STATUSES),
  owner: name,
  dueDate: isoDateOrEmpty,
  phase: name,
  refs: distinct(ref),
  effectiveness: z.number().min(0).max(1),
  rejectionReason: text,
});

const attackTreeStep = z.strictObject({
  id,
  label: name,
  parentId: id.nullable(),
  gate: z.enum(['and', 'or']),
  threatIds: distinct(id),
  mitigationIds: distinct(id),
});

const attackTree = z.strictObject({ id, goal: name, steps: list(attackTreeStep) });

const reviewCheck = z.strictObject({ id: name, label: name, done: z.boolean() });
const reviewBaseline = z.strictObject({
  elements: list(id),
  threats: z.record(id, z.enum(THREAT_STATUSES)),
  mitigations: z.record(id, z.enum(MITIGATION_STATUSES)),
});
const review = z.strictObject({ id, reviewer: name, date: isoDate, notes: text, checklist: list(reviewCheck), baseline: reviewBaseline });
const elementReview = z.strictObject({ elementId: id, date: timestamp });

const dismissal = z.strictObject({ key: name, ruleId: name, elementId: id, reason: text, date: timestamp });

const scope = z.strictObject({ inScope: text, outOfScope: text, assumptions: text, businessObjectives: text });

export const documentSchema = z.strictObject({
  format: z.literal(MODEL_FORMAT, { error: `must be "${MODEL_FORMAT}"` }),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION, {
    error: `must be ${CURRENT_SCHEMA_VERSION}; older documents are migrated before they are validated`,
  }),
  id,
  title: name,
  description: text,
  owner: name,
  reviewers: list(name),
  version: name,
  createdAt: timestamp,
  updatedAt: timestamp,
  scope,
  diagrams: list(diagram),
  assets: list(asset),
  threats: list(threat),
  mitigations: list(mitigation),
  attackTrees: list(attackTree),
  reviews: list(review),
  dismissals: list(dismissal),
  strideReviews: list(elementReview),
  catalogVersions: record(name),
});

// ---- node properties ---------------------------------------------------------------------------

// Missing keys are allowed on purpose: readers fall back to the PropertyDef default, so adding a
// property to a component type does not force a migration of every existing model.
function propertyProblems(n: Pick<DfdNode, 'aiType' | 'properties'>): [PropertyKey[], string][] {
  const type = componentType(n.aiType);
  const defs = new Map(type.properties.map((def) => [def.key, def]));
  const problems: [PropertyKey[], string][] = [];
  for (const [propertyKey, value] of Object.entries(n.properties)) {
    const def = defs.get(propertyKey);
    const message = def ? propertyProblem(def, value) : `not a property of ${type.label}`;
    if (message) problems.push([['properties', propertyKey], message]);
  }
  return problems;
}

function propertyProblem(def: PropertyDef, value: PropertyValue): string | undefined {
  switch (def.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'text':
      return typeof value === 'string' ? undefined : 'must be text';
    case 'number':
      if (typeof value !== 'number') return 'must be a number';
      return value < def.min || value > def.max ? `must be between ${def.min} and ${def.max}` : undefined;
    case 'enum': {
      const allowed = def.options.map((o) => o.value);
      return typeof value === 'string' && allowed.includes(value) ? undefined : `must be one of ${quoteList(allowed)}`;
    }
  }
}

// ---- validation --------------------------------------------------------------------------------

/** Checks shape first; cross-record rules need a well-formed document, so they run only after. */
export function validateDocument(input: unknown): ValidationResult {
  const parsed = documentSchema.safeParse(input, { error: zodMessages });
  if (!parsed.success) return { ok: false, problems: capProblems(toProblems(parsed.error.issues)) };
  const doc: ModelDocument = parsed.data;
  const problems = [...referenceProblems(doc), ...lifecycleProblems(doc)];
  return problems.length === 0 ? { ok: true, doc } : { ok: false, problems: capProblems(problems) };
}
