// Question 2, "What can go wrong?": has someone gone through the STRIDE panel of every in-scope
// element, and are rule suggestions still waiting for a decision? Pending suggestions come in as
// a count per element, so this module does not need the rule engine (the app already runs it).
import type { ModelDocument, Uuid } from '../model';
import { allElements, type ElementRef } from './elements';

export interface ReviewedElement extends ElementRef {
  /** When the STRIDE review was marked done (ISO timestamp). */
  readonly reviewedAt: string;
}

export interface PendingElement extends ElementRef {
  readonly pending: number;
}

export interface StrideCoverage {
  /** In-scope nodes and flows: the elements with a STRIDE panel to go through. */
  readonly total: number;
  readonly reviewed: readonly ReviewedElement[];
  readonly notReviewed: readonly ElementRef[];
  /** In-scope elements with suggestions nobody accepted or dismissed yet, most first. */
  readonly withPending: readonly PendingElement[];
  readonly pendingTotal: number;
}

export function strideCoverage(
  doc: Pick<ModelDocument, 'diagrams' | 'strideReviews'>,
  pendingByElement: ReadonlyMap<Uuid, number> = new Map(),
): StrideCoverage {
  const elements = allElements(doc).filter((e) => e.type !== 'boundary' && !e.outOfScope);
  const reviewedAt = new Map(doc.strideReviews.map((r) => [r.elementId, r.date]));
  const reviewed: ReviewedElement[] = [];
  const notReviewed: ElementRef[] = [];
  for (const e of elements) {
    const at = reviewedAt.get(e.id);
    if (at === undefined) notReviewed.push(e);
    else reviewed.push({ ...e, reviewedAt: at });
  }
  const withPending = elements
    .map((e) => ({ ...e, pending: pendingByElement.get(e.id) ?? 0 }))
    .filter((e) => e.pending > 0)
    .sort((a, b) => b.pending - a.pending);
  return { total: elements.length, reviewed, notReviewed, withPending, pendingTotal: withPending.reduce((n, e) => n + e.pending, 0) };
}
