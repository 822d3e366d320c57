// Report structure → PDF bytes with jsPDF. Pure: the fonts come in as bytes (the app fetches them
// from its bundle, tests read them from node_modules), nothing reads a clock or a random source,
// so the same structure and fonts give the same bytes.
import { jsPDF } from 'jspdf';
import { TextFitter, fontCoverage, toBase64 } from '../font-coverage';
import type { Block, ReportStructure } from '../types';
import { drawHeatMaps, drawTable, drawTree } from './blocks';
import { drawDiagram } from './diagram';
import { addOutline, drawCover, drawPageFurniture, drawToc, tocPageCount } from './front-matter';
import { COLORS, FONT, SIZES } from './theme';
import { PdfWriter, type TocEntry } from './writer';

export interface ReportFonts {
  /** TrueType files: DejaVu Sans and DejaVu Sans Bold in the app. */
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

export interface RenderProgress {
  /** Blocks drawn so far, of `total`. */
  readonly done: number;
  readonly total: number;
  /** The section being drawn. */
  readonly section: string;
}

export interface RenderHooks {
  /** Called before each block; a caller in a UI awaits a macrotask here now and then to stay responsive. */
  readonly onProgress?: (progress: RenderProgress) => void | Promise<void>;
}

export interface RenderedReport {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  /** Characters the font cannot draw, printed as □. */
  readonly replacedCharacters: number;
  readonly replacedSamples: readonly string[];
  readonly toc: readonly TocEntry[];
}

const base64Cache = new WeakMap<Uint8Array, string>();
const coverageCache = new WeakMap<Uint8Array, ReadonlySet<number>>();

function base64(bytes: Uint8Array): string {
  let b = base64Cache.get(bytes);
  if (b === undefined) base64Cache.set(bytes, (b = toBase64(bytes)));
  return b;
}

function coverage(bytes: Uint8Array): ReadonlySet<number> {
  let c = coverageCache.get(bytes);
  if (!c) coverageCache.set(bytes, (c = fontCoverage(bytes)));
  return c;
}

/** Characters both faces draw: text is fitted once, whichever face prints it. */
function sharedCoverage(fonts: ReportFonts): ReadonlySet<number> {
  const regular = coverage(fonts.regular);
  const bold = coverage(fonts.bold);
  return new Set([...regular].filter((c) => bold.has(c)));
}

/** A stable 32-hex-digit document id from the report's identity (FNV-1a, four seeds). */
function fileId(report: ReportStructure): string {
  const text = `${report.meta.title}\u0000${report.meta.creationDate}\u0000${report.sections.map((s) => s.title).join('|')}`;
  return [0x811c9dc5, 0x01000193, 0x9747b28c, 0x5bd1e995]
    .map((seed) => {
      let h = seed >>> 0;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
      return h.toString(16).padStart(8, '0');
    })
    .join('')
    .toUpperCase();
}

function drawBlock(w: PdfWriter, block: Block): void | Promise<void> {
  switch (block.kind) {
    case 'heading':
      return w.heading(block.text, 2, block.toc);
    case 'paragraph':
      return w.paragraph(block.text, { color: block.tone === 'muted' ? COLORS.muted : COLORS.ink, size: block.tone === 'muted' ? SIZES.small + 0.5 : SIZES.body });
    case 'fields':
      return w.fields(block.items);
    case 'table':
      return drawTable(w, block);
    case 'heat-maps':
      return drawHeatMaps(w, block.maps);
    case 'diagram':
      return drawDiagram(w, block);
    case 'tree':
      return drawTree(w, block.goal, block.lines, block.drawing);
  }
}

function replacementNote(w: PdfWriter): void {
  const codes = w.fitter.samples.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  w.heading('Characters not printed', 3, false);
  w.paragraph(
    `${w.fitter.replaced} character${w.fitter.replaced === 1 ? '' : 's'} of the model ha${w.fitter.replaced === 1 ? 's' : 've'} no glyph in the report font and ` +
      `${w.fitter.replaced === 1 ? 'is' : 'are'} printed as □ (${codes.join(', ')}). The model file keeps them unchanged.`,
    { color: COLORS.muted, size: SIZES.small + 0.5 },
  );
}

export async function renderReportPdf(report: ReportStructure, fonts: ReportFonts, hooks: RenderHooks = {}): Promise<RenderedReport> {
  // Three decimals of a point (a 1/24000 inch) is far below what any printer resolves; jsPDF's
  // default of 16 makes content streams several times longer and slower to write and compress.
  const pdf = new jsPDF({ unit: 'pt', format: report.paper, orientation: 'portrait', compress: true, putOnlyUsedFonts: true, precision: 3 });
  pdf.addFileToVFS('DejaVuSans.ttf', base64(fonts.regular));
  pdf.addFont('DejaVuSans.ttf', FONT, 'normal');
  pdf.addFileToVFS('DejaVuSans-Bold.ttf', base64(fonts.bold));
  pdf.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');
  const w = new PdfWriter(pdf, new TextFitter(sharedCoverage(fonts)), report.paper);
  pdf.setProperties({
    title: w.fit(report.meta.title),
    subject: w.fit(report.meta.subject),
    author: w.fit(report.meta.author),
    keywords: w.fit(report.meta.keywords),
    creator: report.meta.creator,
  });
  pdf.setCreationDate(new Date(report.meta.creationDate));
  pdf.setFileId(fileId(report));
  pdf.setLanguage('en');

  drawCover(w, report);
  const tocEntries = report.sections.reduce((n, s) => n + 1 + s.blocks.filter((b) => (b.kind === 'heading' && b.toc) || b.kind === 'diagram').length, 0);
  const tocPages = tocPageCount(w, tocEntries);
  const firstTocPage = 2;
  for (let i = 0; i < tocPages; i++) w.newPage();

  const total = report.sections.reduce((n, s) => n + s.blocks.length, 0);
  let done = 0;
  for (const section of report.sections) {
    w.newPage(section.blocks[0]?.kind === 'diagram' ? 'landscape' : 'portrait');
    w.heading(`${section.number} ${section.title}`, 1);
    for (const block of section.blocks) {
      await hooks.onProgress?.({ done, total, section: section.title });
      await drawBlock(w, block);
      done += 1;
    }
  }
  if (w.fitter.replaced > 0) {
    if (w.width > w.height) w.newPage();
    replacementNote(w);
  }
  await hooks.onProgress?.({ done, total, section: 'Contents' });
  drawToc(w, w.toc, firstTocPage);
  addOutline(w, w.toc, firstTocPage);
  drawPageFurniture(w, report);
  const bytes = new Uint8Array(pdf.output('arraybuffer'));
  return { bytes, pageCount: pdf.getNumberOfPages(), replacedCharacters: w.fitter.replaced, replacedSamples: [...w.fitter.samples], toc: [...w.toc] };
}
