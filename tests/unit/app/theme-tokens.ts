// Reads renderer/app/theme.css's colour tokens per theme and computes WCAG 2 contrast, for the
// theme tests (the app's own colours and the canvas's).
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('../../../renderer/app/theme.css', import.meta.url), 'utf8');

/** The `--tl-*` declarations of one rule block in theme.css. */
function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in theme.css`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--tl-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

export const light = block(':root');
/** Only what the dark theme declares itself. */
export const ownDark = block(":root[data-theme='dark']");
/** The dark theme as the browser resolves it: light tokens it does not override stay. */
export const dark = { ...light, ...ownDark };

function luminance(hex: string): number {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
