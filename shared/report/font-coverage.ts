// Which characters the embedded font can draw, read from its TrueType `cmap`, and the one place
// text is fitted to it: a character the font lacks is replaced by a visible box (□) and counted,
// never silently dropped (jsPDF would drop it, or draw an invisible .notdef).

/** Printed instead of a character the font has no glyph for. */
export const REPLACEMENT = '□';
const FALLBACK_REPLACEMENT = '?';

function tableOffset(view: DataView, tag: string): number | null {
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    const name = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    if (name === tag) return view.getUint32(record + 8);
  }
  return null;
}

function readFormat4(view: DataView, at: number, out: Set<number>): void {
  const segCount = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let i = 0; i < segCount; i++) {
    const end = view.getUint16(ends + i * 2);
    const start = view.getUint16(starts + i * 2);
    const delta = view.getInt16(deltas + i * 2);
    const rangeAt = rangeOffsets + i * 2;
    const rangeOffset = view.getUint16(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = view.getUint16(rangeAt + rangeOffset + 2 * (c - start));
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
}

function readFormat12(view: DataView, at: number, out: Set<number>): void {
  const groups = view.getUint32(at + 12);
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    const start = view.getUint32(g);
    const end = view.getUint32(g + 4);
    const firstGlyph = view.getUint32(g + 8);
    for (let c = start; c <= end; c++) if (firstGlyph + (c - start) !== 0) out.add(c);
  }
}

/** The Unicode code points a TrueType font maps to a real glyph. Throws on a file that is not one. */
export function fontCoverage(ttf: Uint8Array): ReadonlySet<number> {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const version = ttf.byteLength > 12 ? view.getUint32(0) : 0;
  // 0x00010000 (TrueType outlines) or 'true' (old Apple TrueType).
  const cmap = version === 0x00010000 || version === 0x74727565 ? tableOffset(view, 'cmap') : null;
  if (cmap === null) throw new Error('The report font is not a TrueType font (it has no cmap table).');
  const count = view.getUint16(cmap + 2);
  const subtables: { platform: number; encoding: number; at: number; format: number }[] = [];
  for (let i = 0; i < count; i++) {
    const r = cmap + 4 + i * 8;
    const at = cmap + view.getUint32(r + 4);
    subtables.push({ platform: view.getUint16(r), encoding: view.getUint16(r + 2), at, format: view.getUint16(at) });
  }
  // Full Unicode (format 12) when the font has it, else the BMP table (format 4).
  const full = subtables.find((s) => s.format === 12 && (s.platform === 0 || (s.platform === 3 && s.encoding === 10)));
  const bmp = subtables.find((s) => s.format === 4 && (s.platform === 0 || (s.platform === 3 && s.encoding === 1)));
  const out = new Set<number>();
  if (full) readFormat12(view, full.at, out);
  else if (bmp) readFormat4(view, bmp.at, out);
  else throw new Error('The report font has no Unicode character map.');
  return out;
}

/** Format characters with no glyph of their own: left out when the font lacks them (they only
 * steer how neighbouring characters look, e.g. the emoji variation selector). */
const FORMAT_CHARACTERS = /^[\u200b-\u200d\u2060\ufe00-\ufe0f\ufeff]$/;
const CONTROL = /^[\u0000-\u0008\u000b-\u001f\u007f-\u009f]$/;

/** Fits text to a font: missing characters become a visible box, and are counted. */
export class TextFitter {
  /** How many characters were replaced so far. */
  replaced = 0;
  /** The distinct characters replaced, in first-seen order (at most 20 kept, for a note). */
  readonly samples: string[] = [];
  private readonly replacement: string;
  private readonly cache = new Map<string, string>();

  constructor(private readonly coverage: ReadonlySet<number>) {
    this.replacement = coverage.has(REPLACEMENT.codePointAt(0)!) ? REPLACEMENT : FALLBACK_REPLACEMENT;
  }

  has(char: string): boolean {
    return this.coverage.has(char.codePointAt(0)!);
  }

  fit(text: string): string {
    const known = this.cache.get(text);
    if (known !== undefined) {
      // A cached string still counts each time it is printed.
      if (known !== text) this.count(text);
      return known;
    }
    let out = '';
    let changed = false;
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (char === '\n' || this.coverage.has(code)) out += char;
      else if (char === '\t' || CONTROL.test(char)) {
        out += ' ';
        changed = true;
      } else if (FORMAT_CHARACTERS.test(char)) changed = true;
      else {
        out += this.replacement;
        changed = true;
      }
    }
    const result = changed ? out : text;
    if (this.cache.size < 5000) this.cache.set(text, result);
    if (changed) this.count(text);
    return result;
  }

  private count(text: string): void {
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (char === '\n' || this.coverage.has(code) || char === '\t' || CONTROL.test(char) || FORMAT_CHARACTERS.test(char)) continue;
      this.replaced += 1;
      if (this.samples.length < 20 && !this.samples.includes(char)) this.samples.push(char);
    }
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Every 12-bit value as its two base64 characters: one lookup per half of a 3-byte group. */
let pairs: string[] | null = null;

/** Base64 of bytes (jsPDF takes font files as base64; shared/ has neither Buffer nor btoa). */
export function toBase64(bytes: Uint8Array): string {
  pairs ??= Array.from({ length: 4096 }, (_, i) => ALPHABET[i >> 6]! + ALPHABET[i & 63]!);
  const table = pairs;
  const full = bytes.length - (bytes.length % 3);
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < full; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += table[n >> 12]! + table[n & 4095]!;
    if (chunk.length >= 16384) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = bytes.length - full;
  if (rest > 0) {
    const n = (bytes[full]! << 16) | ((rest === 2 ? bytes[full + 1]! : 0) << 8);
    const quad = table[n >> 12]! + table[n & 4095]!;
    chunk += rest === 1 ? `${quad.slice(0, 2)}==` : `${quad.slice(0, 3)}=`;
  }
  parts.push(chunk);
  return parts.join('');
}
