// Marquee selection, copy / paste, duplicate and multi-select delete.
import { test, expect } from '@playwright/test';
import * as h from './helpers';

test('marquee-select two connected nodes, copy, paste, duplicate, shift-click and delete', async ({ page }) => {
  await h.createModel(page, 'Clipboard');
  const aId = await h.dropItem(page, 'actor', { x: 160, y: 160 });
  const bId = await h.dropItem(page, 'inference-api', { x: 460, y: 160 });
  const flowId = await h.connect(page, h.nodeById(page, aId), h.nodeById(page, bId));
  const original = await h.savedDiagram(page);
  expect(original.nodes).toHaveLength(2);

  // Marquee from blank canvas around both nodes.
  const c = (await h.canvas(page).boundingBox())!;
  await h.dragMouse(page, { x: c.x + 20, y: c.y + 40 }, { x: c.x + 640, y: c.y + 300 });
  await expect(h.properties(page).getByRole('heading', { level: 2 })).toHaveText('3 elements selected');
  for (const id of [aId, bId]) await expect(h.nodeById(page, id).locator('[joint-selector="selection"]')).toBeVisible();

  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(h.nodes(page)).toHaveCount(4);
  await expect(h.flows(page)).toHaveCount(2);
  let d = await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.nodes).toHaveLength(4));
  let diagram = d.diagrams[0]!;
  expect(diagram.flows).toHaveLength(2);
  const pasted = diagram.nodes.filter((n) => n.id !== aId && n.id !== bId);
  expect(pasted).toHaveLength(2);
  for (const [orig, copy] of [[original.nodes[0]!, pasted[0]!], [original.nodes[1]!, pasted[1]!]] as const) {
    // Same content, fresh id, offset so it does not hide the original.
    expect(copy).toEqual({ ...orig, id: copy.id, position: { x: orig.position.x + 30, y: orig.position.y + 30 } });
    expect(copy.id).not.toBe(orig.id);
  }
  const pastedFlow = diagram.flows.find((f) => f.id !== flowId)!;
  expect(pastedFlow).toEqual({ ...original.flows[0]!, id: pastedFlow.id, source: pasted[0]!.id, target: pasted[1]!.id });
  // The pasted elements are now the selection.
  await expect(h.properties(page).getByRole('heading', { level: 2 })).toHaveText('3 elements selected');
  for (const n of pasted) await expect(h.nodeById(page, n.id).locator('[joint-selector="selection"]')).toBeVisible();
  await expect(h.nodeById(page, aId).locator('[joint-selector="selection"]')).toBeHidden();
  await h.shot(page, 'clipboard-pasted');

  // Ctrl+D duplicates the selection (the pasted pair) once more, again with new ids.
  await page.keyboard.press('Control+d');
  await expect(h.nodes(page)).toHaveCount(6);
  await expect(h.flows(page)).toHaveCount(3);
  d = await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.nodes).toHaveLength(6));
  diagram = d.diagrams[0]!;
  expect(new Set(diagram.nodes.map((n) => n.id)).size).toBe(6);
  expect(new Set(diagram.flows.map((f) => f.id)).size).toBe(3);
  const dup = diagram.nodes.slice(4);
  expect(dup.map((n) => n.position)).toEqual(pasted.map((n) => ({ x: n.position.x + 30, y: n.position.y + 30 })));
  const dupFlow = diagram.flows[2]!;
  expect([dupFlow.source, dupFlow.target]).toEqual([dup[0]!.id, dup[1]!.id]);

  // Shift-click the two originals (a fresh selection), then Delete removes them and their flow.
  // The copies overlap the originals' lower right, so click the originals' top-left corner.
  await h.clickBlank(page, { x: 800, y: 600 });
  await expect(h.properties(page).getByRole('heading', { level: 2 })).toHaveText('Threat model');
  await h.selectNode(page, h.nodeById(page, aId), [], { x: 12, y: 12 });
  await h.selectNode(page, h.nodeById(page, bId), ['Shift'], { x: 12, y: 12 });
  await expect(h.properties(page).getByRole('heading', { level: 2 })).toHaveText('2 elements selected');
  await page.keyboard.press('Delete');
  await expect(h.nodes(page)).toHaveCount(4);
  await expect(h.flows(page)).toHaveCount(2);
  d = await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.nodes).toHaveLength(4));
  diagram = d.diagrams[0]!;
  expect(diagram.nodes.map((n) => n.id)).not.toContain(aId);
  expect(diagram.nodes.map((n) => n.id)).not.toContain(bId);
  expect(diagram.flows.map((f) => f.id)).not.toContain(flowId);

  // Shift-click toggles: clicking a selected node again takes it out of the selection.
  await h.selectNode(page, h.nodeById(page, pasted[0]!.id), [], { x: 12, y: 12 });
  await h.selectNode(page, h.nodeById(page, dup[0]!.id), ['Shift']);
  await h.selectNode(page, h.nodeById(page, pasted[0]!.id), ['Shift'], { x: 12, y: 12 });
  await expect(page.locator('#node-type')).toHaveValue(dup[0]!.aiType);
  await expect(h.nodeById(page, pasted[0]!.id).locator('[joint-selector="selection"]')).toBeHidden();
});

test('copy in one model and paste into another', async ({ page }) => {
  await h.createModel(page, 'Source model');
  const id = await h.dropItem(page, 'guardrail', { x: 300, y: 200 });
  await h.selectNode(page, h.nodeById(page, id));
  await page.keyboard.press('Control+c');
  await h.waitSaved(page);
  await page.getByRole('button', { name: 'Back to library' }).click();
  await h.createModel(page, 'Target model');
  await page.keyboard.press('Control+v');
  await expect(h.nodes(page)).toHaveCount(1);
  const d = await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.nodes).toHaveLength(1));
  expect(d.diagrams[0]!.nodes[0]).toMatchObject({ aiType: 'guardrail' });
  expect(d.diagrams[0]!.nodes[0]!.id).not.toBe(id);
});
