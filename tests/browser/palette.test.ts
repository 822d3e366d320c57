import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { flushSync, mount, unmount } from 'svelte';
import { AI_TYPES } from '../../shared/model/types';
import { COMPONENT_TYPES } from '../../shared/model/component-types';
import Palette from '../../renderer/editor/Palette.svelte';
import { PALETTE_DRAG_TYPE, readDragPayload, type PaletteItem } from '../../renderer/editor/palette.svelte';
import { boundaryIcon, componentIcon, GROUP_COLORS } from '../../renderer/icons/component-icons';

let host: HTMLDivElement;
let app: ReturnType<typeof mount> | undefined;
let onAdd: ReturnType<typeof vi.fn<(item: PaletteItem) => void>>;

beforeEach(() => {
  host = document.createElement('div');
  host.style.height = '600px';
  document.body.append(host);
  onAdd = vi.fn<(item: PaletteItem) => void>();
  app = mount(Palette, { target: host, props: { onAdd } });
  flushSync();
});

afterEach(() => {
  if (app) void unmount(app);
  app = undefined;
  host.remove();
});

const item = (testId: string) => host.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
const search = () => page.getByRole('searchbox', { name: 'Search building blocks' });

describe('Palette', () => {
  it('lists every AI component type with an icon, plus both trust boundaries', () => {
    for (const aiType of AI_TYPES) {
      const button = item(`palette-item-${aiType}`);
      expect(button, aiType).not.toBeNull();
      expect(button!.querySelectorAll('svg path').length, aiType).toBeGreaterThan(0);
    }
    expect(item('palette-item-boundary-box')).not.toBeNull();
    expect(item('palette-item-boundary-line')).not.toBeNull();
    expect(host.querySelectorAll('button.item')).toHaveLength(AI_TYPES.length + 2);
  });

  it('groups items under their palette group headings', async () => {
    for (const heading of ['Data', 'Training', 'Serving', 'GenAI', 'Agents', 'Generic']) {
      await expect.element(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    }
  });

  it('gives every item button an accessible name "Add <label>" and the summary as tooltip', async () => {
    for (const type of COMPONENT_TYPES) {
      const button = page.getByRole('button', { name: `Add ${type.label}`, exact: true });
      await expect.element(button).toBeInTheDocument();
      await expect.element(button).toHaveAttribute('title', type.summary);
    }
    await expect.element(page.getByRole('button', { name: 'Add Trust boundary (box)' })).toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Add Trust boundary (line)' })).toBeInTheDocument();
  });

  it('filters by label: "vector" shows the vector database and hides unrelated blocks', async () => {
    await search().fill('vector');
    await expect.element(page.getByRole('button', { name: 'Add Vector database' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Add LLM', exact: true })).not.toBeInTheDocument();
    expect(item('palette-item-actor')).toBeNull();
    expect(item('palette-item-boundary-box')).toBeNull();
  });

  it('filters by keyword: "mcp" finds the tool server', async () => {
    await search().fill('mcp');
    await expect.element(page.getByRole('button', { name: 'Add Tool / plugin / MCP server' })).toBeVisible();
    expect(host.querySelectorAll('button.item')).toHaveLength(1);
  });

  it('finds trust boundaries by searching "boundary"', async () => {
    await search().fill('boundary');
    await expect.element(page.getByTestId('palette-item-boundary-line')).toBeVisible();
    expect(host.querySelectorAll('button.item')).toHaveLength(2);
  });

  it('clears the search on Escape', async () => {
    await search().fill('pinecone');
    await expect.poll(() => host.querySelectorAll('button.item').length).toBe(1);
    await userEvent.keyboard('{Escape}');
    await expect.element(search()).toHaveValue('');
    await expect.poll(() => host.querySelectorAll('button.item').length).toBe(AI_TYPES.length + 2);
  });

  it('shows a message when nothing matches', async () => {
    await search().fill('blockchain');
    await expect.element(page.getByText('No building block matches “blockchain”')).toBeVisible();
    expect(host.querySelectorAll('button.item')).toHaveLength(0);
  });

  it('calls onAdd with the item on click and on Enter', async () => {
    await page.getByRole('button', { name: 'Add LLM', exact: true }).click();
    expect(onAdd).toHaveBeenLastCalledWith({ kind: 'node', aiType: 'llm' });

    item('palette-item-boundary-line')!.focus();
    await userEvent.keyboard('{Enter}');
    expect(onAdd).toHaveBeenLastCalledWith({ kind: 'boundary', shape: 'line' });
    expect(onAdd).toHaveBeenCalledTimes(2);
  });

  it('puts the item into the drag payload on dragstart', () => {
    const button = item('palette-item-vector-db')!;
    expect(button.getAttribute('draggable')).toBe('true');
    const dataTransfer = new DataTransfer();
    button.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer }));
    expect(JSON.parse(dataTransfer.getData(PALETTE_DRAG_TYPE))).toEqual({ kind: 'node', aiType: 'vector-db' });
    expect(readDragPayload(dataTransfer)).toEqual({ kind: 'node', aiType: 'vector-db' });

    const boundary = new DataTransfer();
    item('palette-item-boundary-box')!.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: boundary }));
    expect(readDragPayload(boundary)).toEqual({ kind: 'boundary', shape: 'box' });
  });

  it('carries the payload as a copy through a real drag and drop', async () => {
    const target = document.createElement('div');
    target.style.cssText = 'position:fixed;left:260px;top:20px;width:120px;height:120px';
    target.dataset.testid = 'drop-target';
    document.body.append(target);
    const drops: { payload: PaletteItem | null; effectAllowed: string }[] = [];
    target.addEventListener('dragover', (e) => e.preventDefault());
    target.addEventListener('drop', (e) => {
      e.preventDefault();
      drops.push({ payload: readDragPayload(e.dataTransfer), effectAllowed: e.dataTransfer?.effectAllowed ?? '' });
    });
    try {
      await userEvent.dragAndDrop(page.getByTestId('palette-item-llm'), page.getByTestId('drop-target'));
      await expect.poll(() => drops.length).toBe(1);
      expect(drops[0]).toEqual({ payload: { kind: 'node', aiType: 'llm' }, effectAllowed: 'copy' });
      expect(onAdd).not.toHaveBeenCalled();
    } finally {
      target.remove();
    }
  });

  it('ignores foreign or malformed drag payloads', () => {
    const data = new DataTransfer();
    expect(readDragPayload(data)).toBeNull();
    data.setData(PALETTE_DRAG_TYPE, '{"kind":"node","aiType":"toaster"}');
    expect(readDragPayload(data)).toBeNull();
    data.setData(PALETTE_DRAG_TYPE, 'not json');
    expect(readDragPayload(data)).toBeNull();
  });
});

