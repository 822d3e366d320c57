// Every AI building block can be added from the palette, and lands in the document with the
// DFD kind its type calls for.
import { test, expect } from '@playwright/test';
import { AI_TYPES } from '../../shared/model';
import { componentType } from '../../shared/model/component-types';
import * as h from './helpers';

test('adds every AI component type from the palette by clicking', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await h.createModel(page, 'Palette');
  expect(AI_TYPES).toHaveLength(26);

  for (const aiType of AI_TYPES) {
    await h.paletteItem(page, aiType).click();
    // The new node is selected and the properties panel shows its type.
    await expect(h.properties(page).getByRole('heading', { level: 2 })).toHaveText(componentType(aiType).label);
    await expect(page.locator('#node-type')).toHaveValue(aiType);
  }
  const d = await h.savedDiagram(page);
  const ids = new Map(d.nodes.map((n) => [n.aiType as string, n.id]));

  // Everything fits in view once the user asks for it.
  await page.getByRole('button', { name: 'Fit to content' }).click();
  await expect(h.nodes(page)).toHaveCount(26);
  for (const [aiType, id] of ids) {
    const node = h.nodeById(page, id);
    await h.expectWithinCanvas(page, h.nodeBody(node), aiType);
    // The label shows the stored name (wrapped onto lines, so compare without whitespace).
    const name = d.nodes.find((n) => n.id === id)!.name;
    expect(name.length).toBeGreaterThan(0);
    await expect.poll(() => h.squashedText(node.locator('[joint-selector="label"]'))).toBe(name.replace(/\s+/g, ''));
    await expect(node.locator('[joint-selector="typeLabel"]')).not.toHaveText('');
  }
  await h.shot(page, 'palette-all-types');

  expect(d.nodes).toHaveLength(26);
  expect(d.flows).toHaveLength(0);
  expect(d.boundaries).toHaveLength(0);
  expect(d.nodes.map((n) => n.aiType).sort()).toEqual([...AI_TYPES].sort());
  for (const n of d.nodes) {
    const type = componentType(n.aiType);
    expect(n.id).toBe(ids.get(n.aiType));
    expect(n.kind, n.aiType).toBe(type.kind);
    expect(Object.keys(n.properties).sort()).toEqual(type.properties.map((p) => p.key).sort());
  }
  // Clicking fans new nodes out: no two share a position.
  expect(new Set(d.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(26);
  expect(errors).toEqual([]);
});

test('a node added by clicking the palette is visible on the canvas, however many were added before', async ({ page }) => {
  await h.createModel(page, 'Palette click placement');
  const selected = h.nodes(page).filter({ has: page.locator('[joint-selector="selection"][visibility="visible"]') });
  for (const aiType of AI_TYPES.slice(0, 16)) {
    await h.paletteItem(page, aiType).click();
    await expect(page.locator('#node-type')).toHaveValue(aiType);
    // The user must see what they just added (and what is now selected) without panning.
    await h.expectWithinCanvas(page, h.nodeBody(selected), `node #${AI_TYPES.indexOf(aiType) + 1} (${aiType})`);
  }
});

test('palette search filters the building blocks and a dropped item lands where it is dropped', async ({ page }) => {
  await h.createModel(page, 'Palette search');
  const search = page.getByRole('searchbox', { name: 'Search building blocks' });
  await search.fill('vector');
  await expect(h.paletteItem(page, 'vector-db')).toBeVisible();
  await expect(h.paletteItem(page, 'llm')).toHaveCount(0);
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(h.paletteItem(page, 'llm')).toBeVisible();

  const id = await h.dropItem(page, 'vector-db', { x: 300, y: 200 });
  const node = h.nodeById(page, id);
  const box = (await h.canvas(page).boundingBox())!;
  const c = await h.center(h.nodeBody(node));
  // Dropped at the pointer (snapped to the 10 px grid).
  expect(Math.abs(c.x - (box.x + 300))).toBeLessThanOrEqual(10);
  expect(Math.abs(c.y - (box.y + 200))).toBeLessThanOrEqual(10);
  const d = await h.savedDiagram(page);
  expect(d.nodes).toHaveLength(1);
  expect(d.nodes[0]).toMatchObject({ id, aiType: 'vector-db', kind: 'store' });
});
