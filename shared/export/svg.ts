// A diagram as a standalone SVG file, drawn from the same scene as the PDF report (so both show
// the same geometry, labels and colours). Text is escaped XML text, never markup. The app turns
// this SVG into a PNG on a canvas.
import { iconOutline, type PathSegment } from '../icons';
import type { Point } from '../model';
import { labelBox, wrapWords, type Scene, type SceneBoundary, type SceneFlow, type SceneNode } from '../report';

const FONT = "'DejaVu Sans', Verdana, 'Segoe UI', sans-serif";
const INK = '#1d2330';
const MUTED = '#5d6678';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 forbids most control characters even as references.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const n = (v: number) => String(Math.round(v * 100) / 100);
const pts = (points: readonly Point[]) => points.map((p) => `${n(p.x)},${n(p.y)}`).join(' ');

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attrs}>${escapeXml(content)}</text>`;
}

function caption(lines: readonly string[], at: Point, size: number, color: string, border: string, weight = 400): string {
  const box = labelBox(lines, at);
  const step = size * 1.25;
  const first = at.y - ((lines.length - 1) * step) / 2;
  return [
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="4" fill="#ffffff" stroke="${border}" stroke-width="0.8"/>`,
    ...lines.map((l, i) => text(at.x, first + i * step, l, `font-size="${size}" font-weight="${weight}" fill="${color}" text-anchor="middle" dominant-baseline="central"`)),
  ].join('');
}

function boundary(b: SceneBoundary): string {
  if (b.shape === 'box') {
    const r = b.rect;
    const width = Math.min(r.width - 16, b.label.length * 7.4 + 16);
    return [
      `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.width)}" height="${n(r.height)}" rx="10" fill="none" stroke="${b.color}" stroke-width="2" stroke-dasharray="8 5"/>`,
      `<rect x="${n(r.x + 8)}" y="${n(r.y - 12)}" width="${n(width)}" height="24" rx="6" fill="#ffffff" stroke="${b.color}"/>`,
      text(r.x + 16, r.y, b.label, `font-size="12" font-weight="700" fill="${b.color}" dominant-baseline="central"`),
    ].join('');
  }
  return `<polyline points="${pts(b.points)}" fill="none" stroke="${b.color}" stroke-width="2.5" stroke-dasharray="10 6"/>${caption([b.label], b.labelAt, 12, b.color, b.color, 700)}`;
}

function arrow(tip: Point, from: Point, color: string): string {
  const d = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const ux = (tip.x - from.x) / d, uy = (tip.y - from.y) / d;
  const bx = tip.x - ux * 10, by = tip.y - uy * 10;
  return `<polygon points="${pts([tip, { x: bx - uy * 5, y: by + ux * 5 }, { x: bx + uy * 5, y: by - ux * 5 }])}" fill="${color}"/>`;
}

function flow(f: SceneFlow): string {
  const last = f.points.length - 1;
  const parts = [
    `<polyline points="${pts(f.points)}" fill="none" stroke="${f.color}" stroke-width="1.8"${f.outOfScope ? ' stroke-dasharray="6 4"' : ''}/>`,
    last > 0 ? arrow(f.points[last]!, f.points[last - 1]!, f.color) : '',
    last > 0 && f.arrowStart ? arrow(f.points[0]!, f.points[1]!, f.color) : '',
    f.label.length ? caption(f.label, f.labelAt, 11, f.labelColor, f.labelColor === INK ? '#d7dbe3' : f.labelColor) : '',
  ];
  return `<g data-id="${escapeXml(f.id)}"${f.outOfScope ? ' opacity="0.5"' : ''}>${parts.join('')}</g>`;
}

function pathData(segments: readonly PathSegment[]): string {
  return segments.map((s) => (s.op === 'Z' ? 'Z' : s.op === 'C' ? `C${n(s.x1)} ${n(s.y1)} ${n(s.x2)} ${n(s.y2)} ${n(s.x)} ${n(s.y)}` : `${s.op}${n(s.x)} ${n(s.y)}`)).join('');
}

/** A name wrapped to the node's text column, with an ellipsis where it runs out of lines. */
function nameLines(node: SceneNode): string[] {
  const chars = Math.max(4, Math.floor((node.rect.width - 64) / 7.8));
  const max = Math.max(1, Math.floor((node.rect.height - 30) / 15.5));
  const lines = wrapWords(node.name, chars);
  return lines.length <= max ? lines : [...lines.slice(0, max - 1), `${lines[max - 1]!.slice(0, chars - 1)}…`];
}

function node(nd: SceneNode): string {
  const { x, y, width, height } = nd.rect;
  const dash = nd.outOfScope ? ' stroke-dasharray="5 4"' : '';
  const body =
    nd.kind === 'store'
      ? `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="#ffffff"/><path d="M${n(x)} ${n(y)}H${n(x + width)}M${n(x)} ${n(y + 4)}H${n(x + width)}M${n(x)} ${n(y + height)}H${n(x + width)}" stroke="${nd.accent}" stroke-width="2"${dash}/>`
      : `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="${nd.kind === 'process' ? 16 : 2}" fill="#ffffff" stroke="${nd.accent}" stroke-width="1.5"${dash}/>`;
  const iconTop = y + height / 2 - 18;
  const icon = iconOutline(nd.icon).map(pathData).join('');
  const lines = nameLines(nd);
  const first = y + height / 2 + 7 - ((lines.length - 1) * 15.5) / 2;
  return [
    `<g data-id="${escapeXml(nd.id)}"${nd.outOfScope ? ' opacity="0.55"' : ''}>`,
    body,
    `<rect x="${n(x + 10)}" y="${n(iconTop)}" width="36" height="36" rx="9" fill="${nd.tint}"/>`,
    `<path d="${icon}" transform="translate(${n(x + 16)} ${n(iconTop + 6)})" fill="none" stroke="${nd.accent}" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round"/>`,
    text(x + 56, y + 16, nd.typeLabel, `font-size="9.5" fill="${MUTED}" dominant-baseline="central"`),
    ...lines.map((l, i) => text(x + 56, first + i * 15.5, l, `font-size="13" font-weight="700" fill="${INK}" dominant-baseline="central"`)),
    nd.outOfScope ? text(x + width - 8, y + height - 9, 'out of scope', 'font-size="9" fill="#8a4b00" text-anchor="end" dominant-baseline="central"') : '',
    '</g>',
  ].join('');
}

/** The whole scene as an SVG document, one user unit per diagram unit, on a white background. */
export function sceneToSvg(scene: Scene, title: string): string {
  const b = scene.bounds;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(b.x)} ${n(b.y)} ${n(b.width)} ${n(b.height)}" width="${Math.ceil(b.width)}" height="${Math.ceil(b.height)}" font-family="${FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" fill="#ffffff"/>`,
    ...scene.boundaries.map(boundary),
    ...scene.flows.map(flow),
    ...scene.nodes.map(node),
    '</svg>',
    '',
  ].join('\n');
}
