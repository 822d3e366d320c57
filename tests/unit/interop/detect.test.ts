import { describe, expect, it } from 'vitest';
import { createModel, serializeDocument } from '../../../shared/model';
import { FORMAT_LABELS, IMPORT_FORMATS, detectFormat } from '../../../shared/interop';
import { fixture } from './helpers';
import { buildTm7 } from './tmt-builder';

describe('detectFormat', () => {
  it('goes by content, never by file name', () => {
    const td = fixture('td-v2-support-assistant.json');
    expect(detectFormat(td, 'model.tm7')).toBe('threat-dragon-v2');
    expect(detectFormat(fixture('td-v1-feature-platform.json'), 'x.otm')).toBe('threat-dragon-v1');
    expect(detectFormat(fixture('otm-flat-ai.json'), 'x.yaml')).toBe('otm-json');
    expect(detectFormat(fixture('otm-nested-zones.yaml'), 'x.json')).toBe('otm-yaml');
    expect(detectFormat(buildTm7({ surfaces: [], threats: [] }), 'x.json')).toBe('tmt');
    expect(detectFormat(serializeDocument(createModel('Ours')), 'x.tm7')).toBe('threatloom');
  });

  it('tells Threat Dragon versions apart by cells, then by version', () => {
    const td = (version: string | undefined, diagram: object) => JSON.stringify({ ...(version ? { version } : {}), summary: { title: 't' }, detail: { diagrams: [diagram] } });
    expect(detectFormat(td(undefined, { diagramJson: { cells: [] } }))).toBe('threat-dragon-v1');
    expect(detectFormat(td('1.6.1', { cells: [] }))).toBe('threat-dragon-v2');
    expect(detectFormat(td('2.2.0', {}))).toBe('threat-dragon-v2');
    expect(detectFormat(td('1.3.0', {}))).toBe('threat-dragon-v1');
  });

  it('recognises XML with a BOM and a declaration, and OTM without a version', () => {
    expect(detectFormat(`\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<ThreatModel xmlns="x"/>`)).toBe('tmt');
    expect(detectFormat('project:\n  name: P\n  id: p\n')).toBe('otm-yaml');
    expect(detectFormat('{"project": {"name": "P", "id": "p"}}')).toBe('otm-json');
  });

  it('says unknown for everything else', () => {
    for (const text of ['', '<html></html>', '{"a": 1}', '[1, 2]', 'just words', '{broken']) expect(detectFormat(text), text).toBe('unknown');
  });

  it('has a label for every format', () => {
    for (const f of IMPORT_FORMATS) expect(FORMAT_LABELS[f]).toBeTruthy();
  });
});
