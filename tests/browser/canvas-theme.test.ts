// Dark mode on the live canvas: switching <html data-theme> restyles nodes, flows, boundaries,
// badges, the grid and the paper through theme.css's variables, without rebuilding a cell, and
// the cell JSON built from a record is the same whatever the theme.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import themeCss from '../../renderer/app/theme.css?raw';
import canvasCss from '../../renderer/canvas/canvas.css?raw';
import { attachCanvas, type CanvasCallbacks, type CanvasHandle } from '../../renderer/canvas/attach-canvas';
import { boundaryCell, flowCell, nodeCell } from '../../renderer/canvas/cell-attributes';
import { createBoxBoundary, createDiagram, createFlow, createLineBoundary, createNode } from '../../shared/model/factory';
import type { Diagram } from '../../shared/model/types';

let host: HTMLDivElement;
let canvas: CanvasHandle;
let styles: HTMLStyleElement;

const frames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

/** A customer outside a medium-trust box, an LLM inside it, and a flow crossing into it. */
function scene() {
  const customer = createNode('actor', { x: 40, y: 80 }, 'Customer');
  const model = createNode('llm', { x: 460, y: 80 }, 'Assistant model');
  const box = { ...createBoxBoundary({ x: 400, y: 20 }, 'Model hosting'), size: { width: 320, height: 220 } };
  const flow = createFlow(customer.id, model.id, 'Prompt');
  const diagram: Diagram = { ...createDiagram('Theme'), nodes: [customer, model], boundaries: [box], flows: [flow] };
  return { diagram, customer, model, box, flow };
}

const part = (testid: string, selector: string) =>
  host.querySelector<SVGElement>(`[data-testid="${testid}"] [joint-selector="${selector}"]`)!;
const labelPart = (flowId: string, tag: 'rect' | 'text') => host.querySelector<SVGElement>(`[data-testid="flow-${flowId}"] .labels ${tag}`)!;
const setTheme = (theme: 'light' | 'dark') => {
  document.documentElement.dataset['theme'] = theme;
};

beforeAll(() => {
  styles = document.createElement('style');
  styles.textContent = `${themeCss}\n${canvasCss}`;
  document.head.append(styles);
});
afterAll(() => styles.remove());

beforeEach(() => {
  setTheme('light');
  host = document.createElement('div');
  Object.assign(host.style, { position: 'relative', width: '1000px', height: '600px' });
  document.body.append(host);
  const cb = { dispatch: vi.fn(() => true), select: vi.fn(), editLabel: vi.fn(), dropItem: vi.fn(), viewChanged: vi.fn() };
  canvas = attachCanvas(host, cb as unknown as CanvasCallbacks);
});

afterEach(() => {
  canvas.destroy();
  host.remove();
  delete document.documentElement.dataset['theme'];
});

