// The cover, the table of contents (written last, onto pages reserved for it, once every heading's
// page is known), the PDF outline, and the running header and footer with "Page X of Y".
import { logoFormat } from '../options';
import type { ReportStructure } from '../types';
import { COLORS, MARGINS, SIZES, rgb } from './theme';
import type { PdfWriter, TocEntry } from './writer';

const TOC_LINE = 17;

export function drawCover(w: PdfWriter, report: ReportStructure): void {
  const { pdf } = w;
  const cover = report.cover;
  pdf.setFillColor(...rgb(COLORS.accent));
  pdf.rect(0, 0, w.width, 10, 'F');
  let y = 64;
  if (cover.logo) {
    const props = pdf.getImageProperties(cover.logo);
    const scale = Math.min(180 / props.width, 64 / props.height, 1);
    pdf.addImage(cover.logo, logoFormat(cover.logo), w.left, y, props.width * scale, props.height * scale, 'cover-logo');
    y += props.height * scale + 24;
  }
  if (cover.classification) {
    w.font('bold', 11, COLORS.classification);
    pdf.text(w.fit(cover.classification.toUpperCase()), w.width - MARGINS.right, 44, { align: 'right' });
  }
  y = Math.max(y, w.height * 0.3);
  w.font('normal', 13, COLORS.muted);
  pdf.text(w.fit(cover.subtitle), w.left, y);
  y += 14;
  w.font('bold', 28, COLORS.ink);
  const title = w.wrap(cover.title, w.contentWidth);
  for (const line of title) {
    y += 34;
    pdf.text(line, w.left, y);
  }
  y += 24;
  pdf.setDrawColor(...rgb(COLORS.accent));
  pdf.setLineWidth(2);
  pdf.line(w.left, y, w.left + 60, y);
  w.y = y + 24;
  w.fields(cover.fields);
  w.font('normal', SIZES.small, COLORS.muted);
  pdf.text(w.fit('Prepared with Threatloom, an offline threat-modeling tool for AI and ML systems.'), w.left, w.height - MARGINS.bottom);
  if (cover.classification) {
    w.font('bold', 11, COLORS.classification);
    pdf.text(w.fit(cover.classification.toUpperCase()), w.width / 2, w.height - 30, { align: 'center' });
  }
}

/** How many pages the contents need for `entries` lines. */
export function tocPageCount(w: PdfWriter, entries: number): number {
  const perPage = Math.floor((w.bottom - MARGINS.top - 40) / TOC_LINE);
  return Math.max(1, Math.ceil(entries / perPage));
}

/** Writes the contents onto the reserved pages `first…`, each entry linked to its page. */
export function drawToc(w: PdfWriter, entries: readonly TocEntry[], first: number): void {
  const { pdf } = w;
  let page = first;
  pdf.setPage(page);
  let y = MARGINS.top;
  w.font('bold', SIZES.h1, COLORS.ink);
  pdf.text(w.fit('Contents'), w.left, y + SIZES.h1 * 0.8);
  y += 40;
  for (const entry of entries) {
    if (y + TOC_LINE > w.bottom) {
      page += 1;
      pdf.setPage(page);
      y = MARGINS.top;
    }
    const indent = entry.level === 1 ? 0 : 18;
    const right = w.width - MARGINS.right;
    w.font(entry.level === 1 ? 'bold' : 'normal', entry.level === 1 ? SIZES.body + 0.5 : SIZES.body, COLORS.ink);
    const number = String(entry.page);
    const room = right - w.left - indent - pdf.getTextWidth(number) - 24;
    let title = w.fit(entry.title);
    if (pdf.getTextWidth(title) > room) {
      while (title.length > 1 && pdf.getTextWidth(`${title}…`) > room) title = title.slice(0, -1);
      title = `${title.trimEnd()}…`;
    }
    const baseline = y + 11;
    pdf.text(title, w.left + indent, baseline);
    pdf.text(number, right, baseline, { align: 'right' });
    // Dot leaders between the title and its page number.
    const from = w.left + indent + pdf.getTextWidth(title) + 6;
    const to = right - pdf.getTextWidth(number) - 6;
    pdf.setDrawColor(...rgb(COLORS.faint));
    pdf.setLineWidth(0.6);
    pdf.setLineDashPattern([0.6, 2.4], 0);
    if (to > from) pdf.line(from, baseline - 1, to, baseline - 1);
    pdf.setLineDashPattern([], 0);
    pdf.link(w.left + indent, y, right - w.left - indent, TOC_LINE, { pageNumber: entry.page });
    y += TOC_LINE;
  }
}

/** Bookmarks in the PDF viewer's sidebar: sections, with diagrams below theirs. */
export function addOutline(w: PdfWriter, entries: readonly TocEntry[], tocPage: number): void {
  const outline = w.pdf.outline;
  outline.add(null, w.fit('Contents'), { pageNumber: tocPage });
  let parent: unknown = null;
  for (const e of entries) {
    const node: unknown = outline.add(e.level === 1 ? null : (parent as never), w.fit(e.title), { pageNumber: e.page });
    if (e.level === 1) parent = node;
  }
}

/** Header (model title, classification) and footer (date, page X of Y) on every page but the cover. */
export function drawPageFurniture(w: PdfWriter, report: ReportStructure): void {
  const { pdf } = w;
  const total = pdf.getNumberOfPages();
  const title = report.cover.title;
  for (let page = 2; page <= total; page++) {
    pdf.setPage(page);
    const right = w.width - MARGINS.right;
    w.font('normal', SIZES.small, COLORS.muted);
    const classification = report.classification.toUpperCase();
    const classWidth = classification ? (w.font('bold', SIZES.small, COLORS.classification), pdf.getTextWidth(w.fit(classification))) : 0;
    w.font('normal', SIZES.small, COLORS.muted);
    let head = w.fit(title);
    const room = right - w.left - classWidth - 20;
    while (head.length > 1 && pdf.getTextWidth(head) > room) head = `${head.slice(0, -2)}…`;
    pdf.text(head, w.left, 32);
    if (classification) {
      w.font('bold', SIZES.small, COLORS.classification);
      pdf.text(w.fit(classification), right, 32, { align: 'right' });
    }
    pdf.setDrawColor(...rgb(COLORS.rule));
    pdf.setLineWidth(0.5);
    pdf.line(w.left, 38, right, 38);
    pdf.line(w.left, w.height - 38, right, w.height - 38);
    w.font('normal', SIZES.small, COLORS.muted);
    pdf.text(w.fit(`Threat model report · ${report.date}`), w.left, w.height - 26);
    pdf.text(`Page ${page} of ${total}`, right, w.height - 26, { align: 'right' });
  }
}
