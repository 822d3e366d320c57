import { describe, expect, it } from 'vitest';
import { progress, riskPlanning, strideCoverage } from '../../../shared/review';
import { chatbot } from './fixtures';

describe('question 2: STRIDE coverage', () => {
  it('lists in-scope nodes and flows not reviewed, and elements with pending suggestions', () => {
    const { doc, app, llm, chat, legacy } = chatbot();
    const reviewed = { ...doc, strideReviews: [{ elementId: app.id, date: '2024-02-01T10:00:00.000Z' }] };
    const pending = new Map([[llm.id, 3], [chat.id, 1], [legacy.id, 9]]);
    const coverage = strideCoverage(reviewed, pending);
    expect(coverage.total).toBe(6);
    expect(coverage.reviewed.map((e) => [e.name, e.reviewedAt])).toEqual([['Chat app', '2024-02-01T10:00:00.000Z']]);
    expect(coverage.notReviewed.map((e) => e.name)).toEqual(['User', 'LLM', 'Vector DB', 'Chat', 'Prompt']);
    // Out-of-scope elements are not asked about, whatever the rules suggest for them.
    expect(coverage.withPending.map((e) => [e.name, e.pending])).toEqual([['LLM', 3], ['Chat', 1]]);
    expect(coverage.pendingTotal).toBe(4);
  });
});

describe('question 3: risk planning', () => {
  it('lists open high and critical threats lacking a mitigation (rejected ones do not count) or an owner', () => {
    const { doc } = chatbot();
    const planning = riskPlanning(doc);
    expect(planning.total).toBe(3);
    expect(planning.unplanned.map((u) => [u.threat.title, u.band, u.score, u.missing])).toEqual([
      ['System prompt leak', 'critical', 25, ['mitigation']],
      ['Prompt injection', 'high', 16, ['owner']],
    ]);
  });

  it('a missing mitigation record counts as no mitigation', () => {
    const { doc } = chatbot();
    expect(riskPlanning({ ...doc, mitigations: [] }).unplanned.map((u) => u.threat.title)).toEqual(['System prompt leak', 'Prompt injection', 'Jailbreak']);
  });
});

describe('progress', () => {
  it('reports each question with done, total and a label', () => {
    const { doc } = chatbot();
    const [q1, q2, q3, q4] = progress(doc, { pendingByElement: new Map([['x', 2]]) });
    expect(q1).toMatchObject({ number: 1, done: 0, total: 8, complete: false, label: '0 of 8 checks pass' });
    expect(q2).toMatchObject({ done: 0, total: 6, fraction: 0, label: '0 of 6 elements reviewed' });
    expect(q3).toMatchObject({ done: 1, total: 3, label: '1 of 3 high or critical risks planned' });
    expect(q3!.fraction).toBeCloseTo(1 / 3);
    expect(q4).toMatchObject({ done: 0, total: 1, complete: false, label: 'Not signed off yet' });
  });

  it('advances as scope is filled and elements are reviewed', () => {
    const { doc, app, llm } = chatbot();
    const scoped = { ...doc, scope: { ...doc.scope, inScope: 'The chatbot', assumptions: 'SSO' } };
    expect(progress(scoped)[0]).toMatchObject({ done: 2, label: '2 of 8 checks pass' });
    const reviewed = { ...doc, strideReviews: [app.id, llm.id].map((elementId) => ({ elementId, date: '2024-02-01T10:00:00.000Z' })) };
    expect(progress(reviewed, { pendingByElement: new Map([[llm.id, 1]]) })[1]).toMatchObject({
      done: 2,
      label: '2 of 6 elements reviewed · 1 suggestion pending',
    });
  });

  it('treats an empty model honestly: nothing to review is not done, no risks waiting is', () => {
    const { doc } = chatbot();
    const empty = { ...doc, diagrams: [], threats: [] };
    const [, q2, q3] = progress(empty);
    expect(q2).toMatchObject({ done: 0, total: 0, fraction: 0, complete: false, label: 'No in-scope elements to review yet' });
    expect(q3).toMatchObject({ total: 0, fraction: 1, complete: true, label: 'No open high or critical risks' });
  });
});
