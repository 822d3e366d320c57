// How mitigation statuses read on screen and in reports.
import type { MitigationStatus } from '../model/types';

export const MITIGATION_STATUS_LABELS: Readonly<Record<MitigationStatus, string>> = {
  proposed: 'Proposed',
  planned: 'Planned',
  'in-progress': 'In progress',
  implemented: 'Implemented',
  verified: 'Verified',
  rejected: 'Rejected',
};

/** 0.35 → "35 %". */
export function effectivenessLabel(effectiveness: number): string {
  return `${Math.round(effectiveness * 100)} %`;
}
