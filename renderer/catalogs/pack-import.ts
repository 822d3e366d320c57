// Which kind of pack a file is, judged by its content (never its name), and whether it may be
// imported: an official ATLAS.yaml, a PLOT4ai deck.json, our catalog or crosswalk JSON, or our
// rule-pack JSON. The parsing and validation live in shared/; this module only dispatches, checks
// what depends on what is already loaded (ids, rule ids, refs) and words the result for the user.
import {
  CatalogIndex,
  MAX_PACK_BYTES,
  importCatalogPack,
  looksLikePlot4aiDeck,
  plot4aiDeckToCatalog,
  refsIn,
  serializeCatalog,
  unresolvedRefs,
  validateCatalog,
  type AtlasSummaries,
  type CatalogEntry,
  type CatalogFile,
  type CrosswalkFile,
} from '../../shared/catalogs';
import { formatBytes, utf8ByteLength, type Problem } from '../../shared/model';
import { RULE_PACK_FORMAT, validateRulePack, type RulePack } from '../../shared/rules';
import type { StoredPack } from '../storage/packs-db';

export type PackSource = 'atlas-yaml' | 'plot4ai' | 'catalog-json' | 'crosswalk-json' | 'rules-json';

export type PreparedPack =
  | { readonly kind: 'catalog'; readonly catalog: CatalogFile }
  | { readonly kind: 'crosswalk'; readonly crosswalk: CrosswalkFile }
  | { readonly kind: 'rules'; readonly pack: RulePack };

/** What is loaded already: the checks that depend on it. */
export interface PackEnvironment {
  readonly index: CatalogIndex;
  readonly bundledCatalogIds: readonly string[];
  readonly bundledRulePackIds: readonly string[];
  /** rule id → id of the pack that has it (bundled and imported), so a pack cannot shadow a rule. */
  readonly ruleOwners: ReadonlyMap<string, string>;
  readonly atlasSummaries: AtlasSummaries;
}

export interface PackImport {
  readonly ok: true;
  readonly source: PackSource;
  readonly pack: PreparedPack;
  /** The record to store (without `importedAt`, which the store adds). */
  readonly record: Omit<StoredPack, 'importedAt'>;
  /** One line: what the pack is and what it holds. */
  readonly summary: string;
  readonly notes: readonly string[];
}
export type PackImportResult = PackImport | { readonly ok: false; readonly problems: readonly Problem[] };

const refuse = (message: string, path = ''): PackImportResult => ({ ok: false, problems: [{ path, message }] });

