import { describe, expect, it } from 'vitest';
import type { Rating } from '../../../shared/model';
import { IMPACT_ANCHORS, LIKELIHOOD_ANCHORS, RATINGS, RISK_BANDS, RISK_MATRIX, bandRank, riskBand, riskScore } from '../../../shared/risk';

// The documented cuts: low 1–4, medium 5–9, high 10–16, critical 20–25.
const byScore = (score: number) => (score <= 4 ? 'low' : score <= 9 ? 'medium' : score <= 16 ? 'high' : 'critical');

describe('risk matrix', () => {
  it('is 5×5, indexed [likelihood - 1][impact - 1]', () => {
    expect(RISK_MATRIX).toHaveLength(5);
    for (const row of RISK_MATRIX) expect(row).toHaveLength(5);
    expect(RISK_MATRIX[4]![0]).toBe('medium'); // expected but negligible
    expect(RISK_MATRIX[0]![4]).toBe('medium'); // rare but severe
    expect(riskBand(5, 1)).toBe(RISK_MATRIX[4]![0]);
  });

  it('spells out every cell as written in the documentation', () => {
    expect(RISK_MATRIX.map((row) => row.map((b) => b[0]!.toUpperCase()).join(''))).toEqual([
      'LLLLM',
      'LLMMH',
      'LMMHH',
      'LMHHC',
      'MHHCC',
    ]);
  });

  it('agrees with the score cuts at every cell, including each band edge', () => {
    for (const l of RATINGS) for (const i of RATINGS) expect(riskBand(l, i), `L${l} I${i}`).toBe(byScore(l * i));
    // The edges themselves: the highest score of one band and the lowest of the next.
    expect([riskBand(2, 2), riskBand(1, 4), riskBand(4, 1)]).toEqual(['low', 'low', 'low']); // 4
    expect([riskBand(1, 5), riskBand(5, 1)]).toEqual(['medium', 'medium']); // 5
    expect([riskBand(3, 3)]).toEqual(['medium']); // 9
    expect([riskBand(2, 5), riskBand(5, 2)]).toEqual(['high', 'high']); // 10
    expect([riskBand(4, 4)]).toEqual(['high']); // 16
    expect([riskBand(4, 5), riskBand(5, 4)]).toEqual(['critical', 'critical']); // 20
  });

  it('is symmetric and never falls as likelihood or impact rises', () => {
    for (const l of RATINGS) {
      for (const i of RATINGS) {
        expect(riskBand(l, i)).toBe(riskBand(i, l));
        if (l < 5) expect(bandRank(riskBand((l + 1) as Rating, i))).toBeGreaterThanOrEqual(bandRank(riskBand(l, i)));
        if (i < 5) expect(bandRank(riskBand(l, (i + 1) as Rating))).toBeGreaterThanOrEqual(bandRank(riskBand(l, i)));
      }
    }
  });

  it('uses every band', () => {
    expect(new Set(RISK_MATRIX.flat())).toEqual(new Set(RISK_BANDS));
  });

  it('scores likelihood × impact', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(5, 5)).toBe(25);
  });

  it('refuses values off the scale with a clear message', () => {
    expect(() => riskBand(0 as Rating, 3)).toThrow('Likelihood and impact must be whole numbers 1–5, got 0 and 3');
    expect(() => riskBand(3, 6 as Rating)).toThrow(/got 3 and 6/);
  });

  it('has a written anchor for every level of both scales', () => {
    for (const anchors of [LIKELIHOOD_ANCHORS, IMPACT_ANCHORS]) {
      expect(Object.keys(anchors)).toEqual(['1', '2', '3', '4', '5']);
      for (const r of RATINGS) {
        expect(anchors[r].label.length).toBeGreaterThan(2);
        expect(anchors[r].description.length).toBeGreaterThan(40);
      }
      expect(new Set(RATINGS.map((r) => anchors[r].label)).size).toBe(5);
    }
    expect(LIKELIHOOD_ANCHORS[5].label).toBe('Expected');
    expect(IMPACT_ANCHORS[5].label).toBe('Severe');
  });
});
