// The Open Recent list, persisted in userData/recent.json. Only paths the user opened or saved
// through a dialog, the command line or the OS get here, and the file is validated on load:
// anything malformed is dropped, never trusted.
import { posix, win32 } from 'node:path';
import { z } from 'zod';
import { readJsonFile, SerialWriter } from './json-store';

export const MAX_RECENT = 10;
const MAX_PATH_LENGTH = 4096;

const entrySchema = z.strictObject({
  path: z.string().min(1).max(MAX_PATH_LENGTH),
  openedAt: z.iso.datetime(),
});
const fileSchema = z.object({ version: z.literal(1), files: z.array(z.unknown()).max(1000) });
type Entry = z.infer<typeof entrySchema>;

export interface RecentOptions {
  readonly platform?: NodeJS.Platform;
  readonly now?: () => Date;
}

export class RecentFiles {
  #entries: Entry[] = [];
  readonly #writer = new SerialWriter();
  readonly #platform: NodeJS.Platform;
  readonly #now: () => Date;

  constructor(
    readonly file: string,
    options: RecentOptions = {},
  ) {
    this.#platform = options.platform ?? process.platform;
    this.#now = options.now ?? (() => new Date());
  }

  /** Loads the list; invalid entries (relative paths, NUL bytes, wrong shape) are skipped. */
  async load(): Promise<void> {
    const parsed = fileSchema.safeParse(await readJsonFile(this.file));
    const entries: Entry[] = [];
    for (const raw of parsed.success ? parsed.data.files : []) {
      const entry = entrySchema.safeParse(raw);
      if (!entry.success || !this.#isValidPath(entry.data.path)) continue;
      if (entries.some((e) => this.#same(e.path, entry.data.path))) continue;
      entries.push(entry.data);
      if (entries.length === MAX_RECENT) break;
    }
    this.#entries = entries;
  }

  /** Most recent first. */
  paths(): readonly string[] {
    return this.#entries.map((e) => e.path);
  }

  has(path: string): boolean {
    return this.#entries.some((e) => this.#same(e.path, path));
  }

  add(path: string): Promise<void> {
    if (!this.#isValidPath(path)) return Promise.resolve();
    const rest = this.#entries.filter((e) => !this.#same(e.path, path));
    this.#entries = [{ path, openedAt: this.#now().toISOString() }, ...rest].slice(0, MAX_RECENT);
    return this.#save();
  }

  remove(path: string): Promise<void> {
    this.#entries = this.#entries.filter((e) => !this.#same(e.path, path));
    return this.#save();
  }

  clear(): Promise<void> {
    this.#entries = [];
    return this.#save();
  }

  #save(): Promise<void> {
    return this.#writer.write(this.file, { version: 1, files: this.#entries });
  }

  #isValidPath(path: string): boolean {
    const absolute = (this.#platform === 'win32' ? win32 : posix).isAbsolute(path);
    return absolute && path.length <= MAX_PATH_LENGTH && !path.includes('\0');
  }

  #same(a: string, b: string): boolean {
    return this.#platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
  }
}