describe('canvas theme', () => {
  it('restyles every part of the live canvas when the theme changes, without rebuilding cells', async () => {
    const { diagram, customer, model, box, flow } = scene();
    canvas.update(diagram, new Set([model.id]), new Map([[model.id, 3]]));
    await frames(5);

    const nodeBody = part(`node-${customer.id}`, 'body');
    const probes: [string, Element, 'fill' | 'stroke', string, string][] = [
      ['paper background', host.querySelector('.tl-paper')!, 'fill', 'rgb(246, 247, 249)', 'rgb(22, 26, 34)'],
      ['node fill', nodeBody, 'fill', 'rgb(255, 255, 255)', 'rgb(31, 37, 48)'],
      ['node border (generic group)', nodeBody, 'stroke', 'rgb(74, 85, 104)', 'rgb(163, 172, 189)'],
      ['node name', part(`node-${customer.id}`, 'label'), 'fill', 'rgb(29, 35, 48)', 'rgb(230, 233, 239)'],
      ['node type', part(`node-${customer.id}`, 'typeLabel'), 'fill', 'rgb(93, 102, 120)', 'rgb(163, 172, 189)'],
      ['icon (genai group)', part(`node-${model.id}`, 'icon'), 'stroke', 'rgb(163, 75, 5)', 'rgb(240, 163, 90)'],
      ['icon plate', part(`node-${model.id}`, 'iconBg'), 'fill', 'rgb(253, 241, 228)', 'rgb(64, 57, 55)'],
      ['selected border', part(`node-${model.id}`, 'body'), 'stroke', 'rgb(48, 86, 211)', 'rgb(138, 164, 255)'],
      ['selection outline', part(`node-${model.id}`, 'selection'), 'stroke', 'rgb(48, 86, 211)', 'rgb(138, 164, 255)'],
      ['threat badge ring', part(`node-${model.id}`, 'badge'), 'stroke', 'rgb(255, 255, 255)', 'rgb(22, 26, 34)'],
      ['handle', part(`node-${customer.id}`, 'handleTop'), 'fill', 'rgb(255, 255, 255)', 'rgb(31, 37, 48)'],
      ['crossing flow line', part(`flow-${flow.id}`, 'line'), 'stroke', 'rgb(194, 65, 12)', 'rgb(255, 154, 92)'],
      ['flow label plate', labelPart(flow.id, 'rect'), 'fill', 'rgb(255, 255, 255)', 'rgb(27, 32, 41)'],
      ['flow label text', labelPart(flow.id, 'text'), 'fill', 'rgb(194, 65, 12)', 'rgb(255, 154, 92)'],
      ['boundary frame (medium)', part(`boundary-${box.id}`, 'frame'), 'stroke', 'rgb(142, 108, 0)', 'rgb(227, 192, 74)'],
      ['boundary title plate', part(`boundary-${box.id}`, 'header'), 'fill', 'rgb(255, 255, 255)', 'rgb(27, 32, 41)'],
      ['boundary title', part(`boundary-${box.id}`, 'label'), 'fill', 'rgb(142, 108, 0)', 'rgb(227, 192, 74)'],
      ['grid dots', host.querySelector('.joint-grid-layer pattern > rect')!, 'fill', 'rgb(195, 201, 212)', 'rgb(57, 65, 79)'],
    ];
    // The paper is a div: its colour is its background.
    const paintOf = (el: Element, prop: 'fill' | 'stroke') => (el.classList.contains('tl-paper') ? getComputedStyle(el).backgroundColor : getComputedStyle(el)[prop]);
    for (const [name, el] of probes) expect(el, name).toBeTruthy();
    const inline = probes.map(([, el]) => el.getAttribute('style'));

    expect(probes.map(([name, el, prop]) => [name, paintOf(el, prop)])).toEqual(probes.map(([name, , , light]) => [name, light]));
    setTheme('dark');
    expect(probes.map(([name, el, prop]) => [name, paintOf(el, prop)])).toEqual(probes.map(([name, , , , dark]) => [name, dark]));
    // The same elements with the same inline styles: the cascade did it, not a re-render.
    expect(probes.map(([, el]) => el.isConnected)).toEqual(probes.map(() => true));
    expect(probes.map(([, el]) => el.getAttribute('style'))).toEqual(inline);
    setTheme('light');
    expect(getComputedStyle(nodeBody).fill).toBe('rgb(255, 255, 255)');
  });

  it('leaves nothing white or near-black on the dark canvas except the badge numbers', async () => {
    const { diagram, customer, model, flow } = scene();
    const line = { ...createLineBoundary({ x: 300, y: 300 }, 'Edge'), trustLevel: 'untrusted' as const };
    const bi = { ...createFlow(model.id, customer.id, 'Answer'), bidirectional: true };
    canvas.update({ ...diagram, boundaries: [...diagram.boundaries, line], flows: [flow, bi] }, new Set([customer.id]), new Map([[customer.id, 1]]));
    await frames(5);
    setTheme('dark');
    const offenders: string[] = [];
    for (const el of host.querySelectorAll<SVGGraphicsElement>('svg rect, svg path, svg circle, svg text')) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.closest('[visibility="hidden"]')) continue;
      const selector = el.getAttribute('joint-selector') ?? el.tagName;
      for (const prop of ['fill', 'stroke'] as const) {
        const value = style[prop];
        const white = value === 'rgb(255, 255, 255)';
        const black = value === 'rgb(0, 0, 0)' || value === 'rgb(51, 51, 51)';
        if (white && selector !== 'badgeText') offenders.push(`${selector} ${prop} white`);
        if (black) offenders.push(`${selector} ${prop} ${value}`);
      }
    }
    expect(offenders).toEqual([]);
    // Arrowheads are markers in <defs>: they take the flow colours too.
    const markers = [...host.querySelectorAll('marker path')].map((p) => getComputedStyle(p).fill);
    expect(markers.length).toBeGreaterThan(0);
    for (const fill of markers) expect(['rgb(255, 154, 92)', 'rgb(154, 163, 181)', 'rgb(138, 164, 255)']).toContain(fill);
  });

  it('builds cells whose every colour is a theme variable with its light value as fallback', () => {
    const { customer, model, box, flow } = scene();
    const line = createLineBoundary({ x: 0, y: 0 });
    const cells = [nodeCell(customer, true, 2), nodeCell(model, false), boundaryCell(box, true), boundaryCell(line, false), flowCell(flow, true, ['Model hosting'], 1)];
    const json = JSON.stringify(cells);
    // No literal colour anywhere but inside a var() fallback.
    const literals = [...json.matchAll(/(var\([^)]*\))|(#[0-9a-f]{3,8}\b|rgb\()/gi)].filter((m) => m[2]).map((m) => m[2]);
    expect(literals).toEqual([]);
    expect(json).toContain('var(--tl-node-fill, #ffffff)');
    expect(json).toContain('var(--tl-group-genai-accent, #a34b05)');
    expect(json).toContain('var(--tl-trust-medium, #8e6c00)');
    setTheme('dark');
    expect(JSON.stringify([nodeCell(customer, true, 2), nodeCell(model, false), boundaryCell(box, true), boundaryCell(line, false), flowCell(flow, true, ['Model hosting'], 1)])).toBe(json);
  });

  it('still draws in light colours where theme.css is not loaded', async () => {
    styles.disabled = true;
    try {
      const { diagram, customer, flow } = scene();
      canvas.update(diagram, new Set());
      await frames(5);
      expect(getComputedStyle(part(`node-${customer.id}`, 'body')).fill).toBe('rgb(255, 255, 255)');
      expect(getComputedStyle(part(`node-${customer.id}`, 'label')).fill).toBe('rgb(29, 35, 48)');
      expect(getComputedStyle(labelPart(flow.id, 'rect')).fill).toBe('rgb(255, 255, 255)');
    } finally {
      styles.disabled = false;
    }
  });
});
