// Native Open / Save / Save As. The main process touches only paths the user chose — in a dialog,
// from the recent list, on the command line or through the OS — and hands the renderer an opaque
// id and the base name for each. Writes are atomic with a `.bak`, and refuse to overwrite a file
// someone else changed since we last read or wrote it. Exports (reports, images, tables) are written the same
// atomic way but are not models: they get no id and never join the recent list.
import { randomUUID } from 'node:crypto';
import { basename, win32 } from 'node:path';
import type { FileFilter } from 'electron';
import {
  EXPORT_KIND_INFO,
  MAX_MODEL_TEXT_BYTES,
  type ExportKind,
  type ExportResult,
  type FileRef,
  type OpenAccept,
  type OpenResult,
  type SaveResult,
} from '../shared/ipc';
import { writeFileAtomic, type AtomicWriteOptions, type WriteOps } from './atomic-write';
import { changedOnDisk, FileError, readTextFile, stampAfterWrite, toFileError, type FileStamp } from './disk';
import type { RecentFiles } from './recent';

/** What a native dialog shows: its title and file-type filters, the first one selected. */
export interface DialogRequest {
  readonly title: string;
  readonly filters: FileFilter[];
}

export interface FileDialogs {
  /** The path the user picked, or null when cancelled. */
  chooseFileToOpen(request: DialogRequest): Promise<string | null>;
  chooseFileToSave(suggestedName: string, request: DialogRequest): Promise<string | null>;
}

export const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };
export const MODEL_FILTERS: FileFilter[] = [{ name: 'Threatloom models', extensions: ['threatloom', 'json'] }, ALL_FILES];

/** The Open dialog: the extensions the renderer asked for (already validated) first, then all files. */
export function openDialogRequest(accept?: OpenAccept): DialogRequest {
  if (!accept) return { title: 'Open Threat Model', filters: MODEL_FILTERS };
  const extensions = [...new Set(accept.extensions.map((extension) => extension.slice(1).toLowerCase()))];
  const listed = extensions.map((extension) => `.${extension}`).join(', ');
  return { title: 'Open File', filters: [{ name: `${accept.label} (${listed})`, extensions }, ALL_FILES] };
}

/** The Save dialog for an export: its own type first ("PDF document (.pdf)"), then all files. */
export function exportDialogRequest(kind: ExportKind): DialogRequest {
  const { label, extension } = EXPORT_KIND_INFO[kind];
  return { title: `Export ${label}`, filters: [{ name: `${label} (.${extension})`, extensions: [extension] }, ALL_FILES] };
}

const SAVE_MODEL: DialogRequest = { title: 'Save Threat Model', filters: MODEL_FILTERS };

export interface FileServiceOptions {
  readonly dialogs: FileDialogs;
  readonly recent: RecentFiles;
  readonly maxBytes?: number;
  readonly platform?: NodeJS.Platform;
  readonly writeOps?: WriteOps;
  /** Called after the recent list changed (to rebuild the Open Recent menu). */
  readonly onRecentChanged?: () => void;
}

interface KnownFile {
  readonly path: string;
  /** What the file held when we last read or wrote it; null when never read this session. */
  stamp: FileStamp | null;
}

export class FileService {
  readonly #known = new Map<string, KnownFile>();
  readonly #idByPath = new Map<string, string>();
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #options: FileServiceOptions;
  readonly #maxBytes: number;
  readonly #platform: NodeJS.Platform;

  constructor(options: FileServiceOptions) {
    this.#options = options;
    this.#maxBytes = options.maxBytes ?? MAX_MODEL_TEXT_BYTES;
    this.#platform = options.platform ?? process.platform;
  }

