// The words people read for the document's machine values, defined once for every view,
// report and export.
import type { StrideLetter, ThreatStatus } from './types';

export const STRIDE_NAMES: Readonly<Record<StrideLetter, string>> = {
  S: 'Spoofing',
  T: 'Tampering',
  R: 'Repudiation',
  I: 'Information disclosure',
  D: 'Denial of service',
  E: 'Elevation of privilege',
};

export const THREAT_STATUS_LABELS: Readonly<Record<ThreatStatus, string>> = {
  open: 'Open',
  mitigated: 'Mitigated',
  accepted: 'Accepted',
  transferred: 'Transferred',
  avoided: 'Avoided',
  'not-applicable': 'Not applicable',
};
