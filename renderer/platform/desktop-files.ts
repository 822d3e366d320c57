// PlatformFiles in the desktop app: native dialogs and atomic writes in the main process, through
// the preload bridge. The renderer only ever holds opaque file ids, never paths.
import {
  EXPORT_KIND_INFO,
  EXPORT_KINDS,
  fitsInBytes,
  isAcceptExtension,
  MAX_ACCEPT_EXTENSIONS,
  MAX_EXPORT_BYTES,
  MAX_MODEL_TEXT_BYTES,
  MAX_NAME_LENGTH,
} from '../../shared/ipc';
import type { ExportKind, FileFailure, FileRef, OpenAccept, OpenResult } from '../../shared/ipc';
import type { DesktopHost } from './desktop-host';
import type { OpenedFile, PlatformFiles } from './platform';

/** A file failure reported by the main process; `message` is written for the user. */
export class DesktopFileError extends Error {
  override readonly name: string = 'DesktopFileError';

  constructor(
    readonly code: FileFailure['code'],
    message: string,
  ) {
    super(message);
  }
}

/** Someone else changed the file since we read or wrote it: nothing was written. Offer Save As. */
export class FileChangedOnDiskError extends DesktopFileError {
  override readonly name = 'FileChangedOnDiskError';

  constructor(message: string) {
    super('changed-on-disk', message);
  }
}

const failure = (result: FileFailure) =>
  result.code === 'changed-on-disk' ? new FileChangedOnDiskError(result.message) : new DesktopFileError(result.code, result.message);

/** A name the Save dialog accepts: no directories, no control characters. */
export function plainFileName(name: string, fallback = 'threat-model.threatloom'): string {
  const cleaned = name.replace(/[/\\\p{Cc}]+/gu, '_').trim().slice(0, MAX_NAME_LENGTH);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
}

/**
 * What Import… offers first when the caller names no extensions: the formats the importer reads
 * (Threatloom, Threat Dragon and OTM JSON, OTM YAML, Microsoft TMT). Only a hint for the picker:
 * "All files" is offered too, and the importer decides by content, never by name.
 */
export const IMPORT_ACCEPT: OpenAccept = { label: 'Threat models', extensions: ['.threatloom', '.json', '.yaml', '.yml', '.tm7', '.otm'] };

/** The export kind for a MIME type, e.g. `application/pdf` → `pdf`; null for a format the app does not export. */
export const exportKindOf = (mime: string): ExportKind | null => EXPORT_KINDS.find((kind) => EXPORT_KIND_INFO[kind].mime === mime) ?? null;

const MIB = 1024 * 1024;

export class DesktopFiles implements PlatformFiles {
  readonly #desktop: DesktopHost;
  /** File id per caller key (the model id), so Save writes to the same file again. */
  readonly #fileByKey = new Map<string, string>();
  /** Which file each opened result came from, for rememberFile(). */
  readonly #openedFrom = new WeakMap<OpenedFile, string>();

  constructor(desktop: DesktopHost) {
    this.#desktop = desktop;
  }

  async openModelFile(): Promise<OpenedFile | null> {
    return this.#opened(await this.#desktop.host.openFile({}));
  }

  /** Opens a file from the recent list or an open request (ids come from main). */
  async openKnownFile(id: string): Promise<OpenedFile | null> {
    return this.#opened(await this.#desktop.host.openRecent({ id }));
  }

  listRecent(): Promise<readonly FileRef[]> {
    return this.#desktop.host.listRecent({});
  }

