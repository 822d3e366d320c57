// Types for electron-security-findings.mjs (plain JS so `npm run check:electron` needs no build).
export interface Finding {
  check: string;
  file: string;
  line: number;
  column: number;
  description: string;
  sample: string;
  severity: string;
  confidence: string;
  manualReview: boolean;
}
export interface AllowEntry {
  check: string;
  file: string;
  sample: string;
  reason: string;
}
export interface Verdict {
  allowed: { finding: Finding; entry: AllowEntry }[];
  failing: Finding[];
  stale: AllowEntry[];
}
export interface ScanError {
  file: string;
  message: string;
}
export interface InlineSuppression {
  file: string;
  line: number;
  text: string;
}
export declare function normalizeSample(sample: string): string;
export declare function toFinding(issue: unknown): Finding;
export declare function parseAllowList(value: unknown, source: string): AllowEntry[];
export declare function judgeFindings(findings: readonly Finding[], entries: readonly AllowEntry[]): Verdict;
export declare function findInlineSuppressions(files: readonly { file: string; text: string }[]): InlineSuppression[];
export declare function formatFinding(finding: Finding): string;
export declare function buildReport(input: {
  checks: number;
  files: number;
  verdict: Verdict;
  errors: readonly ScanError[];
  suppressions: readonly InlineSuppression[];
  networkAttempts: readonly string[];
  allowListFile: string;
}): { ok: boolean; lines: string[] };
