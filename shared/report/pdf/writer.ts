// A cursor over a jsPDF document: flowing text that wraps and breaks across pages, headings that
// never sit alone at a page's foot, and the record of which heading landed on which page (for the
// table of contents). Every string goes through the font fitter on its way to the page.
import type { jsPDF } from 'jspdf';
import type { TextFitter } from '../font-coverage';
import { COLORS, FONT, MARGINS, SIZES, rgb } from './theme';

export type Orientation = 'portrait' | 'landscape';

export interface TocEntry {
  readonly level: 1 | 2;
  readonly title: string;
  readonly page: number;
}

export class PdfWriter {
  y = MARGINS.top;
  readonly toc: TocEntry[] = [];
  /** True while nothing has been drawn on the current page below the top margin. */
  fresh = true;

  constructor(
    readonly pdf: jsPDF,
    readonly fitter: TextFitter,
    readonly paper: 'a4' | 'letter',
  ) {}

  get page(): number {
    return this.pdf.getNumberOfPages();
  }

  get width(): number {
    return this.pdf.internal.pageSize.getWidth();
  }

  get height(): number {
    return this.pdf.internal.pageSize.getHeight();
  }

  get left(): number {
    return MARGINS.left;
  }

  get contentWidth(): number {
    return this.width - MARGINS.left - MARGINS.right;
  }

  get bottom(): number {
    return this.height - MARGINS.bottom;
  }

  newPage(orientation: Orientation = 'portrait'): void {
    this.pdf.addPage(this.paper, orientation);
    this.y = MARGINS.top;
    this.fresh = true;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom && !this.fresh) this.newPage();
  }

  font(style: 'normal' | 'bold', size: number, color: string = COLORS.ink): void {
    this.pdf.setFont(FONT, style);
    this.pdf.setFontSize(size);
    this.pdf.setTextColor(...rgb(color));
  }

  fit(text: string): string {
    return this.fitter.fit(text);
  }

  /** Fitted text wrapped to `width` at the current font; explicit newlines are kept. */
  wrap(text: string, width: number): string[] {
    const fitted = this.fit(text);
    return fitted.split('\n').flatMap((line) => (line.trim() === '' ? [''] : (this.pdf.splitTextToSize(line, width) as string[])));
  }

  lineHeight(size: number): number {
    return size * SIZES.lineHeight;
  }

  /** Writes wrapped lines at `x`, breaking pages as needed; the cursor ends below the last line. */
  lines(lines: readonly string[], x: number, size: number): void {
    const step = this.lineHeight(size);
    for (const line of lines) {
      this.ensure(step);
      this.pdf.text(line, x, this.y + size * 0.8);
      this.y += step;
      this.fresh = false;
    }
  }

  paragraph(text: string, options: { size?: number; color?: string; indent?: number; after?: number; bold?: boolean } = {}): void {
    const size = options.size ?? SIZES.body;
    const indent = options.indent ?? 0;
    this.font(options.bold ? 'bold' : 'normal', size, options.color ?? COLORS.ink);
    this.lines(this.wrap(text, this.contentWidth - indent), this.left + indent, size);
    this.y += options.after ?? 6;
  }

  /** A section title (level 1) or a sub-heading; level-1 and `toc` headings are recorded for the contents. */
  heading(text: string, level: 1 | 2 | 3, toc = level === 1): void {
    const size = level === 1 ? SIZES.h1 : level === 2 ? SIZES.h2 : SIZES.h3;
    this.font('bold', size, level === 1 ? COLORS.ink : COLORS.ink);
    const wrapped = this.wrap(text, this.contentWidth);
    // Keep a heading with at least three lines of what follows.
    this.ensure(wrapped.length * this.lineHeight(size) + 4 * this.lineHeight(SIZES.body));
    if (!this.fresh) this.y += level === 1 ? 6 : 8;
    if (toc) this.toc.push({ level: level === 1 ? 1 : 2, title: text, page: this.page });
    this.lines(wrapped, this.left, size);
    if (level === 1) {
      this.pdf.setDrawColor(...rgb(COLORS.accent));
      this.pdf.setLineWidth(1.2);
      this.pdf.line(this.left, this.y + 1, this.left + 42, this.y + 1);
      this.y += 12;
    } else this.y += 3;
  }

  /** Label / value pairs in two columns. */
  fields(items: readonly { label: string; value: string }[]): void {
    const labelWidth = 110;
    for (const item of items) {
      this.font('normal', SIZES.body, COLORS.ink);
      const value = this.wrap(item.value, this.contentWidth - labelWidth);
      this.ensure(value.length * this.lineHeight(SIZES.body));
      const top = this.y;
      this.font('bold', SIZES.body, COLORS.muted);
      this.pdf.text(this.fit(item.label), this.left, top + SIZES.body * 0.8);
      this.font('normal', SIZES.body, COLORS.ink);
      this.lines(value, this.left + labelWidth, SIZES.body);
      this.y += 2;
    }
    this.y += 6;
  }
}