  async saveModelFile(suggestedName: string, text: string, handleKey?: string): Promise<{ readonly name: string } | null> {
    if (!fitsInBytes(text, MAX_MODEL_TEXT_BYTES)) {
      throw new DesktopFileError('too-large', `The model is larger than ${MAX_MODEL_TEXT_BYTES / (1024 * 1024)} MB and cannot be saved as one file.`);
    }
    return this.#desktop.whileBusy(async () => {
      const host = this.#desktop.host;
      const known = handleKey === undefined ? undefined : this.#fileByKey.get(handleKey);
      let result = known ? await host.saveFile({ id: known, text }) : await host.saveFileAs({ suggestedName: plainFileName(suggestedName), text });
      if (known && result.status === 'failed' && result.code === 'unknown-file') {
        // Main no longer knows the file (it restarted): ask where to save, as for a new file.
        this.#fileByKey.delete(handleKey!);
        result = await host.saveFileAs({ suggestedName: plainFileName(suggestedName), text });
      }
      if (result.status === 'cancelled') return null;
      if (result.status === 'failed') throw failure(result);
      if (handleKey !== undefined) this.#fileByKey.set(handleKey, result.id);
      return { name: result.name };
    });
  }

  /**
   * The native Open dialog offers `accept` first ("Supported files (.json, .yaml)"), or for
   * imports that name none the formats Import reads; "All files" always comes second.
   * Entries main would refuse (MIME types, odd characters) are left out: they are only hints.
   */
  async openTextFile(accept: readonly string[] = []): Promise<OpenedFile | null> {
    const extensions = accept.filter(isAcceptExtension).slice(0, MAX_ACCEPT_EXTENSIONS);
    const wanted: OpenAccept = extensions.length ? { label: 'Supported files', extensions } : IMPORT_ACCEPT;
    return this.#opened(await this.#desktop.host.openFile({ accept: wanted }));
  }

  /**
   * Exports go through the export channel and the same atomic write as models, busy while
   * writing so closing waits for them. Text is sent as UTF-8 bytes; nothing is remembered.
   */
  async saveExportFile(suggestedName: string, data: string | Uint8Array, mime: string): Promise<{ readonly name: string } | null> {
    const kind = exportKindOf(mime);
    if (!kind) {
      const known = EXPORT_KINDS.map((k) => EXPORT_KIND_INFO[k].label).join(', ');
      throw new DesktopFileError('io-error', `The desktop app cannot save “${mime}” exports; it saves ${known}.`);
    }
    return this.#export(suggestedName, typeof data === 'string' ? new TextEncoder().encode(data) : data, kind);
  }

  async #export(suggestedName: string, data: Uint8Array, kind: ExportKind): Promise<{ readonly name: string } | null> {
    const { label, extension } = EXPORT_KIND_INFO[kind];
    if (data.byteLength > MAX_EXPORT_BYTES) {
      throw new DesktopFileError('too-large', `The ${label} is ${Math.ceil(data.byteLength / MIB)} MB; the desktop app saves exports up to ${MAX_EXPORT_BYTES / MIB} MB.`);
    }
    // IPC copies a view's whole underlying buffer: send just the export's own bytes.
    const bytes = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
    return this.#desktop.whileBusy(async () => {
      const result = await this.#desktop.host.exportFile({ suggestedName: plainFileName(suggestedName, `export.${extension}`), bytes, kind });
      if (result.status === 'cancelled') return null;
      if (result.status === 'failed') throw failure(result);
      return { name: result.name };
    });
  }

  /** Save As…: the next save under `handleKey` asks for a file. */
  forgetFile(handleKey: string): void {
    this.#fileByKey.delete(handleKey);
  }

  /** After `opened` was imported as the model `handleKey`, Save writes back to that file. */
  rememberFile(opened: OpenedFile, handleKey: string): void {
    const id = this.#openedFrom.get(opened);
    if (id) this.#fileByKey.set(handleKey, id);
  }

  /**
   * Files to open from outside the app (double-click, command line, second launch, Open Recent
   * menu): reads each and hands it to `open`. Call `desktop.ready()` after subscribing.
   */
  onOpenRequest(open: (file: OpenedFile) => void | Promise<void>, report: (message: string) => void): () => void {
    return this.#desktop.on('files:openRequested', ({ id }) => {
      this.openKnownFile(id).then(
        (file) => (file ? open(file) : undefined),
        (error: unknown) => report(error instanceof Error ? error.message : String(error)),
      );
    });
  }

  #opened(result: OpenResult): OpenedFile | null {
    if (result.status === 'cancelled') return null;
    if (result.status === 'failed') throw failure(result);
    const file: OpenedFile = { name: result.name, text: result.text };
    this.#openedFrom.set(file, result.id);
    return file;
  }
}
