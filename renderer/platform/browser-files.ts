// PlatformFiles for a plain browser. Chromium's File System Access API gives real open/save
// dialogs and lets "save" write to the same file again; elsewhere we fall back to a hidden file
// input for opening and a download link for saving.
import { FileTooLargeError, MAX_MODEL_FILE_BYTES, type OpenedFile, type PlatformFiles } from './platform';

// The File System Access pickers are Chromium-only and not in TypeScript's DOM lib.
interface PickerType {
  readonly description: string;
  readonly accept: Record<string, readonly string[]>;
}
interface FsAccessWindow {
  showOpenFilePicker(options: { types?: readonly PickerType[]; multiple?: boolean }): Promise<FileSystemFileHandle[]>;
  showSaveFilePicker(options: { types: readonly PickerType[]; suggestedName?: string }): Promise<FileSystemFileHandle>;
}

// `.threatloom` is the model file's own extension; `.json` is what older builds and other tools wrote.
const MODEL_EXTENSIONS = ['.threatloom', '.json'] as const;
const MODEL_TYPES: readonly PickerType[] = [
  { description: 'Threatloom model', accept: { 'application/json': MODEL_EXTENSIONS } },
];

export interface BrowserFilesOptions {
  /** Force the input/download fallback even where the File System Access API exists (tests). */
  readonly useFileSystemAccess?: boolean;
  readonly maxBytes?: number;
}

export class BrowserFiles implements PlatformFiles {
  /** Files chosen in a save dialog, by the caller's key, so the next save goes to the same file.
   * Kept in memory only: handles survive a reload only via IndexedDB plus a permission prompt,
   * which is not worth it for an exchange format. */
  readonly #handles = new Map<string, FileSystemFileHandle>();
  readonly #fsa: FsAccessWindow | null;
  readonly #maxBytes: number;

  constructor(options: BrowserFilesOptions = {}) {
    const candidate = window as unknown as Partial<FsAccessWindow>;
    const available = typeof candidate.showOpenFilePicker === 'function' && typeof candidate.showSaveFilePicker === 'function';
    this.#fsa = (options.useFileSystemAccess ?? true) && available ? (candidate as FsAccessWindow) : null;
    this.#maxBytes = options.maxBytes ?? MAX_MODEL_FILE_BYTES;
  }

  async openModelFile(): Promise<OpenedFile | null> {
    const file = this.#fsa ? await this.#pickWithFsa(this.#fsa, MODEL_TYPES) : await pickWithInput([...MODEL_EXTENSIONS, 'application/json']);
    return file ? readChecked(file, this.#maxBytes) : null;
  }

  async openTextFile(accept: readonly string[] = []): Promise<OpenedFile | null> {
    // No types at all lets the picker show every file (imports are recognised by content).
    const types: PickerType[] = accept.length ? [{ description: 'Supported files', accept: { 'text/plain': accept } }] : [];
    const file = this.#fsa ? await this.#pickWithFsa(this.#fsa, types) : await pickWithInput(accept);
    return file ? readChecked(file, this.#maxBytes) : null;
  }

  async saveExportFile(suggestedName: string, bytesOrText: string | Uint8Array, mime: string): Promise<{ name: string } | null> {
    // A copy backed by a plain ArrayBuffer, which Blob and the file writer take.
    const data = typeof bytesOrText === 'string' ? bytesOrText : new Uint8Array(bytesOrText);
    if (!this.#fsa) {
      download(suggestedName, data, mime);
      return { name: suggestedName };
    }
    const extension = /\.[A-Za-z0-9]{1,15}$/.exec(suggestedName)?.[0];
    const types: PickerType[] = extension ? [{ description: `${extension.slice(1).toUpperCase()} file`, accept: { [mime]: [extension] } }] : [];
    let handle: FileSystemFileHandle;
    try {
      handle = await this.#fsa.showSaveFilePicker({ types, suggestedName });
    } catch (error) {
      if (isAbort(error)) return null;
      throw error;
    }
    await writeText(handle, data);
    return { name: handle.name };
  }

  async saveModelFile(suggestedName: string, text: string, handleKey?: string): Promise<{ name: string } | null> {
    if (!this.#fsa) {
      download(suggestedName, text);
      return { name: suggestedName };
    }
    let handle = handleKey === undefined ? undefined : this.#handles.get(handleKey);
    if (!handle) {
      try {
        handle = await this.#fsa.showSaveFilePicker({ types: MODEL_TYPES, suggestedName });
      } catch (error) {
        if (isAbort(error)) return null;
        throw error;
      }
    }
    try {
      await writeText(handle, text);
    } catch (error) {
      // Permission revoked, file moved, disk full: forget the file so the next save asks again.
      if (handleKey !== undefined) this.#handles.delete(handleKey);
      throw error;
    }
    if (handleKey !== undefined) this.#handles.set(handleKey, handle);
    return { name: handle.name };
  }

  /** Makes the next save under `handleKey` ask for a file again ("Save as…"). */
  forgetFile(handleKey: string): void {
    this.#handles.delete(handleKey);
  }

  async #pickWithFsa(fsa: FsAccessWindow, types: readonly PickerType[]): Promise<File | null> {
    try {
      const [handle] = await fsa.showOpenFilePicker({ ...(types.length ? { types } : {}), multiple: false });
      return handle ? await handle.getFile() : null;
    } catch (error) {
      if (isAbort(error)) return null;
      throw error;
    }
  }
}

async function writeText(handle: FileSystemFileHandle, text: string | Uint8Array<ArrayBuffer>): Promise<void> {
  // createWritable writes to a temporary file that replaces the target on close, so a failure
  // part-way leaves the previous file intact.
  const writable = await handle.createWritable();
  try {
    await writable.write(text);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

/** Refuses oversize files using `size`, which is known without reading the contents. */
export async function readChecked(file: File, maxBytes: number = MAX_MODEL_FILE_BYTES): Promise<OpenedFile> {
  if (file.size > maxBytes) throw new FileTooLargeError(file.name, file.size, maxBytes);
  return { name: file.name, text: await file.text() };
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function pickWithInput(accept: readonly string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (accept.length) input.accept = accept.join(',');
    input.style.display = 'none';
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    // Chromium 113+ and Firefox fire `cancel` when the dialog is dismissed; where it is missing
    // the promise stays pending, which is harmless (nothing waits on it but the open action).
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

function download(name: string, text: string | Uint8Array<ArrayBuffer>, mime = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
