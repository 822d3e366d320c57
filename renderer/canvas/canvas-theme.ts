// The canvas's colours, as references to theme.css's custom properties rather than values.
//
// Cells are styled with `var(--tl-…)` in inline styles (SVG presentation attributes cannot hold
// `var()`), so switching the theme on <html> restyles the live canvas through the cascade: no cell
// is rebuilt, and the cell JSON — built from the document alone — is the same in both themes.
// Each reference carries its light value as the fallback, so a canvas drawn where theme.css is not
// loaded (tests, a future embed) still looks like the light theme instead of black on black.
// Exports (SVG/PNG/PDF) never read these: shared/report draws them from the model in light colours.
import type { PaletteGroup, TrustLevel } from '../../shared/model';
import { GROUP_COLORS, TRUST_LEVEL_COLORS } from '../icons/component-icons';

/** Custom property name and its light-theme value; tests check theme.css defines the same. */
export const CANVAS_TOKENS = {
  canvasBg: ['--tl-canvas-bg', '#f6f7f9'],
  grid: ['--tl-canvas-grid', '#c3c9d4'],
  nodeFill: ['--tl-node-fill', '#ffffff'],
  nodeInk: ['--tl-node-ink', '#1d2330'],
  nodeMuted: ['--tl-node-muted', '#5d6678'],
  /** "out of scope" under a node's name. */
  scopeInk: ['--tl-node-scope-ink', '#8a4b00'],
  flowStroke: ['--tl-flow-stroke', '#4a5363'],
  /** The plate behind flow labels, boundary-line labels and box boundary titles. */
  labelBg: ['--tl-flow-label-bg', '#ffffff'],
  labelBorder: ['--tl-flow-label-border', '#d7dbe3'],
  selection: ['--tl-selection', '#3056d3'],
  crossing: ['--tl-crossing', '#c2410c'],
  badgeFill: ['--tl-badge-fill', '#c2410c'],
  badgeInk: ['--tl-badge-ink', '#ffffff'],
  /** The ring that sets a threat badge off the node border it sits on. */
  badgeRing: ['--tl-badge-ring', '#ffffff'],
} as const satisfies Record<string, readonly [string, string]>;

type Token = keyof typeof CANVAS_TOKENS;

const ref = (name: string, light: string) => `var(${name}, ${light})`;

export const paint = Object.fromEntries(
  Object.entries(CANVAS_TOKENS).map(([key, [name, light]]) => [key, ref(name, light)]),
) as Readonly<Record<Token, string>>;

/** Light values of the group colours: the shared ones the palette, PDF and SVG export use. */
export const groupTokens = (group: PaletteGroup) => ({
  accent: [`--tl-group-${group}-accent`, GROUP_COLORS[group].accent],
  tint: [`--tl-group-${group}-tint`, GROUP_COLORS[group].tint],
}) as const;

export function groupPaint(group: PaletteGroup): { readonly accent: string; readonly tint: string } {
  const { accent, tint } = groupTokens(group);
  return { accent: ref(...accent), tint: ref(...tint) };
}

export const trustToken = (level: TrustLevel) => [`--tl-trust-${level}`, TRUST_LEVEL_COLORS[level]] as const;
export const trustPaint = (level: TrustLevel): string => ref(...trustToken(level));

/** Paints an SVG shape through CSS, where `var()` works (its presentation attributes cannot). */
export const fillStroke = (fill: string | undefined, stroke?: string) => ({
  style: { ...(fill ? { fill } : {}), ...(stroke ? { stroke } : {}) },
});

/** The same for a marker: JointJS copies marker properties onto the marker's path as attributes. */
export const markerStyle = (color: string) => `fill: ${color}; stroke: ${color}`;
