// A diagram block on landscape pages: one page scaled to fit when labels stay legible, otherwise a
// key page (the whole diagram small, with the tile grid over it) and one page per tile.
import { planDiagramPages, type Tile } from '../tiling';
import type { Block, Rect, Scene } from '../types';
import { drawScene } from './scene';
import { COLORS, MARGINS, SIZES, rgb } from './theme';

/** Room the heading and locator take at the top of a tile page. */
const TILE_HEADER = 48;
import type { PdfWriter } from './writer';

type DiagramBlock = Extract<Block, { kind: 'diagram' }>;

/** Starts a landscape page unless the current one is a fresh landscape page (a section title only). */
function landscapePage(w: PdfWriter): void {
  if (!(w.width > w.height && w.y < 140)) w.newPage('landscape');
}

function titleLines(w: PdfWriter, title: string, caption: string): void {
  w.heading(title, 2, true);
  w.paragraph(caption, { size: SIZES.small, color: COLORS.muted, after: 4 });
}

/** The printable rectangle below the title, centred content of `scale` × `bounds`. */
function area(w: PdfWriter): Rect {
  return { x: w.left, y: w.y, width: w.contentWidth, height: w.bottom - w.y };
}

function frame(w: PdfWriter, r: Rect): void {
  w.pdf.setDrawColor(...rgb(COLORS.rule));
  w.pdf.setLineWidth(0.5);
  w.pdf.setLineDashPattern([], 0);
  w.pdf.rect(r.x, r.y, r.width, r.height, 'S');
}

function drawWhole(w: PdfWriter, scene: Scene, space: Rect, scale: number, labels: boolean): Rect {
  const width = scene.bounds.width * scale;
  const height = scene.bounds.height * scale;
  const x = space.x + (space.width - width) / 2;
  const y = space.y;
  drawScene(w, scene, { view: scene.bounds, x, y, scale, labels });
  return { x, y, width, height };
}

/** The tile grid over the overview: dashed outlines and a big label in each tile. */
function tileKey(w: PdfWriter, scene: Scene, placed: Rect, scale: number, tiles: readonly Tile[], highlight?: Tile): void {
  const { pdf } = w;
  for (const t of tiles) {
    const x = placed.x + (t.rect.x - scene.bounds.x) * scale;
    const y = placed.y + (t.rect.y - scene.bounds.y) * scale;
    const isHighlight = highlight?.label === t.label;
    pdf.setDrawColor(...rgb(isHighlight ? '#c2410c' : COLORS.accent));
    pdf.setLineWidth(isHighlight ? 1.6 : 0.8);
    pdf.setLineDashPattern(isHighlight ? [] : [3, 2], 0);
    pdf.rect(x, y, t.rect.width * scale, t.rect.height * scale, 'S');
    pdf.setLineDashPattern([], 0);
    if (!highlight) {
      w.font('bold', Math.min(16, Math.max(7, t.rect.height * scale * 0.18)), COLORS.accent);
      pdf.text(t.label, x + (t.rect.width * scale) / 2, y + (t.rect.height * scale) / 2, { align: 'center', baseline: 'middle' });
    }
  }
}

export function drawDiagram(w: PdfWriter, block: DiagramBlock): void {
  landscapePage(w);
  titleLines(w, block.title, block.caption);
  const space = area(w);
  const scene = block.scene;
  const fits = planDiagramPages(scene.bounds, space);
  // Tiles are cut for the tile pages, which have more room than this first page (one heading
  // line and the locator, no caption).
  const pages = fits.tiles.length === 1 ? fits : planDiagramPages(scene.bounds, { width: space.width, height: w.bottom - MARGINS.top - TILE_HEADER });
  if (pages.tiles.length === 1) {
    const placed = drawWhole(w, scene, space, pages.scale, true);
    frame(w, { x: placed.x - 4, y: placed.y - 4, width: placed.width + 8, height: placed.height + 8 });
    w.fresh = false;
    return;
  }
  // Key page: the whole drawing (shapes only, too small for text) with the tiles over it.
  w.paragraph(
    `This diagram is too large to print legibly on one page, so it follows on ${pages.tiles.length} pages (${pages.cols} × ${pages.rows}) at ${Math.round(pages.scale * 100)} % scale. ` +
      'This key shows which part each page holds; neighbouring pages overlap, so every element appears whole on at least one of them.',
    { size: SIZES.small, color: COLORS.ink, after: 6 },
  );
  const keySpace = area(w);
  const overview = Math.min(keySpace.width / scene.bounds.width, keySpace.height / scene.bounds.height);
  const placed = drawWhole(w, scene, keySpace, overview, false);
  tileKey(w, scene, placed, overview, pages.tiles);
  for (const tile of pages.tiles) {
    w.newPage('landscape');
    const name = block.title;
    w.heading(`${name} — part ${tile.label} (column ${tile.col + 1} of ${pages.cols}, row ${tile.row + 1} of ${pages.rows})`, 3, false);
    // A small locator at the right of the heading line: where this part sits in the whole.
    const locatorScale = Math.min(90 / scene.bounds.width, 40 / scene.bounds.height);
    const locator = { x: w.width - 46 - scene.bounds.width * locatorScale, y: 58, width: scene.bounds.width * locatorScale, height: scene.bounds.height * locatorScale };
    frame(w, locator);
    tileKey(w, scene, locator, locatorScale, pages.tiles, tile);
    w.y = Math.max(w.y, locator.y + locator.height + 6);
    const tileSpace = area(w);
    const scale = Math.min(tileSpace.width / tile.rect.width, tileSpace.height / tile.rect.height);
    drawScene(w, scene, { view: tile.rect, x: tileSpace.x, y: tileSpace.y, scale, labels: true });
    frame(w, { x: tileSpace.x, y: tileSpace.y, width: tile.rect.width * scale, height: tile.rect.height * scale });
    w.fresh = false;
  }
}
