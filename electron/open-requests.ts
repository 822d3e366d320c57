// Files the OS or the user asks us to open outside a dialog: a command-line argument, a
// double-click (macOS `open-file`, Windows/Linux argv), a second launch. They are queued until
// the renderer says it listens (`app:ready`), then sent as `files:openRequested`.
import { extname, isAbsolute, resolve } from 'node:path';

/** Extensions accepted from the command line: ours, and plain JSON for exchange. */
export const OPENABLE_EXTENSIONS = ['.threatloom', '.json'] as const;

export interface ArgvContext {
  /** True when run as `electron .` (argv[1] is the app path), false for the packaged app. */
  readonly defaultApp: boolean;
  /** Relative paths are resolved against this (the second instance's working directory). */
  readonly cwd: string;
}

/**
 * The first model file named on a command line, as an absolute path; null when there is none.
 * Switches (`--foo`, `-x`) and anything that looks like a URL are skipped.
 */
export function fileArgument(argv: readonly string[], context: ArgvContext): string | null {
  const args = argv.slice(context.defaultApp ? 2 : 1);
  for (const arg of args) {
    if (arg === '--') continue;
    if (arg.startsWith('-') || /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) || arg.includes('\0')) continue;
    if (!(OPENABLE_EXTENSIONS as readonly string[]).includes(extname(arg).toLowerCase())) continue;
    return isAbsolute(arg) ? arg : resolve(context.cwd, arg);
  }
  return null;
}

/** Holds requests until the renderer is ready, then delivers them in order. */
export class OpenQueue<T> {
  #pending: T[] = [];
  #deliver: ((item: T) => void) | null = null;

  push(item: T): void {
    if (this.#deliver) this.#deliver(item);
    else this.#pending.push(item);
  }

  /** The renderer listens now: deliver what waited, and everything after directly. */
  ready(deliver: (item: T) => void): void {
    this.#deliver = deliver;
    const pending = this.#pending;
    this.#pending = [];
    for (const item of pending) deliver(item);
  }

  /** The renderer went away (reload, crash): queue again until it says ready. */
  pause(): void {
    this.#deliver = null;
  }

  get size(): number {
    return this.#pending.length;
  }
}
