import { describe, expect, it } from 'vitest';
import { boundariesContaining } from '../../../shared/geometry';
import { detectFormat } from '../../../shared/interop';
import { boundaryNamed, fixture, flowNamed, imported, nodeNamed, note, refused, said, threatElements, threatNamed } from './helpers';

const V2 = 'td-v2-support-assistant.json';
const V1 = 'td-v1-feature-platform.json';

describe('Threat Dragon v2 import', async () => {
  const { doc, summary } = await imported(fixture(V2), V2);

  it('is detected by content and counted', () => {
    expect(detectFormat(fixture(V2))).toBe('threat-dragon-v2');
    expect(summary.format).toBe('threat-dragon-v2');
    expect(summary.counts).toEqual({ diagrams: 2, elements: 6, flows: 3, boundaries: 3, threats: 6, mitigations: 2, assets: 0 });
    expect(doc.title).toBe('Support assistant');
    expect(doc.owner).toBe('Platform security');
    expect(doc.reviewers).toEqual(['Chris']);
    expect(doc.description).toContain('Contributors: Ana, Ben');
  });

  it('maps actors, processes and stores to generic types unless the name clearly says an AI type', () => {
    expect(nodeNamed(doc, 'Support agent')).toMatchObject({ kind: 'external', aiType: 'generic-external', position: { x: 20, y: 60 }, size: { width: 120, height: 60 } });
    expect(nodeNamed(doc, 'Audit log')).toMatchObject({ kind: 'store', aiType: 'generic-store' });
    expect(nodeNamed(doc, 'LLM gateway')).toMatchObject({ kind: 'process', aiType: 'llm' });
    expect(nodeNamed(doc, 'Vector index')).toMatchObject({ kind: 'store', aiType: 'vector-db' });
    expect(nodeNamed(doc, 'Fine-tuning job').aiType).toBe('training-pipeline');
    expect(note(summary.changed, 'Threat Dragon process "LLM gateway"')?.why).toBe('imported as LLM because its name says so');
    expect(note(summary.changed, 'Threat Dragon store "Vector index"')?.why).toMatch(/Vector database/);
  });

  it('keeps properties: mapped where we have one, as words otherwise', () => {
    expect(nodeNamed(doc, 'Vector index').properties).toEqual({ encryptedAtRest: true });
    expect(nodeNamed(doc, 'Vector index').description).toBe('Threat Dragon: stores credentials.');
    expect(nodeNamed(doc, 'LLM gateway').description).toBe('Threat Dragon: web application, privilege level service.');
    expect(nodeNamed(doc, 'Support agent').description).toBe('Threat Dragon: provides authentication.');
    expect(note(summary.changed, 'Threat Dragon element properties')).toBeDefined();
  });

  it('keeps out-of-scope and its reason', () => {
    expect(nodeNamed(doc, 'Vector index')).toMatchObject({ outOfScope: true, outOfScopeReason: 'Managed by the vendor' });
    expect(nodeNamed(doc, 'Audit log')).toMatchObject({ outOfScope: false, outOfScopeReason: '' });
  });

  it('names an unnamed element after its type', () => {
    expect(nodeNamed(doc, 'Process').aiType).toBe('generic-process');
    expect(note(summary.changed, 'process without a name')?.why).toBe('named "Process" after its type');
  });

  it('reads flows with their flags, label names and vertices', () => {
    const prompt = flowNamed(doc, 'Prompt');
    expect(prompt).toMatchObject({ bidirectional: true, encrypted: true, publicNetwork: true, protocol: 'HTTPS', vertices: [{ x: 190, y: 80 }] });
    expect(prompt.source).toBe(nodeNamed(doc, 'Support agent').id);
    expect(prompt.target).toBe(nodeNamed(doc, 'LLM gateway').id);
    expect(flowNamed(doc, 'Lookup')).toMatchObject({ bidirectional: false, encrypted: false, protocol: '' });
  });

  it('connects a loose flow end drawn next to an element, and says so', () => {
    expect(flowNamed(doc, 'Write audit').source).toBe(nodeNamed(doc, 'LLM gateway').id);
    expect(note(summary.changed, 'flow "Write audit"')?.why).toMatch(/loose point \(405, 100\); connected to "LLM gateway".*5 units away/);
  });

  it('skips flows it cannot attach, each with its reason', () => {
    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        { what: 'flow "Dangling"', why: 'its target "missing-cell" is not in the file' },
        { what: 'flow "Lost"', why: 'its source is a loose point (2000, 2000), not connected to any element' },
        { what: 'flow "Into boundary"', why: 'its target is not a process, store or external entity' },
        { what: 'flow "Cross-diagram"', why: 'its target is an element of another diagram' },
      ]),
    );
  });

  it('reads boundary boxes and curves, including the misspelt shape', () => {
    const vendor = boundaryNamed(doc, 'Vendor cloud');
    expect(vendor).toMatchObject({ shape: 'box', position: { x: 460, y: 40 }, size: { width: 220, height: 260 }, trustLevel: 'medium' });
    expect(boundaryNamed(doc, 'Internet')).toMatchObject({ shape: 'line', trustLevel: 'untrusted', points: [{ x: 200, y: 0 }, { x: 210, y: 150 }, { x: 200, y: 300 }] });
    expect(doc.diagrams[0]!.boundaries.filter((b) => b.shape === 'line' && b.name === '')).toHaveLength(1);
    const assistant = doc.diagrams[0]!;
    expect(boundariesContaining(assistant, nodeNamed(doc, 'Audit log').id).map((b) => b.name)).toEqual(['Vendor cloud']);
    expect(note(summary.changed, 'trust boundaries')?.why).toMatch(/no trust levels/);
  });

  it('keeps text blocks as notes in the model description and skips unknown shapes', () => {
    expect(doc.description).toContain('Diagram note: Reviewed by the platform team');
    expect(note(summary.changed, 'text block "Reviewed by the platform team"')).toBeDefined();
    expect(note(summary.skipped, 'cell "Remember" of diagram "Assistant"')?.why).toBe('its shape "sticky-note" is not a Threat Dragon element type');
  });

  it('reads threats from data.threats and from the cell, with id or threatId', () => {
    expect(threatElements(doc, 'Agent impersonated')).toEqual(['Support agent']);
    expect(threatElements(doc, 'Index readable by other tenants')).toEqual(['Vector index']);
    expect(threatElements(doc, 'Prompt intercepted')).toEqual(['Prompt']);
  });

  it('maps statuses, severities and STRIDE types, keeping unknown values in the description', () => {
    const t = (title: string) => threatNamed(doc, title);
    expect(t('Agent impersonated')).toMatchObject({ status: 'not-applicable', impact: 2, likelihood: null, stride: ['S'] });
    expect(t('Index readable by other tenants')).toMatchObject({ status: 'not-applicable', impact: 3, stride: ['I'] });
    expect(t('Prompt injection')).toMatchObject({ status: 'open', impact: 4, stride: ['T'] });
    expect(t('Prompt injection').description).toBe('Instructions hidden in tickets.\n\nThreat Dragon score: 8.1');
    expect(t('Tool abuse')).toMatchObject({ status: 'avoided', impact: 5, stride: ['E'] });
    expect(t('Prompt intercepted')).toMatchObject({ status: 'mitigated', impact: 3 });
    const odd = t('Linkable sessions');
    expect(odd).toMatchObject({ status: 'open', impact: null, stride: [] });
    expect(odd.description).toContain('Threat Dragon status: Investigating');
    expect(odd.description).toContain('Threat Dragon severity: TBA');
    expect(odd.description).toContain('Threat Dragon type: Linkability (LINDDUN)');
    for (const what of ['threat status "Eliminated"', 'threat status "Investigating"', 'threat severity "TBA"', 'threat type "Linkability"']) {
      expect(note(summary.changed, what), what).toBeDefined();
    }
  });

  it('turns mitigation text into a mitigation linked to its threat', () => {
    const injection = threatNamed(doc, 'Prompt injection');
    const [m] = doc.mitigations.filter((x) => injection.mitigationIds.includes(x.id));
    expect(m).toMatchObject({ title: 'Validate prompts', description: 'Validate prompts\nStrip markup before the model sees it.', status: 'proposed' });
    const tls = doc.mitigations.find((x) => threatNamed(doc, 'Prompt intercepted').mitigationIds.includes(x.id));
    expect(tls).toMatchObject({ title: 'TLS 1.3 everywhere', status: 'implemented' });
    expect(threatNamed(doc, 'Tool abuse').mitigationIds).toEqual([]);
  });
});

