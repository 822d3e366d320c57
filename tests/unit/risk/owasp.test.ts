import { describe, expect, it } from 'vitest';
import { OWASP_RISK_FACTORS, type OwaspRiskFactors } from '../../../shared/model';
import { OWASP_FACTOR_GROUPS, OWASP_FACTOR_INFO, owaspFactorProblems, owaspLevel, owaspRiskRatings, uniformOwaspFactors } from '../../../shared/risk';

describe('OWASP risk rating', () => {
  it('groups all sixteen factors, eight per side', () => {
    const listed = OWASP_FACTOR_GROUPS.flatMap((g) => g.factors);
    expect([...listed].sort()).toEqual([...OWASP_RISK_FACTORS].sort());
    expect(OWASP_FACTOR_GROUPS.filter((g) => g.side === 'likelihood').flatMap((g) => g.factors)).toHaveLength(8);
    for (const f of OWASP_RISK_FACTORS) expect(OWASP_FACTOR_INFO[f].label).toBeTruthy();
  });

  it('averages each side and maps the averages to 1–5', () => {
    const factors: OwaspRiskFactors = {
      ...uniformOwaspFactors(0),
      // Likelihood: (9 + 9 + 7 + 9 + 6 + 6 + 9 + 9) / 8 = 8 → 5
      skillLevel: 9, motive: 9, opportunity: 7, size: 9, easeOfDiscovery: 6, easeOfExploit: 6, awareness: 9, intrusionDetection: 9,
      // Impact: (7 + 5 + 1 + 7 + 3 + 5 + 2 + 6) / 8 = 4.5 → 3
      lossOfConfidentiality: 7, lossOfIntegrity: 5, lossOfAvailability: 1, lossOfAccountability: 7,
      financialDamage: 3, reputationDamage: 5, nonCompliance: 2, privacyViolation: 6,
    };
    expect(owaspRiskRatings(factors)).toEqual({ likelihood: 8, impact: 4.5, likelihoodRating: 5, impactRating: 3 });
  });

  it('maps averages at every edge of the documented table', () => {
    const cases: [number, number][] = [
      [0, 1], [1.499, 1], [1.5, 2], [2.999, 2], [3, 3], [5.999, 3], [6, 4], [7.499, 4], [7.5, 5], [9, 5],
    ];
    for (const [average, rating] of cases) expect(owaspLevel(average), String(average)).toBe(rating);
  });

  it('keeps OWASP LOW at 1–2, MEDIUM at 3 and HIGH at 4–5 with uniform factors', () => {
    const ratings = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => owaspRiskRatings(uniformOwaspFactors(v)).likelihoodRating);
    expect(ratings).toEqual([1, 1, 2, 3, 3, 3, 4, 4, 5, 5]);
  });

  it('refuses factors that are missing, fractional or off the 0–9 scale, naming each', () => {
    const bad = { ...uniformOwaspFactors(3), motive: 10, awareness: 2.5 } as OwaspRiskFactors;
    expect(() => owaspRiskRatings(bad)).toThrow('OWASP risk factors: Motive must be a whole number 0–9, got 10; Awareness must be a whole number 0–9, got 2.5');
    const { size: _size, ...missing } = uniformOwaspFactors(3);
    expect(owaspFactorProblems(missing)).toEqual([{ path: 'size', message: 'Size of the threat agent group is missing' }]);
    expect(owaspFactorProblems({ ...uniformOwaspFactors(1), luck: 4 })).toEqual([{ path: 'luck', message: 'luck is not an OWASP risk factor' }]);
  });
});
