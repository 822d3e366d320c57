// The reference files other tools wrote (../shared/reference/samples, see SOURCES.md there):
// each imports with exactly the counts SOURCES.md gives, each negative sample is refused with a
// clear message. Skipped where the samples are not present.
import { rectContainsRect, rectOf } from '../../../shared/geometry';
import { describe, expect, it } from 'vitest';
import { detectFormat, type ImportCounts, type ImportFormat } from '../../../shared/interop';
import type { ModelDocument, ThreatStatus } from '../../../shared/model';
import { HAVE_SAMPLES, imported, note, refused, sample, said } from './helpers';

interface Expected {
  readonly format: ImportFormat;
  readonly counts: Partial<ImportCounts>;
  readonly statuses?: Partial<Record<ThreatStatus, number>>;
  /** Impact ratings by count (from severity or priority). */
  readonly impacts?: Record<string, number>;
  /** Text blocks, which become notes in the model description. */
  readonly texts?: number;
  /** Threat references on components and dataflows (OTM), i.e. threat–element links. */
  readonly links?: number;
  /** [inner, outer]: a nested trust zone that must lie inside its parent. */
  readonly nested?: readonly [string, string];
}

// From SOURCES.md. Elements are actors + processes + stores (or OTM components, or TMT stencils);
// boundaries are boxes + curves/lines (or OTM trust zones); mitigations are Threat Dragon threats
// with mitigation text, or the OTM mitigation catalogue.
const EXPECTED: Record<string, Expected> = {
  'threat-dragon/v2-threat-model.json': {
    format: 'threat-dragon-v2',
    counts: { diagrams: 1, elements: 7, flows: 10, boundaries: 3, threats: 14, mitigations: 14 },
    statuses: { mitigated: 4, open: 10 },
    texts: 1,
  },
  'threat-dragon/generic-cms.json': { format: 'threat-dragon-v2', counts: { diagrams: 1, elements: 5, flows: 5, boundaries: 1, threats: 0, mitigations: 0 }, texts: 1 },
  'threat-dragon/iot-device.json': {
    format: 'threat-dragon-v2',
    counts: { diagrams: 1, elements: 11, flows: 14, boundaries: 1, threats: 4, mitigations: 4 },
    statuses: { mitigated: 1, open: 3 },
    impacts: { null: 1, 3: 2, 4: 1 },
    texts: 1,
  },
  'threat-dragon/three-tier-web-app.json': { format: 'threat-dragon-v2', counts: { diagrams: 1, elements: 3, flows: 3, boundaries: 2, threats: 2, mitigations: 2 }, statuses: { mitigated: 2 }, texts: 1 },
  'threat-dragon/v2-new-model.json': { format: 'threat-dragon-v2', counts: { diagrams: 1, elements: 0, flows: 0, boundaries: 0, threats: 0 }, texts: 1 },
  'threat-dragon/demo-threat-model.json': {
    format: 'threat-dragon-v1',
    counts: { diagrams: 1, elements: 7, flows: 10, boundaries: 4, threats: 14, mitigations: 14 },
    statuses: { mitigated: 4, open: 10 },
  },
  'otm/EXAMPLE.json': { format: 'otm-json', counts: { diagrams: 1, elements: 4, flows: 2, boundaries: 2, threats: 1, mitigations: 2, assets: 2 }, links: 2 },
  'otm/manual_threat_model.yaml': { format: 'otm-yaml', counts: { elements: 3, flows: 2, boundaries: 3, threats: 0, mitigations: 0, assets: 0 } },
  'otm/minimal_content.yaml': { format: 'otm-yaml', counts: { elements: 0, flows: 0, boundaries: 0, threats: 0, mitigations: 0 } },
  'otm/mtmt_example.yaml': {
    format: 'otm-yaml',
    counts: { elements: 4, flows: 6, boundaries: 3, threats: 43, mitigations: 43 },
    links: 43,
    nested: ['Sandbox environment', 'Internet'],
  },
  'tmt/expected-otm/nested_tz.otm': {
    format: 'otm-json',
    counts: { elements: 4, flows: 2, boundaries: 3, threats: 0, mitigations: 0 },
    nested: ['Sandbox environment', 'Generic Trust Border Boundary'],
  },
  'tmt/expected-otm/missing_coordinates.otm': { format: 'otm-json', counts: { elements: 4, flows: 6, boundaries: 3, threats: 43, mitigations: 43 }, links: 43 },
  'tmt/MTMT_example.tm7': {
    format: 'tmt',
    counts: { diagrams: 1, elements: 4, flows: 6, boundaries: 2, threats: 43 },
    statuses: { open: 43 },
    impacts: { 4: 38, 3: 5 },
  },
  'tmt/MTMT_nested_tz.tm7': {
    format: 'tmt',
    counts: { diagrams: 1, elements: 4, flows: 3, boundaries: 3, threats: 16 },
    statuses: { open: 16 },
    impacts: { 4: 16 },
    nested: ['Sandbox environment', 'Generic Trust Border Boundary'],
  },
  'tmt/MTMT_simple_line_boundary.tm7': { format: 'tmt', counts: { diagrams: 1, elements: 4, flows: 6, boundaries: 1, threats: 39 }, statuses: { open: 39 }, impacts: { 4: 34, 3: 5 } },
  'tmt/model_with_figures_without_name.tm7': { format: 'tmt', counts: { diagrams: 1, elements: 4, flows: 3, boundaries: 3, threats: 11 }, statuses: { open: 11 }, impacts: { 4: 10, 3: 1 } },
  'tmt/missing_coordinates.tm7': { format: 'tmt', counts: { diagrams: 1, elements: 4, flows: 6, boundaries: 2, threats: 43 }, statuses: { open: 43 }, impacts: { 4: 38, 3: 5 } },
};

