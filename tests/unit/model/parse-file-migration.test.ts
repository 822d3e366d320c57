// The whole open pipeline with a pretend schemaVersion 2: an old file is migrated, validated
// against the new shape and the user is told it was upgraded. Module mocks make v2 "current".
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../shared/model/version', () => ({ CURRENT_SCHEMA_VERSION: 2 }));
vi.mock('../../../shared/model/migrations', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/model/migrations')>();
  const upgrade: import('../../../shared/model/migrations').Migration = {
    from: 1,
    to: 2,
    description: 'titles are trimmed',
    up: (doc) => ({ ...doc, title: String(doc['title']).trim() }),
  };
  return { ...actual, MIGRATIONS: [upgrade] };
});

const { parseModelFile } = await import('../../../shared/model');
const { ragChatbot } = await import('./golden');

describe('parseModelFile with a migration', () => {
  it('migrates a v1 file, validates it as v2 and notes the upgrade', () => {
    const result = parseModelFile(JSON.stringify({ ...ragChatbot(), title: '  Padded  ' }), 'old.json');
    expect(result).toMatchObject({
      ok: true,
      doc: { schemaVersion: 2, title: 'Padded' },
      notes: ['Upgraded from an older Threatloom (schemaVersion 1 → 2: titles are trimmed).'],
    });
  });

  it('refuses a v3 file as newer', () => {
    const result = parseModelFile(JSON.stringify({ ...ragChatbot(), schemaVersion: 3 }), 'new.json');
    expect(result.ok ? '' : result.problems[0]?.message).toMatch(/reads up to 2/);
  });
});
