import { describe, expect, it } from 'vitest';
import { batch, emptyHistory, execute, rateThreat, setOwaspRisk, setThreatLifecycle, threatLifecycleProblems } from '../../../shared/editing';
import { threatStatusProblems, type ModelDocument, type OwaspRiskFactors, type Rating, type RiskAcceptance } from '../../../shared/model';
import { uniformOwaspFactors } from '../../../shared/risk';
import { LATER, deepFreeze, expectNoOp, fixture, roundTrip } from './fixtures';

const acceptance: RiskAcceptance = { rationale: 'Internal users only', approver: 'CISO', date: '2026-01-10', reviewBy: '2026-07-10' };
const threatOf = (doc: ModelDocument, id: string) => doc.threats.find((t) => t.id === id)!;

describe('rateThreat', () => {
  it('sets likelihood and impact, undoable exactly', () => {
    const { doc } = fixture();
    const id = doc.threats[0]!.id;
    const rated = roundTrip(doc, rateThreat(id, 5, 2));
    expect(threatOf(rated, id)).toMatchObject({ likelihood: 5, impact: 2 });
    expect(rated.threats.slice(1)).toEqual(doc.threats.slice(1));
  });

  it('can clear a rating and is a no-op when nothing changes', () => {
    const { doc } = fixture();
    const id = doc.threats[0]!.id;
    expect(threatOf(roundTrip(doc, rateThreat(id, null, 4)), id).likelihood).toBeNull();
    expectNoOp(doc, rateThreat(id, 3, 4));
  });

  it('refuses values off the scale and unknown threats', () => {
    const { doc } = fixture();
    expect(() => rateThreat(doc.threats[0]!.id, 6 as Rating, 2)).toThrow('Likelihood must be a whole number 1–5, got 6');
    expect(() => rateThreat(doc.threats[0]!.id, 2, 2.5 as Rating)).toThrow('Impact must be a whole number 1–5, got 2.5');
    expect(() => execute(doc, emptyHistory, rateThreat('nope', 1, 1))).toThrow('Threat not found: nope');
  });
});

