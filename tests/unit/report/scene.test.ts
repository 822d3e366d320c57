// The diagram scene (shared by the PDF and the SVG export) and how it is split across pages.
import { describe, expect, it } from 'vitest';
import { AI_TYPES, createBoxBoundary, createFlow, createNode, type Diagram } from '../../../shared/model';
import { componentIcon, iconOutline, parsePathData } from '../../../shared/icons';
import { buildScene, columnName, planDiagramPages, pointAlong } from '../../../shared/report';

function diagram(): Diagram {
  const a = createNode('actor', { x: 0, y: 0 }, 'Client');
  const b = createNode('llm', { x: 400, y: 0 }, 'Model');
  const c = { ...createNode('vector-db', { x: 400, y: 300 }, 'Index'), outOfScope: true };
  const box = { ...createBoxBoundary({ x: 360, y: -40 }, 'Cloud'), size: { width: 260, height: 440 } };
  return {
    id: 'd',
    name: 'Test',
    nodes: [a, b, c],
    flows: [{ ...createFlow(a.id, b.id, 'Ask'), protocol: 'HTTPS' }, createFlow(b.id, c.id, 'Lookup')],
    boundaries: [box],
  };
}

describe('diagram scene', () => {
  it('clips flows to the node edges and points the arrow at the target', () => {
    const scene = buildScene(diagram(), { includeOutOfScope: true });
    const ask = scene.flows[0]!;
    // Client is 0..w wide; Model starts at x 400: the path runs from one edge (+2) to the other (−2).
    const client = scene.nodes[0]!.rect;
    expect(ask.points[0]!.x).toBeCloseTo(client.x + client.width + 2);
    expect(ask.points.at(-1)!.x).toBeCloseTo(398);
    expect(ask.label).toEqual(['Ask (HTTPS)', 'crosses Cloud']);
    expect(ask.color).toBe('#c2410c');
  });

  it('keeps labels off the nodes and inside the bounds', () => {
    const scene = buildScene(diagram(), { includeOutOfScope: true });
    for (const f of scene.flows) {
      for (const n of scene.nodes) {
        const l = { x: f.labelAt.x, y: f.labelAt.y };
        const inside = l.x > n.rect.x && l.x < n.rect.x + n.rect.width && l.y > n.rect.y && l.y < n.rect.y + n.rect.height;
        expect(inside, `${f.label.join(' ')} on ${n.name}`).toBe(false);
      }
    }
    const b = scene.bounds;
    for (const n of scene.nodes) {
      expect(n.rect.x).toBeGreaterThanOrEqual(b.x);
      expect(n.rect.y + n.rect.height).toBeLessThanOrEqual(b.y + b.height);
    }
    // The box's title header sits above its top edge: the bounds include it.
    expect(b.y).toBeLessThan(-40 - 12);
  });

  it('leaves out out-of-scope nodes and the flows touching them when asked', () => {
    const scene = buildScene(diagram(), { includeOutOfScope: false });
    expect(scene.nodes.map((n) => n.name)).toEqual(['Client', 'Model']);
    expect(scene.flows.map((f) => f.label[0])).toEqual(['Ask (HTTPS)']);
  });

  it('measures along a polyline', () => {
    expect(pointAlong([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }], 0.5)).toEqual({ x: 10, y: 0 });
    expect(pointAlong([{ x: 0, y: 0 }, { x: 10, y: 0 }], 0.25)).toEqual({ x: 2.5, y: 0 });
  });
});

