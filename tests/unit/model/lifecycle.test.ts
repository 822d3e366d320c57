import { describe, expect, it } from 'vitest';
import { createMitigation, createThreat, mitigationStatusProblems, threatStatusProblems, validateDocument } from '../../../shared/model';
import { ragChatbot } from './golden';

const acceptance = { rationale: 'Low value data', approver: 'CISO', date: '2026-01-10', reviewBy: '2026-07-10' };

describe('status lifecycle', () => {
  it('an accepted risk needs a rationale and an approver', () => {
    expect(threatStatusProblems(createThreat({ title: 't', status: 'accepted' }))).toEqual([
      { path: 'acceptance', message: 'an accepted risk needs a rationale, an approver and a date' },
    ]);
    const blank = createThreat({ title: 't', status: 'accepted', acceptance: { ...acceptance, rationale: ' ', approver: '' } });
    expect(threatStatusProblems(blank).map((p) => p.path)).toEqual(['acceptance.rationale', 'acceptance.approver']);
    expect(threatStatusProblems(createThreat({ title: 't', status: 'accepted', acceptance }))).toEqual([]);
  });

  it('acceptance details belong to accepted risks only', () => {
    expect(threatStatusProblems(createThreat({ title: 't', status: 'open', acceptance }))[0]?.message).toMatch(/only an accepted risk/);
  });

  it('not applicable needs a reason; a rejected mitigation too', () => {
    expect(threatStatusProblems(createThreat({ title: 't', status: 'not-applicable' }))[0]?.path).toBe('statusReason');
    expect(threatStatusProblems(createThreat({ title: 't', status: 'not-applicable', statusReason: 'No PII here' }))).toEqual([]);
    expect(mitigationStatusProblems(createMitigation({ title: 'm', status: 'rejected' }))[0]?.path).toBe('rejectionReason');
    expect(mitigationStatusProblems(createMitigation({ title: 'm', status: 'rejected', rejectionReason: 'Too costly' }))).toEqual([]);
  });

  it('document validation reports lifecycle problems with their paths', () => {
    const doc = ragChatbot();
    doc.threats[0].status = 'accepted';
    doc.mitigations[0].status = 'rejected';
    const result = validateDocument(doc);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['threats[0].acceptance', 'mitigations[0].rejectionReason']);
  });

  it('validates OWASP risk factors as whole numbers 0–9', () => {
    const doc = ragChatbot();
    const factors = Object.fromEntries(
      ['skillLevel', 'motive', 'opportunity', 'size', 'easeOfDiscovery', 'easeOfExploit', 'awareness', 'intrusionDetection',
        'lossOfConfidentiality', 'lossOfIntegrity', 'lossOfAvailability', 'lossOfAccountability', 'financialDamage',
        'reputationDamage', 'nonCompliance', 'privacyViolation'].map((f) => [f, 5]),
    );
    doc.threats[0].owaspRisk = factors;
    expect(validateDocument(doc).ok).toBe(true);
    doc.threats[0].owaspRisk = { ...factors, motive: 10 };
    const result = validateDocument(doc);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['threats[0].owaspRisk.motive']);
  });
});
