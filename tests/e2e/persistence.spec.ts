// Autosave and the library: a reload finds everything as it was; the home screen lists, renames,
// duplicates, searches and deletes models.
import { test, expect } from '@playwright/test';
import * as h from './helpers';

test('draw, reload, and find the model exactly as it was', async ({ page }) => {
  const id = await h.createModel(page, 'Survives reload');
  const a = await h.dropItem(page, 'data-source', { x: 140, y: 160 });
  const b = await h.dropItem(page, 'raw-dataset', { x: 440, y: 160 });
  const c = await h.dropItem(page, 'training-pipeline', { x: 440, y: 420 });
  await h.connect(page, h.nodeById(page, a), h.nodeById(page, b));
  await h.connect(page, h.nodeById(page, b), h.nodeById(page, c));
  const box = await h.dropItem(page, 'boundary-box', { x: 720, y: 520 });
  await page.locator('#boundary-name').fill('Data platform');
  await h.selectNode(page, h.nodeById(page, c));
  await page.locator('#node-name').fill('Nightly fine-tune');
  await page.getByRole('button', { name: 'Add diagram' }).click();
  await h.dropItem(page, 'monitoring', { x: 300, y: 300 });
  const before = await h.savedDoc(page);
  expect(before.diagrams.map((d) => [d.nodes.length, d.flows.length, d.boundaries.length])).toEqual([[3, 2, 1], [1, 0, 0]]);

  await page.reload();
  await expect(h.canvas(page)).toBeVisible();
  expect(await h.modelId(page)).toBe(id);
  await expect(page.getByRole('heading', { level: 1, name: 'Survives reload' })).toBeVisible();
  const tabs = page.getByRole('tablist', { name: 'Diagrams' }).getByRole('tab');
  await expect(tabs).toHaveText(before.diagrams.map((d) => d.name));
  await expect(h.nodes(page)).toHaveCount(3);
  await expect(h.flows(page)).toHaveCount(2);
  await expect(h.boundaryById(page, box)).toContainText('Data platform');
  await expect(h.nodeByName(page, 'Nightly fine-tune')).toHaveCount(1);
  await h.shot(page, 'persistence-after-reload');
  // Nothing was rewritten by opening it.
  expect(await h.readDoc(page)).toEqual(before);
  await expect(h.saveStatus(page)).toHaveText('All changes saved');
  await tabs.nth(1).click();
  await expect(h.nodes(page)).toHaveCount(1);
});

test('an edit made just before a reload is not lost', async ({ page }) => {
  await h.createModel(page, 'Quick reload');
  await h.dropItem(page, 'agent', { x: 300, y: 200 });
  await h.waitSaved(page);
  await page.locator('#node-name').fill('Last second edit');
  // No waiting for autosave: reload at once.
  await page.reload();
  await expect(h.canvas(page)).toBeVisible();
  await expect(h.nodeByName(page, 'Last second edit')).toHaveCount(1);
  await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.nodes[0]!.name).toBe('Last second edit'));
  // And it stays: a second reload reads it from the library.
  await page.reload();
  await expect(h.nodeByName(page, 'Last second edit')).toHaveCount(1);
});

test('home screen: list with counts, rename, duplicate, search, delete with confirmation', async ({ page }) => {
  const firstId = await h.createModel(page, 'Fraud scoring');
  await h.dropItem(page, 'feature-store', { x: 200, y: 200 });
  await h.dropItem(page, 'inference-api', { x: 500, y: 200 });
  await h.connect(page, h.nodes(page).nth(0), h.nodes(page).nth(1));
  await h.waitSaved(page);
  await page.getByRole('button', { name: 'Back to library' }).click();
  const secondId = await h.createModel(page, 'Support chatbot');
  await h.waitSaved(page);
  await page.getByRole('button', { name: 'Back to library' }).click();

  const rows = h.modelRows(page);
  await expect(rows).toHaveCount(2);
  // Last edited first.
  await expect(rows.nth(0)).toContainText('Support chatbot');
  await expect(h.modelRow(page, 'Fraud scoring')).toContainText('3 elements');
  await expect(h.modelRow(page, 'Fraud scoring')).toContainText('1 diagram');
  await expect(h.modelRow(page, 'Support chatbot')).toContainText('0 elements');
  await h.shot(page, 'home-list');

  // Sort by title.
  await page.getByLabel('Sort by').selectOption('title');
  await expect(rows.nth(0)).toContainText('Fraud scoring');
  await page.getByLabel('Sort by').selectOption('updated');
  await expect(rows.nth(0)).toContainText('Support chatbot');

  // Rename (the field's focus is checked in its own test; here the user clicks into it).
  await page.getByRole('button', { name: 'Rename Fraud scoring' }).click();
  const title = page.getByRole('textbox', { name: 'New title for Fraud scoring' });
  await title.click();
  await title.fill('Card fraud scoring');
  await title.press('Enter');
  await expect(h.modelRow(page, 'Card fraud scoring')).toHaveCount(1);
  expect((await h.readDoc(page, firstId))!.title).toBe('Card fraud scoring');

  // Duplicate: a second, independent model with the same diagrams.
  await page.getByRole('button', { name: 'Duplicate Card fraud scoring' }).click();
  await expect(rows).toHaveCount(3);
  await expect(h.modelRow(page, 'Card fraud scoring (copy)')).toContainText('3 elements');
  const lib = await h.readLibrary(page);
  expect(Object.keys(lib.documents)).toHaveLength(3);
  const copyId = Object.keys(lib.documents).find((k) => k !== firstId && k !== secondId)!;
  const original = (await h.readDoc(page, firstId))!;
  const copy = (await h.readDoc(page, copyId))!;
  expect(copy.title).toBe('Card fraud scoring (copy)');
  expect(copy.diagrams).toEqual(original.diagrams);

  // Search.
  const search = page.getByRole('searchbox', { name: 'Search models' });
  await search.fill('FRAUD');
  await expect(rows).toHaveCount(2);
  await search.fill('chatbot');
  await expect(rows).toHaveText([/Support chatbot/]);
  await search.fill('nothing like this');
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('No model matches')).toBeVisible();
  await search.fill('');
  await expect(rows).toHaveCount(3);

  // Delete asks first; Cancel keeps it, Delete removes the model and its document.
  await page.getByRole('button', { name: 'Delete Card fraud scoring (copy)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete threat model?' });
  await expect(dialog).toContainText('Card fraud scoring (copy)');
  await h.shot(page, 'home-delete-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete Card fraud scoring (copy)' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(rows).toHaveCount(2);
  await expect(h.modelRow(page, 'Card fraud scoring (copy)')).toHaveCount(0);
  const after = await h.readLibrary(page);
  expect(Object.keys(after.documents).sort()).toEqual([firstId, secondId].sort());
  expect(Object.keys(after.models).sort()).toEqual([firstId, secondId].sort());

  // The list survives a reload, and opening a row opens the model.
  await page.reload();
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Open Card fraud scoring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Card fraud scoring' })).toBeVisible();
  await expect(h.nodes(page)).toHaveCount(2);
  expect(await h.modelId(page)).toBe(firstId);
});

test('the Rename button on the home screen puts the cursor in the title field', async ({ page }) => {
  await h.createModel(page, 'Focus me');
  await page.getByRole('button', { name: 'Back to library' }).click();
  await page.getByRole('button', { name: 'Rename Focus me' }).click();
  const title = page.getByRole('textbox', { name: 'New title for Focus me' });
  await expect(title).toBeVisible();
  await expect(title).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Focused');
  await page.keyboard.press('Enter');
  await expect(h.modelRow(page, 'Focused')).toHaveCount(1);
});
