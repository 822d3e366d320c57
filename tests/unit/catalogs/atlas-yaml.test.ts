import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { atlasToCatalog, parseAtlasYaml, serializeCatalog, validateCatalog, type AtlasData } from '../../../shared/catalogs';
import { CATALOG_DIR, HAS_REFERENCE, readAtlasYaml } from './fixtures';

const problems = (text: string) => {
  const result = parseAtlasYaml(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
};

describe('parseAtlasYaml on hostile or broken input', () => {
  it('refuses a YAML alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const found = problems(`version: 1\nmatrices: []\n${levels.join('\n')}\n`);
    expect(found[0]?.message).toMatch(/alias/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a 10 MB file before parsing it', () => {
    const text = `version: 5.6.0\nmatrices: []\nx: "${'a'.repeat(10 * 1024 * 1024)}"\n`;
    expect(problems(text)).toEqual([{ path: '', message: 'the file is 10.0 MB; ATLAS files over 8.0 MB are refused' }]);
  });

  it('refuses a root that is not a mapping, or one without matrices', () => {
    for (const text of ['- a\n- b\n', 'hello', '42', '', 'null']) {
      expect(problems(text)[0]?.message, JSON.stringify(text)).toMatch(/not an ATLAS data file: the top level must be a mapping/);
    }
    expect(problems('id: ATLAS\nversion: 1\n')).toEqual([{ path: 'matrices', message: 'not an ATLAS data file: no `matrices` list at the top level' }]);
  });

  it('reports wrong types with paths', () => {
    const text = ['version: 5.6.0', 'matrices:', '  - tactics: "x"', '    techniques:', '      - id: 12', '        name: [1]'].join('\n');
    expect(problems(text)).toEqual([
      { path: 'matrices[0].tactics', message: 'must be a list, got text' },
      { path: 'matrices[0].techniques[0].id', message: 'must be text, got a number' },
      { path: 'matrices[0].techniques[0].name', message: 'must be text, got a list' },
    ]);
  });

  it('reports bad ids, invalid YAML, duplicate keys and dangling parents', () => {
    const badId = 'version: 1\nmatrices:\n  - tactics: []\n    techniques:\n      - {id: "T1", name: x}\n';
    expect(problems(badId)[0]).toEqual({ path: 'matrices[0].techniques[0].id', message: 'must be an ATLAS technique id like AML.T0051 or AML.T0051.000' });
    expect(problems('version: [1\nmatrices: }')[0]?.message).toMatch(/^not valid YAML/);
    expect(problems('version: 1\nversion: 2\nmatrices: []\n')[0]?.message).toMatch(/^not valid YAML/);
    const orphan = 'version: 1\nmatrices:\n  - tactics: []\n    techniques:\n      - {id: AML.T0001.000, name: x, subtechnique-of: AML.T0001}\n';
    expect(problems(orphan)).toEqual([{ path: 'matrices[0].techniques[0].subtechnique-of', message: 'no technique "AML.T0001"' }]);
  });

  it('survives deep nesting and __proto__ keys without crashing or polluting', () => {
    expect(problems(`version: 1\nmatrices: ${'['.repeat(50_000)}`).length).toBeGreaterThan(0);
    const result = parseAtlasYaml('__proto__: {polluted: true}\nversion: 1\nmatrices:\n  - {tactics: [], techniques: []}\n');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(result.ok).toBe(true);
  });

  it('drops dangling links with a note instead of failing', () => {
    const text = [
      'version: "9.9"',
      'matrices:',
      '  - tactics: [{id: AML.TA0001, name: Staging}]',
      '    techniques:',
      '      - {id: AML.T0001, name: One, tactics: [AML.TA0001, AML.TA0099]}',
      '      - {id: AML.T0001.000, name: Sub, subtechnique-of: AML.T0001}',
      '    mitigations:',
      '      - {id: AML.M0001, name: Fix, techniques: [{id: AML.T0001}, {id: AML.T0404}]}',
    ].join('\n');
    const result = parseAtlasYaml(text);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.data.techniques.map((t) => [t.id, t.parent, t.tactics])).toEqual([
      ['AML.T0001', null, ['AML.TA0001']],
      ['AML.T0001.000', 'AML.T0001', ['AML.TA0001']],
    ]);
    expect(result.data.mitigations[0]?.techniques).toEqual(['AML.T0001']);
    expect(result.data.notes).toEqual([
      'AML.T0001: dropped links to unknown tactics AML.TA0099',
      'AML.T0001.000: dropped links to unknown tactics AML.TA0099',
      'AML.M0001: dropped a link to unknown technique AML.T0404',
    ]);
    expect(validateCatalog(atlasToCatalog(result.data)).ok).toBe(true);
  });
});

