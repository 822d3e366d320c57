// Pack detection and the checks that depend on what is loaded (renderer/catalogs/pack-import.ts is
// pure: it dispatches to the shared importers). Fixtures are our own synthetic files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CATALOG_FORMAT,
  CROSSWALK_FORMAT,
  bundledAtlasSummaries,
  bundledIds,
  bundledIndex,
  type CatalogEntry,
} from '../../../shared/catalogs';
import { bundledRulePacks } from '../../../shared/rules';
import { countKinds, importPack, refusalMessage, type PackEnvironment, type PackImport } from '../../../renderer/catalogs/pack-import';
import { HAS_REFERENCE, ROOT, readAtlasYaml } from './fixtures';

const fixture = (name: string) => readFileSync(`${ROOT}tests/fixtures/packs/${name}`, 'utf8');

function env(ruleOwners = new Map<string, string>()): PackEnvironment {
  for (const p of bundledRulePacks()) for (const r of p.rules) if (!ruleOwners.has(r.id)) ruleOwners.set(r.id, p.id);
  return { index: bundledIndex(), bundledCatalogIds: bundledIds(), bundledRulePackIds: ['ai-core'], ruleOwners, atlasSummaries: bundledAtlasSummaries() };
}

function ok(text: string, environment = env()): PackImport {
  const result = importPack(text, environment);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

function refused(text: string, environment = env()): string[] {
  const result = importPack(text, environment);
  if (result.ok) throw new Error(`expected a refusal, got ${result.summary}`);
  return result.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
}

const ownCatalog = {
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
  entries: [
    { id: 'A1', name: 'Thing', kind: 'risk', summary: 'Ours.', refs: ['atlas:AML.T0051', 'acme:A2'] },
    { id: 'A2', name: 'Other thing', kind: 'risk', summary: 'Ours too.', refs: ['nowhere:X1'] },
  ],
};

describe('importPack: detection by content', () => {
  it('a PLOT4ai deck (a JSON list of categories)', () => {
    const result = ok(fixture('plot4ai-synthetic-deck.json'));
    expect(result.source).toBe('plot4ai');
    expect(result.summary).toBe('PLOT4ai deck: 5 cards in 3 categories');
    expect(result.record).toMatchObject({ kind: 'catalog', id: 'plot4ai', name: 'PLOT4ai', edition: 'deck of 5 cards' });
  });

  it('our catalog JSON, noting refs that do not resolve (refs into the pack itself do)', () => {
    const result = ok(JSON.stringify(ownCatalog));
    expect(result.source).toBe('catalog-json');
    expect(result.summary).toBe('ACME threats 1: 2 risks');
    expect(result.notes).toEqual(['1 reference does not resolve in the loaded catalogs: nowhere:X1']);
    expect(JSON.parse(result.record.json)).toEqual(ownCatalog);
  });

  it('our crosswalk JSON', () => {
    const crosswalk = {
      format: CROSSWALK_FORMAT, formatVersion: 1, id: 'acme-crosswalk', title: 'ACME crosswalk', description: 'Ours.',
      licence: { name: 'CC0-1.0', note: 'Ours.' },
      rows: [{ subject: 'stride-ai:T-data-poisoning', techniques: ['atlas:AML.T0020'], owasp: [], mitigations: [], frameworks: [] }],
    };
    const result = ok(JSON.stringify(crosswalk));
    expect(result).toMatchObject({ source: 'crosswalk-json', summary: 'ACME crosswalk: 1 crosswalk row', record: { kind: 'catalog', id: 'acme-crosswalk' } });
  });

  it('our rule-pack JSON, noting refs that do not resolve', () => {
    const result = ok(fixture('rules-synthetic.json'));
    expect(result.source).toBe('rules-json');
    expect(result.summary).toBe('Rule pack Synthetic test rules 0.1.0: 2 rules');
    expect(result.record).toMatchObject({ kind: 'rules', id: 'synthetic-rules', edition: '0.1.0' });
    expect(result.notes).toEqual(['1 reference does not resolve in the loaded catalogs: acme:A404']);
  });

  it('an ATLAS-format YAML, counting its entries by kind', () => {
    const result = ok(fixture('atlas-synthetic.yaml'));
    expect(result.source).toBe('atlas-yaml');
    expect(result.record).toMatchObject({ kind: 'catalog', id: 'atlas-9.9.0-test', edition: '9.9.0-test' });
    expect(result.summary).toBe('MITRE ATLAS 9.9.0-test: 2 tactics, 2 techniques, 1 sub-technique, 1 mitigation, 1 case study');
    expect(result.pack.kind === 'catalog' && result.pack.catalog.licence.note).toMatch(/^Your own copy of MITRE's ATLAS\.yaml/);
  });

  it.runIf(HAS_REFERENCE)('the official ATLAS.yaml 5.6.0: kept beside the read-only bundled edition under its own id', () => {
    const result = ok(readAtlasYaml());
    expect(result.summary).toBe('MITRE ATLAS 5.6.0: 16 tactics, 101 techniques, 69 sub-techniques, 35 mitigations, 57 case studies');
    expect(result.record.id).toBe('atlas-5.6.0-import');
    expect(result.notes[0]).toMatch(/^Kept as “atlas-5\.6\.0-import” beside the bundled, read-only “atlas-5\.6\.0”/);
    const catalog = result.pack.kind === 'catalog' ? result.pack.catalog : null;
    expect(catalog?.namespace).toBe('atlas');
    expect(catalog?.entries.find((e) => e.id === 'AML.T0051')?.description?.length).toBeGreaterThan(50);
  });

  it('what it stores loads again as the same pack', () => {
    for (const text of [fixture('plot4ai-synthetic-deck.json'), fixture('atlas-synthetic.yaml'), fixture('rules-synthetic.json'), JSON.stringify(ownCatalog)]) {
      const first = ok(text);
      const again = ok(first.record.json);
      expect(again.pack).toEqual(first.pack);
      expect(again.record).toEqual(first.record);
    }
  });
});

describe('importPack: refusals', () => {
  it('hostile files: an alias bomb, an oversized file, deep junk', () => {
    expect(refused(fixture('atlas-alias-bomb.yaml'))[0]).toMatch(/alias bomb/);
    expect(refused(`{"x":"${'a'.repeat(9 * 1024 * 1024)}"}`)).toEqual(['the file is 9.0 MB; packs over 8.0 MB are refused']);
    expect(refused('['.repeat(100_000))[0]).toMatch(/^not valid JSON/);
  });

  it('files that are not packs', () => {
    expect(refused('[1, 2, 3]')).toEqual(['not a pack: the JSON is a list, but not a PLOT4ai deck (a list of categories, each with `category` and `cards`)']);
    expect(refused('{"format":"threatloom-model"}')).toEqual(['format: not a catalog pack: the file has format "threatloom-model", expected "threatloom-catalog" or "threatloom-crosswalk"']);
    expect(refused('{"format":')[0]).toMatch(/^not valid JSON/);
    expect(refused('just some words')[0]).toMatch(/not an ATLAS data file/);
    expect(refused('[{"category":"C","cards":[{"question":7}]}]')).toEqual(['[0].cards[0].question: must be text, got a number']);
  });

  it('bundled catalogs and rule packs are read-only', () => {
    expect(refused(JSON.stringify({ ...ownCatalog, id: 'owasp-llm-2025' }))).toEqual(['id: "owasp-llm-2025" is a bundled catalog, which is read-only; give the pack another id']);
    const rules = JSON.parse(fixture('rules-synthetic.json')) as { id: string; rules: { id: string }[] };
    expect(refused(JSON.stringify({ ...rules, id: 'ai-core' }))).toEqual(['id: "ai-core" is a bundled rule pack, which is read-only; give the pack another id']);
  });

  it('a rule pack may not reuse the rule id of another pack, but may replace its own', () => {
    const rules = JSON.parse(fixture('rules-synthetic.json')) as { rules: { id: string }[] };
    rules.rules[1]!.id = 'data-source-spoofed-feed';
    expect(refused(JSON.stringify(rules))).toEqual(['rules[1].id: "data-source-spoofed-feed" is already a rule of the pack "ai-core"']);
    const owners = new Map([['synthetic-llm-unreviewed-output', 'synthetic-rules']]);
    expect(ok(fixture('rules-synthetic.json'), env(owners)).record.id).toBe('synthetic-rules');
    expect(refused(fixture('rules-synthetic.json'), env(new Map([['synthetic-flow-plaintext', 'other-pack']])))).toEqual([
      'rules[1].id: "synthetic-flow-plaintext" is already a rule of the pack "other-pack"',
    ]);
  });

  it('an invalid rule pack names the path of its problems', () => {
    const rules = JSON.parse(fixture('rules-synthetic.json')) as { rules: Record<string, unknown>[] };
    rules.rules[0]!.when = { eval: 'process.exit()' };
    expect(refused(JSON.stringify(rules)).join('\n')).toMatch(/^rules\[0\]\.when/m);
  });
});

describe('wording', () => {
  it('counts kinds in order of appearance, with plurals', () => {
    const e = (kind: string): CatalogEntry => ({ id: kind, name: kind, kind });
    expect(countKinds([e('tactic'), e('case-study'), e('case-study'), e('category'), e('category'), e('attack-class'), e('attack-class'), e('sub-technique')])).toBe(
      '1 tactic, 2 case studies, 2 categories, 2 attack classes, 1 sub-technique',
    );
  });

  it('a refusal names the file and its first problems, and says nothing changed', () => {
    const problems = Array.from({ length: 7 }, (_, i) => ({ path: `entries[${i}].id`, message: 'required' }));
    expect(refusalMessage('pack.json', problems)).toBe(
      'Could not import “pack.json”: entries[0].id: required; entries[1].id: required; entries[2].id: required; entries[3].id: required; entries[4].id: required (and 2 more problems). Nothing was changed.',
    );
  });
});
