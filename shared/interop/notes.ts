// Collects the import report. Capped: a hostile file with a million broken cells must not produce
// a million-line dialog, so after MAX_NOTES per list the rest are only counted.
import type { ImportNote } from './types';

export const MAX_NOTES = 200;

export class NoteLog {
  private readonly lists = { skipped: [] as ImportNote[], changed: [] as ImportNote[] };
  private readonly dropped = { skipped: 0, changed: 0 };

  skip(what: string, why: string): void {
    this.add('skipped', what, why);
  }

  change(what: string, why: string): void {
    this.add('changed', what, why);
  }

  /** Notes a change once however many records it applies to (e.g. one unknown status value). */
  changeOnce(what: string, why: string): void {
    const key = `${what}\u0000${why}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.change(what, why);
  }

  private readonly seen = new Set<string>();

  private add(list: 'skipped' | 'changed', what: string, why: string): void {
    if (this.lists[list].length < MAX_NOTES) this.lists[list].push({ what, why });
    else this.dropped[list]++;
  }

  get skipped(): ImportNote[] {
    return this.finish('skipped');
  }

  get changed(): ImportNote[] {
    return this.finish('changed');
  }

  private finish(list: 'skipped' | 'changed'): ImportNote[] {
    const n = this.dropped[list];
    return n === 0 ? [...this.lists[list]] : [...this.lists[list], { what: `${n} more`, why: 'not listed one by one' }];
  }
}
