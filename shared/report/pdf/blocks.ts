// Drawing the flowing blocks: tables (jspdf-autotable: wrapped cells, rows kept whole, headers
// repeated on every page), heat maps as vector grids, and attack trees as indented outlines.
import { autoTable, type CellInput, type RowInput } from 'jspdf-autotable';
import { IMPACT_ANCHORS, LIKELIHOOD_ANCHORS, RATINGS, RISK_MATRIX } from '../../risk';
import type { Block, Cell, HeatMapData, TreeDrawing, TreeLine } from '../types';
import { BAND_COLORS, COLORS, FONT, MARGINS, SIZES, rgb } from './theme';
import { drawTreeDiagram } from './tree';
import type { PdfWriter } from './writer';

type TableBlock = Extract<Block, { kind: 'table' }>;

const cellText = (c: Cell) => (typeof c === 'string' ? c : c.text);

function cellInput(w: PdfWriter, cell: Cell, bottomRule: boolean): CellInput {
  const styles: Record<string, unknown> = { lineWidth: { top: 0, right: 0, left: 0, bottom: bottomRule ? 0.4 : 0 } };
  if (typeof cell !== 'string') {
    if (cell.bold) styles['fontStyle'] = 'bold';
    if (cell.band) {
      styles['fillColor'] = rgb(BAND_COLORS[cell.band].tint);
      styles['textColor'] = rgb(BAND_COLORS[cell.band].text);
    }
  }
  return { content: w.fit(cellText(cell)), styles };
}

