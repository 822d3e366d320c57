// The public entry of shared/interop: import foreign threat models, export ours.
//
// Importing (the UI's file dialog and import summary stay thin):
//   const result = await importFile(text, file.name);       // never throws, never stores anything
//   if (!result.ok) → show FORMAT_LABELS[result.format] and result.problems (path + message)
//   else           → show result.summary (counts, skipped[], changed[]) and open result.doc,
//                    which already passed validateDocument and has fresh UUIDs throughout.
//   detectFormat(text) answers "what is this file?" by content alone, for a preview.
//
// Exporting: exportThreatDragonV2(doc) and exportOtm(doc) return plain objects for JSON.stringify
// (or YAML); the *WithReport variants also list what the target format cannot hold.
export * from './types';
export { detectFormat } from './detect';
export { importFile, countRecords } from './import-file';
export { MAX_NOTES } from './notes';
export { MAX_RECORDS } from './draft';
export type { ExportReport } from './export-common';
export { exportThreatDragonV2, exportThreatDragonV2WithReport, TD_VERSION } from './threat-dragon-export';
export { exportOtm, exportOtmWithReport, OUTSIDE_ZONE_ID } from './otm-export';
