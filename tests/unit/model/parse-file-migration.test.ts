// The whole open pipeline across a chain of migrations: the real 1→2 plus a pretend 2→3 (module
// mocks make v3 "current"). An old file is migrated step by step, validated against the newest
// shape and the user is told it was upgraded.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../shared/model/version', () => ({ CURRENT_SCHEMA_VERSION: 3 }));
vi.mock('../../../shared/model/migrations', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/model/migrations')>();
  const upgrade: import('../../../shared/model/migrations').Migration = {
    from: 2,
    to: 3,
    description: 'titles are trimmed',
    up: (doc) => ({ ...doc, title: String(doc['title']).trim() }),
  };
  return { ...actual, MIGRATIONS: [...actual.MIGRATIONS, upgrade] };
});

const { parseModelFile } = await import('../../../shared/model');
const { fixtureText } = await import('./golden');
const v1 = () => JSON.parse(fixtureText('v1-rag-chatbot.json'));

describe('parseModelFile with a migration', () => {
  it('migrates a v1 file through every step, validates it as v3 and notes the upgrade', () => {
    const result = parseModelFile(JSON.stringify({ ...v1(), title: '  Padded  ' }), 'old.json');
    expect(result).toMatchObject({ ok: true, doc: { schemaVersion: 3, title: 'Padded', dismissals: [] } });
    expect(result.ok && result.notes.join(' ')).toMatch(/1 → 2: suggested threats can be dismissed.*2 → 3: titles are trimmed/);
  });

  it('refuses a v4 file as newer', () => {
    const result = parseModelFile(JSON.stringify({ ...v1(), schemaVersion: 4 }), 'new.json');
    expect(result.ok ? '' : result.problems[0]?.message).toMatch(/reads up to 3/);
  });
});
