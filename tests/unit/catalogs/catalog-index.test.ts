import { describe, expect, it } from 'vitest';
import {
  CATALOG_FORMAT,
  CatalogIndex,
  bundledAtlasSummaries,
  bundledIds,
  bundledIndex,
  importCatalogPack,
  loadBundledCatalogs,
  queryTokens,
  type CatalogFile,
} from '../../../shared/catalogs';
import { HAS_REFERENCE, readAtlasYaml } from './fixtures';

const index = bundledIndex();
const refs = (hits: { ref: string }[]) => hits.map((h) => h.ref);

describe('CatalogIndex.resolveRef', () => {
  it('resolves by namespace and by catalog id, to the canonical ref', () => {
    const hit = index.resolveRef('atlas:AML.T0051');
    expect(hit?.entry.name).toBe('LLM Prompt Injection');
    expect(hit?.catalog.id).toBe('atlas-5.6.0');
    expect(index.resolveRef('atlas-5.6.0:AML.T0051')?.ref).toBe('atlas:AML.T0051');
    expect(index.resolveRef('owasp-llm-2025:LLM01')?.entry.name).toBe('Prompt Injection');
    expect(index.resolveRef('owasp-agentic-threats:T1')?.entry.name).toBe('Memory Poisoning');
    expect(index.resolveRef('nist-ai-rmf:MEASURE-2.7')?.entry.kind).toBe('subcategory');
    expect(index.resolveRef('stride-ai:T-data-poisoning')?.entry.parent).toBe('T');
  });

  it('returns null for anything that does not resolve', () => {
    for (const bad of ['atlas:AML.T9999', 'nope:LLM01', 'LLM01', '', 'atlas:', 'ATLAS:AML.T0051', 'owasp-llm-2025:llm01']) expect(index.resolveRef(bad), bad).toBeNull();
    expect(index.resolveRef(42 as unknown as string)).toBeNull();
  });
});

describe('CatalogIndex lists and links', () => {
  it('entriesFor gives a catalog\'s entries by namespace or id', () => {
    expect(index.entriesFor('owasp-llm-2025').map((e) => e.id)).toEqual(['LLM01', 'LLM02', 'LLM03', 'LLM04', 'LLM05', 'LLM06', 'LLM07', 'LLM08', 'LLM09', 'LLM10']);
    expect(index.entriesFor('atlas').length).toBe(16 + 170 + 35 + 57);
    expect(index.entriesFor('atlas-5.6.0')).toBe(index.entriesFor('atlas'));
    expect(index.entriesFor('unknown')).toEqual([]);
  });

  it('refsOf gives an entry\'s own refs, and for a STRIDE-for-AI threat its crosswalk relations', () => {
    expect(index.refsOf('owasp-llm-2025:LLM04')).toEqual(['atlas:AML.T0018', 'owasp-ml-2023:ML02', 'owasp-ml-2023:ML10']);
    const poisoning = index.refsOf('stride-ai:T-data-poisoning');
    expect(poisoning).toEqual(expect.arrayContaining(['atlas:AML.T0020', 'owasp-llm-2025:LLM04', 'owasp-ml-2023:ML02', 'atlas:AML.M0007', 'nist-ai-100-2:poisoning', 'eu-ai-act:Art-15.5']));
    expect(new Set(poisoning).size).toBe(poisoning.length);
    expect(index.refsOf('atlas:AML.M0018')).toContain('atlas:AML.T0052.001');
    expect(index.refsOf('atlas:AML.T9999')).toEqual([]);
  });

  it('backlinks show who points at an entry, and how', () => {
    const back = index.backlinks('atlas:AML.T0051');
    expect(back).toEqual(expect.arrayContaining([
      { from: 'atlas:AML.T0051.000', via: 'parent' },
      { from: 'atlas:AML.M0020', via: 'ref' },
      { from: 'stride-ai:T', via: 'ref' },
      { from: 'stride-ai:T-direct-prompt-injection', via: 'crosswalk', crosswalkId: 'crosswalk-stride-ai', column: 'techniques' },
    ]));
    expect(index.backlinks('atlas-5.6.0:AML.T0051')).toEqual(back);
    expect(index.backlinks('atlas:AML.TA0005').filter((b) => b.via === 'tactic').map((b) => b.from)).toContain('atlas:AML.T0051');
    expect(index.backlinks('owasp-llm-2025:LLM01').map((b) => b.from)).toEqual(expect.arrayContaining(['owasp-asi-2026:ASI01', 'stride-ai:T-direct-prompt-injection']));
    expect(index.backlinks('atlas:AML.T0051.000').map((b) => b.from)).toEqual(expect.arrayContaining(['owasp-llm-2025:LLM01', 'owasp-llm-2025:LLM07', 'atlas:AML.CS0016'].filter((r) => index.refsOf(r).includes('atlas:AML.T0051.000'))));
    expect(index.backlinks('nope:x')).toEqual([]);
  });

  it('children lists sub-entries', () => {
    expect(index.children('atlas:AML.T0051').map((c) => c.ref)).toEqual(['atlas:AML.T0051.000', 'atlas:AML.T0051.001', 'atlas:AML.T0051.002']);
    expect(index.children('stride-ai:S').length).toBeGreaterThanOrEqual(4);
  });
});

