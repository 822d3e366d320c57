// The JointJS canvas adapter in real Chromium: the graph mirrors the document, gestures become
// commands, user text stays text, and big diagrams mount only what is visible.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachCanvas, type CanvasCallbacks, type CanvasHandle } from '../../renderer/canvas/attach-canvas';
import { SpatialIndex } from '../../renderer/canvas/spatial-index';
import { measureText, wrapText } from '../../renderer/canvas/text-measure';
import { createBoxBoundary, createDiagram, createFlow, createModel, createNode } from '../../shared/model/factory';
import type { Diagram, DfdNode } from '../../shared/model/types';
import { diagramBounds, type Rect } from '../../shared/geometry';
import { emptyHistory, execute, type Command } from '../../shared/editing';

let host: HTMLDivElement;
let canvas: CanvasHandle;
let cb: { [K in keyof CanvasCallbacks]-?: ReturnType<typeof vi.fn> };

const frames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
const settle = async () => {
  await frames(30);
  await new Promise((r) => setTimeout(r, 200));
  await frames(3);
};
const nodeEl = (id: string) => host.querySelector<SVGGElement>(`[data-testid="node-${id}"]`);
const flowEl = (id: string) => host.querySelector<SVGGElement>(`[data-testid="flow-${id}"]`);

function twoNodes(): { diagram: Diagram; a: DfdNode; b: DfdNode } {
  const a = createNode('actor', { x: 40, y: 40 }, 'Customer');
  const b = createNode('llm', { x: 400, y: 40 }, 'Assistant model');
  const diagram = { ...createDiagram('Test'), nodes: [a, b] };
  return { diagram, a, b };
}

beforeEach(() => {
  host = document.createElement('div');
  Object.assign(host.style, { position: 'relative', width: '1000px', height: '700px' });
  document.body.append(host);
  cb = { dispatch: vi.fn(() => true), select: vi.fn(), editLabel: vi.fn(), dropItem: vi.fn(), viewChanged: vi.fn() };
  canvas = attachCanvas(host, cb as unknown as CanvasCallbacks);
});

afterEach(() => {
  canvas.destroy();
  host.remove();
});

