import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  createFlow,
  createModel,
  createNode,
  serializeDocument,
  type ModelDocument,
} from '../../../shared/model';
import { RAG_CHATBOT, fixtureText, ragChatbot } from './golden';

/** Rebuilds every object with its keys in reverse order, to prove output ignores insertion order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).reverse().map((k) => [k, reverseKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

describe('serializeDocument', () => {
  it('sorts keys recursively, whatever order they were inserted in', () => {
    const a = { b: 1, a: { d: [{ z: 1, y: 2 }], c: true } };
    const b = { a: { c: true, d: [{ y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{\n  "a": {\n    "c": true,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}');
  });

  it('keeps arrays in their order', () => {
    expect(canonicalJson(['b', 'a', 3])).toBe('[\n  "b",\n  "a",\n  3\n]');
  });

  it('matches JSON.stringify with 2-space indent on sorted input, plus a final newline', () => {
    const doc = ragChatbot() as ModelDocument;
    const text = serializeDocument(doc);
    expect(text).toBe(`${JSON.stringify(sortKeys(doc), null, 2)}\n`);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"/);
  });

  it('gives the same bytes for the same document built in a different key order', () => {
    const doc = ragChatbot() as ModelDocument;
    expect(serializeDocument(reverseKeys(doc) as ModelDocument)).toBe(serializeDocument(doc));
  });

  it('sorts integer-like keys as text, unlike JS object enumeration', () => {
    expect(canonicalJson({ b: 1, '10': 2, '9': 3 })).toBe('{\n  "10": 2,\n  "9": 3,\n  "b": 1\n}');
  });

  it('writes empty containers and escapes strings like JSON.stringify', () => {
    expect(canonicalJson({ a: [], b: {}, c: 'line\n"quoted" ✓ \u2028' })).toBe(
      `{\n  "a": [],\n  "b": {},\n  "c": ${JSON.stringify('line\n"quoted" ✓ \u2028')}\n}`,
    );
  });

  it('leaves out undefined properties, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{\n  "b": null\n}');
  });

  it('refuses values JSON cannot carry faithfully, naming where', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow('(root).a[1]');
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(/Infinity/);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/non-plain object at \(root\)\.when/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson([undefined])).toThrow(/undefined/);
  });

  it('round-trips byte-identically: serialize(parse(serialize(x))) === serialize(x)', () => {
    const model = createModel('Round trip', '2025-01-01T00:00:00.000Z');
    const a = createNode('llm', { x: 0, y: 0 });
    const b = createNode('vector-db', { x: 300, y: 0 });
    const doc: ModelDocument = {
      ...model,
      catalogVersions: { 'owasp-llm-2025': '2025', '2024': 'x' },
      diagrams: model.diagrams.map((d) => ({ ...d, nodes: [a, b], flows: [createFlow(a.id, b.id)] })),
    };
    const once = serializeDocument(reverseKeys(doc) as ModelDocument);
    expect(serializeDocument(JSON.parse(once) as ModelDocument)).toBe(once);
  });

  it('the golden file is stored in canonical form', () => {
    const text = fixtureText(RAG_CHATBOT);
    expect(serializeDocument(JSON.parse(text) as ModelDocument)).toBe(text);
  });
});
