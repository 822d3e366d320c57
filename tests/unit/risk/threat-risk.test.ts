import { describe, expect, it } from 'vitest';
import { createMitigation, createThreat, THREAT_STATUSES, type Asset, type Mitigation, type MitigationStatus, type Threat } from '../../../shared/model';
import { effectiveMitigations, impactSuggestion, inherentRisk, residualRisk } from '../../../shared/risk';

const mitigation = (id: string, status: MitigationStatus, effectiveness: number): Mitigation =>
  createMitigation({ id, title: id, status, effectiveness });

describe('inherent risk', () => {
  it('rates likelihood × impact into a band', () => {
    expect(inherentRisk(createThreat({ title: 't', likelihood: 4, impact: 5 }))).toEqual({ likelihood: 4, impact: 5, score: 20, band: 'critical' });
    expect(inherentRisk(createThreat({ title: 't', likelihood: 2, impact: 2 }))).toEqual({ likelihood: 2, impact: 2, score: 4, band: 'low' });
  });

  it('is null while either rating is missing', () => {
    expect(inherentRisk(createThreat({ title: 't', likelihood: null }))).toBeNull();
    expect(inherentRisk(createThreat({ title: 't', impact: null }))).toBeNull();
  });
});

describe('residual risk', () => {
  const all = [
    mitigation('half', 'implemented', 0.5),
    mitigation('most', 'verified', 0.8),
    mitigation('planned', 'planned', 0.9),
    mitigation('proposed', 'proposed', 1),
    mitigation('doing', 'in-progress', 1),
    mitigation('rejected', 'rejected', 1),
    mitigation('weak', 'implemented', 0.1),
    mitigation('unlinked', 'verified', 1),
  ];
  const threat = (mitigationIds: string[], likelihood: 1 | 2 | 3 | 4 | 5 = 5): Threat =>
    createThreat({ title: 't', likelihood, impact: 4, mitigationIds });

  it('equals inherent risk without working mitigations', () => {
    const t = threat(['planned', 'proposed', 'doing', 'rejected']);
    expect(residualRisk(t, all)).toEqual(inherentRisk(t));
    expect(residualRisk(threat([]), all)).toEqual({ likelihood: 5, impact: 4, score: 20, band: 'critical' });
  });

  it('lets each implemented or verified mitigation remove its effectiveness from likelihood', () => {
    // 5 × 0.5 = 2.5 → 3 (rounded half up)
    expect(residualRisk(threat(['half']), all)).toEqual({ likelihood: 3, impact: 4, score: 12, band: 'high' });
    // 5 × 0.2 = 1
    expect(residualRisk(threat(['most']), all)).toEqual({ likelihood: 1, impact: 4, score: 4, band: 'low' });
    // 4 × 0.9 = 3.6 → 4: a weak control may not move the rating at all.
    expect(residualRisk(threat(['weak'], 4), all)?.likelihood).toBe(4);
  });

  it('stacks several mitigations multiplicatively and ignores the ones not yet working', () => {
    // 5 × 0.5 × 0.9 = 2.25 → 2; planned, proposed and unlinked ones change nothing.
    const t = threat(['half', 'weak', 'planned', 'proposed']);
    expect(residualRisk(t, all)).toEqual({ likelihood: 2, impact: 4, score: 8, band: 'medium' });
    expect(effectiveMitigations(t, all).map((m) => m.id)).toEqual(['half', 'weak']);
  });

  it('never goes below likelihood 1, even with a perfect control', () => {
    const perfect = [mitigation('perfect', 'verified', 1)];
    expect(residualRisk(threat(['perfect']), perfect)).toEqual({ likelihood: 1, impact: 4, score: 4, band: 'low' });
  });

  it('counts only the threat’s own links, each once, and skips dangling ids', () => {
    const t = threat(['half', 'half', 'gone']);
    expect(residualRisk(t, all)?.likelihood).toBe(3);
    expect(residualRisk(threat(['gone']), all)?.likelihood).toBe(5);
  });

  it('treats an out-of-range effectiveness as its nearest valid value', () => {
    expect(residualRisk(threat(['x']), [mitigation('x', 'implemented', 3)])?.likelihood).toBe(1);
    expect(residualRisk(threat(['x']), [mitigation('x', 'implemented', -1)])?.likelihood).toBe(5);
    expect(residualRisk(threat(['x']), [mitigation('x', 'implemented', Number.NaN)])?.likelihood).toBe(5);
  });

  it('is computed the same whatever the threat’s status (status is a separate axis)', () => {
    const withStatus = (status: Threat['status']): Threat => ({ ...threat(['half']), status });
    const results = THREAT_STATUSES.map((status) => residualRisk(withStatus(status), all));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]?.likelihood).toBe(3);
  });

  it('is null for an unrated threat', () => {
    expect(residualRisk(createThreat({ title: 't', likelihood: null, mitigationIds: ['most'] }), all)).toBeNull();
  });
});

describe('impact suggestion', () => {
  const asset = (id: string, name: string, c: 1 | 2 | 3 | 4 | 5, i: 1 | 2 | 3 | 4 | 5, a: 1 | 2 | 3 | 4 | 5, elementIds: string[]): Asset => ({
    id, name, kind: 'custom', description: '', confidentiality: c, integrity: i, availability: a, elementIds,
  });
  const doc = {
    assets: [
      asset('a1', 'Customer PII', 5, 3, 2, ['db']),
      asset('a2', 'Fraud model weights', 3, 4, 4, ['registry', 'api']),
      asset('a3', 'Logs', 1, 1, 2, ['api']),
    ],
  };

  it('takes the highest C/I/A rating of the assets the elements hold, and says which', () => {
    expect(impactSuggestion(doc, ['db'])).toEqual({
      impact: 5,
      because: '“Customer PII” is rated confidentiality 5/5, the only asset these elements hold.',
    });
    expect(impactSuggestion(doc, ['api'])).toEqual({
      impact: 4,
      because: '“Fraud model weights” is rated integrity 4/5, the highest of the 2 assets these elements hold.',
    });
    expect(impactSuggestion(doc, ['api', 'db'])?.impact).toBe(5);
  });

  it('names availability when that is the highest rating', () => {
    expect(impactSuggestion({ assets: [asset('x', 'Serving cluster', 1, 2, 3, ['n'])] }, ['n'])?.because).toMatch(/availability 3\/5/);
  });

  it('is null when no asset is on the elements', () => {
    expect(impactSuggestion(doc, ['nothing'])).toBeNull();
    expect(impactSuggestion(doc, [])).toBeNull();
  });
});
