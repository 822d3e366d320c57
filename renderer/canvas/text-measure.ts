// Text measuring and wrapping for canvas labels, done once per (text, width, font) with a 2D
// canvas context instead of letting JointJS's `textWrap` measure every label through the SVG
// DOM: that forces a style and layout recalculation per label and was most of the first frame
// on big diagrams. The result is explicit lines (with an ellipsis when the text is cut), which
// the `text` attribute renders as one <tspan> per line without measuring anything.

export interface FontSpec {
  /** px */
  readonly size: number;
  readonly weight?: number;
  /** px added after every character, like CSS `letter-spacing`. */
  readonly letterSpacing?: number;
}

export interface WrapOptions {
  /** Longest line in px. */
  readonly width: number;
  /** Lines kept; the last one ends in an ellipsis when text was cut. */
  readonly maxLines: number;
}

const ELLIPSIS = '\u2026';
/** Bounds on the caches: labels repeat a lot, but names typed key by key must not pile up forever. */
const MAX_CACHED = 20_000;

let family = 'sans-serif';
let context: CanvasRenderingContext2D | null | undefined;
let contextFont = '';
const widths = new Map<string, number>();
const wraps = new Map<string, readonly string[]>();

/**
 * Sets the font family labels are drawn in (the computed `font-family` of the canvas's text).
 * Measuring in any other family would wrap at the wrong places.
 */
export function setMeasureFontFamily(value: string): void {
  const next = value.trim() || 'sans-serif';
  if (next === family) return;
  family = next;
  widths.clear();
  wraps.clear();
}

function fontKey(font: FontSpec): string {
  return `${font.weight ?? 400} ${font.size}px ${family}`;
}

function measureContext(): CanvasRenderingContext2D | null {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  return context;
}

/** Width of one line of `text` in px. */
export function measureText(text: string, font: FontSpec): number {
  const css = fontKey(font);
  const key = `${css}\u0000${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  const ctx = measureContext();
  let width: number;
  if (ctx) {
    if (contextFont !== css) {
      ctx.font = css;
      contextFont = css;
    }
    width = ctx.measureText(text).width;
  } else {
    width = text.length * font.size * 0.6; // no 2D canvas (never in Chromium): a fair estimate
  }
  width += (font.letterSpacing ?? 0) * [...text].length;
  if (widths.size >= MAX_CACHED) widths.clear();
  widths.set(key, width);
  return width;
}

/** Width of the widest line. */
export function measureLines(lines: readonly string[], font: FontSpec): number {
  let widest = 0;
  for (const line of lines) widest = Math.max(widest, measureText(line, font));
  return widest;
}

/**
 * Breaks `text` at spaces into lines no wider than `width`; a word wider than a line is split
 * between characters. Beyond `maxLines` the text is cut and the last line ends in "…".
 * Returns [] for blank text. Cached: the same arguments return the same array.
 */
export function wrapText(text: string, font: FontSpec, options: WrapOptions): readonly string[] {
  const key = `${fontKey(font)}\u0000${font.letterSpacing ?? 0}\u0000${options.width}\u0000${options.maxLines}\u0000${text}`;
  const known = wraps.get(key);
  if (known) return known;
  const lines = wrap(text, font, Math.max(0, options.width), Math.max(1, Math.floor(options.maxLines)));
  if (wraps.size >= MAX_CACHED) wraps.clear();
  wraps.set(key, lines);
  return lines;
}

function wrap(text: string, font: FontSpec, width: number, maxLines: number): string[] {
  const fits = (s: string) => measureText(s, font) <= width;
  const lines: string[] = [];
  let current = '';
  // One more line than kept is enough to know the text was cut.
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    if (lines.length > maxLines) break;
    const joined = current ? `${current} ${word}` : word;
    if (fits(joined)) {
      current = joined;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (current.length > 1 && !fits(current)) {
      const cut = longestFittingPrefix(current, fits);
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1]!, fits);
  return kept;
}

/** Characters of `text` (at least one) that fit: binary search, as widths grow with length. */
function longestFittingPrefix(text: string, fits: (s: string) => boolean): number {
  let lo = 1;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(text.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function withEllipsis(line: string, fits: (s: string) => boolean): string {
  let kept = line;
  while (kept && !fits(`${kept.trimEnd()}${ELLIPSIS}`)) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}${ELLIPSIS}`;
}
