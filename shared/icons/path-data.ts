// SVG path data → absolute move/line/cubic/close segments, for drawing surfaces that have no
// SVG path parser (jsPDF's path operators are exactly these four). Arcs and quadratic curves are
// turned into cubic Béziers; circles become four cubic quarter-arcs.
import type { IconCircle } from './component-icons';

export type PathSegment =
  | { readonly op: 'M' | 'L'; readonly x: number; readonly y: number }
  | { readonly op: 'C'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly x: number; readonly y: number }
  | { readonly op: 'Z' };

const PARAMS: Readonly<Record<string, number>> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };
const TOKEN = /([MmLlHhVvCcSsQqTtAaZz])|(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/g;

/** Parses path data; throws naming the first thing it cannot read (icon data is ours, so a
 * mistake should fail a test, not draw garbage). */
export function parsePathData(d: string): PathSegment[] {
  const tokens: (string | number)[] = [];
  for (const m of d.matchAll(TOKEN)) tokens.push(m[1] ?? Number(m[2]));
  const out: PathSegment[] = [];
  let i = 0;
  let cx = 0, cy = 0; // current point
  let sx = 0, sy = 0; // start of the subpath
  type Ctrl = { x: number; y: number; cubic: boolean } | null;
  let lastCtrl: Ctrl = null as Ctrl;
  let command = '';
  const num = () => {
    const t = tokens[i++];
    if (typeof t !== 'number') throw new Error(`Path data "${d}": expected a number after ${command}`);
    return t;
  };
  while (i < tokens.length) {
    const t = tokens[i];
    if (typeof t === 'string') {
      command = t;
      i++;
    } else if (!command) throw new Error(`Path data "${d}" does not start with a command`);
    else if (command === 'M') command = 'L';
    else if (command === 'm') command = 'l';
    const rel = command === command.toLowerCase();
    const c = command.toLowerCase();
    if (PARAMS[c] === undefined) throw new Error(`Path data "${d}": unknown command ${command}`);
    const ox = rel ? cx : 0;
    const oy = rel ? cy : 0;
    let ctrl: Ctrl = null;
    switch (c) {
      case 'm':
        cx = ox + num(); cy = oy + num(); sx = cx; sy = cy;
        out.push({ op: 'M', x: cx, y: cy });
        break;
      case 'l':
        cx = ox + num(); cy = oy + num();
        out.push({ op: 'L', x: cx, y: cy });
        break;
      case 'h':
        cx = ox + num();
        out.push({ op: 'L', x: cx, y: cy });
        break;
      case 'v':
        cy = oy + num();
        out.push({ op: 'L', x: cx, y: cy });
        break;
      case 'c': {
        const x1 = ox + num(), y1 = oy + num(), x2 = ox + num(), y2 = oy + num();
        cx = ox + num(); cy = oy + num();
        out.push({ op: 'C', x1, y1, x2, y2, x: cx, y: cy });
        ctrl = { x: x2, y: y2, cubic: true };
        break;
      }
      case 's': {
        const x1 = lastCtrl?.cubic ? 2 * cx - lastCtrl.x : cx;
        const y1 = lastCtrl?.cubic ? 2 * cy - lastCtrl.y : cy;
        const x2 = ox + num(), y2 = oy + num();
        cx = ox + num(); cy = oy + num();
        out.push({ op: 'C', x1, y1, x2, y2, x: cx, y: cy });
        ctrl = { x: x2, y: y2, cubic: true };
        break;
      }
      case 'q':
      case 't': {
        const qx = c === 'q' ? ox + num() : lastCtrl && !lastCtrl.cubic ? 2 * cx - lastCtrl.x : cx;
        const qy = c === 'q' ? oy + num() : lastCtrl && !lastCtrl.cubic ? 2 * cy - lastCtrl.y : cy;
        const x = ox + num(), y = oy + num();
        out.push({ op: 'C', x1: cx + (2 / 3) * (qx - cx), y1: cy + (2 / 3) * (qy - cy), x2: x + (2 / 3) * (qx - x), y2: y + (2 / 3) * (qy - y), x, y });
        cx = x; cy = y;
        ctrl = { x: qx, y: qy, cubic: false };
        break;
      }
      case 'a': {
        const rx = num(), ry = num(), rotation = num(), large = num(), sweep = num();
        const x = ox + num(), y = oy + num();
        out.push(...arcToCubics(cx, cy, rx, ry, rotation, large !== 0, sweep !== 0, x, y));
        cx = x; cy = y;
        break;
      }
      case 'z':
        out.push({ op: 'Z' });
        cx = sx; cy = sy;
        break;
    }
    lastCtrl = ctrl;
  }
  return out;
}

/** SVG elliptical arc (endpoint form) → cubic Béziers of at most 90° each (SVG spec, appendix B.2.4). */
function arcToCubics(x1: number, y1: number, rxIn: number, ryIn: number, angle: number, large: boolean, sweep: boolean, x2: number, y2: number): PathSegment[] {
  if (x1 === x2 && y1 === y2) return [];
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if (rx === 0 || ry === 0) return [{ op: 'L', x: x2, y: y2 }];
  const phi = (angle * Math.PI) / 180;
  const cos = Math.cos(phi), sin = Math.sin(phi);
  const dx = (x1 - x2) / 2, dy = (y1 - y2) / 2;
  const x1p = cos * dx + sin * dy;
  const y1p = -sin * dx + cos * dy;
  const lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
  const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
  const coef = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cxp = (coef * rx * y1p) / ry;
  const cyp = (-coef * ry * x1p) / rx;
  const centerX = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const centerY = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const vecAngle = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const theta1 = vecAngle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
  let delta = vecAngle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const parts = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9));
  const step = delta / parts;
  const k = (4 / 3) * Math.tan(step / 4);
  const point = (t: number) => {
    const ex = rx * Math.cos(t), ey = ry * Math.sin(t);
    return { x: centerX + cos * ex - sin * ey, y: centerY + sin * ex + cos * ey };
  };
  const tangent = (t: number) => {
    const ex = -rx * Math.sin(t), ey = ry * Math.cos(t);
    return { x: cos * ex - sin * ey, y: sin * ex + cos * ey };
  };
  const out: PathSegment[] = [];
  for (let p = 0; p < parts; p++) {
    const t1 = theta1 + p * step;
    const t2 = t1 + step;
    const a = point(t1), b = point(t2), ta = tangent(t1), tb = tangent(t2);
    const end = p === parts - 1 ? { x: x2, y: y2 } : b;
    out.push({ op: 'C', x1: a.x + k * ta.x, y1: a.y + k * ta.y, x2: b.x - k * tb.x, y2: b.y - k * tb.y, x: end.x, y: end.y });
  }
  return out;
}

