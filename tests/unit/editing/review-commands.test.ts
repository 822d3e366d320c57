import { describe, expect, it } from 'vitest';
import {
  emptyHistory,
  execute,
  markElementReviewed,
  signOffProblem,
  signOffReview,
  unmarkElementReviewed,
  updateScope,
  type Command,
} from '../../../shared/editing';
import { DEFAULT_CHECKLIST, changesSinceBaseline, progress } from '../../../shared/review';
import { validateDocument, type ModelDocument, type Scope } from '../../../shared/model';
import { chatbot } from '../review/fixtures';
import { LATER, expectNoOp, roundTrip } from './fixtures';

const refused = (doc: ModelDocument, command: Command) => () => execute(doc, emptyHistory, command, LATER);
const WHEN = '2024-02-01T10:00:00.000Z';
const REVIEW_ID = '00000000-0000-4000-8000-00000000aaaa';
const signOff = { reviewer: 'Ana Ruiz', date: '2024-03-01', notes: 'Good first pass', checklist: DEFAULT_CHECKLIST.map((c, i) => ({ ...c, done: i < 2 })) };

describe('review commands', () => {
  it('edits scope fields, one undo step each, named after the field', () => {
    const { doc } = chatbot();
    const command = updateScope({ inScope: 'The support chatbot' });
    expect(command.label).toBe('Edit in scope');
    const scoped = roundTrip(doc, command);
    expect(scoped.scope).toEqual({ ...doc.scope, inScope: 'The support chatbot' });
    expect(updateScope({ assumptions: 'a', outOfScope: 'b' }).label).toBe('Edit scope');
    expectNoOp(scoped, updateScope({ inScope: 'The support chatbot' }));
    expect(() => updateScope({ owner: 'x' } as Partial<Scope>)).toThrow('Not a scope field: owner');
  });

  it('marks and unmarks an element as STRIDE-reviewed', () => {
    const { doc, llm } = chatbot();
    const marked = roundTrip(doc, markElementReviewed(llm.id, WHEN));
    expect(marked.strideReviews).toEqual([{ elementId: llm.id, date: WHEN }]);
    expect(validateDocument(marked)).toMatchObject({ ok: true });
    // Marking again keeps the first date: no new undo step.
    expectNoOp(marked, markElementReviewed(llm.id, LATER));
    const unmarked = roundTrip(marked, unmarkElementReviewed(llm.id));
    expect(unmarked.strideReviews).toEqual([]);
    expectNoOp(unmarked, unmarkElementReviewed(llm.id));
  });

  it('refuses to mark an unknown element or with a bad time', () => {
    const { doc, llm } = chatbot();
    expect(refused(doc, markElementReviewed('ghost', WHEN))).toThrow('Element not found: ghost');
    expect(refused(doc, markElementReviewed(llm.id, '2024-02-01'))).toThrow(/ISO timestamp/);
  });

  it('signs off with a baseline snapshot of the model as it is', () => {
    const { doc, threats } = chatbot();
    const signed = roundTrip(doc, signOffReview(signOff, REVIEW_ID));
    const review = signed.reviews[0]!;
    expect(review).toMatchObject({ id: REVIEW_ID, reviewer: 'Ana Ruiz', date: '2024-03-01', notes: 'Good first pass' });
    expect(review.checklist.filter((c) => c.done).map((c) => c.id)).toEqual(['scope-agreed', 'diagram-current']);
    expect(review.baseline.threats[threats.injection.id]).toBe('open');
    expect(changesSinceBaseline(signed, review.baseline).total).toBe(0);
    expect(progress(signed)[3]!.complete).toBe(true);
    expect(validateDocument(signed)).toMatchObject({ ok: true });
  });

  it('refuses a sign-off without a reviewer, with a bad date, or a broken checklist', () => {
    const { doc } = chatbot();
    expect(refused(doc, signOffReview({ ...signOff, reviewer: '  ' }))).toThrow('A sign-off needs the name of the reviewer');
    expect(refused(doc, signOffReview({ ...signOff, date: '2024-02-30' }))).toThrow(/date like 2025-01-31, got "2024-02-30"/);
    expect(refused(doc, signOffReview({ ...signOff, date: '' }))).toThrow(/sign-off date/);
    const twice = [DEFAULT_CHECKLIST[0]!, DEFAULT_CHECKLIST[0]!];
    expect(signOffProblem({ ...signOff, checklist: twice })).toBe('Each checklist item must have its own id');
    expect(signOffProblem({ ...signOff, checklist: [{ id: 'x', label: ' ', done: false }] })).toBe('Every checklist item needs an id and a label');
    expect(signOffProblem(signOff)).toBeNull();
  });
});
