// Question 3, "What are we going to do about it?": every open threat rated high or critical needs
// a plan — at least one mitigation that was not rejected, and an owner who answers for it.
import type { Mitigation, ModelDocument, Threat } from '../model';
import { inherentRisk, type RiskBand } from '../risk';

export type PlanGap = 'mitigation' | 'owner';

export interface UnplannedRisk {
  readonly threat: Threat;
  readonly band: RiskBand;
  readonly score: number;
  readonly missing: readonly PlanGap[];
}

export interface RiskPlanning {
  /** Open threats whose inherent risk is high or critical. */
  readonly total: number;
  /** Those of them that lack a mitigation or an owner, highest score first. */
  readonly unplanned: readonly UnplannedRisk[];
}

const SERIOUS: readonly RiskBand[] = ['high', 'critical'];

function hasMitigation(threat: Threat, byId: ReadonlyMap<string, Mitigation>): boolean {
  return threat.mitigationIds.some((id) => {
    const m = byId.get(id);
    return m !== undefined && m.status !== 'rejected';
  });
}

export function riskPlanning(doc: Pick<ModelDocument, 'threats' | 'mitigations'>): RiskPlanning {
  const byId = new Map(doc.mitigations.map((m) => [m.id, m]));
  let total = 0;
  const unplanned: UnplannedRisk[] = [];
  for (const threat of doc.threats) {
    const risk = threat.status === 'open' ? inherentRisk(threat) : null;
    if (!risk || !SERIOUS.includes(risk.band)) continue;
    total += 1;
    const missing: PlanGap[] = [];
    if (!hasMitigation(threat, byId)) missing.push('mitigation');
    if (!threat.owner.trim()) missing.push('owner');
    if (missing.length > 0) unplanned.push({ threat, band: risk.band, score: risk.score, missing });
  }
  unplanned.sort((a, b) => b.score - a.score);
  return { total, unplanned };
}