describe('attachCanvas', () => {
  it('renders nodes with their name and type label, and never places the label over the icon', async () => {
    const { diagram, a } = twoNodes();
    canvas.update(diagram, new Set());
    await frames();
    const el = nodeEl(a.id)!;
    expect(el.querySelector('[joint-selector="label"]')!.textContent).toBe('Customer');
    expect(el.querySelector('[joint-selector="typeLabel"]')!.textContent).toBe('USER');
    const icon = el.querySelector('[joint-selector="iconBg"]')!.getBoundingClientRect();
    const label = el.querySelector('[joint-selector="label"]')!.getBoundingClientRect();
    expect(label.left).toBeGreaterThanOrEqual(icon.right);
  });

  it('applies changed, added and removed records, and leaves untouched ones alone', async () => {
    const { diagram, a, b } = twoNodes();
    canvas.update(diagram, new Set());
    await frames();
    const untouched = nodeEl(b.id);
    const flow = createFlow(a.id, b.id, 'Prompt');
    canvas.update({ ...diagram, nodes: [{ ...a, name: 'Analyst' }, b], flows: [flow] }, new Set([flow.id]));
    await frames();
    expect(nodeEl(a.id)!.textContent).toContain('Analyst');
    expect(flowEl(flow.id)!.textContent).toContain('Prompt');
    expect(nodeEl(b.id)).toBe(untouched);
    canvas.update({ ...diagram, nodes: [b], flows: [] }, new Set());
    await frames();
    expect(nodeEl(a.id)).toBeNull();
    expect(flowEl(flow.id)).toBeNull();
  });

  it('labels a flow that crosses a boundary with the boundary name', async () => {
    const { diagram, a, b } = twoNodes();
    const box = { ...createBoxBoundary({ x: 360, y: 0 }, 'Model hosting'), size: { width: 300, height: 200 } };
    const flow = createFlow(a.id, b.id, 'Prompt');
    canvas.update({ ...diagram, boundaries: [box], flows: [flow] }, new Set());
    await frames();
    expect(flowEl(flow.id)!.textContent).toContain('crosses Model hosting');
  });

  it('updates the crossing on a flow label when an end node moves into the boundary', async () => {
    const { diagram, a, b } = twoNodes();
    const box = { ...createBoxBoundary({ x: 360, y: 0 }, 'Model hosting'), size: { width: 300, height: 200 } };
    const flow = createFlow(a.id, b.id, 'Prompt');
    canvas.update({ ...diagram, boundaries: [box], flows: [flow] }, new Set());
    await frames();
    expect(flowEl(flow.id)!.textContent).toContain('crosses Model hosting');
    const inside = { ...a, position: { x: 380, y: 120 } };
    canvas.update({ ...diagram, nodes: [inside, b], boundaries: [box], flows: [flow] }, new Set());
    await frames();
    expect(flowEl(flow.id)!.textContent).not.toContain('crosses');
  });

  it('shows markup in names as literal text', async () => {
    const { diagram, a } = twoNodes();
    const hostile = '<img src=x onerror=alert(1)>';
    canvas.update({ ...diagram, nodes: [{ ...a, name: hostile }] }, new Set());
    await frames();
    expect(host.querySelector('img')).toBeNull();
    expect(nodeEl(a.id)!.querySelector('[joint-selector="label"]')!.textContent).toContain('<img');
  });

  it('turns a drag of a node into one translate command', async () => {
    const { diagram, a } = twoNodes();
    canvas.update(diagram, new Set());
    await frames();
    const r = nodeEl(a.id)!.querySelector('[joint-selector="body"]')!.getBoundingClientRect();
    const at = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    const fire = (type: string, x: number, y: number, target: Element) =>
      target.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: x, clientY: y, button: 0, buttons: 1 }));
    const body = nodeEl(a.id)!.querySelector('[joint-selector="body"]')!;
    fire('mousedown', at.x, at.y, body);
    for (let i = 1; i <= 5; i++) fire('mousemove', at.x + i * 10, at.y + i * 8, document.body);
    fire('mouseup', at.x + 50, at.y + 40, document.body);
    expect(cb.select).toHaveBeenCalledWith([a.id], 'replace');
    expect(cb.dispatch).toHaveBeenCalledTimes(1);
    const command = cb.dispatch.mock.calls[0]![0] as { label: string };
    expect(command.label).toMatch(/move/i);
  });

  it('mounts only the cells near the viewport on a big diagram', async () => {
    const nodes = Array.from({ length: 900 }, (_, i) => createNode('generic-process', { x: (i % 30) * 220, y: Math.floor(i / 30) * 140 }, `N${i}`));
    canvas.update({ ...createDiagram('Big'), nodes }, new Set());
    await frames(30);
    await new Promise((r) => setTimeout(r, 300));
    const mounted = host.querySelectorAll('[data-testid^="node-"]').length;
    expect(mounted).toBeGreaterThan(10);
    expect(mounted).toBeLessThan(300);
  });

  it('zooms with the buttons API and reports the zoom level', async () => {
    const { diagram } = twoNodes();
    canvas.update(diagram, new Set());
    canvas.zoomBy(2);
    expect(canvas.zoom()).toBeCloseTo(2);
    canvas.actualSize();
    expect(canvas.zoom()).toBeCloseTo(1);
    expect(cb.viewChanged).toHaveBeenCalled();
  });
});

/** `cols` × `rows` nodes 220 px apart across and 140 px down, named N0, N1, … */
function gridDiagram(cols: number, rows: number): { diagram: Diagram; nodes: DfdNode[] } {
  const nodes = Array.from({ length: cols * rows }, (_, i) =>
    createNode('generic-process', { x: (i % cols) * 220, y: Math.floor(i / cols) * 140 }, `N${i}`),
  );
  return { diagram: { ...createDiagram('Big'), nodes }, nodes };
}
const mountedNodeIds = () => [...host.querySelectorAll('[data-testid^="node-"]')].map((el) => el.getAttribute('data-testid')!.slice(5));
const within = (outer: DOMRect, inner: DOMRect, slack = 0.5) =>
  inner.left >= outer.left - slack && inner.top >= outer.top - slack && inner.right <= outer.right + slack && inner.bottom <= outer.bottom + slack;

