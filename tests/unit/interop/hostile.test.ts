// Malformed and hostile files: each is refused or partly imported with a clear report, quickly,
// and nothing outside the returned result changes.
import { describe, expect, it } from 'vitest';
import { createModel, serializeDocument, LIMITS } from '../../../shared/model';
import { MAX_RECORDS, detectFormat, importFile } from '../../../shared/interop';
import { fixture, imported, note, refused, said } from './helpers';
import { buildTm7 } from './tmt-builder';
import { S1 } from './tmt-fixture';

const DEEP = 100_000;
const td = (cells: unknown[], title = 'Hostile') => JSON.stringify({ version: '2.3.0', summary: { title }, detail: { contributors: [], diagrams: [{ id: 0, title: 'D', cells }], reviewer: '' } });

/** Every case must settle well within the test timeout; the time is printed, not asserted. */
async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${what}: ${(performance.now() - started).toFixed(0)} ms`);
  return result;
}

describe('hostile and malformed input', () => {
  it('refuses files over the size limit before reading them', async () => {
    const problems = await refused('x'.repeat(4096), 'big.json', { maxBytes: 1024 });
    expect(said(problems)).toBe('the file is 4.0 KB; the limit is 1.0 KB');
  });

  it('refuses empty files, prose and binary junk as unknown, saying why', async () => {
    for (const text of ['', '   \n', 'Dear team, please find the threat model attached.', '\u0000\u0001\u0002\uFFFD\uFFFD']) {
      const result = await importFile(text, 'odd.bin');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.format).toBe('unknown');
        expect(said(result.problems)).toMatch(/^“odd\.bin” cannot be imported: (the file is empty|it is not a threat model)/);
      }
    }
  });

  it('refuses broken JSON with the parser’s reason', async () => {
    const text = td([]).slice(0, 60);
    expect(detectFormat(text)).toBe('unknown');
    expect(said(await refused(text, 'cut.json'))).toMatch(/looks like JSON but cannot be read: .*JSON/);
  });

  it('refuses broken YAML with the parser’s reason', async () => {
    expect(said(await refused('otmVersion: 0.2.0\nproject: {name: "unclosed\n', 'bad.yaml'))).toMatch(/cannot be read|neither JSON, YAML nor XML/);
  });

  it('refuses a YAML alias bomb without expanding it', async () => {
    const bomb = ['otmVersion: 0.2.0', 'project: {name: a, id: b}', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
      .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`))
      .join('\n');
    const problems = await timed('YAML alias bomb', () => refused(bomb, 'bomb.yaml'));
    expect(said(problems)).toMatch(/resource exhaustion|alias/i);
  });

  it('refuses XML with a DOCTYPE, so entities are never defined, let alone expanded', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><ThreatModel><DrawingSurfaceList>&lol9;</DrawingSurfaceList></ThreatModel>`;
    const problems = await timed('XML billion laughs', () => refused(laughs, 'laughs.tm7'));
    expect(said(problems)).toMatch(/DOCTYPE or entities/);
    const external = '<!DOCTYPE ThreatModel SYSTEM "file:///etc/passwd"><ThreatModel/>';
    expect(said(await refused(external, 'xxe.tm7'))).toMatch(/DOCTYPE/);
  });

  it('survives deep nesting in JSON, YAML and XML', async () => {
    const json = td([JSON.parse('['.repeat(1000) + ']'.repeat(1000))]);
    const inJson = await timed('deep JSON', () => importFile('{"summary":{"title":"x"},"detail":{"diagrams":[{"cells":[' + '['.repeat(DEEP) + ']'.repeat(DEEP) + ']}]}}', 'deep.json'));
    expect(inJson.ok).toBe(true);
    expect((await imported(json, 'deep2.json')).summary.skipped).toHaveLength(1);
    const yaml = await timed('deep YAML', () => refused(`otmVersion: 0.2.0\nproject: {name: a, id: b}\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}`, 'deep.yaml'));
    expect(said(yaml)).toMatch(/nested too deeply/);
    const xml = await timed('deep XML', () => refused(`<ThreatModel>${'<a>'.repeat(DEEP)}${'</a>'.repeat(DEEP)}</ThreatModel>`, 'deep.tm7'));
    expect(said(xml)).toMatch(/nests elements more than 64 levels/);
  });

  it('cuts megabytes of text in one name or description, with a note', async () => {
    const huge = 'A'.repeat(3_000_000);
    const { doc, summary } = await timed('3 MB name', () =>
      imported(td([{ shape: 'process', id: 'p', position: { x: 0, y: 0 }, data: { type: 'tm.Process', name: huge, description: huge } }], huge), 'huge.json'),
    );
    const node = doc.diagrams[0]!.nodes[0]!;
    expect(node.name).toHaveLength(LIMITS.name);
    expect(node.description).toHaveLength(LIMITS.description);
    expect(doc.title).toHaveLength(LIMITS.name);
    expect(summary.changed.filter((n) => /was 3,000,000 characters; cut to/.test(n.why)).length).toBeGreaterThanOrEqual(3);
    expect(summary.changed.every((n) => n.what.length < 200)).toBe(true);
  });

  it('cuts a huge name in a TMT file too', async () => {
    const xml = buildTm7({ surfaces: [{ guid: S1, name: 'D', shapes: [{ guid: 'bbbbbbbb-0000-4000-8000-000000000001', kind: 'process', name: 'n'.repeat(2_000_000), box: { left: 0, top: 0, width: 100, height: 100 } }], lines: [] }], threats: [] });
    const { doc } = await imported(xml, 'huge.tm7');
    expect(doc.diagrams[0]!.nodes[0]!.name).toHaveLength(LIMITS.name);
  });

  it('does not let __proto__ keys pollute anything', async () => {
    const text = `{"__proto__": {"polluted": true}, "summary": {"title": "P", "__proto__": {"x": 1}}, "detail": {"diagrams": [{"title": "D", "cells": [{"__proto__": {"shape": "process"}, "id": "a"}]}]}}`;
    const { doc } = await imported(text, 'proto.json');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(doc.diagrams[0]!.nodes).toHaveLength(0);
  });

  it('imports at most MAX_RECORDS records and says how many were left out', async () => {
    const cells = Array.from({ length: MAX_RECORDS + 500 }, (_, i) => ({ shape: 'store', id: `s${i}`, data: { type: 'tm.Store', name: `S${i}` } }));
    const { doc, summary } = await timed(`${cells.length} cells`, () => imported(td(cells), 'many.json'));
    expect(doc.diagrams[0]!.nodes).toHaveLength(MAX_RECORDS);
    expect(note(summary.skipped, '500 cells of diagram "D"')?.why).toBe(`more than ${MAX_RECORDS} records in one file`);
    expect(summary.changed.length).toBeLessThanOrEqual(201);
  }, 30_000);

  it('caps threats and flow points too', async () => {
    const threats = Array.from({ length: MAX_RECORDS + 10 }, (_, i) => ({ title: `T${i}`, status: 'Open', severity: 'Low', type: 'Spoofing' }));
    const vertices = Array.from({ length: 5000 }, (_, i) => ({ x: i, y: i }));
    const cells = [
      { shape: 'process', id: 'a', position: { x: 0, y: 0 }, data: { type: 'tm.Process', name: 'A', threats } },
      { shape: 'process', id: 'b', position: { x: 400, y: 0 }, data: { type: 'tm.Process', name: 'B' } },
      { shape: 'flow', id: 'f', source: { cell: 'a' }, target: { cell: 'b' }, vertices, data: { type: 'tm.Flow', name: 'Wiggly' } },
    ];
    const { doc, summary } = await timed('capped threats', () => imported(td(cells), 'caps.json'));
    expect(doc.threats).toHaveLength(MAX_RECORDS);
    expect(note(summary.skipped, '10 threats')?.why).toBe(`more than ${MAX_RECORDS} in one file`);
    expect(doc.diagrams[0]!.flows[0]!.vertices).toHaveLength(1000);
    expect(note(summary.changed, 'flow "Wiggly"')?.why).toBe('had 5000 points; kept the first 1000');
  }, 30_000);

  it('reads files that start with a byte-order mark', async () => {
    const xml = buildTm7({ name: 'BOM', surfaces: [{ guid: S1, name: 'D', shapes: [], lines: [] }], threats: [] });
    expect((await imported(`\uFEFF${xml}`, 'bom.tm7')).doc.title).toBe('BOM');
    expect((await imported(`\uFEFF${td([])}`, 'bom.json')).doc.title).toBe('Hostile');
  });

  it('reports wrong value types instead of crashing', async () => {
    const cells = [
      { shape: 'process', id: 7, position: { x: 'left', y: null }, size: { width: -5, height: 1e300 }, data: { name: 42, threats: 'none', outOfScope: 'yes' } },
      { shape: 'flow', id: 'f', source: 'p', target: { cell: 7 }, data: { name: ['x'] } },
      null,
      'text',
    ];
    const { doc, summary } = await imported(td(cells), 'types.json');
    expect(doc.diagrams[0]!.nodes).toHaveLength(1);
    expect(doc.diagrams[0]!.nodes[0]).toMatchObject({ name: '42', outOfScope: true });
    expect(summary.skipped.length).toBeGreaterThanOrEqual(3);
  });

  it('opens our own format through the model’s reader, and refuses an invalid one', async () => {
    const model = createModel('Ours', '2025-01-01T00:00:00.000Z');
    const { summary } = await imported(serializeDocument(model), 'ours.json');
    expect(summary).toMatchObject({ format: 'threatloom', counts: { diagrams: 1, elements: 0 } });
    const problems = await refused(JSON.stringify({ ...model, title: 7 }), 'bad-ours.json');
    expect(problems[0]?.path).toBe('title');
  });

  it('says a TM-BOM file is not importable yet', async () => {
    const text = JSON.stringify({ version: '1.0.1', scope: { title: 'x' }, trust_zones: [], data_flows: [] });
    expect(said(await refused(text, 'x.tmbom.json'))).toMatch(/TM-BOM/);
  });

  it('never touches the fixtures it reads (imports are pure)', async () => {
    const before = fixture('td-v2-support-assistant.json');
    await importFile(before, 'again.json');
    expect(fixture('td-v2-support-assistant.json')).toBe(before);
  });
});
