import { describe, expect, it } from 'vitest';
import {
  CATALOG_FORMAT,
  CATALOG_LIMITS,
  loadBundledCatalogs,
  parseRef,
  serializeCatalog,
  validateCatalog,
  validateCrosswalk,
  type CatalogFile,
} from '../../../shared/catalogs';
import { AI_TYPES, STRIDE } from '../../../shared/model';
import { catalogFileNames, readCatalogText } from './fixtures';

const minimal = (entries: unknown[] = [{ id: 'X1', name: 'Example', kind: 'risk', summary: 'Our words.' }]) => ({
  format: CATALOG_FORMAT,
  formatVersion: 1,
  id: 'my-pack-1',
  namespace: 'my-pack',
  title: 'My pack',
  edition: '1',
  publisher: 'Me',
  source: 'https://example.org/pack',
  licence: { name: 'CC0-1.0', note: 'Mine.' },
  kind: 'threats',
  entries,
});

const problemsOf = (input: unknown) => {
  const result = validateCatalog(input);
  return result.ok ? [] : result.problems;
};

describe('bundled catalog files', () => {
  const files = catalogFileNames();
  const { catalogs, crosswalks } = loadBundledCatalogs();

  it('are all loaded by loadBundledCatalogs, and nothing else is', () => {
    const loaded = [...catalogs.map((c) => c.id), ...crosswalks.map((c) => c.id)].map((id) => `${id}.json`).sort();
    expect(loaded).toEqual(files);
  });

  it.each(catalogs.map((c) => [c.id, c] as const))('%s validates', (_id, catalog) => {
    expect(validateCatalog(catalog)).toEqual({ ok: true, catalog });
  });

  it.each(crosswalks.map((c) => [c.id, c] as const))('%s validates', (_id, crosswalk) => {
    expect(validateCrosswalk(crosswalk)).toEqual({ ok: true, crosswalk });
  });

  it('have unique catalog ids, unique namespaces and unique entry ids', () => {
    const ids = catalogs.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(catalogs.map((c) => c.namespace)).size).toBe(catalogs.length);
    for (const c of catalogs) expect(new Set(c.entries.map((e) => e.id)).size, c.id).toBe(c.entries.length);
  });

  it('use exactly the agreed namespaces', () => {
    expect(catalogs.map((c) => c.namespace).sort()).toEqual(
      ['atlas', 'eu-ai-act', 'nist-ai-100-2', 'nist-ai-rmf', 'owasp-agentic-threats', 'owasp-asi-2026', 'owasp-llm-2025', 'owasp-ml-2023', 'stride-ai'].sort(),
    );
  });

  it('are stored formatted as serializeCatalog writes them (stable diffs)', () => {
    for (const name of files) expect(serializeCatalog(JSON.parse(readCatalogText(name))), name).toBe(readCatalogText(name));
  });

  it('never carry source descriptions, and every summary is short and present outside ATLAS case studies', () => {
    for (const c of catalogs) {
      for (const e of c.entries) {
        expect(e.description, `${c.id}:${e.id}`).toBeUndefined();
        if (e.kind === 'case-study') continue;
        expect(e.summary, `${c.id}:${e.id}`).toBeTruthy();
        expect(e.summary!.length, `${c.id}:${e.id}`).toBeLessThanOrEqual(500);
      }
    }
  });

  it('frozen: bundled catalogs are read-only', () => {
    expect(Object.isFrozen(catalogs[0])).toBe(true);
    expect(Object.isFrozen(catalogs[0]!.entries[0])).toBe(true);
    expect(() => {
      (catalogs[0]!.entries as unknown as unknown[]).push({});
    }).toThrow();
  });
});

