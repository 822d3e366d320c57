// Small JSON files in userData (recent files, window state): written atomically, read
// defensively — a missing, truncated or hand-edited file reads as "nothing saved".
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic-write';

/** Larger settings files are not ours (or are corrupt): ignored rather than parsed. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

export async function readJsonFile(path: string): Promise<unknown> {
  try {
    const text = await readFile(path, 'utf8');
    return text.length > MAX_SETTINGS_BYTES ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Runs writes one after another so a slow write never lands after a newer one. */
export class SerialWriter {
  #last: Promise<void> = Promise.resolve();

  write(path: string, value: unknown): Promise<void> {
    const next = this.#last.then(() => writeJsonFile(path, value));
    this.#last = next.catch(() => undefined);
    return next;
  }
}
