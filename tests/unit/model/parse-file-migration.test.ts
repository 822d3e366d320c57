// The whole open pipeline across a chain of migrations: the real 1→2→3 plus a pretend 3→4 (module
// mocks make v4 "current"). An old file is migrated step by step, validated against the newest
// shape and the user is told it was upgraded.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../shared/model/version', () => ({ CURRENT_SCHEMA_VERSION: 4 }));
vi.mock('../../../shared/model/migrations', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/model/migrations')>();
  const upgrade: import('../../../shared/model/migrations').Migration = {
    from: 3,
    to: 4,
    description: 'titles are trimmed',
    up: (doc) => ({ ...doc, title: String(doc['title']).trim() }),
  };
  return { ...actual, MIGRATIONS: [...actual.MIGRATIONS, upgrade] };
});

const { parseModelFile } = await import('../../../shared/model');
const { fixtureText } = await import('./golden');
const v1 = () => JSON.parse(fixtureText('v1-rag-chatbot.json'));

describe('parseModelFile with a migration', () => {
  it('migrates a v1 file through every step, validates it as v4 and notes the upgrade', () => {
    const result = parseModelFile(JSON.stringify({ ...v1(), title: '  Padded  ' }), 'old.json');
    expect(result).toMatchObject({ ok: true, doc: { schemaVersion: 4, title: 'Padded', dismissals: [], strideReviews: [] } });
    expect(result.ok && result.notes.join(' ')).toMatch(/1 → 2: suggested threats can be dismissed.*2 → 3: risk lifecycle.*3 → 4: titles are trimmed/);
  });

  it('refuses a v5 file as newer', () => {
    const result = parseModelFile(JSON.stringify({ ...v1(), schemaVersion: 5 }), 'new.json');
    expect(result.ok ? '' : result.problems[0]?.message).toMatch(/reads up to 4/);
  });
});
