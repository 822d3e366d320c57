// Display names for the register's values. Document values stay machine keys; only views word them.
import type { StrideLetter, ThreatStatus } from '../../shared/model';
import { RISK_BAND_LABELS, type RiskBand } from '../../shared/risk';
import './bands.css';
export { STRIDE_NAMES, THREAT_STATUS_LABELS as STATUS_LABELS } from '../../shared/model';





export const BAND_LABELS: Readonly<Record<RiskBand | 'unrated', string>> = { ...RISK_BAND_LABELS, unrated: 'Unrated' };

/** What the reason field asks for, per status that has one. */
export const REASON_PROMPTS: Partial<Readonly<Record<ThreatStatus, string>>> = {
  'not-applicable': 'Why it does not apply',
  transferred: 'To whom it was transferred, and how',
  avoided: 'How it is avoided',
};

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Today as an ISO date (YYYY-MM-DD) in the user's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
