// Types for electronegativity-scan.mjs (plain JS so `npm run check:electron` needs no build).
import type { Finding, ScanError } from './electron-security-findings.mjs';

export declare const EXCLUDED_CHECKS: Readonly<Record<string, string>>;
export declare function scannedFiles(dir: string): string[];
export interface ScanResult {
  toolVersion: string;
  checks: number;
  files: string[];
  findings: Finding[];
  errors: ScanError[];
  networkAttempts: string[];
  raw: unknown[];
}
export declare function scanWithElectronegativity(options: {
  input: string;
  electronVersion: string;
  exclude?: readonly string[];
}): Promise<ScanResult>;
