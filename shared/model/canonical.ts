// Canonical JSON so a model file diffs and merges cleanly in git: object keys sorted by UTF-16
// code unit (locale-independent), arrays in order, 2-space indent, final newline.
//
// Written by hand rather than by sorting keys and calling JSON.stringify, because JS objects
// always enumerate integer-like keys ("2024") first, whatever order they were inserted in.
import type { ModelDocument } from './types';

export function serializeDocument(doc: ModelDocument): string {
  return `${canonicalJson(doc)}\n`;
}

/** Canonical JSON of any plain JSON value (no final newline). Throws on values JSON cannot carry. */
export function canonicalJson(value: unknown): string {
  return write(value, '', '(root)');
}

function write(value: unknown, indent: string, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // JSON.stringify would write null, which then fails validation: better to fail here, loudly.
      if (!Number.isFinite(value)) throw new Error(`Cannot serialize ${value} at ${path}`);
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? writeArray(value, indent, path) : writeObject(value, indent, path);
    default:
      throw new Error(`Cannot serialize a ${typeof value} at ${path}`);
  }
}

function writeArray(items: readonly unknown[], indent: string, path: string): string {
  if (items.length === 0) return '[]';
  const inner = `${indent}  `;
  const lines = items.map((item, i) => inner + write(item, inner, `${path}[${i}]`));
  return `[\n${lines.join(',\n')}\n${indent}]`;
}

function writeObject(record: object, indent: string, path: string): string {
  const proto: unknown = Object.getPrototypeOf(record);
  // A Date, Map or class instance would silently become {} — refuse instead.
  if (proto !== Object.prototype && proto !== null) throw new Error(`Cannot serialize a non-plain object at ${path}`);
  const entries = record as Record<string, unknown>;
  // Like JSON.stringify, undefined properties are left out.
  const keys = Object.keys(entries)
    .filter((k) => entries[k] !== undefined)
    .sort();
  if (keys.length === 0) return '{}';
  const inner = `${indent}  `;
  const lines = keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(entries[k], inner, `${path}.${k}`)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}