  /** Allows a path the user chose outside a dialog (command line, OS, recent list). */
  allow(path: string): FileRef {
    const key = this.#key(path);
    let id = this.#idByPath.get(key);
    if (!id) {
      id = randomUUID();
      this.#idByPath.set(key, id);
      this.#known.set(id, { path, stamp: null });
    }
    return { id, name: this.#name(path) };
  }

  /** The path behind an id, only for ids handed out this session. */
  pathOf(id: string): string | null {
    return this.#known.get(id)?.path ?? null;
  }

  /** True while a write started by main is still running. */
  get busy(): boolean {
    return this.#inFlight.size > 0;
  }

  /** Resolves when every write in flight has finished (successfully or not). */
  async whenIdle(): Promise<void> {
    while (this.#inFlight.size) await Promise.allSettled([...this.#inFlight]);
  }

  listRecent(): readonly FileRef[] {
    return this.#options.recent.paths().map((path) => this.allow(path));
  }

  async openFile(accept?: OpenAccept): Promise<OpenResult> {
    const path = await this.#options.dialogs.chooseFileToOpen(openDialogRequest(accept));
    if (path === null) return { status: 'cancelled' };
    return this.#read(this.allow(path).id);
  }

  async openRecent(id: string): Promise<OpenResult> {
    return this.#known.has(id) ? this.#read(id) : unknownFile('open');
  }

  saveFile(id: string, text: string): Promise<SaveResult> {
    return this.#track(this.#save(id, text));
  }

  async saveFileAs(suggestedName: string, text: string): Promise<SaveResult> {
    const path = await this.#options.dialogs.chooseFileToSave(suggestedName, SAVE_MODEL);
    if (path === null) return { status: 'cancelled' };
    const { id } = this.allow(path);
    // The user just confirmed this path in the dialog (which asks before replacing a file).
    return this.#track(this.#write(id, text));
  }

  /**
   * Writes an export where the user chooses. Unlike Save As, the path is not allowed (no id, so
   * nothing is saved there later) and not added to the recent list: an export is not a model.
   */
  async exportFile(suggestedName: string, bytes: Uint8Array, kind: ExportKind): Promise<ExportResult> {
    const path = await this.#options.dialogs.chooseFileToSave(suggestedName, exportDialogRequest(kind));
    if (path === null) return { status: 'cancelled' };
    return this.#track(this.#writeExport(path, bytes));
  }

  async #writeExport(path: string, bytes: Uint8Array): Promise<ExportResult> {
    const name = this.#name(path);
    try {
      await writeFileAtomic(path, bytes, this.#writeOptions());
      return { status: 'saved', name };
    } catch (error) {
      return toFileError(error, name, 'save').toFailure();
    }
  }

  async #read(id: string): Promise<OpenResult> {
    const file = this.#known.get(id)!;
    const name = this.#name(file.path);
    try {
      const { text, stamp } = await readTextFile(file.path, name, this.#maxBytes);
      file.stamp = stamp;
      await this.#remember(file.path);
      return { status: 'opened', id, name, text };
    } catch (error) {
      const failure = toFileError(error, name, 'open');
      if (failure.code === 'not-found') await this.#forget(file.path);
      return failure.toFailure();
    }
  }

  async #save(id: string, text: string): Promise<SaveResult> {
    const file = this.#known.get(id);
    // Saving needs a file read or written this session, so there is a stamp to compare.
    if (!file?.stamp) return unknownFile('save');
    const name = this.#name(file.path);
    try {
      if (await changedOnDisk(file.path, file.stamp)) {
        return new FileError('changed-on-disk', `“${name}” was changed by another program since Threatloom last opened or saved it, so it was not overwritten. Use Save As… to keep both versions.`).toFailure();
      }
    } catch (error) {
      return toFileError(error, name, 'save').toFailure();
    }
    return this.#write(id, text);
  }

  async #write(id: string, text: string): Promise<SaveResult> {
    const file = this.#known.get(id)!;
    const name = this.#name(file.path);
    try {
      const written = await writeFileAtomic(file.path, text, this.#writeOptions());
      file.stamp = await stampAfterWrite(written, text);
      await this.#remember(file.path);
      return { status: 'saved', id, name };
    } catch (error) {
      return toFileError(error, name, 'save').toFailure();
    }
  }

  /** Every write keeps the replaced file as `<name>.bak`. */
  #writeOptions(): AtomicWriteOptions {
    return { backup: true, platform: this.#platform, ...(this.#options.writeOps ? { ops: this.#options.writeOps } : {}) };
  }

  async #remember(path: string): Promise<void> {
    await this.#options.recent.add(path).catch(() => undefined); // a recent list that cannot be saved is no reason to fail
    this.#options.onRecentChanged?.();
  }

  async #forget(path: string): Promise<void> {
    if (!this.#options.recent.has(path)) return;
    await this.#options.recent.remove(path).catch(() => undefined);
    this.#options.onRecentChanged?.();
  }

  #track<T>(work: Promise<T>): Promise<T> {
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  #key(path: string): string {
    return this.#platform === 'win32' ? path.toLowerCase() : path;
  }

  #name(path: string): string {
    return this.#platform === 'win32' ? win32.basename(path) : basename(path);
  }
}

const unknownFile = (doing: 'open' | 'save'): SaveResult & OpenResult => ({
  status: 'failed',
  code: 'unknown-file',
  message:
    doing === 'open'
      ? 'Threatloom does not know that file any more. Choose it again with Open….'
      : 'Threatloom does not know which file to save to. Use Save As… to choose one.',
});
