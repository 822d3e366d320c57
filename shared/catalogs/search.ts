// Ranked search over catalog entries. Every word of the query must appear somewhere (id, name,
// summary, tags, kind); ids and names weigh more than summaries. Deterministic: ties keep catalog
// and entry order.
import type { CatalogEntry, CatalogFile } from './types';

export interface SearchOptions {
  /** At most this many hits (default 50). */
  readonly limit?: number;
  /** Only these namespaces. */
  readonly namespaces?: readonly string[];
  /** Only entries of these kinds (`technique`, `risk`, …). */
  readonly kinds?: readonly string[];
}

export interface SearchHit {
  readonly catalog: CatalogFile;
  readonly entry: CatalogEntry;
  readonly ref: string;
  readonly score: number;
}

interface Haystack {
  readonly id: string;
  readonly name: string;
  readonly nameWords: readonly string[];
  readonly summary: string;
  readonly extra: string;
  /** Case studies are examples, not knowledge entries: they rank below entries that match as well. */
  readonly weight: number;
}

const MAX_QUERY = 200;
const MAX_TOKENS = 12;
const cache = new WeakMap<CatalogEntry, Haystack>();

const fold = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

function haystack(entry: CatalogEntry): Haystack {
  let h = cache.get(entry);
  if (!h) {
    const name = fold(entry.name);
    h = {
      id: fold(entry.id),
      name,
      nameWords: name.split(/[^a-z0-9]+/).filter(Boolean),
      summary: fold(entry.summary ?? ''),
      extra: fold([entry.kind, ...(entry.tags ?? [])].join(' ')),
      weight: entry.kind === 'case-study' ? 0.5 : 1,
    };
    cache.set(entry, h);
  }
  return h;
}

/** `LLM01:2025` and `AML.T0051` style ids are matched as typed; other words are split on spaces. */
export function queryTokens(query: string): string[] {
  const cleaned = fold(query.slice(0, MAX_QUERY)).replace(/:(19|20)\d\d\b/g, ' ');
  return [...new Set(cleaned.split(/[\s,;"'()]+/).filter((t) => t.length > 0))].slice(0, MAX_TOKENS);
}

function score(h: Haystack, whole: string, tokens: readonly string[]): number {
  let total = 0;
  if (h.id === whole) total += 1000;
  else if (h.id.endsWith(`.${whole}`) || h.id.replace(/^aml\./, '') === whole) total += 800;
  if (h.name === whole) total += 600;
  else if (whole.length > 2 && h.name.includes(whole)) total += 200;
  for (const token of tokens) {
    let best = 0;
    if (h.id === token) best = 300;
    // Id fragments count when they look like ids (`t0051`, `llm0`), not for words inside slug ids.
    else if ((/\d/.test(token) && h.id.includes(token)) || (token.length >= 3 && h.id.startsWith(token))) best = 120;
    if (h.nameWords.includes(token)) best = Math.max(best, 60);
    else if (h.nameWords.some((w) => w.startsWith(token))) best = Math.max(best, 40);
    else if (h.name.includes(token)) best = Math.max(best, 25);
    if (best === 0 && h.summary.includes(token)) best = 8;
    if (best === 0 && h.extra.includes(token)) best = 5;
    if (best === 0) return 0;
    total += best;
  }
  return Math.round(total * h.weight);
}

export function searchEntries(catalogs: readonly CatalogFile[], query: string, options: SearchOptions = {}): SearchHit[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  const whole = tokens.join(' ');
  const limit = Math.max(0, Math.min(options.limit ?? 50, 10_000));
  const hits: SearchHit[] = [];
  for (const catalog of catalogs) {
    if (options.namespaces && !options.namespaces.includes(catalog.namespace)) continue;
    for (const entry of catalog.entries) {
      if (options.kinds && !options.kinds.includes(entry.kind)) continue;
      const s = score(haystack(entry), whole, tokens);
      if (s > 0) hits.push({ catalog, entry, ref: `${catalog.namespace}:${entry.id}`, score: s });
    }
  }
  // Array.prototype.sort is stable, so equal scores keep catalog and entry order.
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
