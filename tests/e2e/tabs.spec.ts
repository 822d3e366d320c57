// Several diagrams per model: add, rename, draw, switch, reorder, delete (confirmed) and undo.
import { test, expect } from '@playwright/test';
import * as h from './helpers';

test('diagram tabs: add, rename, draw, switch, reorder, delete with confirmation, undo', async ({ page }) => {
  await h.createModel(page, 'Tabs');
  const tabs = page.getByRole('tablist', { name: 'Diagrams' }).getByRole('tab');
  await expect(tabs).toHaveText(['Main diagram']);
  await expect(page.getByRole('button', { name: 'Delete diagram' })).toBeDisabled();

  // Add: the new tab is active and the canvas is empty.
  await page.getByRole('button', { name: 'Add diagram' }).click();
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  const newName = ((await tabs.nth(1).textContent()) ?? '').trim();
  expect(newName).not.toBe('');
  let doc = await h.savedDoc(page);
  expect(doc.diagrams.map((d) => d.name)).toEqual(['Main diagram', newName]);
  expect(doc.diagrams[1]).toMatchObject({ nodes: [], flows: [], boundaries: [] });

  // Rename by double-clicking the tab.
  await tabs.nth(1).dblclick();
  const nameInput = page.getByRole('textbox', { name: 'Diagram name' });
  await expect(nameInput).toBeFocused();
  await nameInput.fill('Training pipeline');
  await nameInput.press('Enter');
  await expect(tabs).toHaveText(['Main diagram', 'Training pipeline']);

  // Draw on it.
  const trainId = await h.dropItem(page, 'training-pipeline', { x: 300, y: 200 });
  await h.dropItem(page, 'model-registry', { x: 600, y: 200 });
  await expect(h.nodes(page)).toHaveCount(2);
  doc = await h.savedDoc(page);
  expect(doc.diagrams.map((d) => [d.name, d.nodes.length])).toEqual([['Main diagram', 0], ['Training pipeline', 2]]);
  await expect(h.canvas(page)).toHaveAttribute('aria-label', 'Diagram canvas: Training pipeline');

  // Switch to the first tab: its own (empty) canvas; draw there; switch back.
  await tabs.nth(0).click();
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(h.nodes(page)).toHaveCount(0);
  await h.dropItem(page, 'actor', { x: 200, y: 300 });
  await expect(h.nodes(page)).toHaveCount(1);
  await tabs.nth(1).click();
  await expect(h.nodes(page)).toHaveCount(2);
  await expect(h.nodeById(page, trainId)).toBeVisible();

  // Rename with the Rename button (the active tab). Whether the field gets focus by itself is
  // checked in its own test below; here the user clicks into it.
  await page.getByRole('button', { name: 'Rename diagram' }).click();
  await nameInput.click();
  await nameInput.fill('Training');
  await nameInput.press('Enter');
  await expect(tabs).toHaveText(['Main diagram', 'Training']);
  // Escape cancels a rename.
  await page.getByRole('button', { name: 'Rename diagram' }).click();
  await nameInput.click();
  await nameInput.fill('Not this');
  await nameInput.press('Escape');
  await expect(tabs).toHaveText(['Main diagram', 'Training']);

  // Reorder.
  await expect(page.getByRole('button', { name: 'Move diagram right' })).toBeDisabled();
  await page.getByRole('button', { name: 'Move diagram left' }).click();
  await expect(tabs).toHaveText(['Training', 'Main diagram']);
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  doc = await h.expectStored(page, (d) => expect(d.diagrams.map((x) => x.name)).toEqual(['Training', 'Main diagram']));
  await expect(page.getByRole('button', { name: 'Move diagram left' })).toBeDisabled();
  await page.getByRole('button', { name: 'Move diagram right' }).click();
  await expect(tabs).toHaveText(['Main diagram', 'Training']);
  doc = await h.expectStored(page, (d) => expect(d.diagrams.map((x) => x.name)).toEqual(['Main diagram', 'Training']));
  await h.shot(page, 'tabs-two-diagrams');
  const beforeDelete = doc.diagrams;

  // Delete asks first; Cancel keeps it.
  await page.getByRole('button', { name: 'Delete diagram' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete diagram?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Training');
  await h.shot(page, 'tabs-delete-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tabs).toHaveCount(2);

  await page.getByRole('button', { name: 'Delete diagram' }).click();
  await dialog.getByRole('button', { name: 'Delete diagram' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tabs).toHaveText(['Main diagram']);
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(h.nodes(page)).toHaveCount(1);
  doc = await h.expectStored(page, (d) => expect(d.diagrams).toHaveLength(1));
  expect(doc.diagrams).toEqual([beforeDelete[0]]);

  // Undo brings it back exactly, nodes and all.
  await page.keyboard.press('Control+z');
  await expect(tabs).toHaveText(['Main diagram', 'Training']);
  doc = await h.expectStored(page, (d) => expect(d.diagrams).toHaveLength(2));
  expect(doc.diagrams).toEqual(beforeDelete);
  await tabs.nth(1).click();
  await expect(h.nodes(page)).toHaveCount(2);
  await expect(h.nodeById(page, trainId)).toBeVisible();

  // Redo deletes it again.
  await page.keyboard.press('Control+Shift+z');
  await expect(tabs).toHaveText(['Main diagram']);
  await h.expectStored(page, (d) => expect(d.diagrams).toEqual([beforeDelete[0]]));
});

test('undoing a diagram rename and a reorder', async ({ page }) => {
  await h.createModel(page, 'Tab undo');
  const tabs = page.getByRole('tablist', { name: 'Diagrams' }).getByRole('tab');
  await page.getByRole('button', { name: 'Add diagram' }).click();
  await expect(tabs).toHaveCount(2);
  const initial = (await h.savedDoc(page)).diagrams;
  await page.getByRole('button', { name: 'Rename diagram' }).click();
  await page.getByRole('textbox', { name: 'Diagram name' }).click();
  await page.getByRole('textbox', { name: 'Diagram name' }).fill('Serving');
  await page.getByRole('textbox', { name: 'Diagram name' }).press('Enter');
  await page.getByRole('button', { name: 'Move diagram left' }).click();
  await expect(tabs).toHaveText(['Serving', 'Main diagram']);
  await h.waitSaved(page);

  await page.keyboard.press('Control+z');
  await expect(tabs).toHaveText(['Main diagram', 'Serving']);
  await page.keyboard.press('Control+z');
  await expect(tabs.nth(1)).not.toHaveText('Serving');
  await h.expectStored(page, (d) => expect(d.diagrams).toEqual(initial));
});

test('the Rename diagram button puts the cursor in the name field, so the user can just type', async ({ page }) => {
  await h.createModel(page, 'Tab rename focus');
  const tabs = page.getByRole('tablist', { name: 'Diagrams' }).getByRole('tab');
  await page.getByRole('button', { name: 'Rename diagram' }).click();
  const nameInput = page.getByRole('textbox', { name: 'Diagram name' });
  await expect(nameInput).toBeVisible();
  await expect(nameInput).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Typed straight away');
  await page.keyboard.press('Enter');
  await expect(tabs).toHaveText(['Typed straight away']);
  await h.expectStored(page, (d) => expect(d.diagrams[0]!.name).toBe('Typed straight away'));
});
