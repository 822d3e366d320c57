// Reading untrusted parsed data without trusting its shape: every accessor returns a safe default.
import type { Point, Size } from '../model';

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or an empty one. */
export function obj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

/** The value as a list; a single item becomes a list of one, nothing becomes []. */
export function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** Text of a string or number, else ''. */
export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

export function num(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

export function bool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return /^(true|yes|1)$/i.test(value.trim());
  return value === 1;
}

/** Largest coordinate accepted from a file; matches the model's LIMITS.coordinate. */
const MAX_COORDINATE = 10_000_000;

export function point(value: unknown): Point | undefined {
  const o = obj(value);
  const x = num(o['x']);
  const y = num(o['y']);
  if (x === undefined || y === undefined || Math.abs(x) > MAX_COORDINATE || Math.abs(y) > MAX_COORDINATE) return undefined;
  return { x, y };
}

export function size(value: unknown): Size | undefined {
  const o = obj(value);
  const width = num(o['width']);
  const height = num(o['height']);
  if (width === undefined || height === undefined || width <= 0 || height <= 0) return undefined;
  if (width > MAX_COORDINATE || height > MAX_COORDINATE) return undefined;
  return { width, height };
}

/** A name shortened for the import report: `"Web app"`, `"A very long na…"`. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

/** First non-empty line, shortened. */
export function firstLine(text: string, max = 120): string {
  const line = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Joins the non-empty paragraphs. */
export function paragraphs(...parts: readonly string[]): string {
  return parts.map((p) => p.trim()).filter(Boolean).join('\n\n');
}

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the five predefined XML entities and numeric character references, and nothing else:
 * the XML parser runs with entity processing off, so no DOCTYPE-defined entity is ever expanded.
 */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[ref] ?? whole;
  });
}
