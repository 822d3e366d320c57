// Every cross-reference resolves; names are as published; our crosswalk is complete.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogIndex, bundledIndex, loadBundledCatalogs, refsIn, unresolvedRefs, type CatalogFile } from '../../../shared/catalogs';
import { HAS_REFERENCE, REFERENCE_DIR } from './fixtures';

const { catalogs, crosswalks } = loadBundledCatalogs();
const index = bundledIndex();
const byNs = (ns: string) => catalogs.find((c) => c.namespace === ns) as CatalogFile;
const names = (ns: string) => Object.fromEntries(byNs(ns).entries.map((e) => [e.id, e.name]));

describe('cross references', () => {
  it.each([...catalogs, ...crosswalks].map((f) => [f.id, f] as const))('every ref in %s resolves', (_id, file) => {
    expect(unresolvedRefs(index, refsIn(file))).toEqual([]);
  });

  it('unresolvedRefs reports each broken ref once, in order', () => {
    const refs = ['atlas:AML.T0051', 'atlas:AML.T9999', 'owasp-llm-2025:LLM11', 'atlas:AML.T9999', 'nonsense', 'owasp-llm-2025:LLM01'];
    expect(unresolvedRefs(index, refs)).toEqual(['atlas:AML.T9999', 'owasp-llm-2025:LLM11', 'nonsense']);
    expect(unresolvedRefs(new CatalogIndex([]), ['atlas:AML.T0051'])).toEqual(['atlas:AML.T0051']);
  });

  it('OWASP LLM entries cite the ATLAS techniques OWASP itself cites', () => {
    const cited: Record<string, string[]> = {
      LLM01: ['T0051.000', 'T0051.001', 'T0054'],
      LLM02: ['T0024.000', 'T0024.001', 'T0024.002'],
      LLM03: ['T0010'],
      LLM04: ['T0018'],
      LLM07: ['T0051.000'],
      LLM09: ['T0048.002'],
      LLM10: ['T0029', 'T0034', 'T0025', 'T0024'],
    };
    for (const entry of byNs('owasp-llm-2025').entries) {
      const atlasRefs = (entry.refs ?? []).filter((r) => r.startsWith('atlas:')).map((r) => r.slice('atlas:AML.'.length));
      expect(atlasRefs, entry.id).toEqual(cited[entry.id] ?? []);
    }
  });

  it('every ATLAS entry any catalog or the crosswalk points at has our own summary', () => {
    const atlasRefs = [...catalogs, ...crosswalks].flatMap(refsIn).filter((r) => r.startsWith('atlas:'));
    expect(atlasRefs.length).toBeGreaterThan(70);
    const missing = [...new Set(atlasRefs)].filter((r) => !index.resolveRef(r)?.entry.summary);
    expect(missing).toEqual([]);
  });
});

describe('crosswalk', () => {
  const stride = byNs('stride-ai');
  const threats = stride.entries.filter((e) => e.kind === 'threat').map((e) => `stride-ai:${e.id}`);
  const rows = crosswalks.flatMap((c) => c.rows);

  it('has exactly one row per STRIDE-for-AI threat, in the same order', () => {
    expect(rows.map((r) => r.subject)).toEqual(threats);
  });

  it('relates every threat to OWASP and to at least one ATLAS mitigation, and nearly all to techniques', () => {
    for (const row of rows) {
      expect(row.owasp.length, row.subject).toBeGreaterThan(0);
      expect(row.mitigations.length, row.subject).toBeGreaterThan(0);
      if (row.techniques.length === 0) expect(row.note, `${row.subject} needs a note saying why it has no technique`).toBeTruthy();
    }
    expect(rows.filter((r) => r.techniques.length === 0).length).toBeLessThanOrEqual(2);
  });

  it('uses all four OWASP lists and all three frameworks', () => {
    const used = new Set(rows.flatMap((r) => [...r.owasp, ...r.frameworks]).map((r) => r.split(':')[0]));
    for (const ns of ['owasp-llm-2025', 'owasp-ml-2023', 'owasp-asi-2026', 'owasp-agentic-threats', 'nist-ai-rmf', 'eu-ai-act', 'nist-ai-100-2']) expect(used.has(ns), ns).toBe(true);
  });

  it('reaches every OWASP entry of every list', () => {
    const reached = new Set(rows.flatMap((r) => r.owasp));
    for (const ns of ['owasp-llm-2025', 'owasp-ml-2023', 'owasp-asi-2026', 'owasp-agentic-threats']) {
      const missed = byNs(ns).entries.map((e) => `${ns}:${e.id}`).filter((r) => !reached.has(r));
      expect(missed, ns).toEqual([]);
    }
  });

  it('reaches every ATLAS mitigation', () => {
    const reached = new Set(rows.flatMap((r) => r.mitigations));
    const missed = byNs('atlas').entries.filter((e) => e.kind === 'mitigation').map((e) => `atlas:${e.id}`).filter((r) => !reached.has(r));
    expect(missed).toEqual([]);
  });
});

