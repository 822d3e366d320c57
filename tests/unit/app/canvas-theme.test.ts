// The diagram canvas's colours in renderer/app/theme.css: the references canvas-theme.ts puts
// into cells exist in both themes, their light values are the ones the code falls back to (and,
// for groups and trust levels, the shared ones the PDF/SVG export draws with), and text and
// shapes on the canvas meet WCAG 2 AA in both themes.
import { describe, expect, it } from 'vitest';
import { CANVAS_TOKENS, groupTokens, trustToken } from '../../../renderer/canvas/canvas-theme';
import { GROUP_COLORS, TRUST_LEVEL_COLORS } from '../../../shared/icons';
import { TRUST_LEVELS, type PaletteGroup } from '../../../shared/model';
import { contrast, dark, light, ownDark } from './theme-tokens';

const GROUPS = Object.keys(GROUP_COLORS) as PaletteGroup[];
const allTokens: (readonly [string, string])[] = [
  ...Object.values(CANVAS_TOKENS),
  ...GROUPS.flatMap((g) => Object.values(groupTokens(g))),
  ...TRUST_LEVELS.map(trustToken),
];

// Text: node names and types, "out of scope", flow labels, crossing labels, badge numbers and
// boundary titles, each on what it is drawn on.
const TEXT: [string, string][] = [
  ['--tl-node-ink', '--tl-node-fill'], ['--tl-node-muted', '--tl-node-fill'], ['--tl-node-scope-ink', '--tl-node-fill'],
  ['--tl-node-ink', '--tl-flow-label-bg'], ['--tl-crossing', '--tl-flow-label-bg'], ['--tl-badge-ink', '--tl-badge-fill'],
  ...TRUST_LEVELS.map((t): [string, string] => [`--tl-trust-${t}`, '--tl-flow-label-bg']),
];
// Shapes that carry meaning (3:1): icons on their plates, borders, boundary frames, badges, selection.
const SHAPES: [string, string][] = [
  ...GROUPS.flatMap((g): [string, string][] => [[`--tl-group-${g}-accent`, `--tl-group-${g}-tint`], [`--tl-group-${g}-accent`, '--tl-node-fill'], [`--tl-group-${g}-accent`, '--tl-canvas-bg']]),
  ...TRUST_LEVELS.map((t): [string, string] => [`--tl-trust-${t}`, '--tl-canvas-bg']),
  ['--tl-badge-fill', '--tl-canvas-bg'], ['--tl-badge-fill', '--tl-node-fill'], ['--tl-selection', '--tl-node-fill'], ['--tl-flow-stroke', '--tl-canvas-bg'],
];

describe('canvas colours in theme.css', () => {
  it('defines every variable the canvas uses, light with the fallback value the code carries, and dark different', () => {
    expect(allTokens.length).toBeGreaterThan(25);
    expect(allTokens.filter(([name, fallback]) => light[name] !== fallback).map(([name, fallback]) => `${name}: theme.css ${light[name]}, code ${fallback}`)).toEqual([]);
    expect(allTokens.filter(([name]) => !ownDark[name] || ownDark[name] === light[name]).map(([name]) => name)).toEqual(
      // Badge numbers stay white on orange in both themes.
      ['--tl-badge-ink'],
    );
  });

  it('draws groups and trust levels in light mode as the PDF and SVG export do', () => {
    for (const g of GROUPS) {
      expect(light[`--tl-group-${g}-accent`]).toBe(GROUP_COLORS[g].accent);
      expect(light[`--tl-group-${g}-tint`]).toBe(GROUP_COLORS[g].tint);
    }
    for (const t of TRUST_LEVELS) {
      expect(light[`--tl-trust-${t}`]).toBe(TRUST_LEVEL_COLORS[t]);
      // Boundary titles are 12 px text on white in the canvas, the PDF and the SVG export.
      expect(contrast(TRUST_LEVEL_COLORS[t], '#ffffff'), t).toBeGreaterThanOrEqual(4.5);
    }
  });

  for (const [name, theme] of [['light', light], ['dark', dark]] as const) {
    it(`${name}: canvas text meets 4.5:1 on what it is drawn on`, () => {
      const failing = TEXT.filter(([fg, bg]) => contrast(theme[fg]!, theme[bg]!) < 4.5).map(([fg, bg]) => `${fg} on ${bg}: ${contrast(theme[fg]!, theme[bg]!).toFixed(2)}`);
      expect(failing).toEqual([]);
    });

    it(`${name}: icons, borders, frames, badges and selection meet 3:1`, () => {
      const failing = SHAPES.filter(([fg, bg]) => contrast(theme[fg]!, theme[bg]!) < 3).map(([fg, bg]) => `${fg} on ${bg}: ${contrast(theme[fg]!, theme[bg]!).toFixed(2)}`);
      expect(failing).toEqual([]);
    });
  }
});
