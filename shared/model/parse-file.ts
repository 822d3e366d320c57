// Opening a model file: size limit → JSON → "is this ours?" → migration → validation. Each step
// turns failure into problems a user can act on; nothing here throws on bad input.
import { MIGRATIONS, migrateDocument } from './migrations';
import type { Problem } from './problems';
import { validateDocument } from './schema';
import { CURRENT_SCHEMA_VERSION } from './version';
import { MODEL_FORMAT, type ModelDocument } from './types';

/** Real models are well under 1 MB; 20 MB leaves room while keeping a hostile file from freezing the app. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ParseFileOptions {
  /** Refuse files larger than this many UTF-8 bytes (default DEFAULT_MAX_BYTES). */
  readonly maxBytes?: number;
}

export type ParseFileResult =
  | { ok: true; doc: ModelDocument; notes: string[] }
  | { ok: false; fileName: string; problems: Problem[] };

export function parseModelFile(text: string, fileName: string, options: ParseFileOptions = {}): ParseFileResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fail = (problems: Problem[]): ParseFileResult => ({ ok: false, fileName, problems });

  // Cheap bounds first: every UTF-16 unit is 1–3 UTF-8 bytes, so counting is rarely needed.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes)) {
    const size = utf8ByteLength(text);
    return fail([{ path: '', message: `the file is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}` }]);
  }

  let json: unknown;
  try {
    // Editors on Windows sometimes prepend a byte-order mark, which JSON.parse rejects.
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return fail([{ path: '', message: `not valid JSON: ${jsonErrorMessage(error, text)}` }]);
  }

  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail([{ path: '', message: 'not a Threatloom model: the file is JSON but not an object' }]);
  }
  const raw = json as Record<string, unknown>;
  if (raw['format'] !== MODEL_FORMAT) {
    const found = raw['format'] === undefined ? 'has no "format" field' : `has format ${JSON.stringify(raw['format'])}`;
    return fail([{ path: 'format', message: `not a Threatloom model: the file ${found}, expected "${MODEL_FORMAT}"` }]);
  }

  const migrated = migrateDocument(raw, MIGRATIONS, CURRENT_SCHEMA_VERSION);
  if (!migrated.ok) return fail([migrated.problem]);

  const valid = validateDocument(migrated.doc);
  if (!valid.ok) return fail(valid.problems);
  const notes = migrated.applied.map((step) => `Upgraded from an older Threatloom (${step}).`);
  return { ok: true, doc: valid.doc, notes };
}

/** One paragraph for a dialog or toast: the file, then the first few `path: reason`s. */
export function formatProblems(fileName: string, problems: readonly Problem[], max = 5): string {
  const shown = problems.slice(0, Math.max(1, max)).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  const rest = problems.length - shown.length;
  const more = rest > 0 ? ` (and ${rest} more problem${rest === 1 ? '' : 's'})` : '';
  const body = shown.length > 0 ? `${shown.join('; ')}${more}.` : 'unknown problem.';
  return `Could not open “${fileName}”: ${body}`;
}

/** UTF-8 size of a string without TextEncoder (not available in shared's ES2022-only lib). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4; // a surrogate pair is one code point above U+FFFF
      i++;
    } else bytes += 3; // includes lone surrogates, which encoders replace with U+FFFD
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// Engines differ: newer V8 adds "(line L column C)", older V8 gives only "at position N" or
// nothing. Add the line and column when a position is known and the engine did not.
function jsonErrorMessage(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/line \d+ column \d+/.test(message)) return message;
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return `${message} (${lineAndColumn(text, Number(position))})`;
  if (/end of JSON input/i.test(message)) return `${message} (the file ends early, ${lineAndColumn(text, text.length)})`;
  return message;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