describe('diagram pages', () => {
  const area = { width: 750, height: 440 };

  it('fits a small diagram on one page, enlarged at most 1.25×', () => {
    const pages = planDiagramPages({ x: 0, y: 0, width: 300, height: 200 }, area);
    expect(pages.tiles).toHaveLength(1);
    expect(pages.scale).toBe(1.25);
  });

  it('shrinks a medium diagram to fit while labels stay legible', () => {
    const pages = planDiagramPages({ x: 0, y: 0, width: 1200, height: 600 }, area);
    expect(pages.tiles).toHaveLength(1);
    expect(pages.scale).toBeCloseTo(0.625);
  });

  it('tiles a large diagram at the legible scale, overlapping, covering every part', () => {
    const bounds = { x: -50, y: 20, width: 5000, height: 3000 };
    const pages = planDiagramPages(bounds, area);
    expect(pages.scale).toBe(0.55);
    expect(pages.tiles).toHaveLength(pages.cols * pages.rows);
    expect(pages.cols).toBeGreaterThan(1);
    const tileW = area.width / pages.scale;
    for (const t of pages.tiles) expect(t.rect.width).toBeCloseTo(tileW);
    // Neighbours overlap by at least a node's width; the last tile ends at the drawing's edge.
    const row = pages.tiles.filter((t) => t.row === 0);
    for (let i = 1; i < row.length; i++) expect(row[i - 1]!.rect.x + row[i - 1]!.rect.width - row[i]!.rect.x).toBeGreaterThanOrEqual(160);
    expect(row[0]!.rect.x).toBe(bounds.x);
    expect(row.at(-1)!.rect.x + row.at(-1)!.rect.width).toBeCloseTo(bounds.x + bounds.width);
    const col = pages.tiles.filter((t) => t.col === 0);
    expect(col.at(-1)!.rect.y + col.at(-1)!.rect.height).toBeCloseTo(bounds.y + bounds.height);
    expect(pages.tiles.map((t) => t.label).slice(0, 2)).toEqual(['A1', 'B1']);
  });

  it('shows every node of a large diagram whole on at least one tile', () => {
    const nodes = Array.from({ length: 60 }, (_, i) => createNode(AI_TYPES[i % AI_TYPES.length]!, { x: (i % 12) * 240, y: Math.floor(i / 12) * 150 }, `Node ${i + 1}`));
    const big: Diagram = { id: 'big', name: 'Big', nodes, flows: nodes.slice(1).map((n, i) => createFlow(nodes[i]!.id, n.id, `Flow ${i + 1}`)), boundaries: [] };
    const scene = buildScene(big, { includeOutOfScope: true });
    const pages = planDiagramPages(scene.bounds, area);
    expect(pages.tiles.length).toBeGreaterThan(1);
    const inside = (r: { x: number; y: number; width: number; height: number }, t: typeof r) =>
      r.x >= t.x && r.y >= t.y && r.x + r.width <= t.x + t.width && r.y + r.height <= t.y + t.height;
    for (const n of scene.nodes) expect(pages.tiles.some((t) => inside(n.rect, t.rect)), n.name).toBe(true);
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('icon path data', () => {
  it('parses every icon into move, line, cubic and close segments', () => {
    for (const type of AI_TYPES) {
      const outline = iconOutline(componentIcon(type));
      expect(outline.length).toBeGreaterThan(0);
      for (const segments of outline) {
        expect(segments[0]!.op).toBe('M');
        for (const s of segments) {
          expect(['M', 'L', 'C', 'Z']).toContain(s.op);
          if (s.op !== 'Z') for (const v of Object.values(s).filter((x) => typeof x === 'number')) expect(Number.isFinite(v)).toBe(true);
        }
      }
    }
  });

  it('reads relative commands, implicit repeats, smooth curves and arcs', () => {
    expect(parsePathData('M1 2h3v4l-1-1z')).toEqual([
      { op: 'M', x: 1, y: 2 },
      { op: 'L', x: 4, y: 2 },
      { op: 'L', x: 4, y: 6 },
      { op: 'L', x: 3, y: 5 },
      { op: 'Z' },
    ]);
    expect(parsePathData('M0 0 10 0 10 10').map((s) => s.op)).toEqual(['M', 'L', 'L']);
    const smooth = parsePathData('M0 0c1 1 2 1 3 0s2-1 3 0');
    expect(smooth[2]).toMatchObject({ op: 'C', x1: 4, y1: -1, x: 6, y: 0 });
    // A half circle of radius 5 from (0,0) to (10,0): ends exactly there, bulging to y = ±5.
    const arc = parsePathData('M0 0A5 5 0 0 1 10 0');
    expect(arc.at(-1)).toMatchObject({ op: 'C', x: 10, y: 0 });
    expect(arc.length).toBe(3);
    expect(() => parsePathData('M0 0 Q')).toThrow(/expected a number/);
    expect(() => parsePathData('0 0')).toThrow(/does not start with a command/);
  });
});
