// Making a new model from a bundled template: the stored file goes through the same migration and
// validation as any opened file, then gets ids of its own and today's dates, so two models made
// from one template never share an id and the recorded review reads as recent.
import { MIGRATIONS, formatProblems, migrateDocument, validateDocument, withFreshIds, type ModelDocument } from '../model';
import { TEMPLATE_DATE } from './builder';
import type { TemplateSummary } from './generate';

export type TemplateSource = () => Promise<unknown>;

/** Checks a template file and turns it into a new model; throws with the problems when it is broken. */
export function instantiateTemplate(raw: unknown, summary: Pick<TemplateSummary, 'id'>, now: string = new Date().toISOString()): ModelDocument {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`Template “${summary.id}” is not a model document.`);
  const migrated = migrateDocument(raw as Record<string, unknown>, MIGRATIONS);
  if (!migrated.ok) throw new Error(formatProblems(`template ${summary.id}`, [migrated.problem]));
  const valid = validateDocument(migrated.doc);
  if (!valid.ok) throw new Error(formatProblems(`template ${summary.id}`, valid.problems));
  return shiftDates({ ...withFreshIds(valid.doc), createdAt: now, updatedAt: now }, daysBetween(TEMPLATE_DATE, now.slice(0, 10)));
}

const DAY = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** `2025-03-03` or an ISO timestamp moved by whole days; empty stays empty. */
function shift(value: string, days: number): string {
  if (!value || days === 0) return value;
  const moved = new Date(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) + days * DAY).toISOString();
  return value.length === 10 ? moved.slice(0, 10) : moved;
}

/**
 * Every date the template's review recorded, moved by the same number of days: acceptances and
 * their review dates, mitigation due dates, dismissals, STRIDE reviews and sign-offs keep their
 * spacing and stay in the past or future they were in relative to the template's own date.
 */
export function shiftDates(doc: ModelDocument, days: number): ModelDocument {
  if (days === 0) return doc;
  return {
    ...doc,
    threats: doc.threats.map((t) =>
      t.acceptance ? { ...t, acceptance: { ...t.acceptance, date: shift(t.acceptance.date, days), reviewBy: shift(t.acceptance.reviewBy, days) } } : t,
    ),
    mitigations: doc.mitigations.map((m) => (m.dueDate ? { ...m, dueDate: shift(m.dueDate, days) } : m)),
    dismissals: doc.dismissals.map((d) => ({ ...d, date: shift(d.date, days) })),
    strideReviews: doc.strideReviews.map((r) => ({ ...r, date: shift(r.date, days) })),
    reviews: doc.reviews.map((r) => ({ ...r, date: shift(r.date, days) })),
  };
}
