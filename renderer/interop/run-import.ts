// Runs shared/interop's importFile away from the page's main thread. The importers (and elkjs,
// which is large) load only when the user imports something, never at startup.
import type { ImportResult } from '../../shared/interop';

export interface ImportRequest {
  readonly text: string;
  readonly fileName: string;
}

export interface ImportResponse {
  readonly result: ImportResult;
  /** How the detected format is named to users (FORMAT_LABELS lives with the importers). */
  readonly formatLabel: string;
}

export type ImportRunner = (text: string, fileName: string, signal: AbortSignal) => Promise<ImportResponse>;

/** The user cancelled while the import ran. */
export class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';

  constructor() {
    super('The import was cancelled.');
  }
}

/**
 * Imports in a Web Worker, so the window stays responsive and Cancel stops the work at once.
 * Where a worker cannot start (or dies), imports on the main thread instead: slower to cancel,
 * but the user still gets their file.
 */
export const importInBackground: ImportRunner = async (text, fileName, signal) => {
  try {
    return await importInWorker(text, fileName, signal);
  } catch (error) {
    if (error instanceof ImportCancelled) throw error;
  }
  if (signal.aborted) throw new ImportCancelled();
  const response = await importOnMainThread(text, fileName);
  if (signal.aborted) throw new ImportCancelled();
  return response;
};

export async function importOnMainThread(text: string, fileName: string): Promise<ImportResponse> {
  const { FORMAT_LABELS, importFile } = await import('../../shared/interop');
  const result = await importFile(text, fileName);
  return { result, formatLabel: FORMAT_LABELS[result.ok ? result.summary.format : result.format] };
}

export function importInWorker(text: string, fileName: string, signal: AbortSignal): Promise<ImportResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new ImportCancelled());
      return;
    }
    let worker: Worker;
    try {
      worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const finish = () => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new ImportCancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<ImportResponse>) => {
      finish();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      reject(new Error(event.message || 'the import worker could not run'));
    };
    worker.onmessageerror = () => {
      finish();
      reject(new Error('the import worker sent a result that could not be read'));
    };
    const request: ImportRequest = { text, fileName };
    worker.postMessage(request);
  });
}
