// Draws a diagram scene with jsPDF vector operations: a view rectangle of the scene (diagram
// units) mapped onto a page rectangle (points). Text stays text (selectable and searchable);
// elements outside the view are skipped, and the page rectangle clips what straddles its edge.
import { GState } from 'jspdf';
import { iconOutline, type PathSegment } from '../../icons';
import type { Point } from '../../model';
import type { Rect, Scene, SceneBoundary, SceneFlow, SceneNode } from '../types';
import { COLORS, rgb } from './theme';
import type { PdfWriter } from './writer';

export interface Viewport {
  /** The part of the scene to draw, in diagram units. */
  readonly view: Rect;
  /** Where it goes on the page, in points; `scale` points per diagram unit. */
  readonly x: number;
  readonly y: number;
  readonly scale: number;
  /** Draw names and captions (off for the small overview of a tiled diagram). */
  readonly labels: boolean;
}

const MUTED = '#5d6678';
const OUT_OF_SCOPE = '#8a4b00';

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function pointsRect(points: readonly Point[], pad: number): Rect {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs), y = Math.min(...ys);
  return { x: x - pad, y: y - pad, width: Math.max(...xs) - x + 2 * pad, height: Math.max(...ys) - y + 2 * pad };
}

class SceneDrawer {
  constructor(
    private readonly w: PdfWriter,
    private readonly v: Viewport,
  ) {}

  private get pdf() {
    return this.w.pdf;
  }

  px(x: number): number {
    return this.v.x + (x - this.v.view.x) * this.v.scale;
  }

  py(y: number): number {
    return this.v.y + (y - this.v.view.y) * this.v.scale;
  }

  len(n: number): number {
    return n * this.v.scale;
  }

  stroke(color: string, width: number, dash: readonly number[] | null = null): void {
    this.pdf.setDrawColor(...rgb(color));
    this.pdf.setLineWidth(this.len(width));
    this.pdf.setLineDashPattern(dash ? dash.map((d) => this.len(d)) : [], 0);
  }

  polyline(points: readonly Point[]): void {
    const ops = points.map((p, i) => ({ op: i === 0 ? 'm' : 'l', c: [this.px(p.x), this.py(p.y)] }));
    this.pdf.path(ops).stroke();
  }

  /** Text of `size` diagram units, shortened with an ellipsis to `maxWidth` units. */
  text(text: string, x: number, y: number, size: number, options: { bold?: boolean; color?: string; align?: 'left' | 'center' | 'right'; maxWidth?: number } = {}): void {
    const pt = this.len(size);
    this.w.font(options.bold ? 'bold' : 'normal', pt, options.color ?? COLORS.ink);
    let line = this.w.fit(text);
    if (options.maxWidth !== undefined) line = this.shorten(line, this.len(options.maxWidth));
    this.pdf.text(line, this.px(x), this.py(y), { align: options.align ?? 'left', baseline: 'middle' });
  }

  shorten(line: string, max: number): string {
    if (this.pdf.getTextWidth(line) <= max) return line;
    let chars = [...line];
    while (chars.length > 1 && this.pdf.getTextWidth(`${chars.join('')}…`) > max) chars = chars.slice(0, -1);
    return `${chars.join('').trimEnd()}…`;
  }

  boundary(b: SceneBoundary): void {
    if (b.shape === 'box') {
      const r = b.rect;
      this.stroke(b.color, 2, [8, 5]);
      this.pdf.roundedRect(this.px(r.x), this.py(r.y), this.len(r.width), this.len(r.height), this.len(10), this.len(10), 'S');
      this.pdf.setLineDashPattern([], 0);
      if (!this.v.labels) return;
      this.w.font('bold', this.len(12));
      const label = this.shorten(this.w.fit(b.label), this.len(Math.max(24, r.width - 40)));
      const headerWidth = Math.min(this.len(r.width - 16), this.pdf.getTextWidth(label) + this.len(16));
      this.pdf.setFillColor(255, 255, 255);
      this.stroke(b.color, 1);
      this.pdf.roundedRect(this.px(r.x + 8), this.py(r.y - 12), headerWidth, this.len(24), this.len(6), this.len(6), 'FD');
      this.w.font('bold', this.len(12), b.color);
      this.pdf.text(label, this.px(r.x + 16), this.py(r.y), { baseline: 'middle' });
      return;
    }
    this.stroke(b.color, 2.5, [10, 6]);
    this.polyline(b.points);
    this.pdf.setLineDashPattern([], 0);
    if (this.v.labels) this.caption([b.label], b.labelAt, 12, b.color, b.color, true);
  }