describe('component icons', () => {
  it('exist for all 26 AI types, with non-empty paths that are distinct per type', () => {
    expect(AI_TYPES).toHaveLength(26);
    const signatures = new Set<string>();
    for (const aiType of AI_TYPES) {
      const icon = componentIcon(aiType);
      expect(icon.paths.length, aiType).toBeGreaterThan(0);
      for (const d of icon.paths) expect(d, aiType).toMatch(/^M[\d.\s-]/);
      signatures.add(JSON.stringify(icon));
    }
    expect(signatures.size).toBe(AI_TYPES.length);
  });

  it('stay inside the 24×24 view box', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.append(svg);
    try {
      for (const aiType of AI_TYPES) {
        const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
        path.setAttribute('d', componentIcon(aiType).paths.join(' '));
        svg.append(path);
        const box = path.getBBox();
        expect(box.x, aiType).toBeGreaterThanOrEqual(1);
        expect(box.y, aiType).toBeGreaterThanOrEqual(1);
        expect(box.x + box.width, aiType).toBeLessThanOrEqual(23);
        expect(box.y + box.height, aiType).toBeLessThanOrEqual(23);
        path.remove();
      }
    } finally {
      svg.remove();
    }
  });

  it('cover both boundary shapes and every palette group colour', () => {
    expect(boundaryIcon('box').paths.length).toBeGreaterThan(0);
    expect(boundaryIcon('line').paths.length).toBeGreaterThan(0);
    for (const colors of Object.values(GROUP_COLORS)) {
      expect(colors.accent).toMatch(/^#[0-9a-f]{6}$/);
      expect(colors.tint).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
});
