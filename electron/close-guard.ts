// Closing the window never cuts a save or an export short. On close, main asks the renderer to
// finish (`app:closeRequested`: flush autosave, wait for exports) and closes once it answers
// (`app:quitReady`), nothing is busy — in the renderer (`app:busy`) or in main (a file write) —
// or the renderer stayed silent for a while without being busy (hung or never wired).
// A save that is stuck for long asks the user whether to keep waiting.

export interface CloseGuardOptions {
  /** Sends `app:closeRequested` to the renderer. */
  requestFlush(): void;
  /** Writes main itself has in flight. */
  mainBusy(): boolean;
  /** Actually closes the window (the guard lets that close event through). */
  close(): void;
  /** Asked when closing has waited `stuckAfterMs`: true closes anyway. */
  askCloseAnyway(): Promise<boolean>;
  readonly rendererTimeoutMs?: number;
  readonly stuckAfterMs?: number;
}

export class CloseGuard {
  #approved = false;
  #waiting = false;
  #rendererAnswered = false;
  #rendererBusy = false;
  #asking = false;
  #rendererTimer: ReturnType<typeof setTimeout> | undefined;
  #stuckTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #options: CloseGuardOptions;

  constructor(options: CloseGuardOptions) {
    this.#options = options;
  }

  get waiting(): boolean {
    return this.#waiting;
  }

  /** The window's `close` handler. */
  onClose(event: { preventDefault(): void }): void {
    if (this.#approved) return;
    event.preventDefault();
    if (this.#waiting) return;
    this.#waiting = true;
    this.#rendererAnswered = false;
    this.#options.requestFlush();
    this.#armRendererTimer();
    this.#armStuckTimer();
  }

  /** `app:quitReady` from the renderer. */
  rendererReady(): void {
    this.#rendererAnswered = true;
    this.check();
  }

  /** `app:busy` from the renderer. */
  setRendererBusy(busy: boolean): void {
    this.#rendererBusy = busy;
    if (!busy) this.#armRendererTimer();
    this.check();
  }

  /** The renderer crashed or was killed: nothing more will come from it. */
  rendererGone(): void {
    this.#rendererBusy = false;
    this.#rendererAnswered = true;
    this.check();
  }

  /** Re-evaluates; call after main's own writes finish. */
  check(): void {
    if (!this.#waiting || this.#asking) return;
    if (!this.#rendererAnswered || this.#rendererBusy || this.#options.mainBusy()) return;
    this.#finish();
  }

  dispose(): void {
    clearTimeout(this.#rendererTimer);
    clearTimeout(this.#stuckTimer);
  }

  #finish(): void {
    this.dispose();
    this.#waiting = false;
    this.#approved = true;
    this.#options.close();
  }

  #armRendererTimer(): void {
    if (!this.#waiting) return;
    clearTimeout(this.#rendererTimer);
    this.#rendererTimer = setTimeout(() => {
      // Silence while busy is a long save, not a hang: keep waiting for busy=false.
      if (this.#rendererBusy) return;
      this.#rendererAnswered = true;
      this.check();
    }, this.#options.rendererTimeoutMs ?? 5000);
  }

  #armStuckTimer(): void {
    clearTimeout(this.#stuckTimer);
    this.#stuckTimer = setTimeout(() => void this.#askAboutStuck(), this.#options.stuckAfterMs ?? 30_000);
  }

  async #askAboutStuck(): Promise<void> {
    if (!this.#waiting) return;
    this.#asking = true;
    const closeAnyway = await this.#options.askCloseAnyway().catch(() => false);
    this.#asking = false;
    if (!this.#waiting) return;
    if (closeAnyway) this.#finish();
    else {
      this.#armStuckTimer();
      this.check();
    }
  }
}