describe('Threat Dragon v1 import', async () => {
  const { doc, summary } = await imported(fixture(V1), V1);

  it('is detected by content and counted', () => {
    expect(detectFormat(fixture(V1))).toBe('threat-dragon-v1');
    expect(summary.counts).toEqual({ diagrams: 1, elements: 3, flows: 2, boundaries: 1, threats: 3, mitigations: 1, assets: 0 });
    expect(doc.diagrams[0]!.name).toBe('Features');
  });

  it('reads JointJS cells: names from attrs, properties on the cell, flows by source.id', () => {
    expect(nodeNamed(doc, 'Embedding service')).toMatchObject({ aiType: 'embedding-model', position: { x: 300, y: 30 }, description: 'Threat Dragon: privilege level low.' });
    expect(nodeNamed(doc, 'Feature cache')).toMatchObject({ aiType: 'generic-store', properties: { encryptedAtRest: true }, outOfScope: true, outOfScopeReason: 'Shared cache' });
    expect(flowNamed(doc, 'Query')).toMatchObject({ encrypted: true, protocol: 'gRPC', vertices: [{ x: 240, y: 60 }] });
    expect(flowNamed(doc, 'Query').source).toBe(nodeNamed(doc, 'Analyst').id);
    expect(doc.diagrams[0]!.boundaries[0]).toMatchObject({ shape: 'line', points: [{ x: 250, y: 0 }, { x: 255, y: 100 }, { x: 260, y: 200 }] });
    expect(note(summary.skipped, 'cell "?" of diagram "Features"')).toBeDefined();
  });

  it('reads threats that sit on the cell and have no id', () => {
    expect(threatNamed(doc, 'Embedding inversion')).toMatchObject({ status: 'open', impact: 4, stride: ['I'] });
    expect(threatNamed(doc, 'Slow encoder')).toMatchObject({ status: 'mitigated', impact: 2, stride: ['D'], mitigationIds: [] });
    expect(threatElements(doc, 'Query replay')).toEqual(['Query']);
    expect(threatNamed(doc, 'Query replay').status).toBe('accepted');
  });
});