describe.runIf(HAS_REFERENCE)('parseAtlasYaml on the official ATLAS 5.6.0 file (../shared/reference/atlas)', () => {
  const text = HAS_REFERENCE ? readAtlasYaml() : '';
  const result = parseAtlasYaml(text);
  const data = (result.ok ? result.data : null) as AtlasData;
  const raw = HAS_REFERENCE ? (parseYaml(text) as { matrices: { techniques: { id: string; name: string; description: string }[]; mitigations: { id: string; name: string; description: string }[]; tactics: { id: string; name: string; description: string }[] }[] }) : null;

  it('parses, with the published counts', () => {
    expect(result.ok).toBe(true);
    expect(data.version).toBe('5.6.0');
    expect(data.counts).toEqual({ tactics: 16, techniques: 101, subTechniques: 69, mitigations: 35, links: 246, caseStudies: 57 });
  });

  it('keeps the matrix order of tactics', () => {
    expect(data.tactics.map((t) => t.id.slice(-4))).toEqual(['0002', '0003', '0004', '0000', '0005', '0006', '0012', '0007', '0013', '0008', '0015', '0009', '0001', '0014', '0010', '0011']);
  });

  it('finds the technique links hidden in ml-lifecycle of AML.M0018 and AML.M0034', () => {
    const m = (id: string) => data.mitigations.find((x) => x.id === id)!;
    expect(m('AML.M0018').techniques).toContain('AML.T0052.001');
    expect(m('AML.M0034').techniques).toContain('AML.T0052.001');
    expect(m('AML.M0018').lifecycle).toEqual(['Business and Data Understanding', 'Data Preparation', 'ML Model Engineering', 'ML Model Evaluation', 'Deployment', 'Monitoring and Maintenance']);
    expect(data.notes.filter((n) => n.includes('ml-lifecycle'))).toHaveLength(2);
  });

  it('gives sub-techniques their parent and the parent\'s tactics', () => {
    const t = (id: string) => data.techniques.find((x) => x.id === id)!;
    expect(t('AML.T0051.000')).toMatchObject({ parent: 'AML.T0051', tactics: ['AML.TA0005'] });
    expect(t('AML.T0024.002')).toMatchObject({ parent: 'AML.T0024', tactics: t('AML.T0024').tactics });
    expect(t('AML.T0012').tactics).toEqual(['AML.TA0004', 'AML.TA0012']);
  });

  it('rewrites site-relative links in descriptions to absolute ones', () => {
    const t0000 = data.techniques.find((x) => x.id === 'AML.T0000')!;
    expect(t0000.description).toContain('](https://atlas.mitre.org/techniques/AML.T0005)');
    expect(t0000.description).not.toMatch(/\]\(\/techniques/);
  });

  it('the generator reproduces catalogs/atlas-5.6.0.json byte for byte (UPDATE_ATLAS=1 rewrites it)', () => {
    const summaries = JSON.parse(readFileSync(`${CATALOG_DIR}atlas-summaries.json`, 'utf8')).summaries;
    const generated = serializeCatalog(atlasToCatalog(data, summaries));
    const path = `${CATALOG_DIR}atlas-5.6.0.json`;
    if (process.env['UPDATE_ATLAS'] === '1') writeFileSync(path, generated);
    expect(generated === readFileSync(path, 'utf8')).toBe(true);
  });

  it('every name in the bundled catalog is MITRE\'s, and every id is there', () => {
    const bundled = JSON.parse(readFileSync(`${CATALOG_DIR}atlas-5.6.0.json`, 'utf8')) as { entries: { id: string; name: string }[] };
    const published = new Map([...raw!.matrices[0]!.tactics, ...raw!.matrices[0]!.techniques, ...raw!.matrices[0]!.mitigations].map((o) => [o.id, o.name]));
    for (const e of bundled.entries.filter((x) => !x.id.startsWith('AML.CS'))) expect(e.name, e.id).toBe(published.get(e.id));
    expect(bundled.entries.filter((x) => !x.id.startsWith('AML.CS')).length).toBe(published.size);
  });

  it('no summary copies MITRE: none shares a run of 12 or more words with the description of its id', () => {
    const summaries = JSON.parse(readFileSync(`${CATALOG_DIR}atlas-summaries.json`, 'utf8')).summaries as Record<string, string>;
    const descriptions = new Map([...data.tactics, ...data.techniques, ...data.mitigations].map((o) => [o.id, o.description]));
    const words = (s: string) => s.toLowerCase().replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').split(/[^a-z0-9']+/).filter(Boolean);
    const runs = (w: string[], n: number) => new Set(w.slice(0, Math.max(0, w.length - n + 1)).map((_, i) => w.slice(i, i + n).join(' ')));
    const copied: string[] = [];
    for (const [id, summary] of Object.entries(summaries)) {
      expect(descriptions.has(id), `${id} is not an ATLAS id`).toBe(true);
      const theirs = runs(words(descriptions.get(id) ?? ''), 12);
      for (const run of runs(words(summary), 12)) if (theirs.has(run)) copied.push(`${id}: "${run}"`);
    }
    expect(copied).toEqual([]);
  });

  it('no summary is MITRE\'s first sentence either', () => {
    const summaries = JSON.parse(readFileSync(`${CATALOG_DIR}atlas-summaries.json`, 'utf8')).summaries as Record<string, string>;
    const all = [...data.tactics, ...data.techniques, ...data.mitigations];
    const firstSentence = (s: string) => s.split(/(?<=\.)\s/)[0]!.trim().toLowerCase();
    for (const o of all) expect(firstSentence(summaries[o.id] ?? ''), o.id).not.toBe(firstSentence(o.description));
  });
});
