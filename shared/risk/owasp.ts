/**
 * OWASP Risk Rating Methodology, for users who rate that way.
 *
 * Sixteen factors, each a whole number 0–9. Likelihood is the average of the eight threat-agent
 * and vulnerability factors; impact is the average of the four technical and four business
 * factors (the methodology prefers business impact when it is known; a threat model rarely knows
 * it for sure, so both count equally).
 *
 * The methodology reads an average as LOW below 3, MEDIUM from 3 to below 6 and HIGH from 6. Our
 * scales have five levels, so LOW and HIGH are each split in half and MEDIUM stays whole — an
 * OWASP LOW never becomes more than 2 here and an OWASP HIGH never less than 4:
 *
 * | average 0–9      | rating |
 * |------------------|--------|
 * | 0 to below 1.5   | 1      |
 * | 1.5 to below 3   | 2      |
 * | 3 to below 6     | 3      |
 * | 6 to below 7.5   | 4      |
 * | 7.5 to 9         | 5      |
 */
import type { Problem } from '../model/problems';
import { OWASP_RISK_FACTORS, type OwaspRiskFactor, type OwaspRiskFactors, type Rating } from '../model/types';

export interface OwaspFactorGroup {
  readonly title: string;
  readonly side: 'likelihood' | 'impact';
  readonly factors: readonly OwaspRiskFactor[];
}

export const OWASP_FACTOR_GROUPS: readonly OwaspFactorGroup[] = [
  { title: 'Threat agent', side: 'likelihood', factors: ['skillLevel', 'motive', 'opportunity', 'size'] },
  { title: 'Vulnerability', side: 'likelihood', factors: ['easeOfDiscovery', 'easeOfExploit', 'awareness', 'intrusionDetection'] },
  { title: 'Technical impact', side: 'impact', factors: ['lossOfConfidentiality', 'lossOfIntegrity', 'lossOfAvailability', 'lossOfAccountability'] },
  { title: 'Business impact', side: 'impact', factors: ['financialDamage', 'reputationDamage', 'nonCompliance', 'privacyViolation'] },
];

/** Each factor's name and what its low and high ends mean (0 = least risk, 9 = most). */
export const OWASP_FACTOR_INFO: Readonly<Record<OwaspRiskFactor, { readonly label: string; readonly scale: string }>> = {
  skillLevel: { label: 'Skill level', scale: '0 needs an ML security expert … 9 anyone can do it' },
  motive: { label: 'Motive', scale: '0 nothing to gain … 9 high reward' },
  opportunity: { label: 'Opportunity', scale: '0 needs full access and resources … 9 no access needed' },
  size: { label: 'Size of the threat agent group', scale: '0 a few administrators … 9 anonymous internet users' },
  easeOfDiscovery: { label: 'Ease of discovery', scale: '0 practically impossible … 9 automated tools find it' },
  easeOfExploit: { label: 'Ease of exploit', scale: '0 theoretical … 9 automated tools exist' },
  awareness: { label: 'Awareness', scale: '0 unknown … 9 public knowledge' },
  intrusionDetection: { label: 'Intrusion detection', scale: '0 actively detected … 9 not logged' },
  lossOfConfidentiality: { label: 'Loss of confidentiality', scale: '0 nothing sensitive … 9 all data disclosed' },
  lossOfIntegrity: { label: 'Loss of integrity', scale: '0 nothing altered … 9 all data or model behaviour corrupt' },
  lossOfAvailability: { label: 'Loss of availability', scale: '0 no interruption … 9 all services lost' },
  lossOfAccountability: { label: 'Loss of accountability', scale: '0 fully traceable … 9 completely anonymous' },
  financialDamage: { label: 'Financial damage', scale: '0 less than fixing it … 9 bankruptcy' },
  reputationDamage: { label: 'Reputation damage', scale: '0 minimal … 9 brand damage' },
  nonCompliance: { label: 'Non-compliance', scale: '0 none … 9 high-profile violation' },
  privacyViolation: { label: 'Privacy violation', scale: '0 one person … 9 millions of people' },
};

export interface OwaspRatings {
  /** Average of the likelihood factors, 0–9. */
  readonly likelihood: number;
  /** Average of the impact factors, 0–9. */
  readonly impact: number;
  readonly likelihoodRating: Rating;
  readonly impactRating: Rating;
}

/** Problems with a set of factors: a missing factor, or one that is not a whole number 0–9. */
export function owaspFactorProblems(factors: Readonly<Record<string, unknown>>): Problem[] {
  const problems: Problem[] = [];
  for (const factor of OWASP_RISK_FACTORS) {
    const value = factors[factor];
    if (value === undefined) problems.push({ path: factor, message: `${OWASP_FACTOR_INFO[factor].label} is missing` });
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 9) {
      problems.push({ path: factor, message: `${OWASP_FACTOR_INFO[factor].label} must be a whole number 0–9, got ${JSON.stringify(value)}` });
    }
  }
  for (const key of Object.keys(factors)) {
    if (!(OWASP_RISK_FACTORS as readonly string[]).includes(key)) problems.push({ path: key, message: `${key} is not an OWASP risk factor` });
  }
  return problems;
}

/** An OWASP 0–9 average on our 1–5 scale (table above). */
export function owaspLevel(average: number): Rating {
  if (average < 1.5) return 1;
  if (average < 3) return 2;
  if (average < 6) return 3;
  if (average < 7.5) return 4;
  return 5;
}

const average = (factors: OwaspRiskFactors, side: OwaspFactorGroup['side']): number => {
  const names = OWASP_FACTOR_GROUPS.filter((g) => g.side === side).flatMap((g) => g.factors);
  return names.reduce((sum, f) => sum + factors[f], 0) / names.length;
};

/** The averages and their 1–5 ratings; throws naming every bad factor. */
export function owaspRiskRatings(factors: OwaspRiskFactors): OwaspRatings {
  const problems = owaspFactorProblems(factors);
  if (problems.length) throw new Error(`OWASP risk factors: ${problems.map((p) => p.message).join('; ')}`);
  const likelihood = average(factors, 'likelihood');
  const impact = average(factors, 'impact');
  return { likelihood, impact, likelihoodRating: owaspLevel(likelihood), impactRating: owaspLevel(impact) };
}

/** Every factor at `value` (a starting point for the form). */
export function uniformOwaspFactors(value: number): OwaspRiskFactors {
  return Object.fromEntries(OWASP_RISK_FACTORS.map((f) => [f, value])) as Record<OwaspRiskFactor, number>;
}
