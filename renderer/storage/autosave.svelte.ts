// Autosave: every change is written shortly after it happens, without the user pressing Save.
// Debounced so a drag or typing burst costs one write, but bounded so continuous editing still
// reaches the disk at least about once a second. Writes are strictly sequential: a slower older
// write can never land after (and overwrite) a newer one.
import type { ModelDocument } from '../../shared/model';

export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'error';

export interface AutosaverOptions {
  /** Quiet time after the last change before writing. */
  readonly debounceMs?: number;
  /** Longest time the first unsaved change may wait, however busy the user is. */
  readonly maxDelayMs?: number;
  /** Clock in ms; injectable for tests. */
  readonly now?: () => number;
}

/** The part of `window` the lifecycle hooks need; narrow so tests can pass a fake. */
export interface LifecycleTarget {
  addEventListener(type: 'pagehide', listener: () => void): void;
  removeEventListener(type: 'pagehide', listener: () => void): void;
  readonly document: {
    readonly visibilityState: DocumentVisibilityState;
    addEventListener(type: 'visibilitychange', listener: () => void): void;
    removeEventListener(type: 'visibilitychange', listener: () => void): void;
  };
}

export class Autosaver {
  #status = $state<SaveStatus>('saved');
  #lastError = $state<Error | null>(null);

  readonly #save: (doc: ModelDocument) => Promise<void>;
  readonly #debounceMs: number;
  readonly #maxDelayMs: number;
  readonly #now: () => number;

  /** Newest document not yet handed to `save` (or whose save failed); null when all is written. */
  #pending: ModelDocument | null = null;
  /** When the oldest change in `#pending` was made; the bound on the delay counts from here. */
  #firstUnsavedAt: number | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Tail of the write queue; each write starts only after the previous one settled. */
  #queue: Promise<void> = Promise.resolve();
  #detachers: (() => void)[] = [];
  #disposed = false;

  constructor(save: (doc: ModelDocument) => Promise<void>, options: AutosaverOptions = {}) {
    this.#save = save;
    this.#debounceMs = options.debounceMs ?? 300;
    this.#maxDelayMs = options.maxDelayMs ?? 1000;
    this.#now = options.now ?? (() => Date.now());
  }

  get status(): SaveStatus {
    return this.#status;
  }

  /** The error of the last failed write; cleared by the next successful one. */
  get lastError(): Error | null {
    return this.#lastError;
  }

  /** Records that `doc` is the newest state and arranges for it to be written soon. */
  schedule(doc: ModelDocument): void {
    if (this.#disposed) return;
    this.#pending = doc;
    this.#status = 'unsaved';
    const now = this.#now();
    this.#firstUnsavedAt ??= now;
    const untilBound = this.#firstUnsavedAt + this.#maxDelayMs - now;
    const delay = Math.max(0, Math.min(this.#debounceMs, untilBound));
    this.#clearTimer();
    this.#timer = setTimeout(() => void this.flush(), delay);
  }

  /**
   * Writes the newest document now (after any write already running). Never rejects, because it
   * runs from page-lifecycle handlers: failures show in `status` and `lastError`, so a caller
   * about to navigate away can check `status === 'error'` after awaiting.
   */
  flush(): Promise<void> {
    this.#clearTimer();
    this.#queue = this.#queue.then(() => this.#writePending());
    return this.#queue;
  }

  /**
   * Flushes when the page is hidden or being unloaded: `visibilitychange` to hidden is the last
   * event reliably delivered on mobile and tab discard; `pagehide` covers closing and navigation.
   */
  attachLifecycle(target: LifecycleTarget): () => void {
    const onPageHide = () => void this.flush();
    const onVisibility = () => {
      if (target.document.visibilityState === 'hidden') void this.flush();
    };
    target.addEventListener('pagehide', onPageHide);
    target.document.addEventListener('visibilitychange', onVisibility);
    let attached = true;
    const detach = () => {
      if (!attached) return;
      attached = false;
      target.removeEventListener('pagehide', onPageHide);
      target.document.removeEventListener('visibilitychange', onVisibility);
      this.#detachers = this.#detachers.filter((d) => d !== detach);
    };
    this.#detachers.push(detach);
    return detach;
  }

  /**
   * Stops the timer and lifecycle hooks and ignores later `schedule` calls. Whatever was still
   * unsaved is written (the returned promise settles when it is), so closing an editor right
   * after an edit loses nothing.
   */
  dispose(): Promise<void> {
    for (const detach of [...this.#detachers]) detach();
    const done = this.flush();
    this.#disposed = true;
    return done;
  }

  async #writePending(): Promise<void> {
    const doc = this.#pending;
    // An earlier queued flush already wrote it (or there was never anything to write).
    if (doc === null) return;
    this.#pending = null;
    this.#firstUnsavedAt = null;
    this.#status = 'saving';
    try {
      await this.#save(doc);
      this.#lastError = null;
      // A change made during the write is still waiting for its own timer.
      this.#status = this.#pending === null ? 'saved' : 'unsaved';
    } catch (error) {
      this.#lastError = error instanceof Error ? error : new Error(String(error));
      this.#status = 'error';
      // Keep the document so the next flush (e.g. on pagehide) retries it, unless a newer one
      // already replaced it. No automatic retry timer: a failing disk should not be hammered.
      if (this.#pending === null) {
        this.#pending = doc;
        this.#firstUnsavedAt = this.#now();
      }
    }
  }

  #clearTimer(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}
