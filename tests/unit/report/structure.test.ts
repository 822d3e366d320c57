// The report structure is the golden file (not the PDF bytes, which change with jsPDF releases):
// what each section says, in order. Scenes are summarised to what a reader sees: names, labels,
// where the labels went. Update with `npx vitest run tests/unit/report -u` and review the diff.
import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../../shared/catalogs';
import { ReportOptionsError, buildReportStructure, reportOptionProblems, reportOptions, topRisks, type Block, type ReportStructure } from '../../../shared/report';
import { REPORT_DATE, reportModel } from './fixture';

const round = (n: number) => Math.round(n);

function summarise(report: ReportStructure): unknown {
  const block = (b: Block): unknown => {
    if (b.kind !== 'diagram') return b;
    const s = b.scene;
    return {
      kind: 'diagram',
      title: b.title,
      caption: b.caption,
      bounds: [s.bounds.x, s.bounds.y, s.bounds.width, s.bounds.height].map(round),
      nodes: s.nodes.map((n) => `${n.name} [${n.typeLabel}]${n.outOfScope ? ' (out of scope)' : ''}`),
      flows: s.flows.map((f) => `${f.label.join(' / ')} @ ${round(f.labelAt.x)},${round(f.labelAt.y)}${f.arrowStart ? ' (both ways)' : ''}`),
      boundaries: s.boundaries.map((x) => x.label),
    };
  };
  return { ...report, sections: report.sections.map((s) => ({ ...s, blocks: s.blocks.map(block) })) };
}

describe('report structure', () => {
  it('matches the golden structure for the fixture model', async () => {
    const report = buildReportStructure(reportModel(), bundledIndex(), reportOptions(REPORT_DATE, { classification: 'Internal' }));
    await expect(`${JSON.stringify(summarise(report), null, 2)}\n`).toMatchFileSnapshot('./golden/report-structure.json');
  });

  it('is the same for the same input', () => {
    const options = reportOptions(REPORT_DATE);
    expect(buildReportStructure(reportModel(), bundledIndex(), options)).toEqual(buildReportStructure(reportModel(), bundledIndex(), options));
  });

  it('ranks top risks by residual, then inherent score, leaving settled threats out', () => {
    const doc = reportModel();
    const report = buildReportStructure(doc, bundledIndex(), reportOptions(REPORT_DATE));
    const summary = report.sections[0]!;
    const table = summary.blocks.filter((b) => b.kind === 'table').at(-1)!;
    if (table.kind !== 'table') throw new Error('no table');
    const titles = table.rows.map((r) => (typeof r.cells[1] === 'string' ? r.cells[1] : r.cells[1]!.text));
    expect(titles[0]).toBe('Gateway bypass via encoded payloads');
    expect(titles).not.toContain('Conversations retained by the LLM provider'); // mitigated
    expect(titles).not.toContain('Mirror outage blocks releases'); // not applicable
    expect(titles).toContain('Retrieval of chunks meant for another audience'); // accepted: still carried
    const ctxTop = topRisks({ threats: doc.threats, doc, options: reportOptions(REPORT_DATE) } as never);
    expect(ctxTop.map((t) => t.title)).toEqual(titles);
  });

  it('refuses bad options, naming each problem', () => {
    const bad = { ...reportOptions('yesterday'), paper: 'a3' as never, classification: 'x'.repeat(61), logo: 'data:image/gif;base64,R0lGOD' };
    expect(reportOptionProblems(bad)).toEqual([
      'The report date "yesterday" is not an ISO date (YYYY-MM-DD or a full timestamp).',
      'The paper size must be a4 or letter, not "a3".',
      'The classification label is 61 characters long; at most 60 fit in a page header.',
      'The logo must be a PNG or JPEG image (a base64 data: URL).',
    ]);
    expect(() => buildReportStructure(reportModel(), bundledIndex(), bad)).toThrow(ReportOptionsError);
    expect(reportOptionProblems(reportOptions(REPORT_DATE, { logo: 'data:image/png;base64,iVBORw0KGgo=' }))).toEqual([]);
  });
});