describe('attachCanvas on big diagrams', () => {
  it('builds cells only near the viewport, and follows a pan', async () => {
    const { diagram, nodes } = gridDiagram(40, 40);
    canvas.update(diagram, new Set());
    await settle();
    const first = new Set(mountedNodeIds());
    expect(first.size).toBeGreaterThan(10);
    expect(first.size).toBeLessThan(150);
    expect(first.has(nodes[0]!.id)).toBe(true);
    // Five screens right and down: what was on screen goes, what is there now comes.
    for (let i = 0; i < 5; i++) host.dispatchEvent(new WheelEvent('wheel', { deltaX: 1000, deltaY: 700, bubbles: true, cancelable: true }));
    await settle();
    const after = new Set(mountedNodeIds());
    expect(after.size).toBeGreaterThan(10);
    expect(after.size).toBeLessThan(150);
    expect([...after].some((id) => first.has(id))).toBe(false);
    const area = canvas.visibleArea();
    const far = nodes.find((n) => n.position.x > area.x + 100 && n.position.y > area.y + 100)!;
    expect(after.has(far.id)).toBe(true);
  });

  it('draws a visible flow to its end node far off screen', async () => {
    const { diagram, nodes } = gridDiagram(40, 40);
    const near = nodes[0]!;
    const far = nodes[40 * 39 + 39]!;
    const flow = createFlow(near.id, far.id, 'Long haul');
    canvas.update({ ...diagram, flows: [flow] }, new Set());
    await settle();
    // The flow runs off screen to a node 8000 px away; it is drawn, so its far end is in the graph.
    expect(flowEl(flow.id)).not.toBeNull();
    const line = flowEl(flow.id)!.querySelector('[joint-selector="line"]')!.getAttribute('d')!;
    const end = line.trim().split(/\s+/).slice(-2).map(Number);
    expect(end[0]).toBeGreaterThan(far.position.x - 20);
    expect(end[1]).toBeGreaterThan(far.position.y - 20);
  });

  it('fits the whole document, not just the cells it has built', async () => {
    const { diagram } = gridDiagram(20, 20);
    canvas.update(diagram, new Set());
    await settle();
    canvas.fit();
    const b = diagramBounds(diagram)!;
    expect(canvas.zoom()).toBeCloseTo(Math.min((1000 - 96) / b.width, (700 - 96) / b.height), 5);
    const area = canvas.visibleArea();
    expect(area.x).toBeLessThanOrEqual(b.x);
    expect(area.y).toBeLessThanOrEqual(b.y);
    expect(area.x + area.width).toBeGreaterThanOrEqual(b.x + b.width);
    expect(area.y + area.height).toBeGreaterThanOrEqual(b.y + b.height);
    await settle();
    expect(mountedNodeIds()).toHaveLength(400);
  });

  it('scrolls an off-screen element into view before telling where it is (for the rename editor)', async () => {
    const { diagram, nodes } = gridDiagram(40, 40);
    canvas.update(diagram, new Set());
    await settle();
    const far = nodes[40 * 30 + 30]!;
    expect(nodeEl(far.id)).toBeNull();
    const zoom = canvas.zoom();
    const rect = canvas.clientRectOf(far.id)!;
    expect(rect).not.toBeNull();
    expect(within(host.getBoundingClientRect(), rect)).toBe(true);
    // Mounted at once, where the rect says: the overlay can be placed without waiting a frame.
    const body = nodeEl(far.id)!.querySelector('[joint-selector="body"]')!.getBoundingClientRect();
    expect(within(rect, body)).toBe(true);
    expect(body.width).toBeCloseTo(far.size.width * zoom, 0);
    expect(canvas.zoom()).toBe(zoom);
  });

  it('moves the members of a dragged box boundary, also those with no cell', async () => {
    const box = { ...createBoxBoundary({ x: 0, y: 0 }, 'Data centre'), size: { width: 4000, height: 3000 } };
    const near = createNode('llm', { x: 100, y: 100 }, 'Near');
    const far = createNode('vector-db', { x: 3600, y: 2700 }, 'Far');
    const doc = createModel('Drag');
    const diagram = { ...doc.diagrams[0]!, nodes: [near, far], boundaries: [box] };
    canvas.update(diagram, new Set());
    await settle();
    expect(nodeEl(far.id)).toBeNull();
    const header = host.querySelector(`[data-testid="boundary-${box.id}"] [joint-selector="header"]`)!;
    const r = header.getBoundingClientRect();
    const at = { x: r.left + 10, y: r.top + r.height / 2 };
    const fire = (type: string, x: number, y: number, target: Element) =>
      target.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: x, clientY: y, button: 0, buttons: 1 }));
    fire('mousedown', at.x, at.y, header);
    for (let i = 1; i <= 5; i++) fire('mousemove', at.x + i * 10, at.y + i * 10, document.body);
    fire('mouseup', at.x + 50, at.y + 50, document.body);
    expect(cb.dispatch).toHaveBeenCalledTimes(1);
    const command = cb.dispatch.mock.calls[0]![0] as Command;
    const moved = execute({ ...doc, diagrams: [diagram] }, emptyHistory, command).doc.diagrams[0]!;
    const dx = moved.boundaries[0]!.shape === 'box' ? moved.boundaries[0]!.position.x - box.position.x : NaN;
    expect(dx).toBe(50);
    expect(moved.nodes.find((n) => n.id === near.id)!.position).toEqual({ x: 150, y: 150 });
    expect(moved.nodes.find((n) => n.id === far.id)!.position).toEqual({ x: 3650, y: 2750 });
  });

  it('changes only the cells whose selection changed', async () => {
    const { diagram, nodes } = gridDiagram(10, 10);
    canvas.update(diagram, new Set());
    await settle();
    const [a, b] = [nodes[11]!, nodes[12]!];
    const touched = new Set<string>();
    const observer = new MutationObserver((records) => {
      for (const m of records) {
        const cell = (m.target instanceof Element ? m.target : m.target.parentElement)?.closest('[data-testid]');
        if (cell) touched.add(cell.getAttribute('data-testid')!);
      }
    });
    observer.observe(host, { subtree: true, attributes: true, childList: true, characterData: true });
    canvas.update(diagram, new Set([a.id]));
    await frames(5);
    canvas.update(diagram, new Set([b.id]));
    await frames(5);
    observer.disconnect();
    expect(touched).toEqual(new Set([`node-${a.id}`, `node-${b.id}`]));
  });
});

