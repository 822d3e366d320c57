import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { boundariesContaining, rectContainsRect, rectOf } from '../../../shared/geometry';
import { detectFormat } from '../../../shared/interop';
import { percentRating, ratingPercent, trustLevelOf } from '../../../shared/interop/scales';
import type { ModelDocument } from '../../../shared/model';
import { boundaryNamed, fixture, flowNamed, imported, nodeNamed, note, refused, said, threatElements } from './helpers';

const NESTED = 'otm-nested-zones.yaml';
const FLAT = 'otm-flat-ai.json';

const zonesOf = (doc: ModelDocument, name: string) => boundariesContaining(doc.diagrams[0]!, nodeNamed(doc, name).id).map((b) => b.name).sort();

describe('OTM import (YAML, nested zones, positions)', async () => {
  const { doc, summary } = await imported(fixture(NESTED), NESTED);

  it('is detected by content and counted', () => {
    expect(detectFormat(fixture(NESTED))).toBe('otm-yaml');
    expect(summary.counts).toEqual({ diagrams: 1, elements: 6, flows: 3, boundaries: 3, threats: 4, mitigations: 2, assets: 2 });
    expect(doc).toMatchObject({ title: 'Chat platform', owner: 'Platform team', description: 'A chat product with a hosted model.' });
    expect(doc.diagrams[0]!.name).toBe('Architecture');
  });

  it('turns trust zones into boxes with trust levels from the 0–100 rating', () => {
    expect(boundaryNamed(doc, 'Internet')).toMatchObject({ shape: 'box', trustLevel: 'untrusted', position: { x: 0, y: 0 }, size: { width: 300, height: 400 } });
    expect(boundaryNamed(doc, 'Cloud')).toMatchObject({ trustLevel: 'high', position: { x: 400, y: 0 } });
    // Nested zone: its position is relative to its parent zone.
    expect(boundaryNamed(doc, 'Model enclave')).toMatchObject({ trustLevel: 'privileged', position: { x: 700, y: 60 } });
    const cloud = boundaryNamed(doc, 'Cloud');
    const enclave = boundaryNamed(doc, 'Model enclave');
    if (cloud.shape !== 'box' || enclave.shape !== 'box') throw new Error('expected boxes');
    expect(rectContainsRect(rectOf(cloud), rectOf(enclave))).toBe(true);
  });

  it('places components by their representation, relative to their zone, so the geometry tells membership', () => {
    expect(nodeNamed(doc, 'Hosted model').position).toEqual({ x: 740, y: 120 });
    expect(zonesOf(doc, 'Browser')).toEqual(['Internet']);
    expect(zonesOf(doc, 'Chat API')).toEqual(['Cloud']);
    expect(zonesOf(doc, 'Hosted model')).toEqual(['Cloud', 'Model enclave']);
    expect(zonesOf(doc, 'Prompt templates')).toEqual(['Cloud', 'Model enclave']);
    expect(zonesOf(doc, 'Billing plugin')).toEqual(['Cloud']);
    expect(zonesOf(doc, 'Stray worker')).toEqual([]);
    expect(note(summary.changed, 'component "Billing plugin"')?.why).toMatch(/nested in another component/);
    expect(note(summary.changed, 'component "Stray worker"')?.why).toBe('its trust zone "nowhere" is not in the file; placed outside any boundary');
  });

  it('maps component types: ours directly, AI names, else the kind inferred from the type', () => {
    expect(nodeNamed(doc, 'Hosted model')).toMatchObject({ kind: 'process', aiType: 'llm' });
    expect(nodeNamed(doc, 'Prompt templates')).toMatchObject({ kind: 'store', aiType: 'prompt-store' });
    expect(nodeNamed(doc, 'Browser')).toMatchObject({ kind: 'external', aiType: 'generic-external', description: 'OTM tags: external, web' });
    expect(nodeNamed(doc, 'Chat API')).toMatchObject({ kind: 'process', aiType: 'generic-process' });
    expect(note(summary.changed, 'component type "generic-client"')?.why).toMatch(/^imported as External entity/);
    expect(note(summary.changed, 'component "Prompt templates"')?.why).toMatch(/because its name says so/);
  });

  it('reads dataflows and skips those without two components', () => {
    expect(flowNamed(doc, 'Ask')).toMatchObject({ bidirectional: true });
    expect(flowNamed(doc, 'Generate').target).toBe(nodeNamed(doc, 'Hosted model').id);
    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        { what: 'dataflow "To a ghost"', why: 'its destination "ghost" is not in the file' },
        { what: 'dataflow "From a zone"', why: 'its source is a trust zone, not a component' },
        { what: 'threat reference "missing-threat" on component "Chat API"', why: 'no threat with this id in the file' },
      ]),
    );
  });

  it('makes one threat per state when references disagree, with risk mapped to 1–5', () => {
    const spoofs = doc.threats.filter((t) => t.title === 'Spoofed client');
    expect(spoofs.map((t) => t.status).sort()).toEqual(['mitigated', 'open']);
    for (const t of spoofs) expect(t).toMatchObject({ likelihood: 4, impact: 5, stride: ['S'] });
    expect(spoofs[0]!.description).toContain('CWEs: CWE-290');
    expect(note(summary.changed, 'threat "Spoofed client"')?.why).toMatch(/2 different states/);
  });

  it('keeps unknown states and categories in the description, and unreferenced threats without elements', () => {
    const leak = doc.threats.find((t) => t.title === 'Prompt leak')!;
    expect(leak).toMatchObject({ status: 'open', likelihood: null, impact: 3, stride: [] });
    expect(leak.description).toBe('OTM categories: Privacy\n\nOTM state: Frobnicated');
    expect(threatElements(doc, 'Prompt leak')).toEqual(['Hosted model']);
    expect(threatElements(doc, 'Unused catalogue entry')).toEqual([]);
    expect(note(summary.changed, 'threat state "Frobnicated"')).toBeDefined();
    expect(note(summary.changed, 'threat "Unused catalogue entry"')?.why).toMatch(/no component or dataflow references it/);
  });

  it('reads mitigations: reduction as effectiveness, the least advanced of disagreeing states', () => {
    const rate = doc.mitigations.find((m) => m.title === 'Rate limit clients')!;
    expect(rate).toMatchObject({ status: 'planned', effectiveness: 0.8, description: 'Per-client quotas.' });
    expect(doc.mitigations.find((m) => m.title === 'Spare control')).toMatchObject({ status: 'proposed', effectiveness: 0.2 });
    for (const t of doc.threats.filter((x) => x.title === 'Spoofed client')) expect(t.mitigationIds).toEqual([rate.id]);
    expect(note(summary.changed, 'mitigation "Rate limit clients"')?.why).toMatch(/least advanced, planned/);
  });

  it('reads assets with C/I/A mapped to 1–5 and the elements that hold them', () => {
    const prompts = doc.assets.find((a) => a.name === 'Prompts')!;
    expect(prompts).toMatchObject({ confidentiality: 5, integrity: 3, availability: 1, kind: 'custom' });
    const holders = prompts.elementIds.map((id) => doc.diagrams[0]!.nodes.find((n) => n.id === id)?.name ?? doc.diagrams[0]!.flows.find((f) => f.id === id)?.name);
    expect(holders.sort()).toEqual(['Generate', 'Hosted model']);
    expect(doc.assets.find((a) => a.name === 'Unrated asset')).toMatchObject({ confidentiality: 3, integrity: 3, availability: 3 });
  });
});

