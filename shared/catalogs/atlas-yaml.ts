// MITRE's official ATLAS data file (`dist/ATLAS.yaml`, data format 5.x) → plain records.
// The same parser generates the bundled catalog and imports a user's newer file, so it must
// survive anything: size limit before parsing, alias bombs, wrong shapes, dangling links.
import { parseDocument } from 'yaml';
import * as z from 'zod';
import { capProblems, formatBytes, toProblems, utf8ByteLength, zodMessages, type Problem } from '../model';

/** The 5.6.0 file is 0.45 MB; newer releases stay well below this. */
export const MAX_ATLAS_BYTES = 8 * 1024 * 1024;
/** ATLAS files use no aliases at all; a few are tolerated, an expansion bomb is not. */
const MAX_ALIAS_COUNT = 100;
export const ATLAS_SITE = 'https://atlas.mitre.org';

export interface AtlasTactic {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface AtlasTechnique {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The technique this sub-technique belongs to; null for a top-level technique. */
  readonly parent: string | null;
  /** Tactic ids; a sub-technique inherits its parent's. */
  readonly tactics: readonly string[];
  readonly maturity: string | null;
}

export interface AtlasMitigation {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly category: readonly string[];
  readonly lifecycle: readonly string[];
  /** Distinct technique ids in file order, including links found in `ml-lifecycle`. */
  readonly techniques: readonly string[];
}

export interface AtlasCaseStudy {
  readonly id: string;
  readonly name: string;
  /** Distinct technique ids used in the procedure, in order. */
  readonly techniques: readonly string[];
}

export interface AtlasCounts {
  readonly tactics: number;
  readonly techniques: number;
  readonly subTechniques: number;
  readonly mitigations: number;
  /** Distinct mitigation → technique links. */
  readonly links: number;
  readonly caseStudies: number;
}

export interface AtlasData {
  readonly version: string;
  /** In matrix order. */
  readonly tactics: readonly AtlasTactic[];
  /** Techniques and sub-techniques in file order. */
  readonly techniques: readonly AtlasTechnique[];
  readonly mitigations: readonly AtlasMitigation[];
  readonly caseStudies: readonly AtlasCaseStudy[];
  readonly counts: AtlasCounts;
  /** Non-fatal findings: quirks recovered, duplicates and dangling links dropped. */
  readonly notes: readonly string[];
}

export type AtlasParseResult = { ok: true; data: AtlasData } | { ok: false; problems: Problem[] };

// ---- shape -------------------------------------------------------------------------------------

const TACTIC_ID = /^AML\.TA\d{4}$/;
const TECHNIQUE_ID = /^AML\.T\d{4}(\.\d{3})?$/;
const name = z.string().min(1).max(300);
const description = z.string().max(100_000).optional();
const word = z.string().max(200);
const tacticId = z.string().regex(TACTIC_ID, { error: 'must be an ATLAS tactic id like AML.TA0002' });
const techniqueId = z.string().regex(TECHNIQUE_ID, { error: 'must be an ATLAS technique id like AML.T0051 or AML.T0051.000' });
const link = z.looseObject({ id: techniqueId, use: z.string().max(100_000).optional() });

const matrixSchema = z.looseObject({
  tactics: z.array(z.looseObject({ id: tacticId, name, description })).max(500),
  techniques: z
    .array(
      z.looseObject({
        id: techniqueId,
        name,
        description,
        tactics: z.array(tacticId).max(100).optional(),
        'subtechnique-of': techniqueId.optional(),
        maturity: word.optional(),
      }),
    )
    .max(10_000),
  mitigations: z
    .array(
      z.looseObject({
        id: z.string().regex(/^AML\.M\d{4}$/, { error: 'must be an ATLAS mitigation id like AML.M0015' }),
        name,
        description,
        techniques: z.array(link).max(5000).optional(),
        // The 5.6.0 quirk: a technique link object can sit among the lifecycle phase names.
        'ml-lifecycle': z.array(z.union([word, link])).max(100).optional(),
        category: z.array(word).max(100).optional(),
      }),
    )
    .max(5000)
    .optional(),
});

const rootSchema = z.looseObject({
  version: z.union([z.string().min(1).max(50), z.number()]),
  matrices: z.array(matrixSchema).min(1).max(20),
  'case-studies': z
    .array(
      z.looseObject({
        id: z.string().regex(/^AML\.CS\d{4}$/, { error: 'must be an ATLAS case study id like AML.CS0000' }),
        name,
        procedure: z.array(z.looseObject({ technique: z.string().max(100).optional() })).max(5000).optional(),
      }),
    )
    .max(10_000)
    .optional(),
});

type Root = z.infer<typeof rootSchema>;

// ---- parsing -----------------------------------------------------------------------------------

const refuse = (message: string, path = ''): AtlasParseResult => ({ ok: false, problems: [{ path, message }] });

/** Parses the text of an ATLAS.yaml file. Never throws; a bad or hostile file yields problems. */
export function parseAtlasYaml(text: string, maxBytes = MAX_ATLAS_BYTES): AtlasParseResult {
  if (typeof text !== 'string') return refuse('not text');
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes)) {
    return refuse(`the file is ${formatBytes(utf8ByteLength(text))}; ATLAS files over ${formatBytes(maxBytes)} are refused`);
  }
  let json: unknown;
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, merge: false });
    if (doc.errors.length > 0) {
      const shown = doc.errors.slice(0, 5).map((e) => ({ path: '', message: `not valid YAML: ${e.message.split('\n')[0]}` }));
      return { ok: false, problems: shown };
    }
    json = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) return refuse('refused: the YAML expands aliases excessively (an alias bomb?); ATLAS files use none');
    return refuse(`could not be read as YAML: ${message.split('\n')[0]}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refuse('not an ATLAS data file: the top level must be a mapping with `version` and `matrices`');
  }
  if (!('matrices' in json)) return refuse('not an ATLAS data file: no `matrices` list at the top level', 'matrices');
  const parsed = rootSchema.safeParse(json, { error: zodMessages });
  if (!parsed.success) return { ok: false, problems: capProblems(toProblems(parsed.error.issues)) };
  return assemble(parsed.data);
}

function rewriteLinks(text: string | undefined): string {
  return (text ?? '').replace(/\]\((\/(?:tactics|techniques|mitigations|studies)\/[^)\s]+)\)/g, `](${ATLAS_SITE}$1)`);
}

function assemble(root: Root): AtlasParseResult {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  const claim = (id: string, path: string) => {
    if (seen.has(id)) problems.push({ path, message: `"${id}" is defined twice` });
    seen.add(id);
  };

  const tactics: AtlasTactic[] = [];
  const rawTechniques: { t: Root['matrices'][number]['techniques'][number]; path: string }[] = [];
  const rawMitigations: { m: NonNullable<Root['matrices'][number]['mitigations']>[number]; path: string }[] = [];
  root.matrices.forEach((matrix, mi) => {
    matrix.tactics.forEach((t, i) => {
      claim(t.id, `matrices[${mi}].tactics[${i}].id`);
      tactics.push({ id: t.id, name: t.name, description: rewriteLinks(t.description) });
    });
    matrix.techniques.forEach((t, i) => {
      claim(t.id, `matrices[${mi}].techniques[${i}].id`);
      rawTechniques.push({ t, path: `matrices[${mi}].techniques[${i}]` });
    });
    (matrix.mitigations ?? []).forEach((m, i) => {
      claim(m.id, `matrices[${mi}].mitigations[${i}].id`);
      rawMitigations.push({ m, path: `matrices[${mi}].mitigations[${i}]` });
    });
  });

  const tacticIds = new Set(tactics.map((t) => t.id));
  const byId = new Map(rawTechniques.map(({ t }) => [t.id, t]));
  const techniques: AtlasTechnique[] = rawTechniques.map(({ t, path }) => {
    const parentId = t['subtechnique-of'] ?? null;
    const parent = parentId === null ? undefined : byId.get(parentId);
    if (parentId !== null && parent === undefined) {
      problems.push({ path: `${path}.subtechnique-of`, message: `no technique "${parentId}"` });
    } else if (parent?.['subtechnique-of'] !== undefined) {
      problems.push({ path: `${path}.subtechnique-of`, message: `"${parentId}" is itself a sub-technique` });
    }
    const own = parent ? (parent.tactics ?? []) : (t.tactics ?? []);
    const known = own.filter((id) => tacticIds.has(id));
    if (known.length < own.length) notes.push(`${t.id}: dropped links to unknown tactics ${own.filter((id) => !tacticIds.has(id)).join(', ')}`);
    return {
      id: t.id,
      name: t.name,
      description: rewriteLinks(t.description),
      parent: parentId,
      tactics: [...new Set(known)],
      maturity: t.maturity ?? null,
    };
  });
  const techniqueIds = new Set(techniques.map((t) => t.id));

  const mitigations: AtlasMitigation[] = rawMitigations.map(({ m }) => {
    const lifecycle: string[] = [];
    const links: string[] = [];
    for (const item of m['ml-lifecycle'] ?? []) {
      if (typeof item === 'string') lifecycle.push(item);
      else {
        links.push(item.id);
        notes.push(`${m.id}: technique link ${item.id} found inside ml-lifecycle, kept as a technique link`);
      }
    }
    const ids: string[] = [];
    for (const id of [...(m.techniques ?? []).map((l) => l.id), ...links]) {
      if (!techniqueIds.has(id)) notes.push(`${m.id}: dropped a link to unknown technique ${id}`);
      else if (ids.includes(id)) notes.push(`${m.id}: technique ${id} is linked twice, kept once`);
      else ids.push(id);
    }
    return { id: m.id, name: m.name, description: rewriteLinks(m.description), category: m.category ?? [], lifecycle, techniques: ids };
  });

  const caseStudies: AtlasCaseStudy[] = (root['case-studies'] ?? []).map((c, i) => {
    claim(c.id, `case-studies[${i}].id`);
    const used = (c.procedure ?? []).map((step) => step.technique).filter((id): id is string => id !== undefined);
    const dangling = used.filter((id) => !techniqueIds.has(id));
    if (dangling.length > 0) notes.push(`${c.id}: dropped links to unknown techniques ${[...new Set(dangling)].join(', ')}`);
    return { id: c.id, name: c.name, techniques: [...new Set(used.filter((id) => techniqueIds.has(id)))] };
  });

  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };
  const counts: AtlasCounts = {
    tactics: tactics.length,
    techniques: techniques.filter((t) => t.parent === null).length,
    subTechniques: techniques.filter((t) => t.parent !== null).length,
    mitigations: mitigations.length,
    links: mitigations.reduce((sum, m) => sum + m.techniques.length, 0),
    caseStudies: caseStudies.length,
  };
  return { ok: true, data: { version: String(root.version), tactics, techniques, mitigations, caseStudies, counts, notes } };
}
