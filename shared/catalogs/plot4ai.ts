// A user's PLOT4ai `deck.json` → a catalog. The deck is CC BY-SA 4.0 and the app never bundles it:
// a user imports their own copy, so each card keeps its text in `description` (the card's own
// words, not ours). Cards carry no stable ids; we derive them from category and label.
// The deck comes from anywhere, so its size, shape and every string are bounded before use.
import * as z from 'zod';
import { capProblems, formatBytes, toProblems, utf8ByteLength, zodMessages, type Problem } from '../model';
import { validateCatalog } from './schema';
import { CATALOG_FORMAT, CATALOG_FORMAT_VERSION, type CatalogEntry, type CatalogFile } from './types';

export const PLOT4AI_NAMESPACE = 'plot4ai';

export const PLOT4AI_LIMITS = {
  /** Bytes of a deck file (the published deck is about 0.15 MB). */
  bytes: 8 * 1024 * 1024,
  categories: 50,
  cards: 2000,
  /** Characters of one card text field (question, explanation, recommendation, sources). */
  text: 10_000,
  label: 300,
  /** Items of each card list (phases, aitypes, roles, categories) and characters of one item. */
  listItems: 10,
  listItem: 80,
} as const;

export interface Plot4aiCounts {
  readonly categories: number;
  readonly cards: number;
}

export type Plot4aiResult = { ok: true; catalog: CatalogFile; counts: Plot4aiCounts } | { ok: false; problems: Problem[] };

const text = (max: number) => z.string().max(max);
const list = z.array(z.string().min(1).max(PLOT4AI_LIMITS.listItem)).max(PLOT4AI_LIMITS.listItems);
// Loose objects: decks carry presentation fields (colour, qr, id) we do not need; they are ignored.
const card = z.looseObject({
  question: text(PLOT4AI_LIMITS.text).refine((q) => q.trim() !== '', { error: 'must not be empty' }),
  threatif: text(40).optional(),
  label: text(PLOT4AI_LIMITS.label).optional(),
  explanation: text(PLOT4AI_LIMITS.text).optional(),
  recommendation: text(PLOT4AI_LIMITS.text).optional(),
  sources: text(PLOT4AI_LIMITS.text).optional(),
  aitypes: list.optional(),
  roles: list.optional(),
  phases: list.optional(),
  categories: list.optional(),
});
const deckSchema = z
  .array(
    z.looseObject({
      category: z.string().max(PLOT4AI_LIMITS.label).refine((c) => c.trim() !== '', { error: 'must not be empty' }),
      cards: z.array(card).max(PLOT4AI_LIMITS.cards),
    }),
  )
  .min(1)
  .max(PLOT4AI_LIMITS.categories);

type Card = z.infer<typeof card>;

const refuse = (message: string, path = ''): Plot4aiResult => ({ ok: false, problems: [{ path, message }] });

/** True for JSON that is shaped like a PLOT4ai deck at the top: a list of `{ category, cards }`. */
export function looksLikePlot4aiDeck(json: unknown): boolean {
  if (!Array.isArray(json) || json.length === 0) return false;
  const first: unknown = json[0];
  return typeof first === 'object' && first !== null && 'cards' in first && 'category' in first;
}

