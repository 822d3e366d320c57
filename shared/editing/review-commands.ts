// The four questions' commands: the scope (question 1), which elements had their STRIDE panel
// reviewed (question 2), and review sign-offs (question 4), which snapshot the model so the next
// review can list what changed.
import type { ReviewCheck, Scope, Uuid } from '../model/types';
import { newId } from '../model/ids';
import { SCOPE_FIELDS, baselineOf } from '../review';
import { assignChanges, fresh, plain } from './draft-helpers';
import type { Command } from './history';

const SCOPE_KEYS: readonly string[] = SCOPE_FIELDS.map((f) => f.key);
const LABELS = new Map(SCOPE_FIELDS.map((f) => [f.key as string, f.label]));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function validDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** Sets scope fields (absolute values, so keystroke edits can coalesce). */
export function updateScope(changes: Partial<Scope>): Command {
  const extra = Object.keys(changes).filter((k) => !SCOPE_KEYS.includes(k));
  if (extra.length > 0) throw new Error(`Not a scope field: ${extra.join(', ')}`);
  const keys = Object.keys(changes).filter((k) => changes[k as keyof Scope] !== undefined);
  return {
    label: keys.length === 1 ? `Edit ${LABELS.get(keys[0]!)!.toLowerCase()}` : 'Edit scope',
    recipe: (draft) => assignChanges(draft.scope, changes),
  };
}

function elementExists(draft: Parameters<Command['recipe']>[0], id: Uuid): boolean {
  return plain(draft.diagrams).some((d) => [d.nodes, d.flows, d.boundaries].some((list) => list.some((r) => r.id === id)));
}

/** Records that the element's STRIDE panel was gone through. Already marked: kept as first marked. */
export function markElementReviewed(elementId: Uuid, date: string): Command {
  return {
    label: 'Mark STRIDE review done',
    recipe: (draft) => {
      if (!ISO_TIMESTAMP.test(date) || Number.isNaN(Date.parse(date))) throw new Error(`Review time must be an ISO timestamp, got "${date}"`);
      if (!elementExists(draft, elementId)) throw new Error(`Element not found: ${elementId}`);
      if (plain(draft.strideReviews).some((r) => r.elementId === elementId)) return;
      draft.strideReviews.push({ elementId, date });
    },
  };
}

export function unmarkElementReviewed(elementId: Uuid): Command {
  return {
    label: 'Mark STRIDE review not done',
    recipe: (draft) => {
      const index = plain(draft.strideReviews).findIndex((r) => r.elementId === elementId);
      if (index >= 0) draft.strideReviews.splice(index, 1);
    },
  };
}

export interface SignOff {
  readonly reviewer: string;
  /** ISO date (YYYY-MM-DD). */
  readonly date: string;
  readonly notes: string;
  readonly checklist: readonly ReviewCheck[];
}

/** Why this sign-off would be refused, or null. Forms show it before the user presses the button. */
export function signOffProblem(signOff: SignOff): string | null {
  if (!signOff.reviewer.trim()) return 'A sign-off needs the name of the reviewer';
  if (!validDate(signOff.date)) return `The sign-off date must be a date like 2025-01-31, got "${signOff.date}"`;
  const ids = signOff.checklist.map((c) => c.id);
  if (new Set(ids).size !== ids.length) return 'Each checklist item must have its own id';
  if (signOff.checklist.some((c) => !c.id.trim() || !c.label.trim())) return 'Every checklist item needs an id and a label';
  return null;
}

/**
 * Signs off a review: who, when, notes, the checklist as ticked, and a snapshot of the model's
 * elements, threat statuses and mitigation statuses taken as the command runs.
 */
export function signOffReview(signOff: SignOff, id: Uuid = newId()): Command {
  const reviewer = signOff.reviewer.trim();
  return {
    label: 'Sign off review',
    recipe: (draft) => {
      // Checked when run, so a refusal reaches the user as the editor's notice, not a crash.
      const problem = signOffProblem(signOff);
      if (problem) throw new Error(problem);
      if (plain(draft.reviews).some((r) => r.id === id)) throw new Error(`Id already used by a review: ${id}`);
      const baseline = baselineOf(plain(draft));
      draft.reviews.push(fresh({ id, reviewer, date: signOff.date, notes: signOff.notes, checklist: signOff.checklist, baseline }));
    },
  };
}
