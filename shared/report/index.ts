// The public entry of shared/report: (model, catalogs, options) → report structure → PDF bytes,
// and the diagram scene the PDF and the SVG export both draw.
export * from './types';
export { DEFAULT_REPORT_OPTIONS, MAX_CLASSIFICATION_LENGTH, reportOptionProblems, reportOptions } from './options';
export { ReportOptionsError, buildReportStructure } from './structure';
export { THREAT_STATUS_LABELS, STRIDE_NAMES, refText } from './context';
export { topRisks } from './sections-summary';
export { boundaryLabel, buildScene, flowName, labelBox, midpointAlong, nodeName, pointAlong, wrapWords, type SceneOptions } from './scene';
export { DEFAULT_TILING, columnName, planDiagramPages, type DiagramPages, type Tile, type TilingOptions } from './tiling';
export { REPLACEMENT, TextFitter, fontCoverage, toBase64 } from './font-coverage';
export { renderReportPdf, type RenderHooks, type RenderProgress, type RenderedReport, type ReportFonts } from './pdf/render';
export type { TocEntry } from './pdf/writer';
