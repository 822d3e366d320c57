// Golden model files: they must open, and every migration must be exercised by one of them
// (tldraw-style: adding a migration without an old file to run it on fails here).
import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  MIGRATIONS,
  canonicalJson,
  parseModelFile,
  serializeDocument,
  type Migration,
} from '../../../shared/model';
import { RAG_CHATBOT, fixtureFiles, fixtureText } from './golden';

/** Migrations with no golden `v{from}-*.json` input. */
function migrationsWithoutFixtures(registry: readonly Migration[], files: readonly { version: number }[]): Migration[] {
  return registry.filter((m) => !files.some((f) => f.version === m.from));
}

describe('golden model files', () => {
  const files = fixtureFiles();

  it('include the RAG chatbot model', () => {
    expect(files.map((f) => f.name)).toContain(RAG_CHATBOT);
  });

  it.each(files.map((f) => [f.name, f.version] as const))('%s is stored in canonical form', (name) => {
    const text = fixtureText(name);
    expect(`${canonicalJson(JSON.parse(text))}\n`).toBe(text);
  });

  it.each(files.map((f) => [f.name] as const))('%s opens (migrated if old) and validates', (name) => {
    const result = parseModelFile(fixtureText(name), name);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('the current-version golden file round-trips byte-identically through parse and validate', () => {
    const text = fixtureText(RAG_CHATBOT);
    const result = parseModelFile(text, RAG_CHATBOT);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    if (result.doc.schemaVersion === CURRENT_SCHEMA_VERSION) expect(serializeDocument(result.doc)).toBe(text);
    expect(serializeDocument(JSON.parse(serializeDocument(result.doc)))).toBe(serializeDocument(result.doc));
  });
});

describe('every migration is exercised by a golden file', () => {
  it('has a v{from}-*.json fixture for every migration in MIGRATIONS', () => {
    const missing = migrationsWithoutFixtures(MIGRATIONS, fixtureFiles()).map((m) => `${m.from}→${m.to} (${m.description})`);
    expect(missing, 'add tests/fixtures/models/v{from}-<scenario>.json for these migrations').toEqual([]);
  });

  it('applies every migration to at least one fixture, and the result validates', () => {
    const applied = new Set<string>();
    for (const file of fixtureFiles()) {
      const result = parseModelFile(fixtureText(file.name), file.name);
      expect(result.ok ? [] : result.problems, file.name).toEqual([]);
      if (result.ok) for (const note of result.notes) applied.add(note);
    }
    for (const m of MIGRATIONS) {
      expect([...applied].some((note) => note.includes(`schemaVersion ${m.from} → ${m.to}`)), `${m.from}→${m.to} never ran`).toBe(true);
    }
  });

  it('no up mutates its input', () => {
    for (const m of MIGRATIONS) {
      for (const file of fixtureFiles().filter((f) => f.version === m.from)) {
        const input = JSON.parse(fixtureText(file.name)) as Record<string, unknown>;
        const before = canonicalJson(input);
        m.up(input);
        expect(canonicalJson(input), `${m.from}→${m.to} mutated ${file.name}`).toBe(before);
      }
    }
  });

  it('the check itself fails for a migration without a fixture', () => {
    const registry: Migration[] = [1, 2].map((from) => ({ from, to: from + 1, description: `d${from}`, up: (d) => d }));
    expect(migrationsWithoutFixtures(registry, [{ version: 1 }]).map((m) => m.from)).toEqual([2]);
  });
});
