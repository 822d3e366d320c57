import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  MIGRATIONS,
  assertMigrationRegistry,
  migrateDocument,
  type Migration,
} from '../../../shared/model';

/** A test-local step that records itself in `trail`, without touching its input. */
function step(from: number, renameTo?: string): Migration {
  return {
    from,
    to: from + 1,
    description: `step ${from}`,
    up: (doc) => ({ ...doc, trail: [...((doc['trail'] as string[] | undefined) ?? []), `${from}→${from + 1}`], ...(renameTo ? { [renameTo]: doc['title'] } : {}) }),
  };
}

const chain = [step(1), step(2, 'name'), step(3)];

describe('migration registry', () => {
  it('the shipped registry is contiguous and ends at CURRENT_SCHEMA_VERSION', () => {
    expect(() => assertMigrationRegistry(MIGRATIONS, CURRENT_SCHEMA_VERSION)).not.toThrow();
  });

  it('throws on a gap', () => {
    expect(() => migrateDocument({ schemaVersion: 1 }, [step(1), step(3)], 4)).toThrow(/not contiguous: entry 1 is 3→4, expected 2→3/);
  });

  it('throws on a step that skips a version', () => {
    const skip: Migration = { ...step(1), to: 3 };
    expect(() => assertMigrationRegistry([skip], 3)).toThrow(/not contiguous/);
  });

  it('throws when the registry does not start at 1', () => {
    expect(() => assertMigrationRegistry([step(2)], 3)).toThrow(/entry 0 is 2→3, expected 1→2/);
  });

  it('throws when the target was bumped without a migration', () => {
    expect(() => migrateDocument({ schemaVersion: 1 }, [step(1)], 3)).toThrow(/ends at schemaVersion 2 but the target is 3/);
    expect(() => assertMigrationRegistry([], 2)).toThrow(/a migration is missing/);
  });
});

describe('migrateDocument', () => {
  it('leaves a current document alone', () => {
    const raw = { schemaVersion: CURRENT_SCHEMA_VERSION, title: 'x' };
    expect(migrateDocument(raw)).toEqual({ ok: true, doc: raw, applied: [] });
  });

  it('applies chained ups in order and sets schemaVersion after each', () => {
    const raw = { schemaVersion: 1, title: 'T' };
    const result = migrateDocument(raw, chain, 4);
    expect(result).toEqual({
      ok: true,
      doc: { schemaVersion: 4, title: 'T', name: 'T', trail: ['1→2', '2→3', '3→4'] },
      applied: ['schemaVersion 1 → 2: step 1', 'schemaVersion 2 → 3: step 2', 'schemaVersion 3 → 4: step 3'],
    });
    expect(raw).toEqual({ schemaVersion: 1, title: 'T' });
  });

  it('starts from the document’s own version', () => {
    const result = migrateDocument({ schemaVersion: 3, title: 'T' }, chain, 4);
    expect(result.ok && result.applied).toEqual(['schemaVersion 3 → 4: step 3']);
    expect(result.ok && result.doc).toEqual({ schemaVersion: 4, title: 'T', trail: ['3→4'] });
  });

  it('refuses a document made by a newer Threatloom', () => {
    expect(migrateDocument({ schemaVersion: 5 }, chain, 4)).toEqual({
      ok: false,
      problem: {
        path: 'schemaVersion',
        message: 'made by a newer Threatloom (schemaVersion 5); this version reads up to 4 — update Threatloom',
      },
    });
  });

  it('refuses a missing schemaVersion', () => {
    const result = migrateDocument({ title: 'x' });
    expect(result).toEqual({ ok: false, problem: { path: 'schemaVersion', message: expect.stringMatching(/^missing/) } });
  });

  it.each([['1'], [1.5], [0], [-1], [null], [Number.NaN]])('refuses schemaVersion %j', (version) => {
    const result = migrateDocument({ schemaVersion: version });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.message).toMatch(/whole number of at least 1/);
  });

  it('turns a failing up into a problem instead of throwing', () => {
    const broken: Migration = { from: 1, to: 2, description: 'broken', up: () => { throw new Error('boom'); } };
    expect(migrateDocument({ schemaVersion: 1 }, [broken], 2)).toEqual({
      ok: false,
      problem: { path: 'schemaVersion', message: 'could not upgrade from schemaVersion 1 to 2: boom' },
    });
    const nothing = { ...broken, up: () => null as unknown as Record<string, unknown> };
    expect(migrateDocument({ schemaVersion: 1 }, [nothing], 2).ok).toBe(false);
  });
});