  /** Lines of text centred on `at` over a white plate with a thin border. */
  caption(lines: readonly string[], at: Point, size: number, color: string, border: string, bold = false): void {
    const pt = this.len(size);
    this.w.font(bold ? 'bold' : 'normal', pt, color);
    const fitted = lines.map((l) => this.w.fit(l));
    const width = Math.max(...fitted.map((l) => this.pdf.getTextWidth(l))) + this.len(12);
    const step = pt * 1.25;
    const height = fitted.length * step + this.len(6);
    this.pdf.setFillColor(255, 255, 255);
    this.stroke(border, 0.8);
    this.pdf.roundedRect(this.px(at.x) - width / 2, this.py(at.y) - height / 2, width, height, this.len(4), this.len(4), 'FD');
    fitted.forEach((line, i) => {
      this.pdf.text(line, this.px(at.x), this.py(at.y) - height / 2 + this.len(3) + step * (i + 0.5), { align: 'center', baseline: 'middle' });
    });
  }

  arrow(tip: Point, from: Point, color: string): void {
    const dx = tip.x - from.x, dy = tip.y - from.y;
    const d = Math.hypot(dx, dy) || 1;
    const ux = dx / d, uy = dy / d;
    const base = { x: tip.x - ux * 10, y: tip.y - uy * 10 };
    const a = { x: base.x - uy * 5, y: base.y + ux * 5 };
    const b = { x: base.x + uy * 5, y: base.y - ux * 5 };
    this.pdf.setFillColor(...rgb(color));
    this.pdf.triangle(this.px(tip.x), this.py(tip.y), this.px(a.x), this.py(a.y), this.px(b.x), this.py(b.y), 'F');
  }

  flow(f: SceneFlow): void {
    const dim = f.outOfScope;
    if (dim) this.pdf.setGState(new GState({ opacity: 0.5, 'stroke-opacity': 0.5 }));
    this.stroke(f.color, 1.8, dim ? [6, 4] : null);
    this.polyline(f.points);
    this.pdf.setLineDashPattern([], 0);
    const n = f.points.length;
    if (n >= 2) {
      this.arrow(f.points[n - 1]!, f.points[n - 2]!, f.color);
      if (f.arrowStart) this.arrow(f.points[0]!, f.points[1]!, f.color);
    }
    if (this.v.labels && f.label.length) this.caption(f.label, f.labelAt, 11, f.labelColor, f.labelColor === COLORS.ink ? COLORS.rule : f.labelColor);
    if (dim) this.pdf.setGState(new GState({ opacity: 1, 'stroke-opacity': 1 }));
  }

  icon(n: SceneNode, left: number, top: number): void {
    this.stroke(n.accent, 1.9);
    this.pdf.setLineCap('round');
    this.pdf.setLineJoin('round');
    for (const segments of iconOutline(n.icon)) this.pdf.path(segments.map((s) => this.op(s, left, top))).stroke();
    this.pdf.setLineCap('butt');
    this.pdf.setLineJoin('miter');
  }