describe('setThreatLifecycle', () => {
  it('accepts a risk with its acceptance details, undoable exactly', () => {
    const { doc } = fixture();
    const id = doc.threats[0]!.id;
    const accepted = roundTrip(doc, setThreatLifecycle(id, { status: 'accepted', acceptance }));
    expect(threatOf(accepted, id)).toMatchObject({ status: 'accepted', acceptance, statusReason: '' });
    expect(threatStatusProblems(threatOf(accepted, id))).toEqual([]);
  });

  it('refuses accepting without a rationale or approver, with the lifecycle messages', () => {
    const { doc } = fixture();
    const id = doc.threats[0]!.id;
    const run = (c: ReturnType<typeof setThreatLifecycle>) => execute(doc, emptyHistory, c, LATER);
    expect(() => run(setThreatLifecycle(id, { status: 'accepted' }))).toThrow(
      'Cannot mark “injection” accepted: an accepted risk needs a rationale, an approver and a date',
    );
    expect(() => run(setThreatLifecycle(id, { status: 'accepted', acceptance: { ...acceptance, rationale: '  ' } }))).toThrow(
      /: an accepted risk needs a rationale$/,
    );
    expect(() => run(setThreatLifecycle(id, { status: 'accepted', acceptance: { ...acceptance, rationale: '', approver: '' } }))).toThrow(
      'an accepted risk needs a rationale; an accepted risk needs the name of who approved it',
    );
  });

  it('refuses acceptance dates that would not validate', () => {
    const { doc } = fixture();
    const id = doc.threats[0]!.id;
    const run = (a: Partial<RiskAcceptance>) => () =>
      execute(doc, emptyHistory, setThreatLifecycle(id, { status: 'accepted', acceptance: { ...acceptance, ...a } }));
    expect(run({ date: '' })).toThrow('the acceptance date must be a date like 2025-01-31');
    expect(run({ date: '2026-02-30' })).toThrow('the acceptance date must be a date like 2025-01-31');
    expect(run({ reviewBy: '10/07/2026' })).toThrow('the review-by date must be a date like 2025-01-31, or empty');
    expect(run({ reviewBy: '2025-12-31' })).toThrow('the review-by date must not be before the acceptance date');
    expect(run({ reviewBy: '' })).not.toThrow();
  });

  it('needs a reason for not applicable and keeps it for transferred and avoided', () => {
    const { doc } = fixture();
    const id = doc.threats[0]!.id;
    expect(() => execute(doc, emptyHistory, setThreatLifecycle(id, { status: 'not-applicable' }))).toThrow(
      'Cannot mark “injection” not-applicable: say why the threat does not apply',
    );
    const na = roundTrip(doc, setThreatLifecycle(id, { status: 'not-applicable', statusReason: 'No user input reaches it' }));
    expect(threatOf(na, id)).toMatchObject({ status: 'not-applicable', statusReason: 'No user input reaches it' });
    const moved = roundTrip(na, setThreatLifecycle(id, { status: 'transferred' }));
    expect(threatOf(moved, id)).toMatchObject({ status: 'transferred', statusReason: 'No user input reaches it' });
  });

  it('clears acceptance when leaving accepted, and the reason when leaving the reason statuses', () => {
    const { doc } = fixture();
    const id = doc.threats[0]!.id;
    const accepted = execute(doc, emptyHistory, setThreatLifecycle(id, { status: 'accepted', acceptance }), LATER).doc;
    const reopened = roundTrip(accepted, setThreatLifecycle(id, { status: 'open' }));
    expect(threatOf(reopened, id)).toMatchObject({ status: 'open', acceptance: null });
    const avoided = execute(doc, emptyHistory, setThreatLifecycle(id, { status: 'avoided', statusReason: 'Feature removed' }), LATER).doc;
    expect(threatOf(roundTrip(avoided, setThreatLifecycle(id, { status: 'mitigated' })), id)).toMatchObject({ status: 'mitigated', statusReason: '' });
  });

  it('keeps an accepted threat’s acceptance when only re-stated, and is then a no-op', () => {
    const { doc } = fixture();
    const id = doc.threats[0]!.id;
    const accepted = deepFreeze(execute(doc, emptyHistory, setThreatLifecycle(id, { status: 'accepted', acceptance }), LATER).doc);
    expectNoOp(accepted, setThreatLifecycle(id, { status: 'accepted' }));
  });

  it('in a batch, one refusal leaves every threat as it was', () => {
    const { doc } = fixture();
    const [a, b] = doc.threats;
    const bulk = batch('Mark 2 threats accepted', [
      setThreatLifecycle(a!.id, { status: 'accepted', acceptance }),
      setThreatLifecycle(b!.id, { status: 'accepted' }),
    ]);
    expect(() => execute(doc, emptyHistory, bulk)).toThrow(/Cannot mark “poisoning” accepted/);
    const both = roundTrip(doc, batch('Mark 2 threats avoided', [a, b].map((t) => setThreatLifecycle(t!.id, { status: 'avoided', statusReason: 'Out of product' }))));
    expect(both.threats.slice(0, 2).map((t) => t.status)).toEqual(['avoided', 'avoided']);
  });

  it('tells a form beforehand what the command would refuse', () => {
    const open = { acceptance: null, statusReason: '' };
    expect(threatLifecycleProblems(open, { status: 'accepted', acceptance: { ...acceptance, approver: ' ', reviewBy: '2020-01-01' } })).toEqual([
      'an accepted risk needs the name of who approved it',
      'the review-by date must not be before the acceptance date',
    ]);
    expect(threatLifecycleProblems(open, { status: 'open' })).toEqual([]);
    expect(threatLifecycleProblems({ acceptance: null, statusReason: 'Vendor runs it' }, { status: 'not-applicable' })).toEqual([]);
  });

  it('refuses an unknown status', () => {
    const { doc } = fixture();
    expect(() => setThreatLifecycle(doc.threats[0]!.id, { status: 'done' as 'open' })).toThrow('Unknown threat status: "done"');
  });
});

describe('setOwaspRisk', () => {
  const factors: OwaspRiskFactors = { ...uniformOwaspFactors(8), lossOfConfidentiality: 2, lossOfIntegrity: 2, lossOfAvailability: 2, lossOfAccountability: 2, financialDamage: 2, reputationDamage: 2, nonCompliance: 2, privacyViolation: 2 };

  it('records the factors and rates the threat from them, undoable exactly', () => {
    const { doc } = fixture();
    const id = doc.threats[0]!.id;
    const set = roundTrip(doc, setOwaspRisk(id, factors));
    expect(threatOf(set, id)).toMatchObject({ owaspRisk: factors, likelihood: 5, impact: 2 });
    const cleared = roundTrip(set, setOwaspRisk(id, null));
    expect(threatOf(cleared, id)).toMatchObject({ owaspRisk: null, likelihood: 5, impact: 2 });
  });

  it('refuses bad factors, naming them', () => {
    const { doc } = fixture();
    expect(() => setOwaspRisk(doc.threats[0]!.id, { ...factors, motive: 12 })).toThrow('OWASP risk factors: Motive must be a whole number 0–9, got 12');
  });

  it('does not alias the caller’s object', () => {
    const { doc } = fixture();
    const mine = { ...factors };
    const set = execute(doc, emptyHistory, setOwaspRisk(doc.threats[0]!.id, mine), LATER).doc;
    mine.motive = 0;
    expect(set.threats[0]!.owaspRisk!.motive).toBe(8);
  });
});