describe('OTM import (JSON, no positions)', async () => {
  const { doc, summary } = await imported(fixture(FLAT), FLAT);

  it('is detected as OTM JSON and laid out automatically, flows left to right', () => {
    expect(detectFormat(fixture(FLAT))).toBe('otm-json');
    expect(summary.counts).toMatchObject({ elements: 5, flows: 4, boundaries: 2 });
    expect(note(summary.changed, 'diagram "Search assistant"')?.why).toMatch(/laid out automatically/);
    for (const f of doc.diagrams[0]!.flows) {
      const [s, t] = [f.source, f.target].map((id) => doc.diagrams[0]!.nodes.find((n) => n.id === id)!);
      expect(s!.position.x + s!.size.width, f.name).toBeLessThan(t!.position.x);
    }
  });

  it('sizes each zone around exactly its components', () => {
    expect(zonesOf(doc, 'User')).toEqual(['Public internet']);
    for (const name of ['Web app', 'Embedding service', 'Vector store', 'Guardrail']) expect(zonesOf(doc, name), name).toEqual(['Backend']);
  });

  it('recognises AI components by name and type', () => {
    expect(nodeNamed(doc, 'Embedding service').aiType).toBe('embedding-model');
    expect(nodeNamed(doc, 'Vector store')).toMatchObject({ kind: 'store', aiType: 'vector-db' });
    expect(nodeNamed(doc, 'Guardrail').aiType).toBe('guardrail');
    expect(nodeNamed(doc, 'User').kind).toBe('external');
  });

  it('reads the same model from YAML', async () => {
    const yaml = stringify(JSON.parse(fixture(FLAT)));
    expect(detectFormat(yaml)).toBe('otm-yaml');
    expect((await imported(yaml, 'flat.yaml')).summary.counts).toEqual(summary.counts);
  });
});

