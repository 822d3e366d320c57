// How far each of the four questions is answered, for the progress shown at all times.
import type { ModelDocument, Uuid } from '../model';
import { completenessChecks, SCOPE_FIELDS } from './completeness';
import { strideCoverage } from './coverage';
import { riskPlanning } from './risks';
import { changesSinceBaseline, latestReview } from './sign-off';

export type QuestionNumber = 1 | 2 | 3 | 4;

export const QUESTIONS: readonly { readonly number: QuestionNumber; readonly title: string }[] = [
  { number: 1, title: 'What are we working on?' },
  { number: 2, title: 'What can go wrong?' },
  { number: 3, title: 'What are we going to do about it?' },
  { number: 4, title: 'Did we do a good job?' },
];

export interface QuestionProgress {
  readonly number: QuestionNumber;
  readonly title: string;
  readonly done: number;
  readonly total: number;
  /** 0..1, for a bar or ring. */
  readonly fraction: number;
  readonly complete: boolean;
  /** One line saying where the question stands. */
  readonly label: string;
}

export interface ProgressInput {
  /** Rule suggestions still waiting for a decision, per element id. */
  readonly pendingByElement?: ReadonlyMap<Uuid, number>;
}

type ReviewDoc = Pick<ModelDocument, 'scope' | 'diagrams' | 'strideReviews' | 'threats' | 'mitigations' | 'reviews'>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function question(number: QuestionNumber, done: number, total: number, complete: boolean, label: string): QuestionProgress {
  const title = QUESTIONS[number - 1]!.title;
  const fraction = total === 0 ? (complete ? 1 : 0) : done / total;
  return { number, title, done, total, fraction, complete, label };
}

/**
 * Question 1 counts each scope field and each diagram check that passes; 2 counts in-scope
 * elements whose STRIDE review is done; 3 counts open high and critical threats that have a
 * mitigation and an owner (none at all is complete: nothing waits for a plan); 4 is one sign-off,
 * complete only while nothing tracked has changed since it.
 */
export function progress(doc: ReviewDoc, input: ProgressInput = {}): QuestionProgress[] {
  const checks = completenessChecks(doc).filter((c) => c.id !== 'scope-fields');
  const emptyFields = SCOPE_FIELDS.filter((f) => !doc.scope[f.key].trim()).length;
  const q1Total = SCOPE_FIELDS.length + checks.length;
  const q1Done = SCOPE_FIELDS.length - emptyFields + checks.filter((c) => c.items.length === 0).length;
  const q1 = question(1, q1Done, q1Total, q1Done === q1Total, `${q1Done} of ${q1Total} checks pass`);

  const coverage = strideCoverage(doc, input.pendingByElement);
  const pending = coverage.pendingTotal > 0 ? ` · ${plural(coverage.pendingTotal, 'suggestion')} pending` : '';
  const q2 =
    coverage.total === 0
      ? question(2, 0, 0, false, 'No in-scope elements to review yet')
      : question(2, coverage.reviewed.length, coverage.total, coverage.reviewed.length === coverage.total,
          `${coverage.reviewed.length} of ${plural(coverage.total, 'element')} reviewed${pending}`);

  const planning = riskPlanning(doc);
  const planned = planning.total - planning.unplanned.length;
  const q3 =
    planning.total === 0
      ? question(3, 0, 0, true, 'No open high or critical risks')
      : question(3, planned, planning.total, planned === planning.total, `${planned} of ${plural(planning.total, 'high or critical risk')} planned`);

  const review = latestReview(doc);
  const changes = review ? changesSinceBaseline(doc, review.baseline).total : 0;
  const q4 = !review
    ? question(4, 0, 1, false, 'Not signed off yet')
    : changes === 0
      ? question(4, 1, 1, true, `Signed off by ${review.reviewer} on ${review.date}`)
      : question(4, 0, 1, false, `${plural(changes, 'change')} since the sign-off on ${review.date}`);

  return [q1, q2, q3, q4];
}
