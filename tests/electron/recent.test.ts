// The Open Recent list: persisted in userData, validated on load.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT, RecentFiles } from '../../electron/recent';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-recent-'));
  file = join(dir, 'recent.json');
});

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();

describe('RecentFiles', () => {
  it('persists most recent first, without duplicates, and survives a restart', async () => {
    const recent = new RecentFiles(file, { platform: 'linux' });
    await recent.load();
    await recent.add('/models/a.threatloom');
    await recent.add('/models/b.threatloom');
    await recent.add('/models/a.threatloom');
    expect(recent.paths()).toEqual(['/models/a.threatloom', '/models/b.threatloom']);
    const again = new RecentFiles(file, { platform: 'linux' });
    await again.load();
    expect(again.paths()).toEqual(['/models/a.threatloom', '/models/b.threatloom']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, files: [{ path: '/models/a.threatloom' }, { path: '/models/b.threatloom' }] });
  });

  it(`keeps at most ${MAX_RECENT}`, async () => {
    const recent = new RecentFiles(file, { platform: 'linux' });
    for (let i = 0; i < MAX_RECENT + 5; i++) await recent.add(`/m/${i}.threatloom`);
    expect(recent.paths()).toHaveLength(MAX_RECENT);
    expect(recent.paths()[0]).toBe(`/m/${MAX_RECENT + 4}.threatloom`);
  });

  it('drops whatever is malformed in a hand-edited or corrupted file', async () => {
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        files: [
          { path: '/ok/one.threatloom', openedAt: at(1) },
          { path: 'relative/two.threatloom', openedAt: at(2) },
          { path: '/nul\u0000.threatloom', openedAt: at(3) },
          { path: 42, openedAt: at(4) },
          { path: '/ok/one.threatloom', openedAt: at(5) },
          { path: '/ok/three.threatloom', openedAt: 'yesterday' },
          { path: '/ok/four.threatloom', openedAt: at(6), extra: true },
          { path: `/${'x'.repeat(5000)}`, openedAt: at(7) },
          'just a string',
          null,
          { path: '/ok/five.threatloom', openedAt: at(8) },
        ],
      }),
    );
    const recent = new RecentFiles(file, { platform: 'linux' });
    await recent.load();
    expect(recent.paths()).toEqual(['/ok/one.threatloom', '/ok/five.threatloom']);
  });

  it.each([['not json at all'], ['{"version":2,"files":[]}'], ['[]'], ['{"version":1,"files":"x"}'], ['']])('reads %j as an empty list', async (text) => {
    writeFileSync(file, text);
    const recent = new RecentFiles(file, { platform: 'linux' });
    await recent.load();
    expect(recent.paths()).toEqual([]);
  });

  it('starts empty without a file, and can be cleared', async () => {
    const recent = new RecentFiles(join(dir, 'nested', 'recent.json'), { platform: 'linux' });
    await recent.load();
    expect(recent.paths()).toEqual([]);
    await recent.add('/a.threatloom');
    await recent.clear();
    const again = new RecentFiles(join(dir, 'nested', 'recent.json'), { platform: 'linux' });
    await again.load();
    expect(again.paths()).toEqual([]);
  });

  it('ignores relative paths when adding, and compares case-insensitively on Windows', async () => {
    const recent = new RecentFiles(file, { platform: 'win32' });
    await recent.add('models\\a.threatloom');
    await recent.add('C:\\Models\\A.threatloom');
    await recent.add('c:\\models\\a.threatloom');
    expect(recent.paths()).toEqual(['c:\\models\\a.threatloom']);
    expect(recent.has('C:\\MODELS\\A.THREATLOOM')).toBe(true);
  });
});
