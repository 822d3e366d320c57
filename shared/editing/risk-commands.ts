// Rating threats and moving them through their status lifecycle. A command refuses (throws) what
// would leave a threat the document validation would reject, so the register can never store an
// accepted risk without a rationale and an approver.
import { threatStatusProblems } from '../model/lifecycle';
import type { OwaspRiskFactors, Rating, RiskAcceptance, Threat, ThreatStatus, Uuid } from '../model/types';
import { THREAT_STATUSES } from '../model/types';
import { isRating } from '../risk/anchors';
import { owaspFactorProblems, owaspRiskRatings } from '../risk/owasp';
import { assignChanges, indexById, plain, type DocDraft } from './draft-helpers';
import type { Command } from './history';

/** Statuses whose record says why in `statusReason` (not applicable, transferred to whom, how avoided). */
export const REASON_STATUSES: readonly ThreatStatus[] = ['not-applicable', 'transferred', 'avoided'];

export interface ThreatLifecycle {
  readonly status: ThreatStatus;
  /** Required for `accepted`; when omitted, an already accepted threat keeps its acceptance. */
  readonly acceptance?: RiskAcceptance | null;
  /** For the reason statuses; when omitted, the threat keeps the reason it has. */
  readonly statusReason?: string;
}

function threatAt(draft: DocDraft, id: Uuid): { index: number; threat: Threat } {
  const index = indexById(draft.threats, id);
  if (index < 0) throw new Error(`Threat not found: ${id}`);
  return { index, threat: plain(draft.threats)[index]! };
}

function checkRating(name: string, value: Rating | null): void {
  if (value !== null && !isRating(value)) throw new Error(`${name} must be a whole number 1–5, got ${JSON.stringify(value)}`);
}

/** Sets likelihood and impact (null clears one: the threat is then unrated). */
export function rateThreat(id: Uuid, likelihood: Rating | null, impact: Rating | null): Command {
  checkRating('Likelihood', likelihood);
  checkRating('Impact', impact);
  return {
    label: 'Rate threat',
    recipe: (draft) => {
      const { index } = threatAt(draft, id);
      assignChanges(draft.threats[index]!, { likelihood, impact });
    },
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Date problems the lifecycle check leaves to the schema, reported before they reach the document. */
function acceptanceDateProblems(acceptance: RiskAcceptance | null): string[] {
  if (!acceptance) return [];
  const problems: string[] = [];
  if (!isIsoDate(acceptance.date)) problems.push('the acceptance date must be a date like 2025-01-31');
  if (acceptance.reviewBy !== '' && !isIsoDate(acceptance.reviewBy)) problems.push('the review-by date must be a date like 2025-01-31, or empty');
  else if (acceptance.reviewBy !== '' && isIsoDate(acceptance.date) && acceptance.reviewBy < acceptance.date) {
    problems.push('the review-by date must not be before the acceptance date');
  }
  return problems;
}

/** What a threat's status fields become under `next` (the rules in the module comment). */
export function lifecycleFields(threat: Pick<Threat, 'acceptance' | 'statusReason'>, next: ThreatLifecycle) {
  const acceptance = next.status === 'accepted' ? (next.acceptance === undefined ? threat.acceptance : next.acceptance) : null;
  const statusReason = REASON_STATUSES.includes(next.status) ? (next.statusReason ?? threat.statusReason) : '';
  return { status: next.status, acceptance, statusReason };
}

/** Why `setThreatLifecycle` would refuse this change (empty when it would not), for forms to show first. */
export function threatLifecycleProblems(threat: Pick<Threat, 'acceptance' | 'statusReason'>, next: ThreatLifecycle): string[] {
  const fields = lifecycleFields(threat, next);
  return [...threatStatusProblems(fields).map((p) => p.message), ...acceptanceDateProblems(fields.acceptance)];
}

/**
 * Moves a threat to a status with the fields that status needs. Acceptance details are cleared
 * when leaving `accepted` and the reason when leaving the reason statuses, so a record never
 * carries details of a decision it no longer has. Refused, with the lifecycle's messages, when a
 * required field is missing.
 */
export function setThreatLifecycle(id: Uuid, next: ThreatLifecycle): Command {
  if (!THREAT_STATUSES.includes(next.status)) throw new Error(`Unknown threat status: ${JSON.stringify(next.status)}`);
  return {
    label: `Mark threat ${next.status}`,
    recipe: (draft) => {
      const { index, threat } = threatAt(draft, id);
      const problems = threatLifecycleProblems(threat, next);
      if (problems.length) throw new Error(`Cannot mark “${threat.title}” ${next.status}: ${problems.join('; ')}`);
      assignChanges(draft.threats[index]!, lifecycleFields(threat, next));
    },
  };
}

/**
 * Records OWASP Risk Rating factors and sets likelihood and impact from them; null removes the
 * factors and leaves the rating as it is.
 */
export function setOwaspRisk(id: Uuid, factors: OwaspRiskFactors | null): Command {
  if (factors === null) {
    return {
      label: 'Clear OWASP risk factors',
      recipe: (draft) => assignChanges(draft.threats[threatAt(draft, id).index]!, { owaspRisk: null }),
    };
  }
  const problems = owaspFactorProblems(factors);
  if (problems.length) throw new Error(`OWASP risk factors: ${problems.map((p) => p.message).join('; ')}`);
  const ratings = owaspRiskRatings(factors);
  return {
    label: 'Set OWASP risk factors',
    recipe: (draft) =>
      assignChanges(draft.threats[threatAt(draft, id).index]!, {
        owaspRisk: { ...factors },
        likelihood: ratings.likelihoodRating,
        impact: ratings.impactRating,
      }),
  };
}
