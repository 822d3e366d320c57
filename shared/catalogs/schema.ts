// The schema of a catalog file and a crosswalk file. Bundled files are checked by tests; imported
// packs come from anyone, so every string, list and id is bounded and problems carry readable paths.
import * as z from 'zod';
import { AI_TYPES, STRIDE, capProblems, toProblems, zodMessages, type Problem } from '../model';
import {
  CATALOG_FORMAT,
  CATALOG_FORMAT_VERSION,
  CATALOG_KINDS,
  CROSSWALK_FORMAT,
  type CatalogFile,
  type CrosswalkFile,
} from './types';

export const CATALOG_LIMITS = {
  entries: 5000,
  rows: 2000,
  id: 64,
  name: 300,
  summary: 2000,
  description: 50_000,
  title: 300,
  note: 2000,
  url: 500,
  refs: 300,
  tags: 50,
  tag: 100,
} as const;

/** Catalog ids and namespaces: lower-case words joined by `-` or `.` (`atlas-5.6.0`, `owasp-llm-2025`). */
export const NAMESPACE_PATTERN = /^[a-z0-9](?:[a-z0-9.-]{0,62}[a-z0-9])?$/;
/** Entry ids as published: letters, digits, `.`, `-`, `_` (`LLM01`, `AML.T0051.000`, `MAP-4.1`). */
export const ENTRY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** `namespace:entryId`. */
export const REF_PATTERN = /^([a-z0-9](?:[a-z0-9.-]{0,62}[a-z0-9])?):([A-Za-z0-9][A-Za-z0-9._-]{0,63})$/;

