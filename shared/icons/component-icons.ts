// Our own line icons for the AI building blocks, as plain data so the palette, the canvas, the
// PDF report and the SVG export draw the same shapes. Every icon sits on a 24×24 box and is stroked,
// never filled: stroke width 1.75–2, round caps and joins. Each path starts with an absolute
// `M`, so callers may join all paths into one `d`. Circles are stroked like the paths; a circle
// with r ≤ 1 reads as a solid dot at that stroke width.
import type { AiType, PaletteGroup, TrustLevel } from '../model';

export interface IconCircle {
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
}

export interface IconData {
  /** SVG path `d` strings on a 24×24 view box. */
  readonly paths: readonly string[];
  readonly circles?: readonly IconCircle[];
}

export const ICON_VIEW_BOX = '0 0 24 24';
export const ICON_STROKE_WIDTH = 1.8;

const dot = (cx: number, cy: number, r = 0.9): IconCircle => ({ cx, cy, r });
const ring = (cx: number, cy: number, r: number): IconCircle => ({ cx, cy, r });

// A document with a folded top-right corner, shared by the prompt store and the retriever.
const FOLDED_PAGE = 'M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8z';
const PAGE_FOLD = 'M14 3v5h5';

const ICONS: Record<AiType, IconData> = {
  // A person: head and shoulders.
  actor: {
    paths: ['M4.5 20.5c0-4 3.3-6.5 7.5-6.5s7.5 2.5 7.5 6.5'],
    circles: [ring(12, 7.5, 4)],
  },
  // A person with a shield at the shoulder.
  operator: {
    paths: [
      'M2.5 20.5c0-3.7 2.8-6.2 6.5-6.2 1.2 0 2.3.3 3.2.8',
      'M18 12.5l3.5 1.3v2.8c0 2.2-1.4 3.8-3.5 4.6-2.1-.8-3.5-2.4-3.5-4.6v-2.8z',
    ],
    circles: [ring(9, 7.5, 3.6)],
  },
  // A feed: a source dot and two broadcast waves.
  'data-source': {
    paths: ['M4.5 11.5a8 8 0 0 1 8 8', 'M4.5 4.5a15 15 0 0 1 15 15'],
    circles: [dot(5.5, 18.5, 1.3)],
  },
  // A database: a cylinder with two bands (stacked records).
  'raw-dataset': {
    paths: [
      'M4.5 6c0-1.7 3.4-3 7.5-3s7.5 1.3 7.5 3-3.4 3-7.5 3-7.5-1.3-7.5-3z',
      'M4.5 6v12c0 1.7 3.4 3 7.5 3s7.5-1.3 7.5-3V6',
      'M4.5 12c0 1.7 3.4 3 7.5 3s7.5-1.3 7.5-3',
    ],
  },
  // A luggage tag with its hole.
  'labeling-service': {
    paths: [
      'M3.5 4.5v6.2c0 .5.2 1 .6 1.4l8.3 8.3c.8.8 2 .8 2.8 0l5.2-5.2c.8-.8.8-2 0-2.8L12.1 4.1c-.4-.4-.9-.6-1.4-.6H4.5c-.6 0-1 .4-1 1z',
    ],
    circles: [ring(8, 8, 1.5)],
  },
  // A table: header row and three columns.
  'feature-store': {
    paths: [
      'M5 4h14a1.5 1.5 0 0 1 1.5 1.5v13A1.5 1.5 0 0 1 19 20H5a1.5 1.5 0 0 1-1.5-1.5v-13A1.5 1.5 0 0 1 5 4z',
      'M3.5 9h17',
      'M3.5 14.5h17',
      'M9.25 9v11',
      'M14.75 9v11',
    ],
  },
  // A training loop: two arrows around a rising learning curve.
  'training-pipeline': {
    paths: [
      'M19.5 9.3A8 8 0 0 0 5.1 8',
      'M5 4v4h4',
      'M4.5 14.7A8 8 0 0 0 18.9 16',
      'M19 20v-4h-4',
      'M8.5 13.5l2.3-2.3 2 2 2.7-3.2',
    ],
  },
  // A lab flask with liquid.
  'experiment-tracking': {
    paths: [
      'M9 3h6',
      'M10 3v6.2L4.8 18.3A1.8 1.8 0 0 0 6.4 21h11.2a1.8 1.8 0 0 0 1.6-2.7L14 9.2V3',
      'M7.3 14.5h9.4',
    ],
  },
  // A package with a version tag hanging off it.
  'model-registry': {
    paths: [
      'M2.5 6.2 9.5 2.5l7 3.7v7.3l-7 3.7-7-3.7z',
      'M2.5 6.2 9.5 10l7-3.8',
      'M9.5 10v7.2',
      'M14.5 16.5h4.5l2.5 2.5-2.5 2.5h-4.5z',
    ],
    circles: [dot(16.6, 19, 0.6)],
  },
  // A cloud with a download arrow.
  'model-hub': {
    paths: [
      'M7.5 17.5h-1a4 4 0 0 1-.5-7.97A6 6 0 0 1 17.7 8.6a4.5 4.5 0 0 1-.2 8.9h-1',
      'M12 11.5v9',
      'M8.75 17.25 12 20.5l3.25-3.25',
    ],
  },
  // A plug: two prongs, the body and its cord.
  'inference-api': {
    paths: ['M9 2.5v4.5', 'M15 2.5v4.5', 'M6 7h12v3.5a6 6 0 0 1-12 0z', 'M12 16.5v5'],
  },
  // A chat bubble with a sparkle.
  llm: {
    paths: [
      'M5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H10.5l-5 4.5V16A1.5 1.5 0 0 1 4 14.5v-9A1.5 1.5 0 0 1 5.5 4z',
      'M12 6.5c.4 2.1 1.3 3.1 3.5 3.5-2.2.4-3.1 1.4-3.5 3.5-.4-2.1-1.3-3.1-3.5-3.5 2.2-.4 3.1-1.4 3.5-3.5z',
    ],
  },
  // A vector from the origin among scattered points.
  'embedding-model': {
    paths: ['M4.5 19.5 15 9', 'M9.5 9H15v5.5'],
    circles: [dot(6, 6.5, 1.1), dot(12, 4, 1.1), dot(20, 7.5, 1.1), dot(19.5, 14, 1.1), dot(15, 19.5, 1.1)],
  },
  // A cylinder holding points.
  'vector-db': {
    paths: [
      'M4.5 6c0-1.7 3.4-3 7.5-3s7.5 1.3 7.5 3-3.4 3-7.5 3-7.5-1.3-7.5-3z',
      'M4.5 6v12c0 1.7 3.4 3 7.5 3s7.5-1.3 7.5-3V6',
    ],
    circles: [dot(8.5, 13, 1.1), dot(15.5, 12.5, 1.1), dot(12, 16.5, 1.1)],
  },
  // A magnifier over a document.
  'rag-retriever': {
    paths: [
      'M10.5 21h-4A1.5 1.5 0 0 1 5 19.5v-15A1.5 1.5 0 0 1 6.5 3H14l5 5v2.5',
      PAGE_FOLD,
      'M8 9h3',
      'M8 12.5h3.5',
      'M18.6 18.6 21.5 21.5',
    ],
    circles: [ring(15.5, 15.5, 3.6)],
  },
  // A document with a command prompt `>_`.
  'prompt-store': {
    paths: [FOLDED_PAGE, PAGE_FOLD, 'M8.5 12l2.5 2.5L8.5 17', 'M13 17h3'],
  },
  // A robot head: antenna, eyes, mouth, ears.
  agent: {
    paths: [
      'M6.5 8h11a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-11a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2z',
      'M12 8V5',
      'M9.5 16.5h5',
      'M2 12.5v3',
      'M22 12.5v3',
    ],
    circles: [ring(12, 3.8, 1.2), dot(9, 12.5, 1.1), dot(15, 12.5, 1.1)],
  },
  // An open-ended wrench.
  'tool-server': {
    paths: [
      'M13.52 7.8 17.08 4.23A5.2 5.2 0 0 0 10.39 11.41L4.57 17.24A1.55 1.55 0 0 0 6.76 19.43L12.59 13.61A5.2 5.2 0 0 0 19.77 6.92L16.2 10.48z',
    ],
  },
  // A memory chip with pins on every side.
  'agent-memory': {
    paths: [
      'M8 6h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z',
      'M10 10h4v4h-4z',
      'M9.5 2.5V6',
      'M14.5 2.5V6',
      'M9.5 18v3.5',
      'M14.5 18v3.5',
      'M2.5 9.5H6',
      'M2.5 14.5H6',
      'M18 9.5h3.5',
      'M18 14.5h3.5',
    ],
  },
  // A shield with a check mark.
  guardrail: {
    paths: ['M12 3l7.5 3v5.5c0 4.5-3.2 8-7.5 9.5-4.3-1.5-7.5-5-7.5-9.5V6z', 'M8.75 12.25l2.25 2.25 4.25-4.75'],
  },
  // A monitor on a stand showing an app window.
  'output-consumer': {
    paths: [
      'M4 3.5h16a1.5 1.5 0 0 1 1.5 1.5v10a1.5 1.5 0 0 1-1.5 1.5H4A1.5 1.5 0 0 1 2.5 15V5A1.5 1.5 0 0 1 4 3.5z',
      'M2.5 7.5h19',
      'M12 16.5v4',
      'M8 20.5h8',
    ],
  },
  // A heartbeat pulse.
  monitoring: {
    paths: ['M2.5 12.5h4l2.5-6.5 4.5 12 2.5-5.5h5.5'],
  },
  // A branching pipeline: two stages merging into one.
  'cicd-pipeline': {
    paths: ['M6 7.5v9', 'M18 7.5V9a4 4 0 0 1-4 4h-4a4 4 0 0 0-4 3.5'],
    circles: [ring(6, 5.5, 2), ring(6, 18.5, 2), ring(18, 5.5, 2)],
  },
  // The DFD process symbol: a circle that turns input into output.
  'generic-process': {
    paths: ['M12 3.5a8.5 8.5 0 1 1 0 17 8.5 8.5 0 1 1 0-17z', 'M7.75 12h8.25', 'M12.75 8.75 16 12l-3.25 3.25'],
  },
  // The DFD data-store symbol: two parallel lines, closed on the left.
  'generic-store': {
    paths: ['M3 7h18', 'M3 17h18', 'M7.5 7v10'],
  },
  // The DFD external-entity symbol: a square.
  'generic-external': {
    paths: ['M5.5 4.5h13a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1h-13a1 1 0 0 1-1-1v-13a1 1 0 0 1 1-1z'],
  },
};

