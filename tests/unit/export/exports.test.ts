// The open exports: JSON, CSV, SARIF, ATLAS Navigator layer, Markdown and SVG.
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../../shared/catalogs';
import {
  ATLAS_DOMAIN,
  THREAT_CSV_COLUMNS,
  csvCell,
  exportFileName,
  exportJson,
  navigatorLayer,
  reportToMarkdown,
  sarifLog,
  sceneToSvg,
  threatRegisterCsv,
} from '../../../shared/export';
import { createThreat, serializeDocument, type ModelDocument } from '../../../shared/model';
import { buildReportStructure, buildScene, reportOptions } from '../../../shared/report';
import { REPORT_DATE, reportModel } from '../report/fixture';
import { sarifLogSchema } from './sarif-schema';

/** An RFC 4180 reader, strict: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else field += c;
  }
  if (field || row.length) throw new Error('last record has no CRLF');
  return rows;
}

const injected = (doc: ModelDocument, titles: string[]): ModelDocument => ({
  ...doc,
  threats: [...doc.threats, ...titles.map((title, i) => createThreat({ id: `00000000-0000-4000-8000-00000000000${i}`, title, description: '-1 + 2, "quoted"\nsecond line' }))],
});

describe('native JSON', () => {
  it('is the canonical serialisation', () => {
    const doc = reportModel();
    expect(exportJson(doc)).toBe(serializeDocument(doc));
  });
});

describe('threat register CSV', () => {
  const doc = injected(reportModel(), ["=cmd|' /C calc'!A0", '+SUM(1)', '@import', '\tTabbed', 'Plain, with comma']);
  const csv = threatRegisterCsv(doc, bundledIndex());

  it('starts with a UTF-8 byte-order mark and uses CRLF records (RFC 4180)', () => {
    expect(csv.startsWith('\ufeffThreat ID,Summary,Description,')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...THREAT_CSV_COLUMNS]);
    expect(rows).toHaveLength(doc.threats.length + 1);
    for (const r of rows) expect(r).toHaveLength(THREAT_CSV_COLUMNS.length);
  });

  it('neutralises formula injection with a leading apostrophe', () => {
    const rows = parseCsv(csv.slice(1));
    const summary = rows.map((r) => r[1]);
    expect(summary).toContain("'=cmd|' /C calc'!A0");
    expect(summary).toContain("'+SUM(1)");
    expect(summary).toContain("'@import");
    expect(summary).toContain("'\tTabbed");
    expect(summary).toContain('Plain, with comma');
    // The description starts with "-": neutralised too, and its quotes and newline survive.
    expect(rows.at(-1)![2]).toBe(`'-1 + 2, "quoted"\nsecond line`);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('ok')).toBe('ok');
  });

  it('fills issue-tracker columns: priority from residual risk, labels without spaces, assignee', () => {
    const rows = parseCsv(csv.slice(1));
    const col = (name: string) => THREAT_CSV_COLUMNS.indexOf(name as never);
    const gateway = rows.find((r) => r[1] === 'Gateway bypass via encoded payloads')!;
    expect(gateway[col('Priority')]).toBe('High');
    expect(gateway[col('Assignee')]).toBe('Ελένη Παπαδοπούλου');
    expect(gateway[col('Labels')]).toBe('threatloom status-open stride-T stride-E risk-high');
    expect(gateway[col('Elements')]).toBe('Zürich gateway');
    expect(gateway[col('References')]).toBe('owasp-llm-2025:LLM01 (LLM01 Prompt Injection)');
    const accepted = rows.find((r) => r[col('Status')] === 'Accepted')!;
    expect(accepted[col('Accepted by')]).not.toBe('');
  });
});

describe('SARIF 2.1.0', () => {
  const doc = reportModel();
  const log = sarifLog(doc, { toolVersion: '0.1.0', index: bundledIndex() });

  it('validates against the schema essentials', () => {
    const parsed = sarifLogSchema.safeParse(JSON.parse(JSON.stringify(log)));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('the mirror schema rejects what SARIF forbids', () => {
    const bad = JSON.parse(JSON.stringify(log));
    bad.runs[0].results[0].level = 'fatal';
    expect(sarifLogSchema.safeParse(bad).success).toBe(false);
    const wrongIndex = JSON.parse(JSON.stringify(log));
    wrongIndex.runs[0].results[0].ruleIndex = 99;
    expect(sarifLogSchema.safeParse(wrongIndex).success).toBe(false);
    const passWithLevel = JSON.parse(JSON.stringify(log));
    const pass = passWithLevel.runs[0].results.find((r: { kind: string }) => r.kind === 'pass');
    pass.level = 'error';
    expect(sarifLogSchema.safeParse(passWithLevel).success).toBe(false);
  });

  it('reports each threat as a result with its rule and its elements as logical locations', () => {
    const run = (log['runs'] as any[])[0];
    expect(run.results).toHaveLength(doc.threats.length);
    const injection = run.results.find((r: any) => r.message.text.startsWith('Indirect prompt injection'));
    expect(injection.ruleId).toBe('genai.rag-context-injection');
    expect(injection.locations.map((l: any) => l.logicalLocations[0].name)).toEqual(['Hosted LLM', 'Help-centre retriever']);
    expect(injection.locations[0].logicalLocations[0].fullyQualifiedName).toBe('Chat request path/Hosted LLM');
    const manual = run.results.find((r: any) => r.message.text.startsWith('Gateway bypass'));
    expect(manual.ruleId).toBe('manual/5e1c0a7b-3f2d-4c8e-9a6b-000000000930');
    expect(manual.level).toBe('error');
    const accepted = run.results.find((r: any) => r.properties.status === 'accepted');
    expect(accepted.suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted' });
    expect(run.results.find((r: any) => r.properties.status === 'mitigated')).toMatchObject({ kind: 'pass', level: 'none' });
    expect(run.results.find((r: any) => r.properties.status === 'not-applicable')).toMatchObject({ kind: 'notApplicable', level: 'none' });
    expect(run.tool.driver.rules.map((r: any) => r.id)).toContain('genai.rag-context-injection');
  });
});

describe('ATLAS Navigator layer', () => {
  const doc = reportModel();
  const layer = navigatorLayer(doc, bundledIndex(), '2025-06-01');

  it('has the layer format’s required fields and versions', () => {
    expect(layer.domain).toBe(ATLAS_DOMAIN);
    expect(layer.versions.layer).toMatch(/^4\.\d+$/);
    expect(layer.versions.navigator).toMatch(/^\d+\.\d+\.\d+$/);
    expect(typeof layer.name).toBe('string');
    expect(layer.gradient.colors.length).toBeGreaterThanOrEqual(2);
    expect(layer.gradient.maxValue).toBeGreaterThan(layer.gradient.minValue);
    for (const t of layer.techniques) {
      expect(t.techniqueID).toMatch(/^AML\.T\d{4}(\.\d{3})?$/);
      if (t.score !== undefined) expect(Number.isInteger(t.score) && t.score >= 0).toBe(true);
      expect(typeof t.comment).toBe('string');
    }
    // Serialisable as plain JSON, as the Navigator loads it.
    expect(JSON.parse(JSON.stringify(layer))).toEqual(layer);
  });

  it('lists the techniques the threats cite, scored by open threats', () => {
    const byId = Object.fromEntries(layer.techniques.map((t) => [t.techniqueID, t]));
    expect(Object.keys(byId).sort()).toEqual(['AML.T0010', 'AML.T0020', 'AML.T0051']);
    expect(byId['AML.T0051']!.score).toBe(1);
    expect(byId['AML.T0051']!.comment).toContain('Indirect prompt injection through retrieved help content');
    expect(byId['AML.T0020']!.score).toBe(1);
  });
});

describe('Markdown report', () => {
  it('has every section, escapes user text and draws diagrams as Mermaid', () => {
    const doc = injected(reportModel(), ['# Not a heading | [link](http://x) <script>']);
    const md = reportToMarkdown(buildReportStructure(doc, bundledIndex(), reportOptions(REPORT_DATE)));
    expect(md).toMatch(/^# Customer support RAG chatbot\n/);
    for (const s of ['## 1 Executive summary', '## 3 Diagrams', '## 5 Threats by element', '## A Appendix']) expect(md).toContain(s);
    expect(md).toContain('```mermaid\nflowchart LR');
    expect(md).toContain('subgraph b1["Company cloud (VPC) · trust: high"]');
    expect(md).toContain('Zürich gateway');
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\# Not a heading \\| \\[link\\](http://x) \\<script\\>');
  });
});

describe('diagram SVG', () => {
  const doc = reportModel();
  const scene = buildScene(doc.diagrams[0]!, { includeOutOfScope: true });

  it('is well-formed XML with every element name as text', () => {
    const svg = sceneToSvg(scene, 'Chat request path');
    expect(XMLValidator.validate(svg)).toBe(true);
    // Long names wrap onto several <text> lines; read back, they join into the whole name.
    const texts = [...svg.matchAll(/>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    for (const n of doc.diagrams[0]!.nodes) expect(texts).toContain(n.name);
    expect(svg).toContain('Company cloud (VPC) · trust: high');
  });

  it('escapes markup in names', () => {
    const hostile = { ...scene, nodes: scene.nodes.map((n, i) => (i === 0 ? { ...n, name: '<script>alert(1)</script> & co' } : n)) };
    const svg = sceneToSvg(hostile, '"title" <b>');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('<title>&quot;title&quot; &lt;b&gt;</title>');
  });
});

describe('export file names', () => {
  it('keep letters of any script and drop path characters', () => {
    expect(exportFileName('Zürich / RAG: v2', 'pdf')).toBe('Zürich _ RAG_ v2.pdf');
    expect(exportFileName('   ', 'csv')).toBe('threat-model.csv');
  });
});
