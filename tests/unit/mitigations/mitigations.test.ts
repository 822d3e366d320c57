import { describe, expect, it } from 'vitest';
import { createMitigation, createModel, createThreat, type Mitigation, type ModelDocument } from '../../../shared/model';
import {
  UNSCHEDULED_LABEL,
  byDueDate,
  coverage,
  effectivenessLabel,
  isIsoDay,
  isOverdue,
  isoDay,
  linkedMitigations,
  mitigationKindKey,
  mitigationProblems,
  overdueMitigations,
  phasesOf,
  roadmap,
  roadmapOrder,
  sameKindMitigation,
  threatsLinkedTo,
  unlinkedMitigations,
} from '../../../shared/mitigations';

const TODAY = '2025-06-15';

function doc(mitigations: Mitigation[], links: Record<string, string[]> = {}): ModelDocument {
  const threats = Object.entries(links).map(([title, ids]) => createThreat({ title, mitigationIds: ids }));
  return { ...createModel('m', '2025-01-01T00:00:00.000Z'), mitigations, threats };
}

const m = (title: string, fields: Partial<Mitigation> = {}) => createMitigation({ title, id: `m-${title}`, ...fields });

describe('the dedupe rule', () => {
  it('matches titles whatever their case and spacing', () => {
    expect(mitigationKindKey('  Rate   LIMIT per\tcaller ')).toBe('rate limit per caller');
    const model = doc([m('Input guardrails'), m('Rate limits')]);
    expect(sameKindMitigation(model, { title: ' input  GUARDRAILS' })?.id).toBe('m-Input guardrails');
    expect(sameKindMitigation(model, { title: 'Output guardrails' })).toBeNull();
  });

  it('never calls a blank title the same kind as anything', () => {
    expect(sameKindMitigation(doc([m(' ')]), { title: '' })).toBeNull();
  });
});