export function componentIcon(aiType: AiType): IconData {
  const icon = ICONS[aiType];
  if (!icon) throw new Error(`No icon for AI component type: ${aiType}`);
  return icon;
}

export type BoundaryShape = 'box' | 'line';

// Dashes are drawn as separate segments so the icon needs no dash pattern support.
const BOUNDARY_ICONS: Record<BoundaryShape, IconData> = {
  box: {
    paths: [
      'M3.5 7.5v-4h4',
      'M16.5 3.5h4v4',
      'M20.5 16.5v4h-4',
      'M7.5 20.5h-4v-4',
      'M10.5 3.5h3',
      'M20.5 10.5v3',
      'M13.5 20.5h-3',
      'M3.5 13.5v-3',
    ],
  },
  line: {
    paths: ['M3.5 20.5l2.5-2.5', 'M8.3 15.7l2.5-2.5', 'M13.2 10.8l2.5-2.5', 'M18 6l2.5-2.5'],
    circles: [dot(7, 7, 1.1), dot(17, 17, 1.1)],
  },
};

export function boundaryIcon(shape: BoundaryShape): IconData {
  return BOUNDARY_ICONS[shape];
}

/** One accent per palette group (icons, borders) and a light tint (fills); accents meet 4.5:1 on white and on the tint. */
export const GROUP_COLORS: Readonly<Record<PaletteGroup, { readonly accent: string; readonly tint: string }>> = {
  data: { accent: '#1d5fd1', tint: '#eaf1fd' },
  training: { accent: '#6d3fd6', tint: '#f2edfc' },
  serving: { accent: '#0c7368', tint: '#e6f5f3' },
  genai: { accent: '#a34b05', tint: '#fdf1e4' },
  agents: { accent: '#b1195a', tint: '#fcebf2' },
  generic: { accent: '#4a5568', tint: '#eff1f4' },
};

/** Colours for the trust-boundary palette items (matching the canvas's "untrusted" red). */
export const BOUNDARY_COLORS = { accent: '#c62828', tint: '#fcecec' } as const;

/**
 * Stroke and label colour of a trust boundary by its trust level (the canvas, the PDF report and
 * the SVG/PNG export). Each reads at 4.5:1 or better on white: boundary titles are small text.
 */
export const TRUST_LEVEL_COLORS: Readonly<Record<TrustLevel, string>> = {
  untrusted: '#c62828',
  low: '#bd4a12',
  medium: '#8e6c00',
  high: '#2b7a3d',
  privileged: '#5b3cc4',
};