describe('labels', () => {
  it('wraps a long node name inside the node, right of the icon, cut with an ellipsis', async () => {
    const node = createNode('llm', { x: 40, y: 40 }, 'A remarkably long name for the hosted large language model serving the assistant');
    canvas.update({ ...createDiagram('Labels'), nodes: [node] }, new Set());
    await frames();
    const el = nodeEl(node.id)!;
    const label = el.querySelector('[joint-selector="label"]')!;
    const lines = [...label.querySelectorAll('tspan')].map((t) => t.textContent);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toMatch(/…$/);
    const body = el.querySelector('[joint-selector="body"]')!.getBoundingClientRect();
    const icon = el.querySelector('[joint-selector="iconBg"]')!.getBoundingClientRect();
    const text = label.getBoundingClientRect();
    expect(text.left).toBeGreaterThanOrEqual(icon.right);
    expect(within(body, text)).toBe(true);
  });

  it('sizes the plate behind a flow label to the text', async () => {
    const { diagram, a, b } = twoNodes();
    const box = { ...createBoxBoundary({ x: 360, y: 0 }, 'Model hosting'), size: { width: 300, height: 200 } };
    const flow = { ...createFlow(a.id, b.id, 'Prompts with retrieved context'), protocol: 'HTTPS' };
    canvas.update({ ...diagram, boundaries: [box], flows: [flow] }, new Set());
    await frames();
    const label = flowEl(flow.id)!.querySelector('.label')!;
    const plate = label.querySelector('rect')!.getBoundingClientRect();
    const text = label.querySelector('text')!.getBoundingClientRect();
    expect(label.querySelectorAll('tspan').length).toBeGreaterThanOrEqual(2);
    expect(within(plate, text, 1)).toBe(true);
    // Snug: a few px of padding, not a guess sized for the longest possible caption.
    expect(plate.width - text.width).toBeLessThan(16);
    expect(plate.height - text.height).toBeLessThan(12);
  });
});

