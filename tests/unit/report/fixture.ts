// The report tests' model: the golden RAG chatbot plus a second diagram, names in German, Greek
// and Russian, an out-of-scope element with its own threat, a not-applicable threat, an overdue
// mitigation and a verified one. Fixed ids, so the report structure can be a golden file.
// Also: the fonts from node_modules and pdftotext/pdfinfo wrappers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createFlow,
  createLineBoundary,
  createMitigation,
  createNode,
  createThreat,
  parseModelFile,
  validateDocument,
  type DfdNode,
  type Diagram,
  type ModelDocument,
  type Threat,
} from '../../../shared/model';
import type { ReportFonts } from '../../../shared/report';
import { RAG_CHATBOT, fixtureText } from '../model/golden';

export const REPORT_DATE = '2025-06-01T09:00:00.000Z';
const id = (n: number) => `5e1c0a7b-3f2d-4c8e-9a6b-${String(900 + n).padStart(12, '0')}`;

function node(n: number, aiType: DfdNode['aiType'], name: string, x: number, y: number, extra: Partial<DfdNode> = {}): DfdNode {
  return { ...createNode(aiType, { x, y }, name), id: id(n), ...extra };
}

export function reportModel(): ModelDocument {
  const parsed = parseModelFile(fixtureText(RAG_CHATBOT), RAG_CHATBOT);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const base = parsed.doc;
  const main = base.diagrams[0]!;
  const retriever = main.nodes.find((n) => n.name === 'Help-centre retriever')!;
  const gateway = node(1, 'guardrail', 'Zürich gateway', 640, 40);
  const analytics = node(2, 'monitoring', 'Ελλάδα analytics', 960, 40, { outOfScope: true, outOfScopeReason: 'Run by the data team' });
  const toGateway = { ...createFlow(retriever.id, gateway.id, 'Screened context'), id: id(3), protocol: 'gRPC', encrypted: true };
  const toAnalytics = { ...createFlow(gateway.id, analytics.id, 'Usage events'), id: id(4), outOfScope: true };
  const tickets = node(5, 'raw-dataset', 'Raw tickets', 40, 80);
  const job = node(6, 'training-pipeline', 'Fine-tuning job', 320, 80);
  const mirror = node(7, 'model-hub', 'Москва mirror', 600, 80);
  const edge = { ...createLineBoundary({ x: 520, y: 20 }, 'Partner network'), id: id(8), trustLevel: 'untrusted' as const, points: [{ x: 540, y: 20 }, { x: 540, y: 260 }] };
  const training: Diagram = {
    id: id(9),
    name: 'Fine-tuning pipeline',
    nodes: [tickets, job, mirror],
    flows: [
      { ...createFlow(tickets.id, job.id, 'Ticket export'), id: id(10), protocol: 'S3', encrypted: true },
      { ...createFlow(job.id, mirror.id, 'Publish weights'), id: id(11), protocol: 'HTTPS', publicNetwork: true },
    ],
    boundaries: [edge],
  };
  const signature = createMitigation({ id: id(20), title: 'Model signature check', status: 'verified', phase: 'build', effectiveness: 0.5, owner: 'ML platform', dueDate: '2025-04-30', refs: ['atlas:AML.M0013'] });
  const review = createMitigation({ id: id(21), title: 'Gateway rule review', status: 'proposed', phase: 'Phase 2', dueDate: '2025-03-01', owner: 'AppSec' });
  const threats: Threat[] = [
    createThreat({ id: id(30), title: 'Gateway bypass via encoded payloads', elementIds: [gateway.id], stride: ['T', 'E'], likelihood: 4, impact: 4, owner: 'Ελένη Παπαδοπούλου', mitigationIds: [review.id], refs: ['owasp-llm-2025:LLM01'] }),
    createThreat({ id: id(31), title: 'Poisoned tickets in the fine-tuning set', elementIds: [tickets.id, job.id], stride: ['T'], likelihood: 3, impact: 5, refs: ['owasp-llm-2025:LLM04', 'atlas:AML.T0020'], description: 'A customer plants crafted tickets that teach the model a backdoor.' }),
    createThreat({ id: id(32), title: 'Mirror serves a tampered model', elementIds: [mirror.id], stride: ['T', 'S'], likelihood: 4, impact: 5, mitigationIds: [signature.id], refs: ['atlas:AML.T0010'] }),
    createThreat({ id: id(33), title: 'Analytics events reveal questions', elementIds: [analytics.id], stride: ['I'], likelihood: 2, impact: 3 }),
    createThreat({ id: id(34), title: 'Mirror outage blocks releases', elementIds: [mirror.id], stride: ['D'], status: 'not-applicable', statusReason: 'Releases fall back to the primary registry.', likelihood: null, impact: null }),
  ];
  const doc: ModelDocument = {
    ...base,
    diagrams: [{ ...main, nodes: [...main.nodes, gateway, analytics], flows: [...main.flows, toGateway, toAnalytics] }, training],
    threats: [...base.threats, ...threats],
    mitigations: [...base.mitigations, signature, review],
  };
  const valid = validateDocument(JSON.parse(JSON.stringify(doc)));
  if (!valid.ok) throw new Error(`report fixture is invalid: ${JSON.stringify(valid.problems)}`);
  return valid.doc;
}

/** The same model with a threat whose title the font cannot print (a math letter and CJK). */
export function modelWithUnprintable(): ModelDocument {
  const doc = reportModel();
  const extra = createThreat({ id: id(40), title: 'Spoofed 𝔘 badge 漢字', elementIds: [doc.diagrams[0]!.nodes[0]!.id], stride: ['S'] });
  return { ...doc, threats: [...doc.threats, extra] };
}

const require = createRequire(import.meta.url);
let fonts: ReportFonts | null = null;

export function reportFonts(): ReportFonts {
  fonts ??= {
    regular: new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))),
    bold: new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))),
  };
  return fonts;
}

function withPdfFile<T>(bytes: Uint8Array, run: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'tl-report-'));
  const file = join(dir, 'report.pdf');
  try {
    writeFileSync(file, bytes);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as poppler extracts it, one string per page. */
export function pdfPages(bytes: Uint8Array): string[] {
  const text = withPdfFile(bytes, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  return text.split('\f').slice(0, -1);
}

/** `pdfinfo`'s key: value lines. */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = withPdfFile(bytes, (file) => execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' }));
  return Object.fromEntries(out.split('\n').flatMap((line) => {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    return m ? [[m[1]!.trim(), m[2]!.trim()]] : [];
  }));
}

/** `pdffonts` rows: name and whether embedded. */
export function pdfFonts(bytes: Uint8Array): string {
  return withPdfFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
}
