// Both colour themes in renderer/app/theme.css: every colour token has a dark value, and text on
// its backgrounds meets WCAG 2 AA (4.5:1 for text, 3:1 for lines and shapes that carry meaning).
import { describe, expect, it } from 'vitest';
import { contrast, dark, light, ownDark } from './theme-tokens';

const isColour = (value: string) => /^#[0-9a-f]{6}$/i.test(value) || /^rgb\(/.test(value);

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
    const missing = Object.entries(light).filter(([name, value]) => isColour(value) && !(name in ownDark)).map(([name]) => name);
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