describe('due dates', () => {
  it('knows real calendar days', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2025-6-1')).toBe(false);
    expect(isIsoDay('')).toBe(false);
    expect(isoDay(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });

  it('a mitigation is overdue after its due day until it is implemented, verified or rejected', () => {
    expect(isOverdue(m('a', { dueDate: '2025-06-14', status: 'planned' }), TODAY)).toBe(true);
    expect(isOverdue(m('a', { dueDate: '2025-06-15', status: 'planned' }), TODAY)).toBe(false);
    expect(isOverdue(m('a', { dueDate: '', status: 'proposed' }), TODAY)).toBe(false);
    for (const status of ['proposed', 'planned', 'in-progress'] as const) expect(isOverdue(m('a', { dueDate: '2020-01-01', status }), TODAY)).toBe(true);
    for (const status of ['implemented', 'verified', 'rejected'] as const) expect(isOverdue(m('a', { dueDate: '2020-01-01', status }), TODAY)).toBe(false);
    expect(isOverdue(m('a', { dueDate: 'soon' }), TODAY)).toBe(false);
    const model = doc([m('late', { dueDate: '2025-01-01' }), m('done', { dueDate: '2025-01-01', status: 'verified' }), m('later', { dueDate: '2026-01-01' })]);
    expect(overdueMitigations(model, TODAY).map((x) => x.title)).toEqual(['late']);
  });

  it('sorts by due date, undated last, then by title', () => {
    const list = [m('b'), m('z', { dueDate: '2025-03-01' }), m('a'), m('y', { dueDate: '2025-01-01' })];
    expect([...list].sort(byDueDate).map((x) => x.title)).toEqual(['y', 'z', 'a', 'b']);
  });
});

describe('coverage', () => {
  const model = doc([m('a'), m('b'), m('c')], { t1: ['m-a', 'm-b'], t2: ['m-a', 'missing'], t3: [] });

  it('lists the threats each mitigation answers', () => {
    const map = coverage(model);
    expect(map.get('m-a')!.map((t) => t.title)).toEqual(['t1', 't2']);
    expect(map.get('m-b')!.map((t) => t.title)).toEqual(['t1']);
    expect(map.get('m-c')).toEqual([]);
    expect(threatsLinkedTo(model, 'm-a').map((t) => t.title)).toEqual(['t1', 't2']);
    expect(unlinkedMitigations(model).map((x) => x.title)).toEqual(['c']);
  });

  it("lists a threat's mitigations in link order and skips dangling ids", () => {
    expect(linkedMitigations(model, model.threats[1]!).map((x) => x.title)).toEqual(['a']);
    expect(linkedMitigations(model, { mitigationIds: ['m-b', 'm-a', 'm-b'] }).map((x) => x.title)).toEqual(['b', 'a']);
  });
});

describe('roadmap', () => {
  const model = doc(
    [
      m('unsched'),
      m('p10', { phase: 'Phase 10' }),
      m('p2-late', { phase: ' Phase  2 ', status: 'planned', dueDate: '2025-01-01' }),
      m('p2-done', { phase: 'Phase 2', status: 'implemented', dueDate: '2025-01-01' }),
      m('p2-early', { phase: 'Phase 2', status: 'planned', dueDate: '2024-12-01' }),
      m('p2-proposed', { phase: 'Phase 2' }),
      m('p2-rejected', { phase: 'Phase 2', status: 'rejected', rejectionReason: 'too costly' }),
    ],
    { t1: ['m-p2-late'], t2: ['m-p2-late', 'm-p10'] },
  );

  it('orders columns naturally by phase, unscheduled last', () => {
    const columns = roadmap(model, TODAY);
    expect(columns.map((c) => [c.phase, c.label])).toEqual([
      ['Phase 2', 'Phase 2'],
      ['Phase 10', 'Phase 10'],
      ['', UNSCHEDULED_LABEL],
    ]);
    expect(phasesOf(model)).toEqual(['Phase 2', 'Phase 10']);
  });

  it('groups each column by status in lifecycle order, earliest due first, and marks overdue work', () => {
    const phase2 = roadmap(model, TODAY)[0]!;
    expect(phase2.groups.map((g) => [g.status, g.cards.map((c) => c.mitigation.title)])).toEqual([
      ['proposed', ['p2-proposed']],
      ['planned', ['p2-early', 'p2-late']],
      ['implemented', ['p2-done']],
      ['rejected', ['p2-rejected']],
    ]);
    const planned = phase2.groups[1]!.cards;
    expect(planned.map((c) => c.overdue)).toEqual([true, true]);
    expect(phase2.groups[2]!.cards[0]!.overdue).toBe(false);
    expect(planned[1]!.threatCount).toBe(2);
    expect(phase2.total).toBe(5);
    expect(phase2.overdue).toBe(2);
    expect(roadmapOrder(roadmap(model, TODAY))).toEqual(['m-p2-proposed', 'm-p2-early', 'm-p2-late', 'm-p2-done', 'm-p2-rejected', 'm-p10', 'm-unsched']);
  });

  it('has no columns for a model without mitigations', () => {
    expect(roadmap(doc([]), TODAY)).toEqual([]);
  });
});

describe('mitigation validation', () => {
  it('accepts a complete record and names each problem', () => {
    expect(mitigationProblems(m('ok', { dueDate: '2025-01-31', refs: ['atlas:AML.M0015'] }))).toEqual([]);
    const bad = m(' ', { effectiveness: 1.5, dueDate: '31/01/2025', refs: ['nope', 'a:b', 'a:b'], status: 'rejected' });
    expect(mitigationProblems(bad).map((p) => p.path)).toEqual(['title', 'effectiveness', 'dueDate', 'refs[0]', 'refs', 'rejectionReason']);
    expect(mitigationProblems(m('x', { effectiveness: Number.NaN }))[0]!.message).toMatch(/between 0 % and 100 %/);
    expect(effectivenessLabel(0.35)).toBe('35 %');
  });
});