describe('wrapText', () => {
  const font = { size: 13, weight: 600 };

  it('breaks at spaces into lines no wider than asked, and keeps short text whole', () => {
    expect(wrapText('Customer', font, { width: 96, maxLines: 2 })).toEqual(['Customer']);
    const lines = wrapText('Feature store for fraud', font, { width: 96, maxLines: 3 });
    expect(lines.join(' ')).toBe('Feature store for fraud');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measureText(line, font)).toBeLessThanOrEqual(96);
  });

  it('splits a word wider than a line, and cuts overflowing text with an ellipsis', () => {
    const word = wrapText('Supercalifragilisticexpialidocious', font, { width: 80, maxLines: 5 });
    expect(word.join('')).toBe('Supercalifragilisticexpialidocious');
    for (const line of word) expect(measureText(line, font)).toBeLessThanOrEqual(80);
    const cut = wrapText('one two three four five six seven eight nine ten', font, { width: 60, maxLines: 2 });
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/…$/);
    expect(measureText(cut[1]!, font)).toBeLessThanOrEqual(60);
  });

  it('returns nothing for blank text, and the same lines for the same question', () => {
    expect(wrapText('   ', font, { width: 96, maxLines: 2 })).toEqual([]);
    const once = wrapText('Vector database', font, { width: 96, maxLines: 2 });
    expect(wrapText('Vector database', font, { width: 96, maxLines: 2 })).toBe(once);
    expect(measureText('MMMM', { size: 13 })).toBeGreaterThan(measureText('iiii', { size: 13 }));
  });
});

describe('SpatialIndex', () => {
  const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });
  const brute = (rects: Map<string, Rect>, area: Rect) =>
    [...rects].filter(([, r]) => r.x <= area.x + area.width && area.x <= r.x + r.width && r.y <= area.y + area.height && area.y <= r.y + r.height).map(([id]) => id).sort();

  it('finds exactly the rectangles touching an area, wherever they are', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const rects = new Map<string, Rect>();
    const index = new SpatialIndex();
    for (let i = 0; i < 500; i++) {
      const r = rect(random() * 20000 - 10000, random() * 20000 - 10000, random() * 1500, random() * 800);
      rects.set(`r${i}`, r);
      index.set(`r${i}`, r);
    }
    for (let q = 0; q < 50; q++) {
      const area = rect(random() * 20000 - 10000, random() * 20000 - 10000, random() * 3000, random() * 3000);
      expect([...index.query(area)].sort()).toEqual(brute(rects, area));
    }
    // Zoomed far out: an area spanning more grid cells than there are records.
    const all = rect(-1e6, -1e6, 2e6, 2e6);
    expect([...index.query(all)].sort()).toEqual(brute(rects, all));
  });

  it('moves and forgets rectangles', () => {
    const index = new SpatialIndex();
    index.set('a', rect(0, 0, 100, 50));
    index.set('a', rect(5000, 5000, 100, 50));
    expect([...index.query(rect(0, 0, 200, 200))]).toEqual([]);
    expect([...index.query(rect(4900, 4900, 200, 200))]).toEqual(['a']);
    expect(index.rectOf('a')).toEqual(rect(5000, 5000, 100, 50));
    index.delete('a');
    expect([...index.query(rect(4900, 4900, 200, 200))]).toEqual([]);
    expect(index.size).toBe(0);
  });
});
