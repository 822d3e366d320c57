// Reading model files and noticing when someone else changed one. A stamp (size, mtime and a
// SHA-256 of the content) is taken whenever we read or write a file; before overwriting it we
// compare. Size+mtime equal means unchanged; otherwise the hash decides, so a `touch` or a git
// checkout of identical content is not mistaken for a change.
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import type { FileFailure, FileFailureCode } from '../shared/ipc';

export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export class FileError extends Error {
  constructor(
    readonly code: FileFailureCode,
    message: string,
  ) {
    super(message);
  }

  toFailure(): FileFailure {
    return { status: 'failed', code: this.code, message: this.message };
  }
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

/** A FileError for any error, phrased for the user, naming the file but not its directory. */
export function toFileError(error: unknown, name: string, doing: 'open' | 'save'): FileError {
  if (error instanceof FileError) return error;
  const code = errno(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileError('not-found', `“${name}” could not be found. It may have been moved, renamed or deleted.`);
  if (code === 'EACCES' || code === 'EPERM') return new FileError('io-error', `You do not have permission to ${doing} “${name}”.`);
  if (code === 'ENOSPC' || code === 'EDQUOT') return new FileError('io-error', `Could not save “${name}”: the disk is full.`);
  if (code === 'EROFS') return new FileError('io-error', `Could not save “${name}”: the disk is read-only.`);
  const detail = error instanceof Error ? error.message : String(error);
  return new FileError('io-error', `Could not ${doing} “${name}”: ${detail}`);
}

const formatMb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Reads a UTF-8 text file of at most `maxBytes`, checking the size before reading. */
export async function readTextFile(path: string, name: string, maxBytes: number): Promise<{ text: string; stamp: FileStamp }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw toFileError(error, name, 'open');
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new FileError('not-found', `“${name}” is not a file.`);
    if (info.size > maxBytes) {
      throw new FileError('too-large', `Could not open “${name}”: the file is ${formatMb(info.size)}; the limit is ${formatMb(maxBytes)}.`);
    }
    const bytes = await handle.readFile();
    if (bytes.byteLength > maxBytes) throw new FileError('too-large', `Could not open “${name}”: the file grew past ${formatMb(maxBytes)} while reading.`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new FileError('io-error', `“${name}” is not a text file (it is not valid UTF-8).`);
    }
    return { text, stamp: { size: info.size, mtimeMs: info.mtimeMs, sha256: sha256(bytes) } };
  } catch (error) {
    throw toFileError(error, name, 'open');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The stamp of a file we just wrote with `data`. */
export async function stampAfterWrite(path: string, data: string): Promise<FileStamp> {
  const info = await stat(path);
  return { size: info.size, mtimeMs: info.mtimeMs, sha256: sha256(data) };
}

/** True when the file at `path` is no longer what `stamp` recorded. A deleted file has nothing to lose: false. */
export async function changedOnDisk(path: string, stamp: FileStamp): Promise<boolean> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if (errno(error) === 'ENOENT') return false;
    throw error;
  }
  if (info.size === stamp.size && info.mtimeMs === stamp.mtimeMs) return false;
  if (info.size !== stamp.size) return true;
  return sha256(await readFile(path)) !== stamp.sha256;
}
