// A threat's risk before and after its mitigations, and an impact suggestion from the assets its
// elements hold.
//
// Residual risk and status are separate axes. Residual risk is computed the same way whatever the
// threat's status: a threat marked `mitigated` keeps the risk its working mitigations leave, an
// `accepted` one carries exactly the risk that was accepted, and `transferred`, `avoided` or
// `not-applicable` threats still show what they would weigh. The status says what was decided;
// the rating says how big the thing is that was decided about. Views that want to leave settled
// threats out filter by status themselves (the register has a status filter next to the heat map).
import type { Asset, Mitigation, MitigationStatus, ModelDocument, Rating, Threat, Uuid } from '../model/types';
import { riskBand, riskScore, type RiskBand } from './matrix';

export interface RiskRating {
  readonly likelihood: Rating;
  readonly impact: Rating;
  /** likelihood × impact, 1–25. */
  readonly score: number;
  readonly band: RiskBand;
}

/** Mitigation statuses that reduce likelihood: the control exists (and maybe was tested). */
export const EFFECTIVE_MITIGATION_STATUSES: readonly MitigationStatus[] = ['implemented', 'verified'];

export function rating(likelihood: Rating, impact: Rating): RiskRating {
  return { likelihood, impact, score: riskScore(likelihood, impact), band: riskBand(likelihood, impact) };
}

/** The threat's risk as rated, or null while likelihood or impact is not set. */
export function inherentRisk(threat: Pick<Threat, 'likelihood' | 'impact'>): RiskRating | null {
  if (threat.likelihood === null || threat.impact === null) return null;
  return rating(threat.likelihood, threat.impact);
}

/** An effectiveness as a usable fraction: out-of-range or non-numeric values are clamped to 0..1. */
function fraction(effectiveness: number): number {
  return Number.isFinite(effectiveness) ? Math.min(1, Math.max(0, effectiveness)) : 0;
}

/** The linked mitigations that count for residual risk (implemented or verified), in link order. */
export function effectiveMitigations(threat: Pick<Threat, 'mitigationIds'>, mitigations: readonly Mitigation[]): Mitigation[] {
  const byId = new Map(mitigations.map((m) => [m.id, m]));
  const seen = new Set<Uuid>();
  const out: Mitigation[] = [];
  for (const id of threat.mitigationIds) {
    const m = byId.get(id);
    if (!m || seen.has(id) || !EFFECTIVE_MITIGATION_STATUSES.includes(m.status)) continue;
    seen.add(id);
    out.push(m);
  }
  return out;
}

/**
 * The risk left after the threat's implemented and verified mitigations. Each removes its
 * `effectiveness` fraction of what likelihood remains (they stack multiplicatively, so two 50 %
 * controls leave a quarter, never less than nothing):
 * residual likelihood = max(1, round(L × Π(1 − e))). Mitigations reduce how likely a threat is,
 * not how bad it is when it happens, so impact is unchanged. `mitigations` may be every
 * mitigation of the model: only those the threat links count. Null while the threat is unrated.
 */
export function residualRisk(
  threat: Pick<Threat, 'likelihood' | 'impact' | 'mitigationIds'>,
  mitigations: readonly Mitigation[],
): RiskRating | null {
  const inherent = inherentRisk(threat);
  if (!inherent) return null;
  const remaining = effectiveMitigations(threat, mitigations).reduce((left, m) => left * (1 - fraction(m.effectiveness)), 1);
  const likelihood = Math.max(1, Math.round(inherent.likelihood * remaining)) as Rating;
  return likelihood === inherent.likelihood ? inherent : rating(likelihood, inherent.impact);
}

export interface ImpactSuggestion {
  readonly impact: Rating;
  /** A sentence naming the asset and rating the suggestion comes from. */
  readonly because: string;
}

const CIA = ['confidentiality', 'integrity', 'availability'] as const;

/** An asset's highest C/I/A rating and which of the three it is (confidentiality wins ties). */
function highest(asset: Asset): { value: Rating; aspect: string } {
  let best: { value: Rating; aspect: string } = { value: asset.confidentiality, aspect: 'confidentiality' };
  for (const aspect of CIA) if (asset[aspect] > best.value) best = { value: asset[aspect], aspect };
  return best;
}

/**
 * Suggests an impact from the assets that the given elements hold or process: the highest
 * confidentiality, integrity or availability rating among them, because a threat to an element
 * can reach every asset on it and a 1–5 C/I/A rating reads on the same scale as impact. Null when
 * no asset is linked to any of the elements.
 */
export function impactSuggestion(doc: Pick<ModelDocument, 'assets'>, elementIds: readonly Uuid[]): ImpactSuggestion | null {
  const wanted = new Set(elementIds);
  const held = doc.assets.filter((a) => a.elementIds.some((id) => wanted.has(id)));
  if (held.length === 0) return null;
  let top = held[0]!;
  for (const asset of held) if (highest(asset).value > highest(top).value) top = asset;
  const { value, aspect } = highest(top);
  const name = top.name.trim() || 'an unnamed asset';
  const others = held.length - 1;
  const among = others === 0 ? 'the only asset these elements hold' : `the highest of the ${held.length} assets these elements hold`;
  return { impact: value, because: `“${name}” is rated ${aspect} ${value}/5, ${among}.` };
}
