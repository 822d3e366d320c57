/**
 * The 5×5 risk matrix: likelihood × impact → a severity band.
 *
 * Score is likelihood × impact (1–25). The bands are cut at these scores:
 *
 * | band     | scores        | what it asks of the team                                  |
 * |----------|---------------|-----------------------------------------------------------|
 * | low      | 1–4           | record it; fix when convenient                            |
 * | medium   | 5–9           | plan a mitigation with an owner                           |
 * | high     | 10–16         | mitigate before release, or accept it with sign-off       |
 * | critical | 20–25         | stop: fix now, or the system does not go live             |
 *
 * The cuts make the matrix symmetric (a rare severe threat ranks like a likely minor one), keep
 * a severe impact out of "low" even when rare (1 × 5 = 5 is medium), and reserve "critical" for
 * threats that are at least likely (4) and major (4) with one of them at the top of its scale.
 * The table is written out below so the report can print it and a reviewer can read it without
 * doing arithmetic; a test checks every cell against the cuts.
 */
import type { Rating } from '../model/types';

export type RiskBand = 'low' | 'medium' | 'high' | 'critical';

/** From least to most severe. */
export const RISK_BANDS: readonly RiskBand[] = ['low', 'medium', 'high', 'critical'];

export const RISK_BAND_LABELS: Readonly<Record<RiskBand, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

const L: RiskBand = 'low';
const M: RiskBand = 'medium';
const H: RiskBand = 'high';
const C: RiskBand = 'critical';

/**
 * `RISK_MATRIX[likelihood - 1][impact - 1]`. Rows are likelihood 1 (rare) to 5 (expected);
 * columns are impact 1 (negligible) to 5 (severe).
 */
export const RISK_MATRIX: readonly (readonly RiskBand[])[] = Object.freeze([
  //            impact: 1  2  3  4  5
  Object.freeze([L, L, L, L, M]), // likelihood 1
  Object.freeze([L, L, M, M, H]), // likelihood 2
  Object.freeze([L, M, M, H, H]), // likelihood 3
  Object.freeze([L, M, H, H, C]), // likelihood 4
  Object.freeze([M, H, H, C, C]), // likelihood 5
]);

export function riskScore(likelihood: Rating, impact: Rating): number {
  return likelihood * impact;
}

export function riskBand(likelihood: Rating, impact: Rating): RiskBand {
  const band = RISK_MATRIX[likelihood - 1]?.[impact - 1];
  if (!band) throw new Error(`Likelihood and impact must be whole numbers 1–5, got ${likelihood} and ${impact}`);
  return band;
}

/** Position of a band from 0 (low) to 3 (critical), for sorting. */
export function bandRank(band: RiskBand): number {
  return RISK_BANDS.indexOf(band);
}