const tally = <T>(values: readonly T[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [String(v)]: (acc[String(v)] ?? 0) + 1 }), {});

function box(doc: ModelDocument, name: string) {
  const found = doc.diagrams.flatMap((d) => d.boundaries).find((b) => b.name === name);
  if (!found || found.shape !== 'box') throw new Error(`no box boundary named ${name}`);
  return rectOf(found);
}

describe.runIf(HAVE_SAMPLES)('reference samples', () => {
  it.each(Object.entries(EXPECTED))('%s imports with the counts SOURCES.md gives', async (file, expected) => {
    const text = sample(file);
    expect(detectFormat(text, file)).toBe(expected.format);
    const started = performance.now();
    const { doc, summary } = await imported(text, file);
    const ms = performance.now() - started;
    if (expected.format === 'tmt') console.log(`${file} (${(text.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms`);
    expect(summary.format).toBe(expected.format);
    expect(summary.counts).toMatchObject(expected.counts);
    expect(summary.skipped).toEqual([]);
    if (expected.statuses) expect(tally(doc.threats.map((t) => t.status))).toEqual(expected.statuses);
    if (expected.impacts) expect(tally(doc.threats.map((t) => t.impact))).toEqual(expected.impacts);
    if (expected.texts !== undefined) expect(summary.changed.filter((n) => n.what.startsWith('text block')).length).toBe(expected.texts);
    if (expected.links !== undefined) expect(doc.threats.reduce((n, t) => n + t.elementIds.length, 0)).toBe(expected.links);
    if (expected.nested) expect(rectContainsRect(box(doc, expected.nested[1]), box(doc, expected.nested[0]))).toBe(true);
  });

  it('keeps the demo’s Threat Dragon details: loose flow end connected, severities as impact', async () => {
    const { doc, summary } = await imported(sample('threat-dragon/v2-threat-model.json'), 'demo.json');
    expect(note(summary.changed, 'flow "Web Request"')?.why).toMatch(/connected to "Browser"/);
    expect(doc.description).toContain('Diagram note: A Demo Threat Model');
    expect(doc.reviewers).toEqual(['Jane Smith']);
    const iot = await imported(sample('threat-dragon/iot-device.json'), 'iot.json');
    expect(note(iot.summary.changed, 'threat severity "TBA"')).toBeDefined();
  });

  it('connects the TMT connector that has no source to the element it starts on', async () => {
    const { doc, summary } = await imported(sample('tmt/MTMT_nested_tz.tm7'), 'nested.tm7');
    const flow = doc.diagrams[0]!.flows.find((f) => f.name === 'Production data')!;
    expect(doc.diagrams[0]!.nodes.find((n) => n.id === flow.source)?.name).toBe('Main Application');
    expect(note(summary.changed, 'flow "Production data"')).toBeDefined();
    expect(doc.diagrams[0]!.boundaries.map((b) => b.shape).sort()).toEqual(['box', 'box', 'line']);
  });

  it('names TMT figures without a name after their stencil, and places a boundary without coordinates', async () => {
    const unnamed = await imported(sample('tmt/model_with_figures_without_name.tm7'), 'unnamed.tm7');
    expect(unnamed.summary.changed.filter((n) => / without a name$/.test(n.what))).toHaveLength(4);
    expect(unnamed.doc.diagrams[0]!.nodes.map((n) => n.name)).toContain('Azure Traffic Manager');
    const missing = await imported(sample('tmt/missing_coordinates.tm7'), 'missing.tm7');
    expect(note(missing.summary.changed, 'trust boundary "Internet"')?.why).toMatch(/had no position/);
  });

  it.each([
    ['threat-dragon/malformed-new-model.json', /not a readable Threat Dragon v1 model: it has "version", "summarize", "detail"/],
    ['threat-dragon/v2-malformed-new-model.json', /not a readable Threat Dragon v2 model: it has "version", "summary", "details"/],
    ['otm/otm_without_version.otm', /^otmVersion: required: an Open Threat Model file states its version/],
    ['threat-dragon/huskyai.tmbom.json', /TM-BOM file .* which Threatloom cannot import yet/],
  ])('refuses %s with a clear message', async (file, message) => {
    const problems = await refused(sample(file), file);
    expect(said(problems)).toMatch(message);
  });
});
