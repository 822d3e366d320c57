import { describe, expect, it } from 'vitest';
import { stableUuid } from '../../../shared/templates';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('stableUuid', () => {
  it('gives the same id for the same namespace and name, every time', () => {
    expect(stableUuid('ns', 'Hosted LLM')).toBe(stableUuid('ns', 'Hosted LLM'));
    // Pinned: generated templates depend on it, so a change to the hash must be deliberate.
    expect(stableUuid('threatloom-template/rag-chatbot/node', 'Hosted LLM')).toMatchInlineSnapshot(`"40e77d2e-49c1-5a9e-970a-f53e02b6197e"`);
  });

  it('is shaped like a version-5 RFC 4122 UUID', () => {
    for (const name of ['', 'a', 'Document vector index', 'ü ✓ 𝔘', 'x'.repeat(5000)]) expect(stableUuid('ns', name)).toMatch(UUID_V5);
  });

  it('differs when the name or the namespace differs, even by one character', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i++) ids.add(stableUuid('ns', `node ${i}`));
    expect(ids.size).toBe(2000);
    expect(stableUuid('ns', 'Model registry')).not.toBe(stableUuid('ns', 'Model registrz'));
    expect(stableUuid('a', 'b')).not.toBe(stableUuid('b', 'b'));
  });

  it('keeps namespace and name apart: ("a/b", "c") is not ("a", "b/c")', () => {
    expect(stableUuid('a/b', 'c')).not.toBe(stableUuid('a', 'b/c'));
    expect(stableUuid('ab', 'c')).not.toBe(stableUuid('a', 'bc'));
  });
});
