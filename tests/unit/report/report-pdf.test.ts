// The PDF as a reader gets it: parsed back with poppler (pdftotext, pdfinfo, pdffonts), never
// compared as pixels. Each test says what a client would notice if it broke.
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledIndex } from '../../../shared/catalogs';
import type { ModelDocument } from '../../../shared/model';
import { bandCounts, statusCounts } from '../../../shared/risk';
import { buildReportStructure, renderReportPdf, reportOptions, type RenderedReport, type ReportOptions } from '../../../shared/report';
import { REPORT_DATE, modelWithUnprintable, pdfFonts, pdfInfo, pdfPages, reportFonts, reportModel } from './fixture';

async function render(doc: ModelDocument, overrides: Partial<Omit<ReportOptions, 'creationDate'>> = {}, date = REPORT_DATE): Promise<RenderedReport> {
  return renderReportPdf(buildReportStructure(doc, bundledIndex(), reportOptions(date, overrides)), reportFonts());
}

const flat = (text: string) => text.replace(/\s+/g, ' ');
/** Text of the pages from the one whose text includes `start` up to (not including) the one with `end`. */
function pagesBetween(pages: readonly string[], start: string, end?: string): string {
  const from = pages.findIndex((p, i) => i > 1 && p.includes(start));
  const to = end ? pages.findIndex((p, i) => i > from && p.includes(end)) : pages.length;
  expect(from, `a page with "${start}"`).toBeGreaterThan(1);
  return flat(pages.slice(from, to === -1 ? pages.length : to).join('\n'));
}

describe('the PDF report', { timeout: 30_000 }, () => {
  const doc = reportModel();
  let report: RenderedReport;
  let pages: string[];
  let all: string;

  beforeAll(async () => {
    report = await render(doc, { classification: 'Confidential' });
    pages = pdfPages(report.bytes);
    all = flat(pages.join('\n'));
  });

  it('has a sane page count, the same one poppler sees', () => {
    expect(Number(pdfInfo(report.bytes)['Pages'])).toBe(report.pageCount);
    expect(pages).toHaveLength(report.pageCount);
    expect(report.pageCount).toBeGreaterThanOrEqual(10);
    expect(report.pageCount).toBeLessThanOrEqual(30);
  });

  it('prints every threat title in the threat list', () => {
    const threats = pagesBetween(pages, '5 Threats by element', '6 Mitigation roadmap');
    for (const t of doc.threats) expect(threats).toContain(flat(t.title));
  });

  it('states the model’s counts in the executive summary', () => {
    const summary = pagesBetween(pages, '1 Executive summary', '2 Scope and assumptions');
    const statuses = statusCounts(doc);
    expect(summary).toContain(`Threats ${doc.threats.length} (${statuses.open} open)`);
    expect(summary).toContain(`Diagrams ${doc.diagrams.length}`);
    expect(summary).toContain(`Accepted risks ${statuses.accepted}`);
    const inherent = bandCounts(doc, 'inherent');
    const residual = bandCounts(doc, 'residual');
    for (const [label, band] of [['Critical', 'critical'], ['High', 'high'], ['Medium', 'medium'], ['Low', 'low'], ['Unrated', 'unrated']] as const) {
      expect(summary).toContain(`${label} ${inherent[band]} ${residual[band]}`);
    }
    expect(summary).toContain(`Open ${statuses.open} Mitigated ${statuses.mitigated} Accepted ${statuses.accepted}`);
  });

  it('draws every element of each diagram with its name as text', () => {
    const diagrams = pagesBetween(pages, '3 Diagrams', '4 Element index');
    for (const d of doc.diagrams) {
      expect(diagrams).toContain(d.name);
      for (const n of d.nodes) expect(diagrams).toContain(n.name);
      for (const b of d.boundaries) expect(diagrams).toContain(b.name);
    }
    expect(diagrams).toContain('Usage events');
    expect(diagrams).toContain('crosses Company cloud (VPC)');
  });

  it('keeps German, Greek and Cyrillic text', () => {
    expect(all).toContain('Zürich gateway');
    expect(all).toContain('Ελλάδα analytics');
    expect(all).toContain('Москва mirror');
    expect(all).toContain('Ελένη Παπαδοπούλου'.slice(0, 5));
    expect(report.replacedCharacters).toBe(0);
  });

  it('lists the sections in the contents with the pages they start on', () => {
    const contents = flat(pages[1]!);
    for (const entry of report.toc) {
      expect(contents).toContain(entry.title.slice(0, 20));
      expect(flat(pages[entry.page - 1]!)).toContain(entry.title);
    }
    expect(report.toc.map((e) => e.title)).toEqual([
      '1 Executive summary',
      '2 Scope and assumptions',
      '3 Diagrams',
      '3.1 Chat request path',
      '3.2 Fine-tuning pipeline',
      '4 Element index',
      '5 Threats by element',
      '6 Mitigation roadmap',
      '7 Accepted risks',
      '8 Attack trees',
      '9 Compliance',
      'A Appendix: rating method and catalogs',
    ]);
  });

  it('puts the title and classification on every page and “Page X of Y” in every footer but the cover’s', () => {
    pages.slice(1).forEach((text, i) => {
      expect(text).toContain('CONFIDENTIAL');
      expect(text).toContain(`Page ${i + 2} of ${pages.length}`);
    });
    expect(pages[0]).not.toContain('Page 1 of');
    expect(pages[0]).toContain('Customer support RAG chatbot');
    expect(flat(pages[0]!)).toContain('Reviewers Dana Whitfield');
  });

  it('records title, author, creator and creation date in the PDF metadata, and embeds its font', () => {
    const info = pdfInfo(report.bytes);
    expect(info['Title']).toBe('Customer support RAG chatbot — threat model report');
    expect(info['Author']).toBe('Support Platform team');
    expect(info['Creator']).toBe('Threatloom');
    expect(info['CreationDate']).toMatch(/^2025-06-01T09:00:00/);
    const fonts = pdfFonts(report.bytes);
    expect(fonts).toMatch(/DejaVu\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).not.toMatch(/Helvetica/);
  });

  it('covers accepted risks with rationale and approver, the roadmap by phase, the attack tree and the appendix', () => {
    const accepted = pagesBetween(pages, '7 Accepted risks', '8 Attack trees');
    const risk = doc.threats.find((t) => t.status === 'accepted')!;
    expect(accepted).toContain(flat(risk.title));
    expect(accepted).toContain(flat(risk.acceptance!.rationale).slice(0, 40));
    const roadmap = pagesBetween(pages, '6 Mitigation roadmap', '7 Accepted risks');
    expect(roadmap).toMatch(/build \(2 mitigations\)/);
    expect(roadmap).toContain('Phase 2 (1 mitigation, 1 overdue)');
    expect(roadmap).toContain('2025-03-01 (overdue)');
    expect(pagesBetween(pages, '8 Attack trees', '9 Compliance')).toContain('Read another customer’s conversation');
    const appendix = pagesBetween(pages, 'A Appendix');
    expect(appendix).toContain('MITRE ATLAS');
    expect(appendix).toContain('CC-BY-SA-4.0');
    expect(appendix).toContain('Apache-2.0');
  });
});

