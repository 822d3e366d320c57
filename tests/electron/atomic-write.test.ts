// Atomic writes: temp file + fsync + rename, `.bak` kept, and a failure midway leaves the old
// file exactly as it was.
import * as fs from 'node:fs/promises';
import { type PathLike, chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { backupPathOf, nodeWriteOps, writeFileAtomic, type WriteOps } from '../../electron/atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-atomic-'));
});

/** Real file operations that record their order. */
function recordingOps(log: string[], overrides: Partial<WriteOps> = {}): WriteOps {
  return {
    ...nodeWriteOps,
    open: (async (path: string, flags: string, mode?: number) => {
      const handle = await fs.open(path, flags, mode);
      log.push(`open ${flags}`);
      return {
        writeFile: async (data: string, encoding: BufferEncoding) => {
          log.push('write');
          return handle.writeFile(data, encoding);
        },
        sync: async () => {
          log.push(flags === 'r' ? 'sync dir' : 'sync');
          return handle.sync();
        },
        close: async () => {
          log.push('close');
          return handle.close();
        },
      };
    }) as unknown as WriteOps['open'],
    copyFile: async (from, to) => {
      log.push('backup');
      return fs.copyFile(from, to);
    },
    rename: async (from, to) => {
      log.push('rename');
      return fs.rename(from, to);
    },
    ...overrides,
  };
}

describe('writeFileAtomic', () => {
  it('creates a new file (no backup when there was nothing before)', async () => {
    const file = join(dir, 'new.threatloom');
    await writeFileAtomic(file, '{"v":1}\n', { backup: true });
    expect(readFileSync(file, 'utf8')).toBe('{"v":1}\n');
    expect(existsSync(backupPathOf(file))).toBe(false);
    expect(readdirSync(dir)).toEqual(['new.threatloom']);
  });

  it('writes a temp file, syncs it, backs up the old file, then renames', async () => {
    const file = join(dir, 'model.threatloom');
    writeFileSync(file, 'old');
    const log: string[] = [];
    await writeFileAtomic(file, 'new', { backup: true, ops: recordingOps(log), platform: 'linux' });
    expect(log).toEqual(['open wx', 'write', 'sync', 'close', 'backup', 'rename', 'open r', 'sync dir', 'close']);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readFileSync(backupPathOf(file), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['model.threatloom', 'model.threatloom.bak']);
  });

  it('writes bytes exactly as given, only the view’s own bytes, and keeps the old file as .bak', async () => {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, Buffer.from([1, 2, 3]));
    const backing = new Uint8Array([0xaa, 0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a, 0xc3, 0x28, 0xbb]);
    const view = backing.subarray(1, 10); // "%PDF", NUL, 0xFF, LF and an invalid UTF-8 pair
    await writeFileAtomic(file, view, { backup: true });
    expect([...readFileSync(file)]).toEqual([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a, 0xc3, 0x28]);
    expect([...readFileSync(backupPathOf(file))]).toEqual([1, 2, 3]);
  });

  it('keeps only the previous version as .bak', async () => {
    const file = join(dir, 'model.threatloom');
    writeFileSync(file, 'v1');
    await writeFileAtomic(file, 'v2', { backup: true });
    await writeFileAtomic(file, 'v3', { backup: true });
    expect(readFileSync(file, 'utf8')).toBe('v3');
    expect(readFileSync(backupPathOf(file), 'utf8')).toBe('v2');
  });

  it('leaves the old file intact and no temp file behind when the rename fails (a crash mid-write)', async () => {
    const file = join(dir, 'model.threatloom');
    writeFileSync(file, 'precious');
    const log: string[] = [];
    const ops = recordingOps(log, {
      rename: async () => {
        throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      },
    });
    await expect(writeFileAtomic(file, 'half-written', { backup: true, ops })).rejects.toThrow('EIO');
    expect(readFileSync(file, 'utf8')).toBe('precious');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the old file intact when writing the temp file fails (disk full)', async () => {
    const file = join(dir, 'model.threatloom');
    writeFileSync(file, 'precious');
    const ops: WriteOps = {
      ...nodeWriteOps,
      open: (async (path: string, flags: string, mode?: number) => {
        const handle = await fs.open(path, flags, mode);
        return {
          writeFile: async () => {
            await handle.writeFile('partial');
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      }) as unknown as WriteOps['open'],
    };
    await expect(writeFileAtomic(file, 'new', { backup: true, ops })).rejects.toThrow('ENOSPC');
    expect(readFileSync(file, 'utf8')).toBe('precious');
    expect(readdirSync(dir)).toEqual(['model.threatloom']);
  });

  it('does not replace the file when the backup cannot be made', async () => {
    const file = join(dir, 'model.threatloom');
    writeFileSync(file, 'precious');
    const rename = vi.fn();
    const ops: WriteOps = {
      ...nodeWriteOps,
      copyFile: async () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      },
      rename,
    };
    await expect(writeFileAtomic(file, 'new', { backup: true, ops })).rejects.toThrow('EACCES');
    expect(rename).not.toHaveBeenCalled();
    expect(readFileSync(file, 'utf8')).toBe('precious');
    expect(readdirSync(dir)).toEqual(['model.threatloom']);
  });

  it('writes through a symlink to its target', async () => {
    const target = join(dir, 'real.threatloom');
    const link = join(dir, 'link.threatloom');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    await writeFileAtomic(link, 'new', { backup: true });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(link).isFile()).toBe(true);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
  });

  it('keeps the file mode', async () => {
    const file = join(dir, 'private.threatloom');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    await writeFileAtomic(file, 'new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('retries a rename that Windows refuses while another process holds the file', async () => {
    const file = join(dir, 'model.threatloom');
    writeFileSync(file, 'old');
    let failures = 2;
    const rename = vi.fn(async (from: PathLike, to: PathLike) => {
      if (failures-- > 0) throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
      return fs.rename(from, to);
    });
    await writeFileAtomic(file, 'new', { ops: { ...nodeWriteOps, rename }, platform: 'win32' });
    expect(rename).toHaveBeenCalledTimes(3);
    expect(readFileSync(file, 'utf8')).toBe('new');
  });
});