describe('validateCatalog', () => {
  it('accepts a minimal pack', () => {
    expect(validateCatalog(minimal()).ok).toBe(true);
  });

  it('reports shape problems with paths', () => {
    const bad = minimal([
      { id: 'X1', name: 'A', kind: 'risk', summary: 'ok' },
      { id: 'has space', name: 'C', kind: 'Risk!', stride: ['S', 'Q'], appliesTo: ['toaster'] },
      { id: 'X4', name: 'D', kind: 'risk', refs: ['not a ref', 'atlas:AML.T0051', 'atlas:AML.T0051'], url: 'javascript:alert(1)' },
    ]);
    expect(problemsOf(bad).map((p) => p.path)).toEqual([
      'entries[1].id',
      'entries[1].kind',
      'entries[1].stride[1]',
      'entries[1].appliesTo[0]',
      'entries[2].refs[0]',
      'entries[2].refs[2]',
      'entries[2].url',
    ]);
    expect(problemsOf(bad)[4]?.message).toBe('must look like namespace:entryId, e.g. owasp-llm-2025:LLM01');
    expect(problemsOf(bad)[6]?.message).toBe('must be an http(s) URL');
  });

  // Cross-entry checks run once the shape is right.
  it('reports duplicate ids, missing parents and unknown tactics', () => {
    const bad = minimal([
      { id: 'X1', name: 'A', kind: 'risk', summary: 'ok' },
      { id: 'X1', name: 'B', kind: 'risk', summary: 'ok', parent: 'NOPE' },
      { id: 'X3', name: 'C', kind: 'technique', tactics: ['X1', 'TA9'] },
    ]);
    expect(problemsOf(bad)).toEqual([
      { path: 'entries[1].id', message: '"X1" is used twice' },
      { path: 'entries[1].parent', message: 'no entry "NOPE" in this catalog' },
      { path: 'entries[2].tactics[1]', message: 'no entry "TA9" in this catalog' },
    ]);
  });

  it('refuses the wrong format, unknown fields and a __proto__ key', () => {
    expect(problemsOf({ ...minimal(), format: 'something-else' })[0]).toEqual({ path: 'format', message: `must be "${CATALOG_FORMAT}"` });
    const withExtra = JSON.parse('{"id":"X1","name":"A","kind":"risk","__proto__":{"polluted":true},"script":"x"}');
    const problems = problemsOf(minimal([withExtra]));
    expect(problems).toEqual(expect.arrayContaining([{ path: 'entries[0].script', message: 'unknown field' }]));
    expect(problems.some((p) => p.path.includes('__proto__'))).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('bounds strings, lists and entry counts', () => {
    expect(problemsOf(minimal([{ id: 'X1', name: 'n'.repeat(CATALOG_LIMITS.name + 1), kind: 'risk' }]))[0]).toEqual({
      path: 'entries[0].name',
      message: `too long: at most ${CATALOG_LIMITS.name} characters`,
    });
    expect(problemsOf(minimal([{ id: 'X1', name: 'A', kind: 'risk', summary: 's'.repeat(10_000_000) }]))[0]?.path).toBe('entries[0].summary');
    const many = Array.from({ length: CATALOG_LIMITS.entries + 1 }, (_, i) => ({ id: `E${i}`, name: 'n', kind: 'risk' }));
    expect(problemsOf(minimal(many))[0]).toEqual({ path: 'entries', message: `too many entries: at most ${CATALOG_LIMITS.entries}` });
    expect(problemsOf(minimal([{ id: 'x'.repeat(65), name: 'A', kind: 'risk' }]))[0]?.path).toBe('entries[0].id');
  });

  it('finds parent cycles', () => {
    const looped = minimal([
      { id: 'A', name: 'A', kind: 'x', parent: 'B' },
      { id: 'B', name: 'B', kind: 'x', parent: 'A' },
    ]);
    expect(problemsOf(looped).map((p) => p.message)).toContain('the parent chain loops back to this entry');
  });

  it('never throws on junk, and caps the number of problems', () => {
    for (const junk of [null, 42, 'text', [], [1, 2], { entries: 'x' }, { entries: Array(10_000).fill(1) }]) {
      const result = validateCatalog(junk);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.length).toBeLessThanOrEqual(50);
    }
  });

  it('accepts perComponent only for known AI types', () => {
    const ok = minimal([{ id: 'S', name: 'Spoofing', kind: 'stride-category', perComponent: { llm: 'x' } }]);
    expect(validateCatalog(ok).ok).toBe(true);
    const bad = minimal([{ id: 'S', name: 'Spoofing', kind: 'stride-category', perComponent: { toaster: 'x' } }]);
    expect(problemsOf(bad)).toEqual([{ path: 'entries[0].perComponent.toaster', message: 'unknown field' }]);
  });
});

describe('validateCrosswalk', () => {
  const { crosswalks } = loadBundledCatalogs();
  const base = crosswalks[0]!;

  it('checks each column holds the right kind of ref, and subjects are unique', () => {
    const row = { subject: 'stride-ai:X', techniques: ['atlas:AML.M0001'], owasp: ['atlas:AML.T0051'], mitigations: ['atlas:AML.T0051'], frameworks: [] };
    const result = validateCrosswalk({ ...base, rows: [row, row] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.path)).toEqual(['rows[0].techniques[0]', 'rows[0].owasp[0]', 'rows[0].mitigations[0]', 'rows[1].techniques[0]', 'rows[1].owasp[0]', 'rows[1].mitigations[0]', 'rows[1].subject']);
    }
  });
});