describe('report options', { timeout: 30_000 }, () => {
  const doc = reportModel();

  it('the same model, options and date give the same bytes; another date gives other bytes', async () => {
    const a = await render(doc);
    const b = await render(reportModel());
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const c = await render(doc, {}, '2025-06-02T09:00:00.000Z');
    expect(Buffer.from(a.bytes).equals(Buffer.from(c.bytes))).toBe(false);
  });

  it('leaves mitigated threats out of the lists when asked, but still counts them', async () => {
    const text = flat(pdfPages((await render(doc, { includeMitigated: false })).bytes).join('\n'));
    const mitigated = doc.threats.find((t) => t.status === 'mitigated')!;
    const threatsPart = text.slice(text.indexOf('5 Threats by element'), text.indexOf('6 Mitigation roadmap'));
    expect(threatsPart).not.toContain(mitigated.title);
    expect(text).toContain('The threat lists leave out 1 mitigated threat');
    expect(text).toContain(`Threats ${doc.threats.length} (`);
  });

  it('leaves out-of-scope elements out of diagrams, the index and the threat list when asked', async () => {
    const pages = pdfPages((await render(doc, { includeOutOfScope: false })).bytes);
    const diagrams = pagesBetween(pages, '3 Diagrams', '4 Element index');
    expect(diagrams).not.toContain('Ελλάδα analytics');
    expect(diagrams).not.toContain('Usage events');
    expect(pagesBetween(pages, '5 Threats by element', '6 Mitigation roadmap')).not.toContain('Analytics events reveal questions');
    // The scope section still names what is out of scope, and why.
    expect(pagesBetween(pages, '2 Scope and assumptions', '3 Diagrams')).toContain('Run by the data team');
  });

  it('drops the diagrams, attack trees and appendix when asked, and renumbers the sections', async () => {
    const r = await render(doc, { includeDiagrams: false, includeAttackTrees: false, includeAppendix: false });
    expect(r.toc.map((e) => e.title)).toEqual([
      '1 Executive summary',
      '2 Scope and assumptions',
      '3 Element index',
      '4 Threats by element',
      '5 Mitigation roadmap',
      '6 Accepted risks',
      '7 Compliance',
    ]);
  });

  it('prints on Letter paper when asked', async () => {
    const info = pdfInfo((await render(doc, { paper: 'letter', includeDiagrams: false })).bytes);
    expect(info['Page size']).toMatch(/^612 x 792 pts/);
    const a4 = pdfInfo((await render(doc, { includeDiagrams: false })).bytes);
    expect(a4['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts/);
  });

  it('splits a large diagram over a key page and overlapping parts, each with its names as text', async () => {
    const base = reportModel();
    const big = base.diagrams[1]!;
    const nodes = Array.from({ length: 40 }, (_, i) => ({ ...big.nodes[i % 3]!, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Stage ${i + 1}`, position: { x: (i % 10) * 260, y: Math.floor(i / 10) * 160 } }));
    const doc = { ...base, diagrams: [{ ...big, nodes, flows: [], boundaries: [] }], threats: [], attackTrees: [] };
    const pages = pdfPages((await render(doc, { includeAppendix: false })).bytes);
    const diagrams = pagesBetween(pages, '3 Diagrams', '4 Element index');
    expect(diagrams).toContain('This diagram is too large to print legibly on one page');
    expect(diagrams).toMatch(/part A1 \(column 1 of \d, row 1 of \d\)/);
    expect(diagrams).toMatch(/part B1/);
    for (const n of nodes) expect(diagrams).toContain(n.name);
  });

  it('replaces characters outside the font with a visible □, counts them and says so', async () => {
    const r = await render(modelWithUnprintable());
    const text = flat(pdfPages(r.bytes).join('\n'));
    expect(text).toContain('Spoofed □ badge □□');
    expect(r.replacedCharacters).toBeGreaterThanOrEqual(3);
    expect(r.replacedCharacters % 3).toBe(0);
    expect(r.replacedSamples).toEqual(['𝔘', '漢', '字']);
    expect(text).toContain(`${r.replacedCharacters} characters of the model have no glyph in the report font`);
    expect(text).toContain('U+1D518, U+6F22, U+5B57');
  });
});
