// The file operations the renderer needs from its host. Two implementations: the browser
// (browser-files.ts) and the desktop shell (a preload bridge to native dialogs). Views depend
// only on this interface, never on which host they run in.
import { DEFAULT_MAX_BYTES, formatBytes } from '../../shared/model';

export interface OpenedFile {
  /** The file's name as the user sees it (no directory: the renderer never learns paths). */
  readonly name: string;
  readonly text: string;
}

export interface PlatformFiles {
  /** Asks the user for a model file and reads it; null when the user cancels. */
  openModelFile(): Promise<OpenedFile | null>;
  /**
   * Writes `text` to a file the user chooses (suggesting `suggestedName`); null when cancelled.
   * `handleKey` (e.g. the model id) lets a host that can remember the chosen file write to it
   * again without asking; hosts that cannot simply ask every time.
   */
  saveModelFile(suggestedName: string, text: string, handleKey?: string): Promise<{ readonly name: string } | null>;
  /** Makes the next save under `handleKey` ask for a file again ("Save As…"). */
  forgetFile(handleKey: string): void;
  /**
   * Asks for a file and reads it as text; null when cancelled. `accept` lists extensions
   * (`['.json', '.yaml']`) the picker offers first; empty means any file, for imports whose
   * format is decided by content, never by name.
   */
  openTextFile(accept?: readonly string[]): Promise<OpenedFile | null>;
  /**
   * Writes an export (another tool's format, a report, an image) to a file the user chooses; null
   * when cancelled. Text is written as UTF-8; bytes (PDF, PNG) as they are. Never remembered:
   * Save keeps writing the model file, not the export.
   */
  saveExportFile(suggestedName: string, data: string | Uint8Array, mime: string): Promise<{ readonly name: string } | null>;
}

/** Larger files are refused before reading: no real model comes close, and reading a huge file
 * into one string would freeze or crash the renderer. The same limit parseModelFile applies. */
export const MAX_MODEL_FILE_BYTES = DEFAULT_MAX_BYTES;

export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';

  constructor(
    readonly fileName: string,
    readonly size: number,
    readonly limit: number = MAX_MODEL_FILE_BYTES,
  ) {
    super(`Could not open “${fileName}”: the file is ${formatBytes(size)}; the limit is ${formatBytes(limit)}.`);
  }
}
