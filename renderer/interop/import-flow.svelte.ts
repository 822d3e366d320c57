// Import…: pick any file, recognise it by content, and either open it (our own model format) or
// import it (Threat Dragon, Open Threat Model, Microsoft TMT) behind a summary the user confirms.
// Nothing is stored before "Open model"; a refusal or Cancel leaves the library as it was.
import { getContext, setContext } from 'svelte';
import type { ImportSummary } from '../../shared/interop';
import type { ModelDocument, Problem } from '../../shared/model';
import type { OpenedFile } from '../platform/platform';
import { addModelFile, isModelText } from '../app/open-model-file';
import type { Services } from '../app/services';
import { ImportCancelled, importInBackground, type ImportRunner } from './run-import';

export type ImportPhase =
  | { readonly name: 'idle' }
  | { readonly name: 'reading'; readonly fileName: string; readonly bytes: number }
  | { readonly name: 'review'; readonly fileName: string; readonly formatLabel: string; readonly doc: ModelDocument; readonly summary: ImportSummary }
  | { readonly name: 'refused'; readonly fileName: string; readonly formatLabel: string; readonly recognised: boolean; readonly problems: readonly Problem[] };

export interface ImportHooks {
  /** Shows a model that is now in the library. */
  open(id: string): void;
  /** Something the user should know after opening (a copy was made, an older file upgraded). */
  inform(message: string): void;
  /** Something went wrong outside the dialog (the file could not be read, our own file is invalid). */
  fail(message: string): void;
  /** A new import starts: messages about an earlier attempt no longer apply. */
  begin?(): void;
}

/** Files this large show a progress dialog with Cancel at once; small ones are read in a blink. */
export const BIG_FILE_BYTES = 512 * 1024;

export class ImportFlow {
  phase = $state.raw<ImportPhase>({ name: 'idle' });
  /** True while the confirmed model is being stored. */
  storing = $state(false);
  readonly #services: Services;
  readonly #hooks: ImportHooks;
  readonly #run: ImportRunner;
  #abort: AbortController | null = null;

  constructor(services: Services, hooks: ImportHooks, run: ImportRunner = importInBackground) {
    this.#services = services;
    this.#hooks = hooks;
    this.#run = run;
  }

  /** Asks for any file, then imports it. */
  pick = async (): Promise<void> => {
    let opened: OpenedFile | null;
    try {
      opened = await this.#services.files.openTextFile();
    } catch (error) {
      this.#hooks.fail(messageOf(error));
      return;
    }
    if (opened) await this.start(opened);
  };

  /** Imports a file already read (picked, double-clicked, passed on the command line). */
  start = async (opened: OpenedFile): Promise<void> => {
    this.cancel();
    this.#hooks.begin?.();
    if (isModelText(opened.text)) {
      const result = await addModelFile(this.#services, opened).catch((error: unknown) => ({ ok: false as const, message: messageOf(error) }));
      if (!result.ok) return this.#hooks.fail(result.message);
      if (result.notes.length) this.#hooks.inform(result.notes.join(' '));
      return this.#hooks.open(result.id);
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.phase = { name: 'reading', fileName: opened.name, bytes: opened.text.length };
    try {
      const { result, formatLabel } = await this.#run(opened.text, opened.name, abort.signal);
      if (abort.signal.aborted) return;
      this.phase = result.ok
        ? { name: 'review', fileName: opened.name, formatLabel, doc: result.doc, summary: result.summary }
        : { name: 'refused', fileName: opened.name, formatLabel, recognised: result.format !== 'unknown', problems: result.problems };
    } catch (error) {
      if (error instanceof ImportCancelled || abort.signal.aborted) return;
      this.phase = { name: 'refused', fileName: opened.name, formatLabel: '', recognised: false, problems: [{ path: '', message: messageOf(error) }] };
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  };

  /** "Open model": stores the imported model (its ids are fresh, so it never replaces one) and opens it. */
  confirm = async (): Promise<void> => {
    const phase = this.phase;
    if (phase.name !== 'review' || this.storing) return;
    this.storing = true;
    try {
      const stored = await this.#services.library.importModel(phase.doc);
      this.phase = { name: 'idle' };
      this.#hooks.open(stored.doc.id);
    } catch (error) {
      this.phase = { name: 'idle' };
      this.#hooks.fail(`“${phase.fileName}” could not be stored: ${messageOf(error)}`);
    } finally {
      this.storing = false;
    }
  };

  /** Stops a running import or closes the dialog; nothing was stored. */
  cancel = (): void => {
    this.#abort?.abort();
    this.#abort = null;
    if (!this.storing) this.phase = { name: 'idle' };
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const KEY = Symbol('import-flow');
export const setImporter = (flow: ImportFlow) => setContext(KEY, flow);
export function getImporter(): ImportFlow {
  const flow = getContext<ImportFlow | undefined>(KEY);
  if (!flow) throw new Error('getImporter() used outside <App>');
  return flow;
}
