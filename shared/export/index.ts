// The public entry of shared/export: the model in open formats — canonical JSON, the threat
// register as CSV, SARIF 2.1.0, an ATLAS Navigator layer, a Markdown report, and a diagram as SVG.
import { serializeDocument, type ModelDocument } from '../model';

export { CSV_BOM, THREAT_CSV_COLUMNS, csvCell, threatRegisterCsv, toCsv } from './csv';
export { SARIF_SCHEMA, ruleIdOf, sarifLog, type SarifOptions } from './sarif';
export { ATLAS_DOMAIN, NAVIGATOR_VERSIONS, navigatorLayer, type NavigatorLayer, type NavigatorTechnique } from './navigator';
export { escapeMarkdown, reportToMarkdown, sceneToMermaid } from './markdown';
export { escapeXml, sceneToSvg } from './svg';
export { elementLabels, type ElementLabel } from './elements';

/** The native format: the document as canonical JSON (what "Save to file" writes). */
export function exportJson(doc: ModelDocument): string {
  return serializeDocument(doc);
}

/** A file name from a model title: letters, digits, spaces, dots and dashes kept. */
export function exportFileName(title: string, extension: string): string {
  const base = title.replace(/[^\p{L}\p{N} _.-]+/gu, '_').replace(/\s+/g, ' ').trim().slice(0, 80) || 'threat-model';
  return `${base}.${extension}`;
}
