// The report as plain data: what a reader gets, in order, independent of how it is drawn. The PDF
// writer (pdf/), the Markdown export and the golden tests all read this one structure, so what the
// PDF says and what the tests check cannot drift apart.
import type { AttackTree, DfdKind, Point } from '../model';
import type { IconData } from '../icons';
import type { RiskBand } from '../risk';

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface ReportOptions {
  /** ISO 8601 timestamp: printed as the report date and stored as the PDF's creation date. An
   * option, never read from a clock, so the same input and options give the same bytes. */
  readonly creationDate: string;
  readonly paper: PaperSize;
  /** e.g. "Confidential"; printed on the cover and in every page header. Empty for none. */
  readonly classification: string;
  /** List threats whose status is `mitigated` (the summary counts them either way). */
  readonly includeMitigated: boolean;
  /** Show out-of-scope elements in diagrams, the element index and the threat lists. */
  readonly includeOutOfScope: boolean;
  readonly includeDiagrams: boolean;
  readonly includeAttackTrees: boolean;
  readonly includeAppendix: boolean;
  /** A PNG or JPEG as a `data:` URL for the cover, or null. */
  readonly logo: string | null;
}

export type RiskTone = RiskBand | 'unrated';

/** A table cell: plain text, or text with a risk colour or emphasis. */
export type Cell = string | { readonly text: string; readonly band?: RiskTone; readonly bold?: boolean };

export interface TableColumn {
  readonly header: string;
  /** Relative width; the writer shares the page width out in these proportions. */
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
}

export interface TableRow {
  readonly cells: readonly Cell[];
  /** A longer text printed full width under the row (a threat's description). */
  readonly note?: string;
}

export interface HeatMapData {
  readonly title: string;
  /** `counts[likelihood - 1][impact - 1]`: how many threats sit in each cell. */
  readonly counts: readonly (readonly number[])[];
  readonly unrated: number;
}

export interface TreeLine {
  readonly depth: number;
  /** How the step's children combine: shown before its label. Empty for leaves. */
  readonly gate: 'AND' | 'OR' | '';
  readonly label: string;
  /** Linked threats and mitigations, in words. */
  readonly detail: string;
}

/** What the PDF needs to draw an attack tree as boxes (laid out when the page is drawn). */
export interface TreeDrawing {
  readonly tree: AttackTree;
  /** Steps blocked by their mitigations or their children. */
  readonly blocked: readonly string[];
  /** Steps that have children (they show their AND / OR gate). */
  readonly gated: readonly string[];
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string; readonly toc: boolean }
  | { readonly kind: 'paragraph'; readonly text: string; readonly tone?: 'normal' | 'muted' }
  | { readonly kind: 'fields'; readonly items: readonly { readonly label: string; readonly value: string }[] }
  /** `width`: a fraction of the text width for narrow tables (full width when absent). */
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly TableRow[]; readonly empty: string; readonly width?: number }
  | { readonly kind: 'heat-maps'; readonly maps: readonly HeatMapData[] }
  | { readonly kind: 'diagram'; readonly title: string; readonly caption: string; readonly scene: Scene }
  | { readonly kind: 'tree'; readonly goal: string; readonly lines: readonly TreeLine[]; readonly drawing: TreeDrawing };

export interface ReportSection {
  /** Stable key: `summary`, `scope`, `diagrams`, … */
  readonly id: string;
  /** `1`, `2`, … for the body; `A` for the appendix. */
  readonly number: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface ReportCover {
  readonly title: string;
  readonly subtitle: string;
  readonly fields: readonly { readonly label: string; readonly value: string }[];
  readonly classification: string;
  readonly logo: string | null;
}

export interface ReportMeta {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly keywords: string;
  readonly creator: string;
  readonly creationDate: string;
}

export interface ReportStructure {
  readonly meta: ReportMeta;
  readonly paper: PaperSize;
  readonly classification: string;
  /** YYYY-MM-DD, for page footers. */
  readonly date: string;
  readonly cover: ReportCover;
  readonly sections: readonly ReportSection[];
}

// ---- diagram scene: drawing primitives in diagram units (the canvas's pixels) -----------------

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface SceneNode {
  readonly id: string;
  readonly kind: DfdKind;
  readonly name: string;
  /** The component type's short label, drawn small above the name. */
  readonly typeLabel: string;
  readonly rect: Rect;
  readonly accent: string;
  readonly tint: string;
  readonly icon: IconData;
  readonly outOfScope: boolean;
}

export interface SceneFlow {
  readonly id: string;
  /** Node ids of the ends, as in the model. */
  readonly source: string;
  readonly target: string;
  /** From the source node's edge to the target node's edge, through the flow's vertices. */
  readonly points: readonly Point[];
  readonly arrowStart: boolean;
  readonly color: string;
  /** The caption: name and protocol, then the boundaries it crosses. */
  readonly label: readonly string[];
  readonly labelAt: Point;
  readonly labelColor: string;
  readonly outOfScope: boolean;
}

export type SceneBoundary =
  | { readonly id: string; readonly shape: 'box'; readonly rect: Rect; readonly color: string; readonly label: string }
  | { readonly id: string; readonly shape: 'line'; readonly points: readonly Point[]; readonly color: string; readonly label: string; readonly labelAt: Point };

export interface Scene {
  /** Everything drawn, labels included. */
  readonly bounds: Rect;
  readonly boundaries: readonly SceneBoundary[];
  readonly flows: readonly SceneFlow[];
  readonly nodes: readonly SceneNode[];
}