describe('parseRef', () => {
  it('splits refs and refuses non-refs', () => {
    expect(parseRef('atlas:AML.T0051.000')).toEqual({ namespace: 'atlas', id: 'AML.T0051.000' });
    expect(parseRef('atlas-5.6.0:AML.T0051')).toEqual({ namespace: 'atlas-5.6.0', id: 'AML.T0051' });
    expect(parseRef('owasp-llm-2025:LLM01')).toEqual({ namespace: 'owasp-llm-2025', id: 'LLM01' });
    for (const bad of ['LLM01', 'atlas:', ':x', 'a b:c', 'Atlas:X', `a:${'x'.repeat(70)}`, 'atlas:AML.T0051 ']) expect(parseRef(bad), bad).toBeNull();
  });
});

describe('stride-ai catalog', () => {
  const stride = loadBundledCatalogs().catalogs.find((c) => c.namespace === 'stride-ai') as CatalogFile;
  const categories = stride.entries.filter((e) => e.kind === 'stride-category');
  const threats = stride.entries.filter((e) => e.kind === 'threat');

  it('has the six categories with the property each violates', () => {
    expect(categories.map((c) => [c.id, c.name, c.property])).toEqual([
      ['S', 'Spoofing', 'authenticity'],
      ['T', 'Tampering', 'integrity'],
      ['R', 'Repudiation', 'non-repudiation'],
      ['I', 'Information disclosure', 'confidentiality'],
      ['D', 'Denial of service', 'availability'],
      ['E', 'Elevation of privilege', 'authorization'],
    ]);
    expect(categories.map((c) => c.id)).toEqual([...STRIDE]);
  });

  it('says what each category means for every one of the AI component types', () => {
    for (const c of categories) {
      expect(Object.keys(c.perComponent ?? {}).sort(), c.id).toEqual([...AI_TYPES].sort());
      // appliesTo lists exactly the types whose sentence is not "not typically applicable".
      const applicable = AI_TYPES.filter((t) => !c.perComponent![t]!.startsWith('Not typically applicable'));
      expect(c.appliesTo, c.id).toEqual(applicable);
    }
  });

  it('has named AI threats under every letter, each filed under its own letter', () => {
    expect(threats.length).toBeGreaterThanOrEqual(30);
    for (const letter of STRIDE) expect(threats.filter((t) => t.parent === letter).length, letter).toBeGreaterThanOrEqual(4);
    for (const t of threats) {
      expect(t.id.startsWith(`${t.parent}-`), t.id).toBe(true);
      expect(t.stride?.[0], t.id).toBe(t.parent);
      expect(t.appliesTo?.length, t.id).toBeGreaterThan(0);
    }
  });

  it('covers every AI component type with at least one named threat', () => {
    const covered = new Set(threats.flatMap((t) => t.appliesTo ?? []));
    expect(AI_TYPES.filter((t) => !covered.has(t))).toEqual([]);
  });
});
