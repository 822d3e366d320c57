// A user-imported pack: our catalog or crosswalk JSON, or MITRE's ATLAS.yaml. Anything else, or
// anything hostile, is refused with problems a dialog can show (formatProblems in shared/model).
import { formatBytes, utf8ByteLength, type Problem } from '../model';
import { atlasToCatalog, type AtlasSummaries } from './atlas-catalog';
import { parseAtlasYaml } from './atlas-yaml';
import { validateCatalog, validateCrosswalk } from './schema';
import { CATALOG_FORMAT, CROSSWALK_FORMAT, type CatalogFile, type CrosswalkFile } from './types';

export const MAX_PACK_BYTES = 8 * 1024 * 1024;

export type Pack = { readonly kind: 'catalog'; readonly catalog: CatalogFile } | { readonly kind: 'crosswalk'; readonly crosswalk: CrosswalkFile };
export type PackResult = { ok: true; pack: Pack; notes: string[] } | { ok: false; problems: Problem[] };

export interface ImportPackOptions {
  /** Ids already taken by bundled catalogs (bundledIds()); a pack reusing one is refused. */
  readonly reservedIds?: readonly string[];
  /** Our summaries to merge into an imported ATLAS file (bundledAtlasSummaries()). */
  readonly atlasSummaries?: AtlasSummaries;
  /** Keep MITRE's descriptions in an imported ATLAS catalog (default true: it is the user's own copy). */
  readonly keepAtlasDescriptions?: boolean;
}

const fail = (message: string, path = ''): PackResult => ({ ok: false, problems: [{ path, message }] });

export function importCatalogPack(text: string, options: ImportPackOptions = {}): PackResult {
  if (typeof text !== 'string') return fail('not a text file');
  if (text.length > MAX_PACK_BYTES || (text.length * 3 > MAX_PACK_BYTES && utf8ByteLength(text) > MAX_PACK_BYTES)) {
    return fail(`the file is ${formatBytes(utf8ByteLength(text))}; packs over ${formatBytes(MAX_PACK_BYTES)} are refused`);
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const result = body.trimStart().startsWith('{') ? fromJson(body) : fromAtlasYaml(body, options);
  if (!result.ok) return result;
  const id = result.pack.kind === 'catalog' ? result.pack.catalog.id : result.pack.crosswalk.id;
  if (options.reservedIds?.includes(id)) return fail(`"${id}" is a bundled catalog, which is read-only; give the pack another id`, 'id');
  return result;
}

function fromJson(text: string): PackResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('not a catalog pack: the JSON is not an object');
  const format = (json as Record<string, unknown>)['format'];
  if (format === CATALOG_FORMAT) {
    const valid = validateCatalog(json);
    return valid.ok ? { ok: true, pack: { kind: 'catalog', catalog: valid.catalog }, notes: [] } : valid;
  }
  if (format === CROSSWALK_FORMAT) {
    const valid = validateCrosswalk(json);
    return valid.ok ? { ok: true, pack: { kind: 'crosswalk', crosswalk: valid.crosswalk }, notes: [] } : valid;
  }
  const found = format === undefined ? 'has no "format" field' : `has format ${JSON.stringify(String(format)).slice(0, 60)}`;
  return fail(`not a catalog pack: the file ${found}, expected "${CATALOG_FORMAT}" or "${CROSSWALK_FORMAT}"`, 'format');
}

function fromAtlasYaml(text: string, options: ImportPackOptions): PackResult {
  const parsed = parseAtlasYaml(text);
  if (!parsed.ok) return parsed;
  const catalog = atlasToCatalog(parsed.data, options.atlasSummaries ?? {}, {
    includeDescriptions: options.keepAtlasDescriptions ?? true,
    sourceLabel: `imported ATLAS.yaml version ${parsed.data.version}`,
  });
  // The generated catalog goes through the same gate as any other pack.
  const valid = validateCatalog(catalog);
  if (!valid.ok) return valid;
  const c = parsed.data.counts;
  const summary = `ATLAS ${parsed.data.version}: ${c.tactics} tactics, ${c.techniques} techniques, ${c.subTechniques} sub-techniques, ${c.mitigations} mitigations (${c.links} technique links), ${c.caseStudies} case studies`;
  return { ok: true, pack: { kind: 'catalog', catalog: valid.catalog }, notes: [summary, ...parsed.data.notes] };
}
