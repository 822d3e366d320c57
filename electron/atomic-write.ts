// Never corrupt a model file: write a temporary file beside the target, fsync it, keep the old
// version as `<name>.bak`, then rename over the target (atomic on one file system). A failure at
// any step before the rename leaves the old file exactly as it was.
import * as fs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The file operations used, injectable so tests can fail one midway. */
export interface WriteOps {
  open: typeof fs.open;
  rename: typeof fs.rename;
  copyFile: typeof fs.copyFile;
  rm: typeof fs.rm;
  stat: typeof fs.stat;
  realpath: typeof fs.realpath;
}
export const nodeWriteOps: WriteOps = {
  open: fs.open,
  rename: fs.rename,
  copyFile: fs.copyFile,
  rm: fs.rm,
  stat: fs.stat,
  realpath: fs.realpath,
};

export interface AtomicWriteOptions {
  /** Copy the current file to `<path>.bak` before replacing it. */
  readonly backup?: boolean;
  readonly ops?: WriteOps;
  readonly platform?: NodeJS.Platform;
}

export const backupPathOf = (path: string) => `${path}.bak`;

const isNotFound = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** Writes `data` (text as UTF-8, bytes as they are) to `path` atomically; resolves to the path actually written (symlinks followed). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<string> {
  const ops = options.ops ?? nodeWriteOps;
  const platform = options.platform ?? process.platform;
  // Write through a symlink to its target instead of replacing the link with a plain file.
  const target = await ops.realpath(path).catch((error: unknown) => {
    if (isNotFound(error)) return path;
    throw error;
  });
  const existingMode = await ops.stat(target).then(
    (s) => s.mode & 0o777,
    (error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    },
  );
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await ops.open(temp, 'wx', existingMode ?? 0o644);
  try {
    try {
      await handle.writeFile(data, typeof data === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.backup && existingMode !== null) await ops.copyFile(target, backupPathOf(target));
    await renameWithRetry(ops, temp, target, platform);
  } catch (error) {
    await ops.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(ops, dirname(target), platform);
  return target;
}

/** Windows refuses a rename while another process (an indexer, a virus scanner) holds the file. */
async function renameWithRetry(ops: WriteOps, from: string, to: string, platform: NodeJS.Platform): Promise<void> {
  const delays = platform === 'win32' ? [50, 100, 200, 400, 800] : [];
  for (let attempt = 0; ; attempt++) {
    try {
      await ops.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const delay = delays[attempt];
      if (delay === undefined || !(code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) throw error;
      await new Promise((done) => setTimeout(done, delay));
    }
  }
}

/** Makes the rename itself durable. Windows cannot open a directory for syncing: skipped there. */
async function syncDirectory(ops: WriteOps, dir: string, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32') return;
  try {
    const handle = await ops.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems (network mounts, FUSE) refuse a directory fsync; the data itself is synced.
  }
}