/** A circle as a closed path of four cubic quarter-arcs, starting at its leftmost point. */
export function circleSegments({ cx, cy, r }: IconCircle): PathSegment[] {
  const k = 0.5522847498 * r;
  return [
    { op: 'M', x: cx - r, y: cy },
    { op: 'C', x1: cx - r, y1: cy - k, x2: cx - k, y2: cy - r, x: cx, y: cy - r },
    { op: 'C', x1: cx + k, y1: cy - r, x2: cx + r, y2: cy - k, x: cx + r, y: cy },
    { op: 'C', x1: cx + r, y1: cy + k, x2: cx + k, y2: cy + r, x: cx, y: cy + r },
    { op: 'C', x1: cx - k, y1: cy + r, x2: cx - r, y2: cy + k, x: cx - r, y: cy },
    { op: 'Z' },
  ];
}

const outlines = new WeakMap<object, readonly (readonly PathSegment[])[]>();

/** Every stroke of an icon (its paths, then its circles) as segment lists, parsed once per icon. */
export function iconOutline(icon: { readonly paths: readonly string[]; readonly circles?: readonly IconCircle[] }): readonly (readonly PathSegment[])[] {
  let outline = outlines.get(icon);
  if (!outline) {
    outline = [...icon.paths.map(parsePathData), ...(icon.circles ?? []).map(circleSegments)];
    outlines.set(icon, outline);
  }
  return outline;
}
