import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundariesContaining } from '../../../shared/geometry';
import { detectFormat, importFile } from '../../../shared/interop';
import { FIXTURES, boundaryNamed, fixture, flowNamed, imported, nodeNamed, note, refused, said, threatElements, threatNamed } from './helpers';
import { buildTm7, type TmtModel, type TmtShape } from './tmt-builder';
import { GUID, S1, TMT_FIXTURE } from './tmt-fixture';

const FILE = 'tmt-support-assistant.tm7';

describe('TMT fixture', () => {
  it('is what tmt-fixture.ts describes (UPDATE_FIXTURES=1 rewrites it)', () => {
    const xml = buildTm7(TMT_FIXTURE);
    if (process.env['UPDATE_FIXTURES']) writeFileSync(FIXTURES + FILE, xml);
    expect(fixture(FILE)).toBe(xml);
  });
});

describe('TMT import', async () => {
  const { doc, summary } = await imported(fixture(FILE), FILE);

  it('is detected by content; one diagram per drawing surface', () => {
    expect(detectFormat(fixture(FILE))).toBe('tmt');
    expect(summary.counts).toEqual({ diagrams: 2, elements: 7, flows: 4, boundaries: 3, threats: 7, mitigations: 2, assets: 0 });
    expect(doc.diagrams.map((d) => d.name)).toEqual(['Serving', 'Training']);
  });

  it('reads the model information', () => {
    expect(doc).toMatchObject({ title: 'Support assistant (TMT)', owner: 'Platform security', reviewers: ['Chris'] });
    expect(doc.scope.assumptions).toBe('The vendor patches the model host.');
    expect(doc.description).toBe('Assistant answering support questions & drafting replies.\n\nContributors: Ana; Ben\n\nDiagram note: Reviewed in March');
    expect(note(summary.changed, 'annotation "Reviewed in March"')).toBeDefined();
  });

  it('maps stencils to kinds and, when the name says so, AI types', () => {
    expect(nodeNamed(doc, 'Customer')).toMatchObject({ kind: 'external', aiType: 'generic-external', position: { x: 40, y: 200 }, size: { width: 100, height: 100 } });
    expect(nodeNamed(doc, 'LLM gateway')).toMatchObject({ kind: 'process', aiType: 'llm' });
    expect(nodeNamed(doc, 'Embeddings index')).toMatchObject({ kind: 'store', aiType: 'vector-db' });
    expect(nodeNamed(doc, 'Training dataset').aiType).toBe('raw-dataset');
    expect(nodeNamed(doc, 'Fine-tuning job').aiType).toBe('training-pipeline');
    expect(note(summary.changed, 'process "LLM gateway" (stencil "Web API")')?.why).toBe('imported as LLM because its name says so');
  });

  it('names unnamed elements after their stencil and keeps attributes, decoded, as words', () => {
    expect(nodeNamed(doc, 'Azure Cosmos DB').aiType).toBe('generic-store');
    expect(note(summary.changed, 'data store without a name')?.why).toBe('named "Azure Cosmos DB" after its stencil');
    expect(nodeNamed(doc, 'LLM gateway').description).toBe('TMT stencil: Web API.\n\nTMT attributes: Code Type: Managed.');
    expect(nodeNamed(doc, 'Vendor ticketing')).toMatchObject({
      outOfScope: true,
      outOfScopeReason: 'Vendor managed',
      description: 'TMT stencil: Web Application.\n\nTMT attributes: Vendor: Acme <Support> & Co.',
    });
  });

  it('reads box and line boundaries; the box geometry keeps membership', () => {
    expect(boundaryNamed(doc, 'Internet')).toMatchObject({ shape: 'box', trustLevel: 'untrusted', position: { x: 20, y: 150 } });
    expect(boundaryNamed(doc, 'Private cloud')).toMatchObject({ shape: 'box', trustLevel: 'medium' });
    expect(boundaryNamed(doc, 'Internet edge')).toMatchObject({ shape: 'line', points: [{ x: 220, y: 80 }, { x: 212.5, y: 280 }, { x: 230, y: 480 }] });
    const serving = doc.diagrams[0]!;
    expect(boundariesContaining(serving, nodeNamed(doc, 'Customer').id).map((b) => b.name)).toEqual(['Internet']);
    expect(boundariesContaining(serving, nodeNamed(doc, 'LLM gateway').id).map((b) => b.name)).toEqual(['Private cloud']);
  });

  it('reads connectors with their security attributes and curve', () => {
    const ask = flowNamed(doc, 'Ask');
    expect(ask).toMatchObject({ encrypted: true, authenticated: true, protocol: 'HTTPS', vertices: [{ x: 220, y: 240 }] });
    expect(ask.source).toBe(nodeNamed(doc, 'Customer').id);
    expect(flowNamed(doc, 'Lookup')).toMatchObject({ encrypted: false, authenticated: false, protocol: '' });
  });

  it('connects a connector end left loose on an element, and skips those it cannot attach', () => {
    expect(flowNamed(doc, 'Cache').source).toBe(nodeNamed(doc, 'LLM gateway').id);
    expect(note(summary.changed, 'flow "Cache"')?.why).toMatch(/loose point \(398, 230\); connected to "LLM gateway"/);
    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        { what: 'flow "Nowhere"', why: 'its target is a loose point (1500, 1500), not connected to any element' },
        { what: 'flow "Ghost"', why: `its target "${'bbbbbbbb-0000-4000-8000-000000000099'}" is not in the file` },
        { what: 'shape "Cloud shape"', why: 'its type "GE.XYZ" is not a Threat Modeling Tool element Threatloom knows' },
      ]),
    );
  });

  it('reads threat instances with state, priority, category, description and justification, on their flow', () => {
    expect(threatNamed(doc, 'Spoofing the customer')).toMatchObject({ status: 'open', impact: 4, stride: ['S'] });
    expect(threatElements(doc, 'Spoofing the customer')).toEqual(['Ask']);
    const tampering = threatNamed(doc, 'Tampering with questions');
    expect(tampering).toMatchObject({ status: 'not-applicable', impact: 3, stride: ['T'] });
    expect(tampering.description).toBe('Questions changed in transit.\n\nJustification: Covered by TLS.\n\nTMT threat 2 (type TH2)');
    expect(threatNamed(doc, 'Index disclosure')).toMatchObject({ status: 'mitigated', impact: 2, stride: ['I'], description: 'Short text.\n\nTMT threat 3 (type TH3)' });
    const escalation = threatNamed(doc, 'Privilege escalation via search');
    expect(escalation).toMatchObject({ status: 'open', impact: null, stride: ['E'] });
    expect(escalation.description).toContain('TMT state: NeedsInvestigation');
    expect(escalation.description).toContain('TMT priority: Urgent');
    expect(threatElements(doc, 'Repudiated training run')).toEqual(['Training data']);
  });

  it('attaches a threat without a flow to its target, and keeps one whose flow was skipped', () => {
    expect(threatElements(doc, 'Gateway privacy')).toEqual(['LLM gateway']);
    expect(threatNamed(doc, 'Gateway privacy').description).toContain('TMT category: Privacy');
    expect(threatElements(doc, 'Data to nowhere')).toEqual([]);
    expect(note(summary.changed, 'threat "Data to nowhere"')?.why).toBe('its flow "Nowhere" was skipped; the threat was kept without it');
    for (const what of ['threat state "Weird"', 'threat priority "Urgent"', 'threat category "Privacy"']) expect(note(summary.changed, what), what).toBeDefined();
  });

  it('makes one mitigation per distinct mitigation text, linked to every threat that has it', () => {
    const tls = doc.mitigations.find((m) => m.title === 'Use TLS & mutual authentication.')!;
    expect(tls).toMatchObject({ status: 'proposed', phase: 'Design' });
    expect(doc.threats.filter((t) => t.mitigationIds.includes(tls.id)).map((t) => t.title).sort()).toEqual(['Index disclosure', 'Spoofing the customer']);
  });
});

