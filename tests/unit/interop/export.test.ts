// Exports validate against the published schemas, look like the tools' own files, and come back
// through our importers with elements, flows, boundaries, threats and statuses intact.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  OUTSIDE_ZONE_ID,
  exportOtm,
  exportOtmWithReport,
  exportThreatDragonV2,
  exportThreatDragonV2WithReport,
} from '../../../shared/interop';
import { createModel, type ModelDocument } from '../../../shared/model';
import { HAVE_SAMPLES, HAVE_SCHEMAS, SAMPLES, SCHEMAS, imported, note } from './helpers';
import { validateJsonSchema } from './json-schema';
import { digest, richModel } from './model-fixture';

const schema = (name: string) => JSON.parse(readFileSync(SCHEMAS + name, 'utf8')) as Record<string, unknown>;
type Json = Record<string, any>;

describe('Threat Dragon v2 export', () => {
  const doc = richModel();
  const { model, lost } = exportThreatDragonV2WithReport(doc);
  const td = model as Json;
  const cells = (d: number) => td['detail'].diagrams[d].cells as Json[];

  it.runIf(HAVE_SCHEMAS)('is valid against Threat Dragon’s v2 schema', () => {
    expect(validateJsonSchema(schema('threat-dragon-v2.schema.json'), JSON.parse(JSON.stringify(td)))).toEqual([]);
    expect(validateJsonSchema(schema('threat-dragon-v2.schema.json'), exportThreatDragonV2(createModel('Empty')))).toEqual([]);
  });

  it('looks like what Threat Dragon writes', () => {
    expect(td['version']).toBe('2.3.0');
    expect(td['summary']).toMatchObject({ title: 'RAG assistant', owner: 'Security team', id: 0 });
    expect(td['detail'].diagrams.map((d: Json) => [d.id, d.title, d.diagramType])).toEqual([[0, 'RAG assistant', 'STRIDE'], [1, 'Fine-tuning', 'STRIDE']]);
    const shapes = cells(0).map((c) => c['shape']).sort();
    expect(shapes).toEqual(['actor', 'flow', 'flow', 'flow', 'flow', 'process', 'process', 'process', 'store', 'trust-boundary-box', 'trust-boundary-box', 'trust-boundary-curve']);
    const llm = cells(0).find((c) => c['data'].name === 'Hosted LLM')!;
    expect(llm['data']).toMatchObject({ type: 'tm.Process', hasOpenThreats: false, isTrustBoundary: false });
    expect(llm['ports'].items).toHaveLength(4);
    const store = cells(0).find((c) => c['data'].name === 'Document vectors')!;
    expect(Object.keys(store['attrs']).sort()).toEqual(['bottomLine', 'text', 'topLine']);
    const ask = cells(0).find((c) => c['data'].name === 'Question')!;
    expect(ask['source']).toEqual({ cell: doc.diagrams[0]!.nodes[0]!.id });
    expect(ask['data']).toMatchObject({ isEncrypted: true, isPublicNetwork: true, protocol: 'HTTPS', isBidirectional: false });
  });

  it('maps AI types to process/store/actor and keeps the type in the description', () => {
    const llm = cells(0).find((c) => c['data'].name === 'Hosted LLM')!;
    expect(llm['shape']).toBe('process');
    expect(llm['data'].description).toBe('Threatloom type: LLM (llm)');
    expect(cells(0).find((c) => c['data'].name === 'Customer')!['data'].description).toBe('Threatloom type: User / actor (actor)');
    expect(cells(0).find((c) => c['data'].name === 'Chat backend')!['data'].description).toBe('');
  });

  it('puts threats under cell.data with Threat Dragon’s vocabulary', () => {
    const retriever = cells(0).find((c) => c['data'].name === 'Retriever')!;
    expect(retriever['data'].hasOpenThreats).toBe(true);
    expect(retriever['data'].threats[0]).toMatchObject({
      title: 'Prompt injection through documents',
      status: 'Open',
      severity: 'High',
      type: 'Tampering',
      modelType: 'STRIDE',
      mitigation: 'Filter retrieved chunks, described.',
    });
    expect(retriever['data'].threats[0].description).toContain('Also: Elevation of privilege.');
    const answer = cells(0).find((c) => c['data'].name === 'Answer')!;
    expect(answer['data'].threats[0]).toMatchObject({ status: 'NotApplicable', severity: 'TBD' });
  });

  it('reports what Threat Dragon cannot hold', () => {
    expect(note(lost, '1 asset')).toBeDefined();
    expect(note(lost, 'threat likelihood')).toBeDefined();
    expect(note(lost, 'threat "Prompt injection through documents"')?.why).toMatch(/one type/);
  });

  it('comes back with elements, flows, boundaries, threats and statuses', async () => {
    const { doc: back, summary } = await imported(JSON.stringify(td), 'roundtrip.json');
    expect(summary.format).toBe('threat-dragon-v2');
    expect(digest(back)).toEqual(digest(doc, { threatElements: 'first' }));
    expect(summary.skipped).toEqual([]);
  });

  it('keeps a threat on several elements on the first, naming the others', async () => {
    const two: ModelDocument = { ...richModel() };
    const [a, b] = two.diagrams[0]!.nodes;
    const shared = { ...two.threats[0]!, elementIds: [a!.id, b!.id] };
    const out = exportThreatDragonV2WithReport({ ...two, threats: [shared] });
    const first = (out.model as Json)['detail'].diagrams[0].cells.find((c: Json) => c['id'] === a!.id);
    expect(first['data'].threats[0].description).toContain(`Also applies to: ${b!.name}.`);
    expect(note(out.lost, `threat "${shared.title}"`)?.why).toMatch(/one element/);
  });
});

