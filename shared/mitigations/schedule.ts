// Due dates: which mitigations are late, judged against a given day so results do not depend on
// the clock (the app passes the user's local date; tests pass a fixed one).
import type { Mitigation, MitigationStatus, ModelDocument } from '../model/types';

/** Statuses that end a mitigation's schedule: done, done and checked, or decided against. */
export const SETTLED_MITIGATION_STATUSES: readonly MitigationStatus[] = ['implemented', 'verified', 'rejected'];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (2025-02-30 is not one). */
export function isIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The local calendar day of `date` as YYYY-MM-DD: "today" is where the user is, not UTC. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Late: it has a due date before `today` and is not settled. Due today is not overdue yet.
 * ISO days compare correctly as strings; a malformed date is never called overdue.
 */
export function isOverdue(m: Pick<Mitigation, 'dueDate' | 'status'>, today: string): boolean {
  if (!m.dueDate || !isIsoDay(m.dueDate) || !isIsoDay(today)) return false;
  return m.dueDate < today && !SETTLED_MITIGATION_STATUSES.includes(m.status);
}

export function overdueMitigations(doc: Pick<ModelDocument, 'mitigations'>, today: string): Mitigation[] {
  return doc.mitigations.filter((m) => isOverdue(m, today));
}

/** Earliest due date first; undated last; then by title, so lists read the same every time. */
export function byDueDate(a: Pick<Mitigation, 'dueDate' | 'title'>, b: Pick<Mitigation, 'dueDate' | 'title'>): number {
  if (a.dueDate !== b.dueDate) {
    if (!a.dueDate) return 1;
    if (!b.dueDate) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.title.localeCompare(b.title);
}