describe('CatalogIndex.search', () => {
  it('puts the exact id first, whatever the way it is typed', () => {
    expect(refs(index.search('LLM01'))[0]).toBe('owasp-llm-2025:LLM01');
    expect(refs(index.search('LLM01:2025'))[0]).toBe('owasp-llm-2025:LLM01');
    expect(refs(index.search('llm01'))[0]).toBe('owasp-llm-2025:LLM01');
    expect(refs(index.search('AML.T0051'))[0]).toBe('atlas:AML.T0051');
    expect(refs(index.search('T0051'))[0]).toBe('atlas:AML.T0051');
    expect(refs(index.search('atlas:AML.M0015'))[0]).toBe('atlas:AML.M0015');
    expect(refs(index.search('T1'))[0]).toBe('owasp-agentic-threats:T1');
  });

  it('finds entries by name words, names before summaries', () => {
    const hits = refs(index.search('prompt injection'));
    expect(hits.slice(0, 6)).toEqual(expect.arrayContaining(['owasp-llm-2025:LLM01', 'atlas:AML.T0051']));
    expect(refs(index.search('memory poisoning')).slice(0, 3)).toContain('owasp-agentic-threats:T1');
    const theft = index.search('model theft');
    expect(theft[0]?.ref).toBe('owasp-ml-2023:ML05');
    // Every query word must match somewhere.
    expect(index.search('prompt zzzqqq')).toEqual([]);
  });

  it('filters by namespace and kind, honours the limit, and is deterministic', () => {
    const only = index.search('poisoning', { namespaces: ['atlas'], kinds: ['technique', 'sub-technique'] });
    expect(only.length).toBeGreaterThan(3);
    expect(only.every((h) => h.ref.startsWith('atlas:AML.T'))).toBe(true);
    expect(index.search('poisoning', { limit: 3 })).toHaveLength(3);
    expect(refs(index.search('agent tool'))).toEqual(refs(index.search('agent tool')));
  });

  it('copes with empty and silly queries', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('x'.repeat(100_000)).length).toBe(0);
    expect(queryTokens('a '.repeat(1000)).length).toBeLessThanOrEqual(12);
    expect(index.search('(((')).toEqual([]);
  });
});