/** Detects the kind of pack from the text and validates it against what is loaded. Never throws. */
export function importPack(text: string, env: PackEnvironment): PackImportResult {
  if (typeof text !== 'string') return refuse('not a text file');
  if (text.length > MAX_PACK_BYTES || (text.length * 3 > MAX_PACK_BYTES && utf8ByteLength(text) > MAX_PACK_BYTES)) {
    return refuse(`the file is ${formatBytes(utf8ByteLength(text))}; packs over ${formatBytes(MAX_PACK_BYTES)} are refused`);
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const start = body.trimStart()[0];
  if (start !== '[' && start !== '{') return fromAtlasYaml(body, env);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return refuse(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (Array.isArray(json)) {
    if (!looksLikePlot4aiDeck(json)) return refuse('not a pack: the JSON is a list, but not a PLOT4ai deck (a list of categories, each with `category` and `cards`)');
    const deck = plot4aiDeckToCatalog(json);
    if (!deck.ok) return deck;
    const { cards, categories } = deck.counts;
    return catalogImport(deck.catalog, 'plot4ai', env, `PLOT4ai deck: ${cards} card${cards === 1 ? '' : 's'} in ${categories} categor${categories === 1 ? 'y' : 'ies'}`, []);
  }
  if ((json as Record<string, unknown>)['format'] === RULE_PACK_FORMAT) return fromRulePack(json, env);
  const result = importCatalogPack(body, { reservedIds: env.bundledCatalogIds });
  if (!result.ok) return result;
  if (result.pack.kind === 'catalog') return catalogImport(result.pack.catalog, 'catalog-json', env, undefined, result.notes);
  const crosswalk = result.pack.crosswalk;
  const unresolved = unresolvedNote(env.index, refsIn(crosswalk));
  return {
    ok: true,
    source: 'crosswalk-json',
    pack: { kind: 'crosswalk', crosswalk },
    record: { kind: 'catalog', id: crosswalk.id, name: crosswalk.title, edition: '', json: serializeCatalog(crosswalk) },
    summary: `${crosswalk.title}: ${crosswalk.rows.length} crosswalk row${crosswalk.rows.length === 1 ? '' : 's'}`,
    notes: [...result.notes, ...unresolved],
  };
}

function fromAtlasYaml(body: string, env: PackEnvironment): PackImportResult {
  const result = importCatalogPack(body, { atlasSummaries: env.atlasSummaries, keepAtlasDescriptions: true });
  if (!result.ok) return result;
  if (result.pack.kind !== 'catalog') return refuse('not an ATLAS data file');
  let catalog: CatalogFile = {
    ...result.pack.catalog,
    licence: {
      ...result.pack.catalog.licence,
      note: "Your own copy of MITRE's ATLAS.yaml (Apache-2.0), with MITRE's descriptions; the summaries are Threatloom's own words.",
    },
  };
  const notes = [...result.notes];
  // The same edition as a bundled catalog: keep the user's copy beside it (bundled ones are
  // read-only) under its own id; it still answers `atlas:` refs, now with MITRE's descriptions.
  if (env.bundledCatalogIds.includes(catalog.id)) {
    const bundledId = catalog.id;
    catalog = { ...catalog, id: `${bundledId}-import` };
    notes.unshift(`Kept as “${catalog.id}” beside the bundled, read-only “${bundledId}”; ${catalog.namespace}: references now show your copy.`);
  }
  const valid = validateCatalog(catalog);
  if (!valid.ok) return valid;
  return catalogImport(valid.catalog, 'atlas-yaml', env, undefined, notes);
}

function catalogImport(catalog: CatalogFile, source: PackSource, env: PackEnvironment, summary: string | undefined, notes: readonly string[]): PackImportResult {
  // Refs may point into the pack itself, so resolve against the loaded catalogs plus this one.
  const withPack = new CatalogIndex([...env.index.catalogs, catalog], env.index.crosswalks);
  return {
    ok: true,
    source,
    pack: { kind: 'catalog', catalog },
    record: { kind: 'catalog', id: catalog.id, name: catalog.title, edition: catalog.edition, json: serializeCatalog(catalog) },
    summary: summary ?? `${catalog.title} ${catalog.edition}: ${countKinds(catalog.entries)}`,
    notes: [...notes, ...unresolvedNote(withPack, refsIn(catalog))],
  };
}

function fromRulePack(json: unknown, env: PackEnvironment): PackImportResult {
  const result = validateRulePack(json);
  if (!result.ok) return result;
  const pack = result.pack;
  if (env.bundledRulePackIds.includes(pack.id)) return refuse(`"${pack.id}" is a bundled rule pack, which is read-only; give the pack another id`, 'id');
  const clashes: Problem[] = pack.rules.flatMap((rule, i) => {
    const owner = env.ruleOwners.get(rule.id);
    return owner !== undefined && owner !== pack.id ? [{ path: `rules[${i}].id`, message: `"${rule.id}" is already a rule of the pack "${owner}"` }] : [];
  });
  if (clashes.length > 0) return { ok: false, problems: clashes.slice(0, 50) };
  const refs = pack.rules.flatMap((r) => [...r.refs, ...r.mitigations.flatMap((m) => m.refs)]);
  const n = pack.rules.length;
  return {
    ok: true,
    source: 'rules-json',
    pack: { kind: 'rules', pack },
    record: { kind: 'rules', id: pack.id, name: pack.name, edition: pack.version, json: serializeCatalog(pack) },
    summary: `Rule pack ${pack.name} ${pack.version}: ${n} rule${n === 1 ? '' : 's'}`,
    notes: unresolvedNote(env.index, refs),
  };
}

function unresolvedNote(index: CatalogIndex, refs: readonly string[]): string[] {
  const missing = unresolvedRefs(index, refs);
  if (missing.length === 0) return [];
  const shown = missing.slice(0, 5).join(', ');
  return [`${missing.length} reference${missing.length === 1 ? ' does' : 's do'} not resolve in the loaded catalogs: ${shown}${missing.length > 5 ? ', …' : ''}`];
}

/** `16 tactics, 101 techniques, 69 sub-techniques, …` in the order kinds first appear. */
export function countKinds(entries: readonly CatalogEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kindWord(kind, n)}`).join(', ');
}

/** `case-study` → `case study` / `case studies`; `sub-technique` keeps its hyphen. */
function kindWord(kind: string, n: number): string {
  const words = kind === 'sub-technique' ? kind : kind.replace(/-/g, ' ');
  if (n === 1) return words;
  if (/[^aeiou]y$/.test(words)) return `${words.slice(0, -1)}ies`;
  return /(s|x|ch|sh)$/.test(words) ? `${words}es` : `${words}s`;
}

/** One paragraph for the import dialog: the file, then its first problems. */
export function refusalMessage(fileName: string, problems: readonly Problem[], max = 5): string {
  const shown = problems.slice(0, Math.max(1, max)).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  const rest = problems.length - shown.length;
  const more = rest > 0 ? ` (and ${rest} more problem${rest === 1 ? '' : 's'})` : '';
  return `Could not import “${fileName}”: ${shown.length > 0 ? shown.join('; ') : 'unknown problem'}${more}. Nothing was changed.`;
}
