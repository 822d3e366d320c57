// OWASP Risk Rating factors being entered: each 0–9, with live averages and the 1–5 ratings they
// give, applied in one step (so the rating is not rewritten on every keystroke).
import { OWASP_RISK_FACTORS, type OwaspRiskFactor, type OwaspRiskFactors } from '../../shared/model';
import { owaspFactorProblems, owaspRiskRatings, uniformOwaspFactors } from '../../shared/risk';

/** Where a new set of factors starts: the middle of every scale. */
const START = 5;

export class OwaspDraft {
  values = $state<Record<OwaspRiskFactor, number | null>>({ ...uniformOwaspFactors(START) });

  constructor(stored: OwaspRiskFactors | null) {
    if (stored) this.values = { ...stored };
  }

  /** Factors as entered, an empty field left out (so it is reported as missing). */
  private entered = $derived.by(() => {
    const out: Record<string, number> = {};
    for (const f of OWASP_RISK_FACTORS) if (this.values[f] !== null && this.values[f] !== undefined) out[f] = this.values[f];
    return out;
  });

  problems = $derived.by(() => owaspFactorProblems(this.entered).map((p) => p.message));
  ratings = $derived.by(() => (this.problems.length ? null : owaspRiskRatings(this.entered as OwaspRiskFactors)));
  factors = (): OwaspRiskFactors | null => (this.problems.length ? null : (this.entered as OwaspRiskFactors));
}