describe('a newer pack replaces a namespace', () => {
  const newer: CatalogFile = {
    format: CATALOG_FORMAT,
    formatVersion: 1,
    id: 'atlas-2026.09',
    namespace: 'atlas',
    title: 'MITRE ATLAS',
    edition: '2026.09',
    publisher: 'The MITRE Corporation',
    source: 'https://github.com/mitre-atlas/atlas-data',
    licence: { name: 'Apache-2.0', note: 'test' },
    kind: 'mixed',
    entries: [{ id: 'AML.T0051', name: 'LLM Prompt Injection (newer)', kind: 'technique' }],
  };
  const { catalogs, crosswalks } = loadBundledCatalogs();
  const both = new CatalogIndex([...catalogs, newer], crosswalks);

  it('answers atlas: refs from the later catalog, and keeps the old one reachable by id', () => {
    expect(both.resolveRef('atlas:AML.T0051')?.entry.name).toBe('LLM Prompt Injection (newer)');
    expect(both.resolveRef('atlas:AML.T0020')).toBeNull();
    expect(both.resolveRef('atlas-5.6.0:AML.T0020')?.entry.name).toBe('Poison Training Data');
    expect(both.activeCatalogs.map((c) => c.id)).not.toContain('atlas-5.6.0');
    expect(both.catalogs.map((c) => c.id)).toContain('atlas-5.6.0');
    expect(refs(both.search('Poison Training Data'))).not.toContain('atlas:AML.T0020');
  });
});

describe('importCatalogPack', () => {
  const ownPack = {
    format: CATALOG_FORMAT,
    formatVersion: 1,
    id: 'acme-threats-1',
    namespace: 'acme',
    title: 'ACME threats',
    edition: '1',
    publisher: 'ACME',
    source: 'https://acme.example/threats',
    licence: { name: 'Proprietary', note: 'Internal use.' },
    kind: 'threats',
    entries: [{ id: 'A1', name: 'Thing', kind: 'risk', summary: 'Ours.', refs: ['atlas:AML.T0051'] }],
  };

  it('accepts our catalog JSON (with a byte-order mark too)', () => {
    const result = importCatalogPack(`\uFEFF${JSON.stringify(ownPack)}`);
    expect(result.ok && result.pack.kind === 'catalog' && result.pack.catalog.id).toBe('acme-threats-1');
  });

  it('refuses bundled ids, foreign JSON, broken JSON and oversized files with clear messages', () => {
    const reservedIds = bundledIds();
    const clash = importCatalogPack(JSON.stringify({ ...ownPack, id: 'owasp-llm-2025' }), { reservedIds });
    expect(clash).toEqual({ ok: false, problems: [{ path: 'id', message: '"owasp-llm-2025" is a bundled catalog, which is read-only; give the pack another id' }] });
    expect(importCatalogPack('{"format":"threatloom-model"}')).toEqual({
      ok: false,
      problems: [{ path: 'format', message: 'not a catalog pack: the file has format "threatloom-model", expected "threatloom-catalog" or "threatloom-crosswalk"' }],
    });
    const broken = importCatalogPack('{"format":');
    expect(!broken.ok && broken.problems[0]?.message).toMatch(/^not valid JSON/);
    const big = importCatalogPack(`{"x":"${'a'.repeat(9 * 1024 * 1024)}"}`);
    expect(!big.ok && big.problems[0]?.message).toMatch(/packs over 8\.0 MB are refused/);
    const notYaml = importCatalogPack('just some text');
    expect(!notYaml.ok && notYaml.problems[0]?.message).toMatch(/not an ATLAS data file/);
  });

  it.runIf(HAS_REFERENCE)('imports the official ATLAS.yaml with our summaries and MITRE\'s descriptions, and refuses it as a bundled id', () => {
    const result = importCatalogPack(readAtlasYaml(), { atlasSummaries: bundledAtlasSummaries() });
    if (!result.ok || result.pack.kind !== 'catalog') throw new Error(JSON.stringify(result));
    const t = result.pack.catalog.entries.find((e) => e.id === 'AML.T0051')!;
    expect(t.summary).toBe(index.resolveRef('atlas:AML.T0051')?.entry.summary);
    expect(t.description?.length).toBeGreaterThan(50);
    expect(result.notes[0]).toBe('ATLAS 5.6.0: 16 tactics, 101 techniques, 69 sub-techniques, 35 mitigations (246 technique links), 57 case studies');
    const refused = importCatalogPack(readAtlasYaml(), { reservedIds: bundledIds() });
    expect(refused.ok).toBe(false);
  });
});
