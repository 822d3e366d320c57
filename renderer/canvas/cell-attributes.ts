// Document records → JointJS cell JSON. The only place that decides how a record looks.
// User text goes into `text` attributes (rendered as text nodes), never into markup.
import type { dia } from '@joint/core';
import type { Boundary, BoxBoundary, DfdNode, Flow, LineBoundary } from '../../shared/model';
import { componentType } from '../../shared/model';
import { componentIcon } from '../icons/component-icons';
import { fillStroke, groupPaint, markerStyle, paint, trustPaint } from './canvas-theme';
import { LABEL_FONTS } from './shapes';
import { measureLines, wrapText, type FontSpec } from './text-measure';

/**
 * A rounded plate in the theme's label colour behind a link label, so lines never run through
 * words. Sized from the measured text (centred on the label's anchor, one `1em` line per line,
 * glyphs ~1.2em tall) rather than from the text's rendered bbox, which would cost a layout per label.
 */
function labelBackdrop(lines: readonly string[], font: FontSpec, border: string) {
  const width = measureLines(lines, font) + 12;
  const height = font.size * (Math.max(1, lines.length) - 1 + 1.2) + 6;
  // `ref: null` drops the built-in label default `ref: 'text'`, which would measure the text anyway.
  return { ref: null, x: -width / 2, y: -height / 2, width, height, rx: 4, ry: 4, ...fillStroke(paint.labelBg, border) };
}

/**
 * Stacking, set on every cell (a cell added without z would land on top): boundaries at the
 * back, then flows, then nodes, so a flow's label can never hide a node's icon or name.
 */
const Z = { boundary: -1, flow: 0, node: 1 } as const;

/** Breaks a caption into lines of about `width` characters at spaces, at most `max` lines. */
function wrapCaption(text: string, width = 24, max = 3): string {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word.length > width ? `${word.slice(0, width - 1)}…` : word);
  }
  if (lines.length > max) lines.splice(max - 1, lines.length, `${lines[max - 1]}…`);
  return lines.join('\n');
}

/** One path `d` for an icon: its paths plus its circles drawn as two arcs each. */
function iconPath(node: DfdNode): string {
  const icon = componentIcon(node.aiType);
  const circles = (icon.circles ?? []).map(
    ({ cx, cy, r }) => `M ${cx - r} ${cy} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0`,
  );
  return [...icon.paths, ...circles].join(' ');
}

export function nodeCell(node: DfdNode, selected: boolean, openThreats = 0): dia.Cell.JSON {
  const type = componentType(node.aiType);
  const colors = groupPaint(type.group);
  const outline = selected ? paint.selection : colors.accent;
  // Handles get their fill from canvas.css (an inline fill would beat its hover colour).
  const handle = () => fillStroke(undefined, colors.accent);
  const { width, height } = node.size;
  const iconTop = height / 2 - 18;
  const dim = node.outOfScope ? 0.55 : 1;
  // Right of the icon (x 56) with 8 px to spare; the name gets the height left under the type line.
  const textWidth = width - 64;
  const typeLines = wrapText(type.shortLabel.toUpperCase(), LABEL_FONTS.nodeType, { width: textWidth, maxLines: 1 });
  const nameLines = wrapText(node.name, LABEL_FONTS.nodeName, { width: textWidth, maxLines: Math.floor((height - 30) / LABEL_FONTS.nodeName.size) });
  return {
    id: node.id,
    type: 'tl.Node',
    z: Z.node,
    position: { ...node.position },
    size: { ...node.size },
    attrs: {
      root: { opacity: dim, dataTestid: `node-${node.id}` },
      tooltip: { text: `${node.name} — ${type.label}` },
      selection: { visibility: selected ? 'visible' : 'hidden' },
      body: {
        ...fillStroke(paint.nodeFill, outline),
        rx: node.kind === 'process' ? 16 : node.kind === 'external' ? 2 : 0,
        strokeDasharray: node.outOfScope ? '5 4' : 'none',
        // Stores are drawn DFD-style: open sides, double top and bottom rules.
        strokeOpacity: node.kind === 'store' ? 0 : 1,
      },
      storeLines: {
        d: node.kind === 'store' ? `M 0 0 H ${width} M 0 ${height} H ${width} M 0 4 H ${width}` : '',
        ...fillStroke(undefined, outline),
      },
      iconBg: { y: iconTop, ...fillStroke(colors.tint) },
      icon: { d: iconPath(node), ...fillStroke(undefined, colors.accent), transform: `translate(16, ${iconTop + 6})` },
      typeLabel: { text: typeLines.join('\n'), ...fillStroke(paint.nodeMuted) },
      label: { text: nameLines.join('\n') || ' ', ...fillStroke(paint.nodeInk) },
      scopeBadge: { text: node.outOfScope ? 'out of scope' : '' },
      handleTop: handle(),
      handleRight: handle(),
      handleBottom: handle(),
      handleLeft: handle(),
      resize: { visibility: selected ? 'visible' : 'hidden' },
      badge: { visibility: openThreats > 0 ? 'visible' : 'hidden' },
      badgeText: { text: openThreats > 0 ? (openThreats > 99 ? '99+' : String(openThreats)) : '' },
    },
  };
}