describe('OTM export', () => {
  const doc = richModel();
  const { model, lost } = exportOtmWithReport(doc);
  const otm = model as Json;

  it.runIf(HAVE_SCHEMAS)('is valid against the OTM schema', () => {
    expect(validateJsonSchema(schema('otm_schema.json'), JSON.parse(JSON.stringify(otm)))).toEqual([]);
    expect(validateJsonSchema(schema('otm_schema.json'), exportOtm(createModel('Empty')))).toEqual([]);
  });

  it('writes OTM 0.2.0 with zones nested by geometry and positions relative to the parent', () => {
    expect(otm['otmVersion']).toBe('0.2.0');
    expect(otm['project']).toMatchObject({ name: 'RAG assistant', id: doc.id });
    expect(otm['representations'].map((r: Json) => r.name)).toEqual(['RAG assistant', 'Fine-tuning']);
    const zone = (name: string) => otm['trustZones'].find((z: Json) => z.name === name);
    expect(zone('Cloud account')).toMatchObject({ risk: { trustRating: 75 } });
    expect(zone('Cloud account').parent).toBeUndefined();
    expect(zone('Inference VPC')).toMatchObject({ parent: { trustZone: zone('Cloud account').id }, risk: { trustRating: 100 } });
    expect(zone('Inference VPC').representations[0].position).toEqual({ x: 260, y: 40 });
    const llm = otm['components'].find((c: Json) => c.name === 'Hosted LLM');
    expect(llm).toMatchObject({ type: 'llm', parent: { trustZone: zone('Inference VPC').id }, tags: ['process'] });
    expect(llm.representations[0].position).toEqual({ x: 40, y: 60 });
    expect(otm['components'].find((c: Json) => c.name === 'Customer').parent).toEqual({ trustZone: OUTSIDE_ZONE_ID });
  });

  it('writes threats as a catalogue with instances, and risk on the 0–100 scale', () => {
    const threat = otm['threats'].find((t: Json) => t.name === 'Model swapped at the provider');
    expect(threat).toMatchObject({ categories: ['Spoofing'], risk: { likelihood: 50, impact: 70 } });
    const llm = otm['components'].find((c: Json) => c.name === 'Hosted LLM');
    expect(llm.threats).toEqual([{ threat: threat.id, state: 'mitigated', mitigations: [{ mitigation: doc.mitigations[0]!.id, state: 'implemented' }] }]);
    const question = otm['dataflows'].find((f: Json) => f.name === 'Question');
    expect(question.threats[0].state).toBe('transferred');
    expect(question.attributes).toMatchObject({ 'threatloom.protocol': 'HTTPS', 'threatloom.encrypted': true });
  });

  it('reports what OTM cannot hold', () => {
    expect(note(lost, 'line trust boundaries')).toBeDefined();
  });

  it('comes back from JSON with everything, including zone membership, assets and mitigation states', async () => {
    const { doc: back, summary } = await imported(JSON.stringify(otm), 'roundtrip.otm');
    expect(summary.format).toBe('otm-json');
    expect(digest(back)).toEqual(digest(doc));
    expect(summary.skipped).toEqual([]);
    expect(back.mitigations.map((m) => [m.title, m.status, m.effectiveness]).sort()).toEqual(doc.mitigations.map((m) => [m.title, m.status, m.effectiveness]).sort());
    expect(back.assets.map((a) => [a.name, a.kind, a.confidentiality, a.integrity, a.availability])).toEqual([['Ticket corpus', 'training-data', 4, 3, 2]]);
    const llm = back.diagrams[0]!.nodes.find((n) => n.name === 'Hosted LLM')!;
    expect(llm.properties).toEqual({ hosting: 'third-party-api', provider: 'Example AI' });
    expect(back.threats.map((t) => [t.title, t.likelihood, t.impact]).sort()).toEqual(doc.threats.map((t) => [t.title, t.likelihood, t.impact]).sort());
  });

  it('comes back from YAML the same', async () => {
    const { doc: back, summary } = await imported(stringify(otm), 'roundtrip.yaml');
    expect(summary.format).toBe('otm-yaml');
    expect(digest(back)).toEqual(digest(doc));
  });
});

describe.runIf(HAVE_SAMPLES && HAVE_SCHEMAS)('exports of imported reference samples', () => {
  const files = [
    'threat-dragon/v2-threat-model.json',
    'threat-dragon/demo-threat-model.json',
    'threat-dragon/iot-device.json',
    'otm/EXAMPLE.json',
    'otm/mtmt_example.yaml',
    'tmt/MTMT_nested_tz.tm7',
    'tmt/model_with_figures_without_name.tm7',
  ];
  it.each(files)('%s exports to valid Threat Dragon and OTM, and back with the same counts', async (file) => {
    const { doc, summary } = await imported(readFileSync(SAMPLES + file, 'utf8'), file);
    const td = JSON.parse(JSON.stringify(exportThreatDragonV2(doc)));
    const otm = JSON.parse(JSON.stringify(exportOtm(doc)));
    expect(validateJsonSchema(schema('threat-dragon-v2.schema.json'), td)).toEqual([]);
    expect(validateJsonSchema(schema('otm_schema.json'), otm)).toEqual([]);
    const viaOtm = await imported(JSON.stringify(otm), `${file}.otm`);
    expect(viaOtm.summary.counts).toEqual(summary.counts);
    const viaTd = await imported(JSON.stringify(td), `${file}.td.json`);
    expect(viaTd.summary.counts).toMatchObject({ ...summary.counts, threats: expect.any(Number), mitigations: expect.any(Number), assets: 0 });
  });
});