  private op(s: PathSegment, left: number, top: number): { op: string; c: number[] } {
    const X = (x: number) => this.px(left + x);
    const Y = (y: number) => this.py(top + y);
    if (s.op === 'Z') return { op: 'h', c: [] };
    if (s.op === 'C') return { op: 'c', c: [X(s.x1), Y(s.y1), X(s.x2), Y(s.y2), X(s.x), Y(s.y)] };
    return { op: s.op === 'M' ? 'm' : 'l', c: [X(s.x), Y(s.y)] };
  }

  node(n: SceneNode): void {
    const { x, y, width, height } = n.rect;
    if (n.outOfScope) this.pdf.setGState(new GState({ opacity: 0.55, 'stroke-opacity': 0.55 }));
    const dash = n.outOfScope ? [5, 4] : null;
    this.pdf.setFillColor(255, 255, 255);
    if (n.kind === 'store') {
      this.pdf.rect(this.px(x), this.py(y), this.len(width), this.len(height), 'F');
      this.stroke(n.accent, 2, dash);
      for (const ly of [y, y + 4, y + height]) this.polyline([{ x, y: ly }, { x: x + width, y: ly }]);
    } else {
      this.stroke(n.accent, 1.5, dash);
      const r = this.len(n.kind === 'process' ? 16 : 2);
      this.pdf.roundedRect(this.px(x), this.py(y), this.len(width), this.len(height), r, r, 'FD');
    }
    this.pdf.setLineDashPattern([], 0);
    const iconTop = y + height / 2 - 18;
    this.pdf.setFillColor(...rgb(n.tint));
    this.pdf.roundedRect(this.px(x + 10), this.py(iconTop), this.len(36), this.len(36), this.len(9), this.len(9), 'F');
    this.icon(n, x + 16, iconTop + 6);
    if (this.v.labels) this.nodeText(n);
    if (n.outOfScope) this.pdf.setGState(new GState({ opacity: 1, 'stroke-opacity': 1 }));
  }

  private nodeText(n: SceneNode): void {
    const { x, y, width, height } = n.rect;
    const textWidth = Math.max(20, width - 64);
    this.text(n.typeLabel, x + 56, y + 16, 9.5, { color: MUTED, maxWidth: textWidth });
    this.w.font('bold', this.len(13));
    const maxLines = Math.max(1, Math.floor((height - 30) / 15.5));
    let lines = this.pdf.splitTextToSize(this.w.fit(n.name), this.len(textWidth)) as string[];
    if (lines.length > maxLines) lines = [...lines.slice(0, maxLines - 1), this.shorten(`${lines[maxLines - 1]}…`, this.len(textWidth))];
    const step = 15.5;
    const first = y + height / 2 + 7 - ((lines.length - 1) * step) / 2;
    lines.forEach((line, i) => this.text(line, x + 56, first + i * step, 13, { bold: true }));
    if (n.outOfScope) this.text('out of scope', x + width - 8, y + height - 9, 9, { color: OUT_OF_SCOPE, align: 'right' });
  }
}

/** Draws the scene's part `view` at the viewport; the page rectangle clips the drawing. */
export function drawScene(w: PdfWriter, scene: Scene, v: Viewport): void {
  const d = new SceneDrawer(w, v);
  const pdf = w.pdf;
  pdf.saveGraphicsState();
  pdf.rect(v.x, v.y, v.view.width * v.scale, v.view.height * v.scale, null);
  pdf.clip();
  pdf.discardPath();
  // Margins in diagram units so a label or header poking into the view is still drawn.
  const near = { x: v.view.x - 200, y: v.view.y - 60, width: v.view.width + 400, height: v.view.height + 120 };
  for (const b of scene.boundaries) if (overlaps(b.shape === 'box' ? { ...b.rect, y: b.rect.y - 14, height: b.rect.height + 14 } : pointsRect(b.points, 40), near)) d.boundary(b);
  for (const f of scene.flows) if (overlaps(pointsRect([...f.points, f.labelAt], 40), near)) d.flow(f);
  for (const n of scene.nodes) if (overlaps(n.rect, near)) d.node(n);
  pdf.restoreGraphicsState();
}
