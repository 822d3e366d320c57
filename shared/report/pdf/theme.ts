// The report's look: one family, a few sizes, the risk colours. All lengths in PDF points.
import type { RiskTone } from '../types';

export const FONT = 'DejaVu';

export const COLORS = {
  ink: '#1d2330',
  muted: '#5d6678',
  faint: '#8a93a3',
  rule: '#d7dbe3',
  accent: '#3056d3',
  headFill: '#eef1f6',
  zebra: '#f8f9fb',
  classification: '#b3261e',
} as const;

/** Per band: a strong fill for heat maps, a tint for table cells, and text that reads on both. */
export const BAND_COLORS: Readonly<Record<RiskTone, { readonly strong: string; readonly tint: string; readonly text: string }>> = {
  critical: { strong: '#f19a93', tint: '#fbe3e1', text: '#7a1712' },
  high: { strong: '#f7bd84', tint: '#fdebd9', text: '#7a3800' },
  medium: { strong: '#f6dc8a', tint: '#fdf5d6', text: '#5e4700' },
  low: { strong: '#b9dfba', tint: '#e8f5e9', text: '#1b5e20' },
  unrated: { strong: '#dde1e7', tint: '#eff1f4', text: '#4a5363' },
};

export const SIZES = {
  body: 9.5,
  small: 8,
  table: 7.8,
  h1: 17,
  h2: 12,
  h3: 10.5,
  lineHeight: 1.38,
} as const;

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Room for the running header above `top` and the footer below `bottom`. */
export const MARGINS: Margins = { top: 62, right: 46, bottom: 56, left: 46 };

/** `#rrggbb` → [r, g, b] for jsPDF's colour setters. */
export function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