describe('Threat Dragon edge cases', () => {
  const model = (diagrams: unknown[], summary: object = { title: 'T' }) => JSON.stringify({ version: '2.3.0', summary, detail: { contributors: [], diagrams, reviewer: '' } });

  it('refuses a file without summary or diagrams, naming what is missing and what it found', async () => {
    const problems = await refused(JSON.stringify({ version: '2.0.0', summary: { name: 'x' }, details: {} }), 'broken.json');
    expect(problems.map((p) => p.path)).toEqual(['', 'summary.title', 'detail']);
    expect(said(problems)).toMatch(/not a readable Threat Dragon v2 model: it has "version", "summary", "details" at the top level/);
  });

  it('imports a model without a title under a default one, and says so', async () => {
    const { doc, summary } = await imported(model([{ title: 'D', cells: [] }], {}), 'untitled.json');
    expect(doc.title).toBe('Imported Threat Dragon model');
    expect(note(summary.changed, 'model title')).toBeDefined();
  });

  it('gives a model with no diagrams one empty diagram', async () => {
    const { doc, summary } = await imported(model([]), 'empty.json');
    expect(doc.diagrams).toHaveLength(1);
    expect(note(summary.changed, 'diagrams')?.why).toMatch(/no diagram/);
  });

  it('qualifies an id used on two diagrams so each diagram keeps its own element', async () => {
    const cell = { shape: 'process', id: 'same', position: { x: 0, y: 0 }, size: { width: 100, height: 60 }, data: { type: 'tm.Process', name: 'Twin', threats: [{ title: 'T', status: 'Open', severity: 'Low', type: 'Spoofing' }] } };
    const { doc } = await imported(model([{ title: 'A', cells: [cell] }, { title: 'B', cells: [cell] }]), 'twins.json');
    expect(doc.diagrams.map((d) => d.nodes.length)).toEqual([1, 1]);
    expect(doc.threats.map((t) => t.elementIds[0])).toEqual([doc.diagrams[0]!.nodes[0]!.id, doc.diagrams[1]!.nodes[0]!.id]);
  });

  it('keeps the first of two cells with the same id on one diagram and gives the second its own', async () => {
    const cell = (name: string) => ({ shape: 'store', id: 'dup', position: { x: 0, y: 0 }, data: { type: 'tm.Store', name } });
    const { doc, summary } = await imported(model([{ title: 'A', cells: [cell('One'), cell('Two')] }]), 'dup.json');
    expect(doc.diagrams[0]!.nodes.map((n) => n.name)).toEqual(['One', 'Two']);
    expect(note(summary.changed, 'data store "Two"')?.why).toMatch(/same id as an earlier record/);
  });
});