export function boundaryCell(boundary: Boundary, selected: boolean): dia.Cell.JSON {
  return boundary.shape === 'box' ? boxCell(boundary, selected) : lineCell(boundary, selected);
}

function boundaryTitle(boundary: Boundary): string {
  return `${boundary.name || 'Trust boundary'} · trust: ${boundary.trustLevel}`;
}

function boxCell(boundary: BoxBoundary, selected: boolean): dia.Cell.JSON {
  const color = trustPaint(boundary.trustLevel);
  const title = boundaryTitle(boundary);
  const lines = wrapText(title, LABEL_FONTS.boxTitle, { width: boundary.size.width - 40, maxLines: 1 });
  return {
    id: boundary.id,
    type: 'tl.BoundaryBox',
    z: Z.boundary,
    position: { ...boundary.position },
    size: { ...boundary.size },
    attrs: {
      root: { dataTestid: `boundary-${boundary.id}` },
      tooltip: { text: title },
      frame: fillStroke(undefined, color),
      selection: { visibility: selected ? 'visible' : 'hidden' },
      // The tag runs from x 8 to 8 px past the title (drawn from x 16).
      header: { width: Math.min(boundary.size.width - 16, measureLines(lines, LABEL_FONTS.boxTitle) + 16), ...fillStroke(paint.labelBg, color) },
      label: { text: lines.join('\n'), ...fillStroke(color) },
      resize: { visibility: selected ? 'visible' : 'hidden' },
    },
  };
}

function lineCell(boundary: LineBoundary, selected: boolean): dia.Cell.JSON {
  const color = trustPaint(boundary.trustLevel);
  const [first, ...rest] = boundary.points;
  const last = rest.pop() ?? first;
  const title = boundaryTitle(boundary);
  const font = LABEL_FONTS.lineTitle;
  return {
    id: boundary.id,
    type: 'tl.BoundaryLine',
    z: Z.boundary,
    source: { ...first! },
    target: { ...last! },
    vertices: rest.map((p) => ({ ...p })),
    attrs: {
      root: { dataTestid: `boundary-${boundary.id}` },
      line: fillStroke(undefined, selected ? paint.selection : color),
    },
    labels: [{
      position: 0.5,
      attrs: {
        text: { text: title, ...fillStroke(color), fontSize: font.size, fontWeight: font.weight },
        rect: labelBackdrop([title], font, color),
      },
    }],
  };
}

/**
 * Characters per label line that fit between two nodes side by side (about 6.3 px a character
 * at 11 px), so a flow's label sits in the gap instead of over the nodes it connects.
 */
export function labelWidthBetween(a: DfdNode | undefined, b: DfdNode | undefined): number {
  if (!a || !b) return 28;
  const gapX = Math.abs(a.position.x + a.size.width / 2 - (b.position.x + b.size.width / 2)) - (a.size.width + b.size.width) / 2;
  const gapY = Math.abs(a.position.y + a.size.height / 2 - (b.position.y + b.size.height / 2)) - (a.size.height + b.size.height) / 2;
  if (gapY > gapX) return 28; // stacked vertically: the label has the room beside the line
  return Math.max(8, Math.min(28, Math.floor((gapX - 12) / 6.3)));
}

export function flowCell(flow: Flow, selected: boolean, crosses: readonly string[], openThreats = 0, lineWidth = 28): dia.Cell.JSON {
  const crossing = crosses.length > 0;
  const color = selected ? paint.selection : crossing ? paint.crossing : paint.flowStroke;
  const marker = { type: 'path', d: 'M 10 -5 0 0 10 5 z', style: markerStyle(color) };
  const threats = openThreats > 0 ? `⚠ ${openThreats}` : '';
  const caption = [flow.name, flow.protocol ? `(${flow.protocol})` : '', threats].filter(Boolean).join(' ');
  const lines = [wrapCaption(caption, lineWidth), crossing ? wrapCaption(`crosses ${crosses.join(', ')}`, lineWidth) : '']
    .filter(Boolean)
    .join('\n');
  const font = LABEL_FONTS.flow;
  return {
    id: flow.id,
    type: 'tl.Flow',
    z: Z.flow,
    source: { id: flow.source },
    target: { id: flow.target },
    vertices: flow.vertices.map((p) => ({ ...p })),
    attrs: {
      root: { dataTestid: `flow-${flow.id}`, opacity: flow.outOfScope ? 0.5 : 1 },
      line: {
        ...fillStroke(undefined, color),
        strokeWidth: selected ? 2.6 : 1.8,
        strokeDasharray: flow.outOfScope ? '6 4' : 'none',
        targetMarker: marker,
        sourceMarker: flow.bidirectional ? marker : null,
      },
    },
    labels: lines
      ? [{
          attrs: {
            text: { text: lines, ...fillStroke(crossing ? paint.crossing : paint.nodeInk), fontSize: font.size, textAnchor: 'middle', textVerticalAnchor: 'middle' },
            rect: labelBackdrop(lines.split('\n'), font, crossing ? paint.crossing : paint.labelBorder),
          },
        }]
      : [],
  };
}