describe('TMT edge cases', () => {
  const one = (shapes: TmtShape[]): TmtModel => ({ surfaces: [{ guid: S1, name: 'D', shapes, lines: [] }], threats: [] });

  it('places shapes without coordinates beside the diagram and says so', async () => {
    const { doc, summary } = await imported(
      buildTm7(
        one([
          { guid: GUID.customer, kind: 'external', name: 'Placed', box: { left: 0, top: 0, width: 100, height: 100 } },
          { guid: GUID.gateway, kind: 'process', name: 'Unplaced' },
          { guid: GUID.internet, kind: 'box', name: 'Zone without geometry' },
        ]),
      ),
      'coords.tm7',
    );
    expect(nodeNamed(doc, 'Unplaced').position.x).toBeGreaterThan(100);
    expect(note(summary.changed, 'process "Unplaced"')?.why).toMatch(/had no position/);
    expect(note(summary.changed, 'trust boundary "Zone without geometry"')?.why).toMatch(/had no position.*empty/);
    expect(doc.title).toBe('Imported Threat Modeling Tool model');
  });

  it('lays out a model without any coordinates', async () => {
    const { doc, summary } = await imported(
      buildTm7(one([{ guid: GUID.customer, kind: 'external', name: 'A' }, { guid: GUID.gateway, kind: 'process', name: 'B' }])),
      'none.tm7',
    );
    expect(note(summary.changed, 'diagram "D"')?.why).toMatch(/laid out automatically/);
    const [a, b] = doc.diagrams[0]!.nodes;
    expect(a!.position).not.toEqual(b!.position);
  });

  it('refuses a DOCTYPE, broken XML, and XML that is not a TMT model', async () => {
    const xml = buildTm7(one([]));
    expect(said(await refused(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${xml}`, 'dtd.tm7'))).toMatch(/DOCTYPE or entities/);
    expect(said(await refused(xml.slice(0, xml.length - 20), 'cut.tm7'))).toMatch(/^the XML is broken at line 1, column \d+/);
    const problems = await refused('<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'picture.tm7');
    expect(said(problems)).toMatch(/not a Microsoft Threat Modeling Tool model/);
    expect(said(await refused('<ThreatModel><Other/></ThreatModel>', 'empty.tm7'))).toMatch(/no DrawingSurfaceList/);
  });

  it('imports a 3 MB file quickly', async () => {
    const shapes: TmtShape[] = [];
    const lines: TmtModel['surfaces'][number]['lines'][number][] = [];
    const threats: TmtModel['threats'][number][] = [];
    const id = (n: number) => `cccccccc-0000-4000-8000-${String(n).padStart(12, '0')}`;
    for (let i = 0; i < 150; i++) {
      shapes.push({ guid: id(i), kind: (['process', 'store', 'external'] as const)[i % 3]!, name: `Element ${i}`, stencil: 'Generic', box: { left: (i % 15) * 160, top: Math.floor(i / 15) * 160, width: 100, height: 100 }, outOfScope: 'false', lists: [['Code Type', ['Not Selected', 'Managed'], 1]] });
    }
    for (let i = 0; i < 149; i++) {
      lines.push({ guid: id(1000 + i), kind: 'flow', name: `Flow ${i}`, stencil: 'HTTPS', source: id(i), target: id(i + 1), from: [0, 0], to: [10, 10], handle: [5, 5] });
    }
    for (let i = 0; i < 800; i++) {
      threats.push({ id: i, surface: S1, flow: id(1000 + (i % 149)), state: 'AutoGenerated', priority: 'High', title: `Threat ${i}`, category: 'Tampering', description: 'Generated threat description. '.repeat(6), mitigation: `Mitigation text ${i % 40}.` });
    }
    const xml = buildTm7({ name: 'Big', surfaces: [{ guid: S1, name: 'Big', shapes, lines }], threats, knowledgeBase: 900_000 });
    expect(xml.length).toBeGreaterThan(3_000_000);
    expect(xml.length).toBeLessThan(3_500_000);
    const started = performance.now();
    const result = await importFile(xml, 'big.tm7');
    const ms = performance.now() - started;
    console.log(`3 MB .tm7 (${(xml.length / 1e6).toFixed(1)} MB, 150 elements, 149 flows, 800 threats) imported in ${ms.toFixed(0)} ms`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.summary.counts).toMatchObject({ elements: 150, flows: 149, threats: 800, mitigations: 40 });
  });
});