const namespace = z.string().max(CATALOG_LIMITS.id).regex(NAMESPACE_PATTERN, {
  error: 'must be lower-case letters, digits, "-" or "." (e.g. owasp-llm-2025)',
});
const entryId = z.string().max(CATALOG_LIMITS.id).regex(ENTRY_ID_PATTERN, {
  error: 'must be letters, digits, ".", "-" or "_" (e.g. LLM01, AML.T0051)',
});
const ref = z.string().max(CATALOG_LIMITS.id * 2 + 1).regex(REF_PATTERN, {
  error: 'must look like namespace:entryId, e.g. owasp-llm-2025:LLM01',
});
const text = (max: number) => z.string().min(1).max(max);
const url = z.string().max(CATALOG_LIMITS.url).regex(/^https?:\/\/[^\s"<>]+$/, { error: 'must be an http(s) URL' });
const kindWord = z.string().max(40).regex(/^[a-z][a-z-]*$/, { error: 'must be a lower-case word such as technique' });

/** A list whose second and later duplicates are reported at their own index. */
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

const licence = z.strictObject({ name: text(CATALOG_LIMITS.title), url: url.optional(), note: text(CATALOG_LIMITS.note) });

const perComponent = z.strictObject(
  Object.fromEntries(AI_TYPES.map((type) => [type, text(CATALOG_LIMITS.summary).optional()])) as Record<
    (typeof AI_TYPES)[number],
    z.ZodOptional<z.ZodString>
  >,
);

const entry = z.strictObject({
  id: entryId,
  name: text(CATALOG_LIMITS.name),
  kind: kindWord,
  summary: text(CATALOG_LIMITS.summary).optional(),
  description: text(CATALOG_LIMITS.description).optional(),
  stride: distinct(z.enum(STRIDE), STRIDE.length).optional(),
  appliesTo: distinct(z.enum(AI_TYPES), AI_TYPES.length).optional(),
  refs: distinct(ref, CATALOG_LIMITS.refs).optional(),
  url: url.optional(),
  parent: entryId.optional(),
  tactics: distinct(entryId, CATALOG_LIMITS.refs).optional(),
  tags: distinct(text(CATALOG_LIMITS.tag), CATALOG_LIMITS.tags).optional(),
  property: text(CATALOG_LIMITS.name).optional(),
  perComponent: perComponent.optional(),
});

const catalogSchema = z
  .strictObject({
    format: z.literal(CATALOG_FORMAT, { error: `must be "${CATALOG_FORMAT}"` }),
    formatVersion: z.literal(CATALOG_FORMAT_VERSION, { error: `must be ${CATALOG_FORMAT_VERSION}` }),
    id: namespace,
    namespace,
    title: text(CATALOG_LIMITS.title),
    edition: text(CATALOG_LIMITS.id),
    publisher: text(CATALOG_LIMITS.title),
    source: url,
    licence,
    kind: z.enum(CATALOG_KINDS),
    generatedFrom: text(CATALOG_LIMITS.note).optional(),
    entries: z.array(entry).min(1).max(CATALOG_LIMITS.entries),
  })
  .superRefine((catalog, ctx) => {
    const ids = new Map<string, number>();
    catalog.entries.forEach((e, index) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entries', index, 'id'], message: `"${e.id}" is used twice` });
      else ids.set(e.id, index);
    });
    catalog.entries.forEach((e, index) => {
      if (e.parent !== undefined) {
        if (e.parent === e.id) ctx.addIssue({ code: 'custom', path: ['entries', index, 'parent'], message: 'an entry cannot be its own parent' });
        else if (!ids.has(e.parent)) ctx.addIssue({ code: 'custom', path: ['entries', index, 'parent'], message: `no entry "${e.parent}" in this catalog` });
      }
      e.tactics?.forEach((tactic, t) => {
        if (!ids.has(tactic)) ctx.addIssue({ code: 'custom', path: ['entries', index, 'tactics', t], message: `no entry "${tactic}" in this catalog` });
      });
    });
    // A parent chain longer than the catalog is a cycle.
    const parentOf = new Map(catalog.entries.map((e) => [e.id, e.parent]));
    catalog.entries.forEach((e, index) => {
      let at = e.parent;
      for (let steps = 0; at !== undefined; steps++) {
        if (at === e.id || steps > catalog.entries.length) {
          ctx.addIssue({ code: 'custom', path: ['entries', index, 'parent'], message: 'the parent chain loops back to this entry' });
          return;
        }
        at = parentOf.get(at);
      }
    });
  });

function refIn(prefix: RegExp, expected: string) {
  return ref.refine((value) => prefix.test(value), { error: `must be ${expected}` });
}

const crosswalkSchema = z
  .strictObject({
    format: z.literal(CROSSWALK_FORMAT, { error: `must be "${CROSSWALK_FORMAT}"` }),
    formatVersion: z.literal(CATALOG_FORMAT_VERSION, { error: `must be ${CATALOG_FORMAT_VERSION}` }),
    id: namespace,
    title: text(CATALOG_LIMITS.title),
    description: text(CATALOG_LIMITS.note),
    licence,
    rows: z
      .array(
        z.strictObject({
          subject: ref,
          techniques: distinct(refIn(/^atlas:AML\.T\d/, 'an ATLAS technique, e.g. atlas:AML.T0051'), CATALOG_LIMITS.refs),
          owasp: distinct(refIn(/^owasp-/, 'an OWASP entry, e.g. owasp-llm-2025:LLM01'), CATALOG_LIMITS.refs),
          mitigations: distinct(refIn(/^atlas:AML\.M\d/, 'an ATLAS mitigation, e.g. atlas:AML.M0015'), CATALOG_LIMITS.refs),
          frameworks: distinct(ref, CATALOG_LIMITS.refs),
          note: text(CATALOG_LIMITS.note).optional(),
        }),
      )
      .min(1)
      .max(CATALOG_LIMITS.rows),
  })
  .superRefine((crosswalk, ctx) => {
    const seen = new Set<string>();
    crosswalk.rows.forEach((row, index) => {
      if (seen.has(row.subject)) ctx.addIssue({ code: 'custom', path: ['rows', index, 'subject'], message: `"${row.subject}" has two rows` });
      seen.add(row.subject);
    });
  });

export type CatalogValidation = { ok: true; catalog: CatalogFile } | { ok: false; problems: Problem[] };
export type CrosswalkValidation = { ok: true; crosswalk: CrosswalkFile } | { ok: false; problems: Problem[] };

/** Checks a parsed catalog file: shape, bounds, id patterns, unique ids, parents and tactics within it. */
export function validateCatalog(input: unknown): CatalogValidation {
  const parsed = catalogSchema.safeParse(input, { error: zodMessages });
  if (!parsed.success) return { ok: false, problems: capProblems(toProblems(parsed.error.issues)) };
  return { ok: true, catalog: parsed.data as CatalogFile };
}

/** Checks a parsed crosswalk file. Whether its refs resolve is the index's business: `unresolvedRefs`. */
export function validateCrosswalk(input: unknown): CrosswalkValidation {
  const parsed = crosswalkSchema.safeParse(input, { error: zodMessages });
  if (!parsed.success) return { ok: false, problems: capProblems(toProblems(parsed.error.issues)) };
  return { ok: true, crosswalk: parsed.data as CrosswalkFile };
}

/** `atlas:AML.T0051` → `{ namespace: 'atlas', id: 'AML.T0051' }`; null when it is not a ref. */
export function parseRef(value: string): { namespace: string; id: string } | null {
  if (value.length > CATALOG_LIMITS.id * 2 + 1) return null;
  const match = REF_PATTERN.exec(value);
  return match ? { namespace: match[1]!, id: match[2]! } : null;
}
