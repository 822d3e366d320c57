// The threat register as CSV (RFC 4180): one row per threat, columns named the way issue
// trackers import them (Summary, Description, Priority, Labels, Assignee). A UTF-8 byte-order mark
// makes spreadsheet tools read it as UTF-8; cells that a spreadsheet would run as a formula are
// neutralised with a leading apostrophe (OWASP "CSV injection").
import type { CatalogIndex } from '../catalogs';
import type { Mitigation, ModelDocument, Threat } from '../model';
import { RISK_BAND_LABELS, inherentRisk, residualRisk, type RiskBand, type RiskRating } from '../risk';
import { THREAT_STATUS_LABELS, refText } from '../report';
import { elementLabels } from './elements';

export const CSV_BOM = '\ufeff';

/** Characters that make a spreadsheet treat a cell as a formula (or smuggle one in). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula starts neutralised, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows → CSV text: CRLF line ends, a final CRLF, and the byte-order mark first. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const PRIORITY: Readonly<Record<RiskBand, string>> = { critical: 'Highest', high: 'High', medium: 'Medium', low: 'Low' };

export const THREAT_CSV_COLUMNS = [
  'Threat ID',
  'Summary',
  'Description',
  'Status',
  'Priority',
  'Labels',
  'Assignee',
  'Elements',
  'Diagrams',
  'STRIDE',
  'Likelihood',
  'Impact',
  'Inherent risk',
  'Residual risk',
  'Mitigations',
  'References',
  'Origin',
  'Status reason',
  'Accepted by',
  'Acceptance rationale',
  'Review by',
] as const;

const risk = (r: RiskRating | null) => (r ? `${RISK_BAND_LABELS[r.band]} (${r.score})` : '');

function threatRow(doc: ModelDocument, index: CatalogIndex | null, labelsOf: ReturnType<typeof elementLabels>, mitigations: ReadonlyMap<string, Mitigation>, t: Threat): string[] {
  const residual = residualRisk(t, doc.mitigations);
  const elements = t.elementIds.flatMap((id) => labelsOf.get(id) ?? []);
  const labels = ['threatloom', `status-${t.status}`, ...t.stride.map((l) => `stride-${l}`), ...(residual ? [`risk-${residual.band}`] : [])];
  return [
    t.id,
    t.title,
    t.description,
    THREAT_STATUS_LABELS[t.status],
    residual ? PRIORITY[residual.band] : '',
    labels.join(' '),
    t.owner,
    elements.map((e) => e.name).join('; '),
    [...new Set(elements.map((e) => e.diagram))].join('; '),
    t.stride.join(''),
    t.likelihood === null ? '' : String(t.likelihood),
    t.impact === null ? '' : String(t.impact),
    risk(inherentRisk(t)),
    risk(residual),
    t.mitigationIds.flatMap((id) => mitigations.get(id)?.title ?? []).join('; '),
    t.refs.map((r) => (index ? `${r} (${refText(index, r)})` : r)).join('; '),
    t.origin.kind === 'rule' ? `rule ${t.origin.ruleId}` : 'manual',
    t.statusReason,
    t.acceptance?.approver ?? '',
    t.acceptance?.rationale ?? '',
    t.acceptance?.reviewBy ?? '',
  ];
}

/** The model's threats as CSV, in document order. `index` adds catalog entry names to refs. */
export function threatRegisterCsv(doc: ModelDocument, index: CatalogIndex | null = null): string {
  const labelsOf = elementLabels(doc);
  const mitigations = new Map(doc.mitigations.map((m) => [m.id, m]));
  return toCsv([[...THREAT_CSV_COLUMNS], ...doc.threats.map((t) => threatRow(doc, index, labelsOf, mitigations, t))]);
}
