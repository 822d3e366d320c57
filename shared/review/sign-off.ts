// Question 4, "Did we do a good job?": a review is signed off with a checklist and a snapshot of
// what the model held (elements, threat statuses, mitigation statuses). The next review starts
// from what changed since that snapshot.
import type { ModelDocument, MitigationStatus, Review, ReviewBaseline, ReviewCheck, ThreatStatus, Uuid } from '../model';
import { allElements, type ElementRef } from './elements';

/** The checklist a new sign-off starts from; ids are stable so history can be compared. */
export const DEFAULT_CHECKLIST: readonly ReviewCheck[] = [
  { id: 'scope-agreed', label: 'Scope, assumptions and business objectives agreed with the system owner', done: false },
  { id: 'diagram-current', label: 'The diagram matches the system as built or designed today', done: false },
  { id: 'stride-walked', label: 'Every in-scope element walked through STRIDE', done: false },
  { id: 'risks-rated', label: 'Every threat rated for likelihood and impact', done: false },
  { id: 'high-risks-planned', label: 'Every high and critical risk has a mitigation and an owner', done: false },
  { id: 'acceptances-approved', label: 'Accepted risks have a rationale, an approver and a review date', done: false },
];

/** What a sign-off records about the model now. */
export function baselineOf(doc: Pick<ModelDocument, 'diagrams' | 'threats' | 'mitigations'>): ReviewBaseline {
  return {
    elements: allElements(doc).map((e) => e.id),
    threats: Object.fromEntries(doc.threats.map((t) => [t.id, t.status])),
    mitigations: Object.fromEntries(doc.mitigations.map((m) => [m.id, m.status])),
  };
}

/** The most recent sign-off: reviews are appended as they are signed, so the last one. */
export function latestReview(doc: Pick<ModelDocument, 'reviews'>): Review | null {
  return doc.reviews.at(-1) ?? null;
}

export interface Titled {
  readonly id: Uuid;
  readonly title: string;
}

export interface StatusChange<S> extends Titled {
  readonly from: S;
  readonly to: S;
}

export interface ReviewChanges {
  readonly elementsAdded: readonly ElementRef[];
  /** Only ids: the baseline keeps no names, and the elements are gone. */
  readonly elementsRemoved: readonly Uuid[];
  readonly threatsAdded: readonly Titled[];
  readonly threatsRemoved: readonly Uuid[];
  readonly threatStatusChanged: readonly StatusChange<ThreatStatus>[];
  readonly mitigationsAdded: readonly Titled[];
  readonly mitigationsRemoved: readonly Uuid[];
  readonly mitigationStatusChanged: readonly StatusChange<MitigationStatus>[];
  /** How many changes of all kinds. */
  readonly total: number;
}

function statusChanges<S, R extends { id: Uuid; title: string; status: S }>(
  records: readonly R[],
  before: Readonly<Record<Uuid, S>>,
): { added: Titled[]; removed: Uuid[]; changed: StatusChange<S>[] } {
  const now = new Set(records.map((r) => r.id));
  const has = (id: Uuid) => Object.prototype.hasOwnProperty.call(before, id);
  return {
    added: records.filter((r) => !has(r.id)).map((r) => ({ id: r.id, title: r.title })),
    removed: Object.keys(before).filter((id) => !now.has(id)),
    changed: records.filter((r) => has(r.id) && before[r.id] !== r.status).map((r) => ({ id: r.id, title: r.title, from: before[r.id]!, to: r.status })),
  };
}

export function changesSinceBaseline(doc: Pick<ModelDocument, 'diagrams' | 'threats' | 'mitigations'>, baseline: ReviewBaseline): ReviewChanges {
  const elements = allElements(doc);
  const before = new Set(baseline.elements);
  const present = new Set(elements.map((e) => e.id));
  const threats = statusChanges(doc.threats, baseline.threats);
  const mitigations = statusChanges(doc.mitigations, baseline.mitigations);
  const changes = {
    elementsAdded: elements.filter((e) => !before.has(e.id)),
    elementsRemoved: baseline.elements.filter((id) => !present.has(id)),
    threatsAdded: threats.added,
    threatsRemoved: threats.removed,
    threatStatusChanged: threats.changed,
    mitigationsAdded: mitigations.added,
    mitigationsRemoved: mitigations.removed,
    mitigationStatusChanged: mitigations.changed,
  };
  const total = Object.values(changes).reduce((n, list) => n + list.length, 0);
  return { ...changes, total };
}
