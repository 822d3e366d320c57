// The JointJS canvas adapter in real Chromium: the graph mirrors the document, gestures become
// commands, user text stays text, and big diagrams mount only what is visible.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachCanvas, type CanvasCallbacks, type CanvasHandle } from '../../renderer/canvas/attach-canvas';
import { createBoxBoundary, createDiagram, createFlow, createNode } from '../../shared/model/factory';
import type { Diagram, DfdNode } from '../../shared/model/types';

let host: HTMLDivElement;
let canvas: CanvasHandle;
let cb: { [K in keyof CanvasCallbacks]-?: ReturnType<typeof vi.fn> };

const frames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
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
