// The PLOT4ai deck importer, on our own synthetic deck (no PLOT4ai text is copied into the repo).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CatalogIndex,
  ENTRY_ID_PATTERN,
  PLOT4AI_LIMITS,
  bundledIndex,
  kebab,
  looksLikePlot4aiDeck,
  parsePlot4aiDeck,
  plot4aiDeckToCatalog,
  validateCatalog,
} from '../../../shared/catalogs';
import { ROOT } from './fixtures';

const DECK_TEXT = readFileSync(`${ROOT}tests/fixtures/packs/plot4ai-synthetic-deck.json`, 'utf8');
const deck = () => JSON.parse(DECK_TEXT) as { category: string; cards: Record<string, unknown>[] }[];

function imported() {
  const result = parsePlot4aiDeck(DECK_TEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

const problemsOf = (input: unknown) => {
  const result = plot4aiDeckToCatalog(input);
  return result.ok ? [] : result.problems;
};

describe('parsePlot4aiDeck', () => {
  it('makes one entry per category and per card, with the counts', () => {
    const { catalog, counts } = imported();
    expect(counts).toEqual({ categories: 3, cards: 5 });
    expect(catalog).toMatchObject({ id: 'plot4ai', namespace: 'plot4ai', title: 'PLOT4ai', edition: 'deck of 5 cards', kind: 'threats' });
    expect(catalog.licence.name).toBe('CC-BY-SA-4.0');
    expect(catalog.entries.filter((e) => e.kind === 'category').map((e) => [e.id, e.name])).toEqual([
      ['data-data-governance', 'Data & Data Governance'],
      ['cybersecurity', 'Cybersecurity'],
      ['ethics-human-rights', 'Ethics & Human Rights'],
    ]);
    expect(validateCatalog(catalog).ok).toBe(true);
  });

  it('derives kebab ids from category and label: deduplicated, cut at a word, ASCII, label or question', () => {
    const ids = imported().catalog.entries.filter((e) => e.kind === 'threat').map((e) => e.id);
    expect(ids).toEqual([
      'data-data-governance-stale-inputs',
      'data-data-governance-stale-inputs-2',
      'cybersecurity-a-deliberately-very-long-synthetic-label-that',
      'cybersecurity-synthetic-question-four-from-an-older-deck',
      'ethics-human-rights-cafe-reflechi',
    ]);
    for (const id of ids) {
      expect(id.length).toBeLessThanOrEqual(64);
      expect(id).toMatch(ENTRY_ID_PATTERN);
    }
    expect(kebab('  Bias, Fairness & Discrimination ')).toBe('bias-fairness-discrimination');
  });

  it('keeps the card text as the description (the user\'s own copy), and facts as tags', () => {
    const card = imported().catalog.entries.find((e) => e.id === 'data-data-governance-stale-inputs-2')!;
    expect(card).toMatchObject({ name: 'Stale Inputs', kind: 'threat', parent: 'data-data-governance' });
    expect(card.summary).toBeUndefined();
    expect(card.description).toBe(
      'Question: Synthetic question two, which shares its label with the first card?\n\n' +
        'A threat if the answer is: Yes\n\n' +
        'Explanation: Two cards with one label must get two ids.\n\n' +
        'Recommendation: Keep the ids apart.',
    );
    expect(card.tags).toEqual(['threat-if:Yes', 'phase:Model', 'ai-type:Generative', 'ai-type:Traditional', 'role:Deployer', 'category:Cybersecurity']);
  });

  it('is searchable and navigable once indexed beside the bundled catalogs', () => {
    const { catalogs, crosswalks } = bundledIndex();
    const index = new CatalogIndex([...catalogs, imported().catalog], crosswalks);
    expect(index.search('stale inputs')[0]?.ref).toBe('plot4ai:data-data-governance-stale-inputs');
    expect(index.children('plot4ai:cybersecurity').map((c) => c.entry.id)).toHaveLength(2);
  });

  it('is deterministic', () => {
    expect(parsePlot4aiDeck(DECK_TEXT)).toEqual(parsePlot4aiDeck(DECK_TEXT));
  });

  it('recognises the deck shape', () => {
    expect(looksLikePlot4aiDeck(deck())).toBe(true);
    expect(looksLikePlot4aiDeck([])).toBe(false);
    expect(looksLikePlot4aiDeck([{ question: 'x' }])).toBe(false);
    expect(looksLikePlot4aiDeck({ cards: [] })).toBe(false);
  });
});

describe('hostile or malformed decks', () => {
  it('refuses what is not a deck, with a clear message', () => {
    expect(problemsOf({ cards: [] })[0]?.message).toMatch(/^not a PLOT4ai deck: the top level must be a list/);
    expect(problemsOf([])).toEqual([{ path: '', message: 'needs at least 1 entries' }]);
    expect(problemsOf([{ category: 'Empty', cards: [] }])).toEqual([{ path: '', message: 'the deck has no cards' }]);
    const broken = parsePlot4aiDeck('[{"category":');
    expect(!broken.ok && broken.problems[0]?.message).toMatch(/^not valid JSON/);
  });

  it('names the path of wrong shapes', () => {
    const bad = deck();
    bad[0]!.cards[1]!.question = { nested: true };
    bad[1]!.cards[0]!.phases = 'Design';
    bad[2]!.cards = 'none' as never;
    expect(problemsOf(bad)).toEqual([
      { path: '[0].cards[1].question', message: 'must be text, got an object' },
      { path: '[1].cards[0].phases', message: 'must be a list, got text' },
      { path: '[2].cards', message: 'must be a list, got text' },
    ]);
    const blank = deck();
    blank[0]!.cards[0]!.question = '   ';
    expect(problemsOf(blank)).toEqual([{ path: '[0].cards[0].question', message: 'must not be empty' }]);
  });

  it('enforces size limits: file, card text, lists, categories and cards', () => {
    const huge = parsePlot4aiDeck(`[${' '.repeat(PLOT4AI_LIMITS.bytes)}]`);
    expect(!huge.ok && huge.problems[0]?.message).toMatch(/PLOT4ai decks over 8\.0 MB are refused/);
    const long = deck();
    long[0]!.cards[0]!.explanation = 'x'.repeat(PLOT4AI_LIMITS.text + 1);
    expect(problemsOf(long)).toEqual([{ path: '[0].cards[0].explanation', message: 'too long: at most 10000 characters' }]);
    const many = deck();
    many[0]!.cards[0]!.roles = Array.from({ length: 11 }, (_, i) => `Role ${i}`);
    expect(problemsOf(many)).toEqual([{ path: '[0].cards[0].roles', message: 'too many entries: at most 10' }]);
    const groups = Array.from({ length: 51 }, (_, i) => ({ category: `C${i}`, cards: [{ question: 'q?' }] }));
    expect(problemsOf(groups)).toEqual([{ path: '', message: 'too many entries: at most 50' }]);
    const cards = Array.from({ length: 2 }, (_, i) => ({ category: `C${i}`, cards: Array.from({ length: 1001 }, () => ({ question: 'q?' })) }));
    expect(problemsOf(cards)).toEqual([{ path: '', message: 'too many cards: 2002; at most 2000' }]);
  });

  it('caps the problems of a deck that is wrong everywhere', () => {
    const bad = [{ category: 'C', cards: Array.from({ length: 500 }, () => ({ question: 1 })) }];
    const problems = problemsOf(bad);
    expect(problems.length).toBeLessThanOrEqual(50);
    expect(problems.at(-1)?.message).toMatch(/more problems$/);
  });
});