export function drawTable(w: PdfWriter, block: TableBlock): void {
  if (block.rows.length === 0) {
    if (block.empty) w.paragraph(block.empty, { color: COLORS.muted });
    return;
  }
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const width = w.contentWidth * Math.min(1, Math.max(0.2, block.width ?? 1));
  const body: RowInput[] = [];
  for (const row of block.rows) {
    body.push(row.cells.map((c) => cellInput(w, c, !row.note)));
    if (row.note) {
      body.push([
        {
          content: w.fit(row.note),
          colSpan: block.columns.length,
          styles: { textColor: rgb(COLORS.muted), fontSize: SIZES.small, cellPadding: { top: 0, right: 4, bottom: 4, left: 4 }, lineWidth: { top: 0, right: 0, left: 0, bottom: 0.4 } },
        },
      ]);
    }
  }
  // A heading above a table should not end a page on its own: ask for the head and a row first.
  w.ensure(44);
  autoTable(w.pdf, {
    startY: w.y,
    margin: { top: MARGINS.top, right: MARGINS.right, bottom: MARGINS.bottom, left: MARGINS.left },
    tableWidth: width,
    theme: 'plain',
    head: [block.columns.map((c) => ({ content: w.fit(c.header), styles: { halign: c.align ?? 'left' } }))],
    body,
    showHead: 'everyPage',
    rowPageBreak: 'avoid',
    styles: {
      font: FONT,
      fontStyle: 'normal',
      fontSize: SIZES.table,
      textColor: rgb(COLORS.ink),
      lineColor: rgb(COLORS.rule),
      lineWidth: { top: 0, right: 0, left: 0, bottom: 0.4 },
      cellPadding: { top: 3.5, right: 4, bottom: 3.5, left: 4 },
      overflow: 'linebreak',
      valign: 'top',
    },
    headStyles: { fillColor: rgb(COLORS.headFill), textColor: rgb(COLORS.ink), fontStyle: 'bold', fontSize: SIZES.table },
    columnStyles: Object.fromEntries(block.columns.map((c, i) => [i, { cellWidth: (c.width / total) * width, halign: c.align ?? 'left' }])),
  });
  const finalY = (w.pdf as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;
  w.y = finalY + 10;
  w.fresh = false;
}

const GRID = { cell: 34, row: 21, labelWidth: 62, title: 30, axis: 26 } as const;

function drawHeatMap(w: PdfWriter, map: HeatMapData, x0: number, top: number): void {
  const { pdf } = w;
  w.font('bold', SIZES.h3, COLORS.ink);
  pdf.text(w.fit(map.title), x0, top + 10);
  const gridX = x0 + GRID.labelWidth;
  const gridY = top + GRID.title;
  [...RATINGS].reverse().forEach((likelihood, r) => {
    const y = gridY + r * GRID.row;
    w.font('normal', SIZES.small, COLORS.muted);
    pdf.text(w.fit(`${likelihood} ${LIKELIHOOD_ANCHORS[likelihood].label}`), gridX - 4, y + GRID.row / 2 + 3, { align: 'right' });
    RATINGS.forEach((impact, c) => {
      const band = RISK_MATRIX[likelihood - 1]![impact - 1]!;
      const count = map.counts[likelihood - 1]?.[impact - 1] ?? 0;
      const x = gridX + c * GRID.cell;
      pdf.setFillColor(...rgb(count > 0 ? BAND_COLORS[band].strong : BAND_COLORS[band].tint));
      pdf.setDrawColor(255, 255, 255);
      pdf.setLineWidth(1.2);
      pdf.rect(x, y, GRID.cell, GRID.row, 'FD');
      if (count > 0) {
        w.font('bold', SIZES.body, BAND_COLORS[band].text);
        pdf.text(String(count), x + GRID.cell / 2, y + GRID.row / 2 + 3.3, { align: 'center' });
      }
    });
  });
  const axisY = gridY + 5 * GRID.row;
  w.font('normal', SIZES.small, COLORS.muted);
  RATINGS.forEach((impact, c) => pdf.text(String(impact), gridX + c * GRID.cell + GRID.cell / 2, axisY + 9, { align: 'center' }));
  pdf.text(w.fit(`Impact (1 ${IMPACT_ANCHORS[1].label} → 5 ${IMPACT_ANCHORS[5].label})`), gridX + (5 * GRID.cell) / 2, axisY + 19, { align: 'center' });
  pdf.text(w.fit('Likelihood'), gridX - 4, gridY - 4, { align: 'right' });
  if (map.unrated) pdf.text(w.fit(`Not rated yet: ${map.unrated}`), gridX, axisY + 30);
}

export function drawHeatMaps(w: PdfWriter, maps: readonly HeatMapData[]): void {
  const height = GRID.title + 5 * GRID.row + GRID.axis + 16;
  w.ensure(height);
  const gap = 24;
  const each = (w.contentWidth - gap) / 2;
  maps.forEach((map, i) => drawHeatMap(w, map, w.left + (i % 2) * (each + gap), w.y));
  w.y += height;
  w.fresh = false;
}

function drawTreeLine(w: PdfWriter, line: TreeLine): void {
  const { pdf } = w;
  const indent = 14 + (line.depth - 1) * 16;
  const x = w.left + indent;
  const tag = line.gate ? `${line.gate} ` : '';
  const tagWidth = tag ? 26 : 0;
  w.font('normal', SIZES.body, COLORS.ink);
  const label = w.wrap(line.label, w.contentWidth - indent - tagWidth);
  w.font('normal', SIZES.small, COLORS.muted);
  const detail = line.detail ? w.wrap(line.detail, w.contentWidth - indent - tagWidth) : [];
  w.ensure(label.length * w.lineHeight(SIZES.body) + detail.length * w.lineHeight(SIZES.small) + 2);
  const top = w.y;
  pdf.setDrawColor(...rgb(COLORS.faint));
  pdf.setLineWidth(0.6);
  pdf.line(x - 11, top + 5.5, x - 4, top + 5.5);
  pdf.line(x - 11, top - 3, x - 11, top + 5.5);
  if (tag) {
    pdf.setFillColor(...rgb(line.gate === 'AND' ? '#5b3cc4' : COLORS.accent));
    pdf.roundedRect(x, top, 22, 11, 2, 2, 'F');
    w.font('bold', 6.5, '#ffffff');
    pdf.text(line.gate, x + 11, top + 7.8, { align: 'center' });
  }
  w.font('normal', SIZES.body, COLORS.ink);
  w.lines(label, x + tagWidth, SIZES.body);
  if (detail.length) {
    w.font('normal', SIZES.small, line.detail.startsWith('BLOCKED') ? '#2e7d32' : COLORS.muted);
    w.lines(detail, x + tagWidth, SIZES.small);
  }
  w.y += 3;
}

export async function drawTree(w: PdfWriter, goal: string, lines: readonly TreeLine[], drawing: TreeDrawing): Promise<void> {
  w.font('bold', SIZES.h3, COLORS.ink);
  const wrapped = w.wrap(`Goal: ${goal}`, w.contentWidth);
  w.ensure(wrapped.length * w.lineHeight(SIZES.h3) + 3 * w.lineHeight(SIZES.body));
  if (!w.fresh) w.y += 6;
  w.lines(wrapped, w.left, SIZES.h3);
  w.y += 3;
  await drawTreeDiagram(w, drawing);
  if (lines.length === 0) w.paragraph('No steps yet.', { color: COLORS.muted, indent: 14 });
  for (const line of lines) drawTreeLine(w, line);
  w.y += 6;
}
