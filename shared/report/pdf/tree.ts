// An attack tree drawn as boxes and connectors, laid out by shared/attack-trees (ELK, top-down):
// the goal on top, each step under its parent, AND / OR on steps with children, blocked steps in
// green. Scaled to the text width; a tree too big to stay legible on one page is left to the
// outline that always follows it.
import { TREE_BOX, layoutAttackTree } from '../../attack-trees';
import type { TreeDrawing } from '../types';
import { COLORS, rgb } from './theme';
import type { PdfWriter } from './writer';

const MIN_SCALE = 0.5;
const BLOCKED = '#2e7d32';
const AND = '#5b3cc4';

/** Draws the tree; false when it would not be legible on one page (the outline then stands alone). */
export async function drawTreeDiagram(w: PdfWriter, drawing: TreeDrawing): Promise<boolean> {
  const layout = await layoutAttackTree(drawing.tree);
  const fullHeight = w.bottom - 62 - 20;
  const scale = Math.min(1, w.contentWidth / layout.width, fullHeight / layout.height);
  if (scale < MIN_SCALE || layout.nodes.length < 2) return false;
  w.ensure(layout.height * scale + 8);
  const { pdf } = w;
  const x0 = w.left + (w.contentWidth - layout.width * scale) / 2;
  const y0 = w.y;
  const X = (x: number) => x0 + x * scale;
  const Y = (y: number) => y0 + y * scale;
  const blocked = new Set(drawing.blocked);
  const gated = new Set(drawing.gated);
  const steps = new Map(drawing.tree.steps.map((s) => [s.id, s]));
  pdf.setDrawColor(...rgb(COLORS.faint));
  pdf.setLineWidth(0.8);
  for (const e of layout.edges) pdf.path(e.points.map((p, i) => ({ op: i === 0 ? 'm' : 'l', c: [X(p.x), Y(p.y)] }))).stroke();
  for (const n of layout.nodes) {
    const step = steps.get(n.id);
    const isBlocked = blocked.has(n.id);
    const color = n.kind === 'goal' ? COLORS.accent : isBlocked ? BLOCKED : COLORS.rule;
    pdf.setFillColor(...rgb(n.kind === 'goal' ? '#eef2fd' : isBlocked ? '#e8f5e9' : '#ffffff'));
    pdf.setDrawColor(...rgb(color));
    pdf.setLineWidth(n.kind === 'goal' ? 1.4 : 1);
    pdf.roundedRect(X(n.x), Y(n.y), n.width * scale, n.height * scale, 6 * scale, 6 * scale, 'FD');
    const tags = [n.kind === 'goal' ? 'GOAL' : step && gated.has(step.id) ? step.gate.toUpperCase() : '', isBlocked ? 'BLOCKED' : ''].filter(Boolean);
    let tx = X(n.x + TREE_BOX.padding);
    for (const tag of tags) {
      w.font('bold', 7 * scale, '#ffffff');
      const width = pdf.getTextWidth(tag) + 8 * scale;
      pdf.setFillColor(...rgb(tag === 'GOAL' ? COLORS.accent : tag === 'BLOCKED' ? BLOCKED : tag === 'AND' ? AND : COLORS.accent));
      pdf.roundedRect(tx, Y(n.y + 7), width, 12 * scale, 2, 2, 'F');
      pdf.text(tag, tx + width / 2, Y(n.y + 13), { align: 'center', baseline: 'middle' });
      tx += width + 4 * scale;
    }
    w.font(n.kind === 'goal' ? 'bold' : 'normal', 10 * scale, COLORS.ink);
    n.lines.forEach((line, i) => {
      pdf.text(w.fit(line), X(n.x + TREE_BOX.padding), Y(n.y + TREE_BOX.header + TREE_BOX.lineHeight * (i + 0.5) + 2), { baseline: 'middle' });
    });
  }
  w.y = y0 + layout.height * scale + 10;
  w.fresh = false;
  return true;
}
