// How refs are labelled on chips, in the browser's lists and entry titles.
import { describe, expect, it } from 'vitest';
import { isIdLike, refLabel, shortLabel } from '../../../renderer/catalogs/catalog-context';

describe('ref labels', () => {
  it('shows ids as people quote them', () => {
    expect(refLabel('owasp-llm-2025:LLM01')).toBe('LLM01:2025');
    expect(refLabel('atlas:AML.T0051')).toBe('AML.T0051');
    expect(refLabel('stride-ai:T')).toBe('STRIDE T');
    expect(refLabel('stride-ai:I-system-prompt-leakage')).toBe('system prompt leakage');
  });

  it('falls back to the entry name where the id is only a slug of it', () => {
    expect(isIdLike('AML.T0051')).toBe(true);
    expect(isIdLike('STRIDE T')).toBe(true);
    expect(isIdLike('indirect-prompt-injection')).toBe(false);
    expect(shortLabel('nist-ai-100-2:indirect-prompt-injection', 'Indirect prompt injection')).toBe('Indirect prompt injection');
    expect(shortLabel('plot4ai:cybersecurity-stale-inputs', 'Stale Inputs')).toBe('Stale Inputs');
    expect(shortLabel('plot4ai:cybersecurity-stale-inputs', undefined)).toBe('cybersecurity-stale-inputs');
    expect(shortLabel('owasp-llm-2025:LLM01', 'Prompt Injection')).toBe('LLM01:2025');
  });
});
