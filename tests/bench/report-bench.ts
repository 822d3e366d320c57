// Report benchmark: builds the PDF report (structure, then jsPDF) for a model with two diagrams of
// about 200 elements and 300 threats (target under 3 s), and for the 2000-node bench model.
// Figures only, never pass/fail on time. Run: `node tests/bench/report-bench.mjs [--runs N]`.
import { bundledIndex } from '../../shared/catalogs';
import { exportFileName, reportToMarkdown, sarifLog, threatRegisterCsv } from '../../shared/export';
import { STRIDE, newId, type ModelDocument, type Rating, type Threat, type ThreatStatus } from '../../shared/model';
import { buildReportStructure, renderReportPdf, reportOptions, type ReportFonts } from '../../shared/report';
import { generateModel } from './generate-model';

const DATE = '2025-06-01T09:00:00.000Z';
/** Nodes per diagram so that nodes + flows (1.2 per node) + boundaries come to about 200 elements. */
const NODES_FOR_200_ELEMENTS = 89;

function elements(doc: ModelDocument): number {
  return doc.diagrams.reduce((n, d) => n + d.nodes.length + d.flows.length + d.boundaries.length, 0);
}

/** Two generated diagrams in one model, and `threats` threats spread over their nodes with mixed ratings and statuses. */
export function twoDiagramModel(threats = 300): ModelDocument {
  const a = generateModel(NODES_FOR_200_ELEMENTS, 1).doc;
  const b = generateModel(NODES_FOR_200_ELEMENTS, 2).doc;
  const diagrams = [{ ...a.diagrams[0]!, name: 'Serving' }, { ...b.diagrams[0]!, id: newId(), name: 'Training' }];
  const nodes = diagrams.flatMap((d) => d.nodes);
  const list: Threat[] = Array.from({ length: threats }, (_, i) => {
    const status: ThreatStatus = i % 7 === 0 ? 'mitigated' : i % 11 === 0 ? 'accepted' : 'open';
    return {
      id: newId(),
      title: `Threat ${i + 1}: ${['prompt injection', 'data poisoning', 'model theft', 'denial of wallet', 'PII leak'][i % 5]} against ${nodes[i % nodes.length]!.name}`,
      description: 'Generated for the report benchmark: a sentence or two of description, as a real threat has, so the tables wrap.',
      elementIds: [nodes[i % nodes.length]!.id],
      stride: [STRIDE[i % STRIDE.length]!],
      refs: i % 3 === 0 ? ['owasp-llm-2025:LLM01', 'atlas:AML.T0051'] : [],
      origin: { kind: 'manual' },
      status,
      likelihood: ((i % 5) + 1) as Rating,
      impact: (((i * 3) % 5) + 1) as Rating,
      owner: i % 4 === 0 ? 'Platform team' : '',
      mitigationIds: [],
      acceptance: status === 'accepted' ? { rationale: 'Within appetite', approver: 'CISO', date: '2025-05-01', reviewBy: '' } : null,
      statusReason: '',
      owaspRisk: null,
    };
  });
  return { ...a, title: 'Report benchmark: two diagrams', diagrams, threats: list };
}

export interface ReportFigures {
  readonly label: string;
  readonly elements: number;
  readonly threats: number;
  readonly structureMs: number[];
  readonly pdfMs: number[];
  readonly pages: number;
  readonly bytes: number;
  readonly otherMs: number;
}

async function measure(label: string, doc: ModelDocument, fonts: ReportFonts, runs: number): Promise<ReportFigures> {
  const structureMs: number[] = [];
  const pdfMs: number[] = [];
  let pages = 0;
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const structure = buildReportStructure(doc, bundledIndex(), reportOptions(DATE, { classification: 'Internal' }));
    const t1 = performance.now();
    const pdf = await renderReportPdf(structure, fonts);
    const t2 = performance.now();
    structureMs.push(t1 - t0);
    pdfMs.push(t2 - t1);
    pages = pdf.pageCount;
    bytes = pdf.bytes.length;
  }
  const t = performance.now();
  threatRegisterCsv(doc, bundledIndex());
  sarifLog(doc, { index: bundledIndex() });
  reportToMarkdown(buildReportStructure(doc, bundledIndex(), reportOptions(DATE)));
  exportFileName(doc.title, 'pdf');
  return { label, elements: elements(doc), threats: doc.threats.length, structureMs, pdfMs, pages, bytes, otherMs: performance.now() - t };
}

export type BenchModelName = 'two-diagrams' | 'large';

export async function runReportBench(fonts: ReportFonts, runs: number, models: readonly BenchModelName[] = ['two-diagrams', 'large']): Promise<ReportFigures[]> {
  const out: ReportFigures[] = [];
  if (models.includes('two-diagrams')) out.push(await measure('2 diagrams × ~200 elements, 300 threats', twoDiagramModel(), fonts, runs));
  if (models.includes('large')) out.push(await measure('2000 nodes (bench model)', generateModel(2000).doc, fonts, Math.max(1, Math.ceil(runs / 3))));
  return out;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

export function formatReportBench(results: readonly ReportFigures[]): string {
  const rows = results.map((r) => {
    const total = median(r.structureMs.map((s, i) => s + r.pdfMs[i]!));
    const mark = r.elements < 1000 ? (total < 3000 ? ' ✓' : ' ✗') : '';
    return `${r.label.padEnd(42)} ${String(r.elements).padStart(6)} ${String(r.threats).padStart(7)} ${median(r.structureMs).toFixed(0).padStart(9)} ${median(r.pdfMs).toFixed(0).padStart(8)} ${`${total.toFixed(0)}${mark}`.padStart(9)} ${String(r.pages).padStart(6)} ${(r.bytes / 1024).toFixed(0).padStart(7)} ${r.otherMs.toFixed(0).padStart(9)}`;
  });
  return [
    'PDF report — medians in ms (structure = model → report structure; PDF = jsPDF drawing and output)',
    `${'model'.padEnd(42)} ${'elems'.padStart(6)} ${'threats'.padStart(7)} ${'structure'.padStart(9)} ${'PDF'.padStart(8)} ${'total'.padStart(9)} ${'pages'.padStart(6)} ${'KB'.padStart(7)} ${'CSV+SARIF+MD'.padStart(9)}`,
    ...rows,
    'Target: the 2-diagram model under 3000 ms on a 2-core machine (✓ met, ✗ missed; figures, not pass/fail).',
  ].join('\n');
}