describe('OTM edge cases', () => {
  it('refuses a file without otmVersion or project, saying which', async () => {
    expect(said(await refused('project:\n  name: P\n  id: p\n', 'p.otm'))).toMatch(/^otmVersion: required/);
    expect(said(await refused(JSON.stringify({ otmVersion: '0.2.0', components: [] }), 'p.json'))).toMatch(/^project: required/);
    expect(said(await refused(JSON.stringify({ otmVersion: 2, project: { name: 'p', id: 'p' } }), 'p.json'))).toMatch(/otmVersion: must be text/);
  });

  it('reads a newer version as 0.2.0 and says so', async () => {
    const { summary } = await imported(JSON.stringify({ otmVersion: '0.9.0', project: { name: 'P', id: 'p' } }), 'v.json');
    expect(note(summary.changed, 'otmVersion "0.9.0"')?.why).toMatch(/read as 0.2.0/);
  });

  it('breaks loops in zone parents instead of hanging', async () => {
    const text = JSON.stringify({
      otmVersion: '0.2.0',
      project: { name: 'Loop', id: 'loop' },
      trustZones: [
        { id: 'a', name: 'A', risk: { trustRating: 50 }, parent: { trustZone: 'b' } },
        { id: 'b', name: 'B', risk: { trustRating: 50 }, parent: { trustZone: 'a' } },
      ],
      components: [{ id: 'c', name: 'C', type: 'service', parent: { trustZone: 'a' } }],
    });
    const { doc, summary } = await imported(text, 'loop.json');
    expect(doc.diagrams[0]!.boundaries).toHaveLength(2);
    expect(note(summary.changed, /trust boundary "[AB]"/)?.why).toMatch(/contain each other in a loop/);
  });

  it('skips records without ids and duplicates', async () => {
    const text = JSON.stringify({
      otmVersion: '0.2.0',
      project: { name: 'Ids', id: 'ids' },
      components: [
        { name: 'No id', type: 'service', parent: { trustZone: 'z' } },
        { id: 'x', name: 'First', type: 'service', parent: { trustZone: 'z' } },
        { id: 'x', name: 'Second', type: 'service', parent: { trustZone: 'z' } },
      ],
    });
    const { doc, summary } = await imported(text, 'ids.json');
    expect(doc.diagrams[0]!.nodes.map((n) => n.name)).toEqual(['First']);
    expect(note(summary.skipped, 'component "No id"')?.why).toBe('it has no id');
    expect(note(summary.skipped, 'component "Second"')?.why).toBe('another component already has the id "x"');
  });
});

describe('OTM scales', () => {
  it('maps 0–100 to 1–5 in equal bands and back to the middle of the band', () => {
    expect([0, 19, 20, 39, 40, 59, 60, 79, 80, 100].map(percentRating)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    for (const r of [1, 2, 3, 4, 5] as const) expect(percentRating(ratingPercent(r))).toBe(r);
    expect([0, 10, 20, 50, 75, 100].map(trustLevelOf)).toEqual(['untrusted', 'untrusted', 'low', 'medium', 'high', 'privileged']);
  });
});
