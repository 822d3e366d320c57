// The model's threats on the 5×5 grid, and counts by band and by status for overviews.
// Every threat is placed whatever its status (see threat-risk.ts: status is a separate axis).
import { THREAT_STATUSES, type ModelDocument, type Threat, type ThreatStatus } from '../model/types';
import { RISK_BANDS, type RiskBand } from './matrix';
import { inherentRisk, residualRisk, type RiskRating } from './threat-risk';

export type RiskKind = 'inherent' | 'residual';

export interface HeatMap {
  /** `cells[likelihood - 1][impact - 1]` → ids of the threats in that cell, in document order. */
  readonly cells: string[][][];
  /** Threats without a likelihood or impact yet. */
  readonly unrated: string[];
}

export type BandCounts = Readonly<Record<RiskBand | 'unrated', number>>;
export type StatusCounts = Readonly<Record<ThreatStatus, number>>;

type RiskDoc = Pick<ModelDocument, 'threats' | 'mitigations'>;

/** A function giving each threat's rating of the chosen kind (residual looks its mitigations up once). */
export function riskOf(doc: Pick<ModelDocument, 'mitigations'>, kind: RiskKind): (threat: Threat) => RiskRating | null {
  if (kind === 'inherent') return inherentRisk;
  return (threat) => residualRisk(threat, doc.mitigations);
}

export function heatMap(doc: RiskDoc, kind: RiskKind): HeatMap {
  const cells = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => [] as string[]));
  const unrated: string[] = [];
  const risk = riskOf(doc, kind);
  for (const threat of doc.threats) {
    const r = risk(threat);
    if (r) cells[r.likelihood - 1]![r.impact - 1]!.push(threat.id);
    else unrated.push(threat.id);
  }
  return { cells, unrated };
}

export function bandCounts(doc: RiskDoc, kind: RiskKind): BandCounts {
  const counts: Record<RiskBand | 'unrated', number> = { low: 0, medium: 0, high: 0, critical: 0, unrated: 0 };
  const risk = riskOf(doc, kind);
  for (const threat of doc.threats) counts[risk(threat)?.band ?? 'unrated'] += 1;
  return counts;
}

export function statusCounts(doc: Pick<ModelDocument, 'threats'>): StatusCounts {
  const counts = Object.fromEntries(THREAT_STATUSES.map((s) => [s, 0])) as Record<ThreatStatus, number>;
  for (const threat of doc.threats) counts[threat.status] += 1;
  return counts;
}

/** Bands from most to least severe, for summaries that lead with what matters. */
export const BANDS_BY_SEVERITY: readonly RiskBand[] = [...RISK_BANDS].reverse();
