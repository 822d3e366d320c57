// The public shapes of importing: what a file was detected as, and what came in, what was left
// out and what was changed on the way, so the UI can show an honest summary in a few lines.
import type { ModelDocument, Problem } from '../model';

export const IMPORT_FORMATS = [
  'threatloom',
  'threat-dragon-v1',
  'threat-dragon-v2',
  'otm-json',
  'otm-yaml',
  'tmt',
  'unknown',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** How each format is named to users. */
export const FORMAT_LABELS: Readonly<Record<ImportFormat, string>> = {
  threatloom: 'Threatloom model',
  'threat-dragon-v1': 'OWASP Threat Dragon (v1 JSON)',
  'threat-dragon-v2': 'OWASP Threat Dragon (v2 JSON)',
  'otm-json': 'Open Threat Model (JSON)',
  'otm-yaml': 'Open Threat Model (YAML)',
  tmt: 'Microsoft Threat Modeling Tool (.tm7)',
  unknown: 'unknown format',
};

/** One line of the import report: the thing concerned, and why it was skipped or changed. */
export interface ImportNote {
  readonly what: string;
  readonly why: string;
}

export interface ImportCounts {
  readonly diagrams: number;
  /** Nodes (processes, stores, external entities). */
  readonly elements: number;
  readonly flows: number;
  readonly boundaries: number;
  readonly threats: number;
  readonly mitigations: number;
  readonly assets: number;
}

export interface ImportSummary {
  readonly format: ImportFormat;
  readonly counts: ImportCounts;
  readonly skipped: readonly ImportNote[];
  readonly changed: readonly ImportNote[];
}

export type ImportResult =
  | { readonly ok: true; readonly doc: ModelDocument; readonly summary: ImportSummary }
  | { readonly ok: false; readonly format: ImportFormat; readonly problems: Problem[] };

export interface ImportOptions {
  /** Refuse files larger than this many UTF-8 bytes (default: the model's DEFAULT_MAX_BYTES, 20 MB). */
  readonly maxBytes?: number;
  /** Timestamp for createdAt/updatedAt of the new model (default: now). */
  readonly now?: string;
}
