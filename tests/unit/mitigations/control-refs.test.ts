import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../../shared/catalogs';
import { CONTROL_SOURCES, controlCandidates } from '../../../shared/mitigations';

describe('control references', () => {
  const index = bundledIndex();

  it('lists every ATLAS mitigation and framework control when the query is blank', () => {
    const all = controlCandidates(index, ' ', { limit: 1000 });
    const namespaces = new Set(all.map((c) => c.ref.split(':')[0]));
    expect([...namespaces]).toEqual(CONTROL_SOURCES.map((s) => s.namespace));
    expect(all.find((c) => c.ref === 'atlas:AML.M0015')?.name).toBeTruthy();
    expect(all.some((c) => c.ref === 'atlas:AML.T0051')).toBe(false);
    expect(all.some((c) => c.ref === 'nist-ai-rmf:MEASURE-2.7')).toBe(true);
    expect(all.some((c) => c.ref === 'nist-ai-rmf:GOVERN')).toBe(false);
    expect(all.some((c) => c.ref === 'eu-ai-act:Art-15')).toBe(true);
  });

  it('searches controls only, and leaves out refs the mitigation has', () => {
    const hits = controlCandidates(index, 'AML.M0015');
    expect(hits[0]!.ref).toBe('atlas:AML.M0015');
    expect(controlCandidates(index, 'AML.M0015', { exclude: ['atlas:AML.M0015'] }).some((c) => c.ref === 'atlas:AML.M0015')).toBe(false);
    expect(controlCandidates(index, 'prompt injection').every((c) => !c.ref.includes('AML.T'))).toBe(true);
    expect(controlCandidates(index, 'cybersecurity').map((c) => c.ref)).toContain('eu-ai-act:Art-15');
  });
});