/** Parses the text of a deck.json. Never throws. */
export function parsePlot4aiDeck(text: string): Plot4aiResult {
  if (typeof text !== 'string') return refuse('not a text file');
  if (text.length > PLOT4AI_LIMITS.bytes || (text.length * 3 > PLOT4AI_LIMITS.bytes && utf8ByteLength(text) > PLOT4AI_LIMITS.bytes)) {
    return refuse(`the file is ${formatBytes(utf8ByteLength(text))}; PLOT4ai decks over ${formatBytes(PLOT4AI_LIMITS.bytes)} are refused`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return refuse(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return plot4aiDeckToCatalog(json);
}

/** An already parsed deck → a catalog with one entry per category and one per card. */
export function plot4aiDeckToCatalog(json: unknown): Plot4aiResult {
  if (!Array.isArray(json)) return refuse('not a PLOT4ai deck: the top level must be a list of categories, each with `category` and `cards`');
  const parsed = deckSchema.safeParse(json, { error: zodMessages });
  if (!parsed.success) return { ok: false, problems: capProblems(toProblems(parsed.error.issues)) };
  const total = parsed.data.reduce((sum, group) => sum + group.cards.length, 0);
  if (total === 0) return refuse('the deck has no cards');
  if (total > PLOT4AI_LIMITS.cards) return refuse(`too many cards: ${total}; at most ${PLOT4AI_LIMITS.cards}`);

  const taken = new Set<string>();
  const categories = new Map<string, { entry: CatalogEntry; cards: number }>();
  const cards: CatalogEntry[] = [];
  for (const group of parsed.data) {
    const name = group.category.trim();
    let category = categories.get(name);
    if (!category) {
      category = { entry: { id: claimId(taken, kebab(name) || 'category'), name, kind: 'category' }, cards: 0 };
      categories.set(name, category);
    }
    for (const c of group.cards) {
      const label = c.label?.trim() || c.question.trim();
      cards.push(cardEntry(c, claimId(taken, `${category.entry.id}-${kebab(label) || 'card'}`), label, category.entry.id, name));
      category.cards += 1;
    }
  }
  const categoryEntries = [...categories.values()].map(({ entry, cards: n }) => ({
    ...entry,
    summary: `PLOT4ai category with ${n} card${n === 1 ? '' : 's'} in your imported deck.`,
  }));
  const catalog: CatalogFile = {
    format: CATALOG_FORMAT,
    formatVersion: CATALOG_FORMAT_VERSION,
    id: PLOT4AI_NAMESPACE,
    namespace: PLOT4AI_NAMESPACE,
    title: 'PLOT4ai',
    edition: `deck of ${total} card${total === 1 ? '' : 's'}`,
    publisher: 'PLOT4ai (Isabel Barberá)',
    source: 'https://plot4.ai/library',
    licence: {
      name: 'CC-BY-SA-4.0',
      url: 'https://creativecommons.org/licenses/by-sa/4.0/',
      note:
        "Imported from your own deck.json. Each card's description is PLOT4ai's own text (CC BY-SA 4.0), kept because you imported it; " +
        'Threatloom does not ship it. Entry ids are derived from category and label.',
    },
    kind: 'threats',
    generatedFrom: 'a PLOT4ai deck.json imported by the user (plot4aiDeckToCatalog, shared/catalogs)',
    entries: [...categoryEntries, ...cards],
  };
  // The result passes the same gate as any other pack.
  const valid = validateCatalog(catalog);
  if (!valid.ok) return valid;
  return { ok: true, catalog: valid.catalog, counts: { categories: categoryEntries.length, cards: cards.length } };
}

/** The card's own text, labelled, in one description (bounded: five fields of at most 10,000). */
function cardEntry(c: Card, id: string, label: string, parent: string, category: string): CatalogEntry {
  const sections = [
    ['Question', c.question],
    ['A threat if the answer is', c.threatif],
    ['Explanation', c.explanation],
    ['Recommendation', c.recommendation],
    ['Sources', c.sources],
  ] as const;
  const description = sections
    .filter(([, value]) => value !== undefined && value.trim() !== '')
    .map(([title, value]) => `${title}: ${value!.trim()}`)
    .join('\n\n');
  const tags = [
    ...(c.threatif?.trim() ? [`threat-if:${c.threatif.trim()}`] : []),
    ...tagList('phase', c.phases),
    ...tagList('ai-type', c.aitypes),
    ...tagList('role', c.roles),
    ...tagList('category', c.categories?.filter((other) => other.trim() !== category)),
  ];
  const entry: CatalogEntry = { id, name: label.slice(0, PLOT4AI_LIMITS.label), kind: 'threat', description, parent };
  return tags.length > 0 ? { ...entry, tags } : entry;
}

function tagList(key: string, values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))].map((v) => `${key}:${v}`);
}

/** `Data & Data Governance` → `data-data-governance`: lower-case ASCII words joined by `-`. */
export function kebab(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A free id of at most 64 characters: cut at a word, then `-2`, `-3`… when it is taken. */
function claimId(taken: Set<string>, base: string): string {
  let stem = base.length > 60 ? base.slice(0, 60) : base;
  if (base.length > 60 && stem.includes('-')) stem = stem.slice(0, stem.lastIndexOf('-'));
  stem = stem.replace(/-+$/, '') || 'card';
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}