describe('names as published', () => {
  it('OWASP Top 10 for LLM Applications 2025', () => {
    expect(names('owasp-llm-2025')).toEqual({
      LLM01: 'Prompt Injection',
      LLM02: 'Sensitive Information Disclosure',
      LLM03: 'Supply Chain',
      LLM04: 'Data and Model Poisoning',
      LLM05: 'Improper Output Handling',
      LLM06: 'Excessive Agency',
      LLM07: 'System Prompt Leakage',
      LLM08: 'Vector and Embedding Weaknesses',
      LLM09: 'Misinformation',
      LLM10: 'Unbounded Consumption',
    });
    expect(byNs('owasp-llm-2025').edition).toBe('2025');
  });

  it('spot checks of the other lists', () => {
    expect(names('owasp-ml-2023')['ML06']).toBe('AI Supply Chain Attacks');
    expect(names('owasp-asi-2026')['ASI09']).toBe('Human-Agent Trust Exploitation');
    expect(names('owasp-agentic-threats')['T6']).toBe('Intent Breaking & Goal Manipulation');
    expect(names('atlas')['AML.T0051.000']).toBe('Direct');
    expect(names('atlas')['AML.M0015']).toBe('Adversarial Input Detection');
    expect(names('atlas')['AML.TA0001']).toBe('AI Attack Staging');
    expect(Object.keys(names('nist-ai-rmf'))).toEqual(expect.arrayContaining(['GOVERN', 'MAP-1', 'MAP-4.1', 'MEASURE-2.7', 'MANAGE-4.1', 'GOVERN-6.1']));
    expect(names('eu-ai-act')['Art-15']).toBe('Accuracy, robustness and cybersecurity');
    expect(Object.keys(names('nist-ai-100-2'))).toEqual(expect.arrayContaining(['evasion', 'poisoning-backdoor', 'indirect-prompt-injection']));
  });

  // The facts file lists every OWASP id and name; compare all of them when it is present.
  it.runIf(HAS_REFERENCE)('every OWASP id and name matches ../shared/reference/catalogs.md', () => {
    const text = readFileSync(`${REFERENCE_DIR}catalogs.md`, 'utf8');
    const section = (heading: string) => {
      const start = text.indexOf(`## ${heading}`);
      const body = text.slice(text.indexOf('\n', start) + 1, text.indexOf('\n## ', start + 3));
      return body.split(/\n\s*\n/)[0]!.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
    };
    const parse = (heading: string, idPattern: RegExp) =>
      Object.fromEntries(
        section(heading)
          .split(' · ')
          .map((item) => {
            const match = idPattern.exec(item.trim());
            if (!match) throw new Error(`cannot read "${item}" under ${heading}`);
            return [match[1], match[2]];
          }),
      );
    expect(names('owasp-llm-2025')).toEqual(parse('OWASP Top 10 for LLM Applications 2025', /^(LLM\d\d):2025 (.+)$/));
    expect(names('owasp-ml-2023')).toEqual(parse('OWASP Machine Learning Security Top 10 (2023)', /^(ML\d\d) (.+)$/));
    expect(names('owasp-asi-2026')).toEqual(parse('OWASP Top 10 for Agentic Applications 2026', /^(ASI\d\d) (.+)$/));
    expect(names('owasp-agentic-threats')).toEqual(parse('OWASP Agentic AI — Threats and Mitigations (v1.0)', /^(T\d+) (.+)$/));
  });
});
