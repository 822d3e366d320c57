import { describe, expect, it } from 'vitest';
import { COMPLIANCE_FRAMEWORKS, complianceTable, type ComplianceTable } from '../../../shared/compliance';
import { bundledIndex } from '../../../shared/catalogs';
import { createMitigation, createThreat } from '../../../shared/model';

const row = (tables: ComplianceTable[], ref: string) => tables.flatMap((t) => t.rows).find((r) => r.ref === ref)!;

function model() {
  const control = createMitigation({ title: 'Dataset provenance checks', status: 'planned' });
  const rejected = createMitigation({ title: 'Stop training', status: 'rejected', rejectionReason: 'No', refs: ['eu-ai-act:Art-73'] });
  const monitoring = createMitigation({ title: 'Drift monitoring', refs: ['nist-ai-rmf:MANAGE-4.1'] });
  const poisoning = createThreat({ title: 'Training data poisoning', refs: ['stride-ai:T-data-poisoning'], mitigationIds: [control.id, rejected.id] });
  const technique = createThreat({ title: 'Poisoned crawl', refs: ['atlas:AML.T0020'] });
  return { doc: { threats: [poisoning, technique], mitigations: [control, rejected, monitoring] }, control, monitoring, poisoning, technique };
}

describe('compliance table', () => {
  it('has one table per framework with every subcategory or article as a row', () => {
    const tables = complianceTable({ threats: [], mitigations: [] }, bundledIndex());
    expect(tables.map((t) => t.framework.namespace)).toEqual(['nist-ai-rmf', 'eu-ai-act']);
    expect(tables[0]!.rows.every((r) => r.kind === 'subcategory')).toBe(true);
    expect(tables[0]!.rows.map((r) => r.id)).toContain('MEASURE-2.7');
    expect(tables[1]!.rows.map((r) => r.id)).toEqual(expect.arrayContaining(['Art-9', 'Art-15', 'Art-15.5', 'Annex-IV']));
    expect(tables.every((t) => t.addressed === 0 && t.rows.every((r) => r.threats.length === 0 && r.mitigations.length === 0))).toBe(true);
    expect(tables[0]!.title).toMatch(/NIST/);
  });

  it('follows the crosswalk from a cited STRIDE-for-AI threat, and rolls a paragraph up to its article', () => {
    const { doc, poisoning } = model();
    const tables = complianceTable(doc, bundledIndex());
    expect(row(tables, 'eu-ai-act:Art-10').threats).toEqual([
      { kind: 'threat', id: poisoning.id, title: 'Training data poisoning', via: ['stride-ai:T-data-poisoning'], throughThreat: null },
    ]);
    expect(row(tables, 'nist-ai-rmf:MEASURE-2.7').threats.map((a) => a.title)).toEqual(['Training data poisoning']);
    expect(row(tables, 'eu-ai-act:Art-15').threats.find((a) => a.id === poisoning.id)?.via).toEqual(['stride-ai:T-data-poisoning', 'eu-ai-act:Art-15.5']);
  });

  it('finds framework entries that name a technique the threat cites', () => {
    const { doc, technique } = model();
    const tables = complianceTable(doc, bundledIndex());
    expect(row(tables, 'eu-ai-act:Art-15.5').threats.find((a) => a.id === technique.id)?.via).toEqual(['atlas:AML.T0020']);
  });

  it('credits mitigations for what they cite and for the threats they mitigate; rejected ones for nothing', () => {
    const { doc, control, monitoring, poisoning } = model();
    const tables = complianceTable(doc, bundledIndex());
    expect(row(tables, 'nist-ai-rmf:MANAGE-4.1').mitigations).toEqual([
      { kind: 'mitigation', id: monitoring.id, title: 'Drift monitoring', via: [], throughThreat: null },
    ]);
    expect(row(tables, 'eu-ai-act:Art-10').mitigations).toEqual([
      { kind: 'mitigation', id: control.id, title: 'Dataset provenance checks', via: ['stride-ai:T-data-poisoning'], throughThreat: { id: poisoning.id, title: 'Training data poisoning' } },
    ]);
    expect(row(tables, 'eu-ai-act:Art-73').mitigations).toEqual([]);
  });

  it('counts addressed rows and leaves the rest with nothing', () => {
    const { doc } = model();
    const [nist, eu] = complianceTable(doc, bundledIndex());
    expect(nist!.addressed).toBe(2); // MEASURE-2.7, MANAGE-4.1
    expect(eu!.rows.filter((r) => r.threats.length + r.mitigations.length > 0).map((r) => r.id).sort()).toEqual(['Art-10', 'Art-15', 'Art-15.5', 'Art-72']);
    expect(eu!.addressed).toBe(4);
    // Article 72 (post-market monitoring) names MANAGE-4.1, which the monitoring control cites.
    expect(row([eu!], 'eu-ai-act:Art-72').mitigations.map((a) => a.via)).toEqual([['nist-ai-rmf:MANAGE-4.1']]);
    expect(row([nist!], 'nist-ai-rmf:GOVERN-6.1').threats).toEqual([]);
  });

  it('skips a framework whose catalog is not loaded', () => {
    expect(complianceTable(model().doc, bundledIndex(), [...COMPLIANCE_FRAMEWORKS, { namespace: 'iso-42001', kinds: ['clause'], unit: 'clause', units: 'clauses' }])).toHaveLength(2);
  });
});
