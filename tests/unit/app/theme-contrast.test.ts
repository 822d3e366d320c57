// Both colour themes in renderer/app/theme.css: every colour token has a dark value, and text on
// its backgrounds meets WCAG 2 AA (4.5:1 for text, 3:1 for lines and shapes that carry meaning).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../renderer/app/theme.css', import.meta.url), 'utf8');

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in theme.css`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--tl-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

const light = block(':root');
const dark = { ...light, ...block(":root[data-theme='dark']") };
const isColour = (value: string) => /^#[0-9a-f]{6}$/i.test(value) || /^rgb\(/.test(value);

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT_PAIRS: [string, string][] = [
  ['--tl-fg', '--tl-bg'], ['--tl-fg', '--tl-surface'], ['--tl-fg', '--tl-surface-2'],
  ['--tl-muted', '--tl-bg'], ['--tl-muted', '--tl-surface'], ['--tl-muted', '--tl-surface-2'],
  ['--tl-accent-fg', '--tl-accent'], ['--tl-accent', '--tl-surface'], ['--tl-accent', '--tl-bg'],
  ['--tl-danger', '--tl-surface'], ['--tl-warn', '--tl-surface'], ['--tl-ok', '--tl-surface'],
  ['--tl-danger-ink', '--tl-danger-bg'], ['--tl-info-ink', '--tl-info-bg'],
  ['--tl-toast-fg', '--tl-toast-bg'], ['--tl-chip-fg', '--tl-chip-bg'],
  ['--tl-node-ink', '--tl-node-fill'], ['--tl-node-muted', '--tl-node-fill'], ['--tl-node-ink', '--tl-flow-label-bg'],
];
const SHAPE_PAIRS: [string, string][] = [
  ['--tl-node-stroke', '--tl-canvas-bg'], ['--tl-flow-stroke', '--tl-canvas-bg'], ['--tl-selection', '--tl-canvas-bg'],
  ['--tl-crossing', '--tl-canvas-bg'], ['--tl-accent', '--tl-bg'],
];

describe('theme.css', () => {
  it('gives every colour token a dark value', () => {
    const own = block(":root[data-theme='dark']");
    const missing = Object.entries(light).filter(([name, value]) => isColour(value) && !(name in own)).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('checks real colours (the parser found the tokens)', () => {
    expect(Object.keys(light).length).toBeGreaterThan(30);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  for (const [name, theme] of [['light', light], ['dark', dark]] as const) {
    it(`${name}: text meets 4.5:1 on its backgrounds`, () => {
      const failing = TEXT_PAIRS.filter(([fg, bg]) => contrast(theme[fg]!, theme[bg]!) < 4.5).map(
        ([fg, bg]) => `${fg} on ${bg}: ${contrast(theme[fg]!, theme[bg]!).toFixed(2)}`,
      );
      expect(failing).toEqual([]);
    });

    it(`${name}: diagram lines and highlights meet 3:1 on the canvas`, () => {
      const failing = SHAPE_PAIRS.filter(([fg, bg]) => contrast(theme[fg]!, theme[bg]!) < 3).map(
        ([fg, bg]) => `${fg} on ${bg}: ${contrast(theme[fg]!, theme[bg]!).toFixed(2)}`,
      );
      expect(failing).toEqual([]);
    });
  }
});
