// The asset inventory: add assets, rate them, attach them to the elements that hold them, see
// them on the element's panel, attach and detach from there, delete with confirmation — and undo
// every step.
import { test, expect, type Page } from '@playwright/test';
import * as h from './helpers';

const rows = (page: Page) => page.getByTestId('asset-row');

test('inventory assets, rate them and attach them to elements — all undoable', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await h.createModel(page, 'Asset journey');
  const llmId = await h.clickItem(page, 'llm');
  const storeId = await h.clickItem(page, 'vector-db');
  const llm = h.nodeById(page, llmId);
  await h.selectNode(page, llm);
  await page.locator('#node-name').fill('Support LLM');
  const drawn = await h.savedDoc(page);

  // The node panel points to the inventory while it is empty.
  await expect(h.properties(page).getByTestId('element-assets')).toHaveText('Holds no listed asset.');
  await h.properties(page).getByRole('button', { name: 'Add assets in the inventory…' }).click();
  await expect(page.getByTestId('view-assets')).toHaveAttribute('aria-current', 'page');

  // Add two assets; a blank name cannot be submitted.
  await expect(page.getByRole('button', { name: 'Add asset' })).toBeDisabled();
  await page.getByLabel('Name of a new asset').fill('Fine-tuned weights');
  await page.getByLabel('Kind of the new asset').selectOption('model-weights');
  await page.getByRole('button', { name: 'Add asset' }).click();
  await page.getByLabel('Name of a new asset').fill('Customer chat logs');
  await page.getByLabel('Kind of the new asset').selectOption('pii');
  await page.getByRole('button', { name: 'Add asset' }).click();
  await expect(rows(page)).toHaveCount(2);

  // Rate and describe the weights, and say which elements hold them.
  await page.getByLabel('Confidentiality of Fine-tuned weights').selectOption('5');
  await page.getByLabel('Integrity of Fine-tuned weights').selectOption('4');
  await page.getByLabel('Availability of Fine-tuned weights').selectOption('2');
  await page.getByLabel('Description of Fine-tuned weights').fill('LoRA adapters trained on support tickets');
  await page.getByLabel('Attach Fine-tuned weights to an element').selectOption({ label: 'Support LLM' });
  await page.getByLabel('Attach Fine-tuned weights to an element').selectOption({ label: 'Vector database' });
  const held = rows(page).first().getByTestId('asset-elements').locator('li');
  await expect(held).toHaveCount(2);
  await expect(held.first()).toContainText('Support LLM');
  await page.getByRole('button', { name: 'Detach Fine-tuned weights from Vector database' }).click();
  await expect(held).toHaveCount(1);
  const rated = await h.expectStored(page, (d) =>
    expect(d.assets[0]).toMatchObject({
      name: 'Fine-tuned weights', kind: 'model-weights', confidentiality: 5, integrity: 4, availability: 2,
      description: 'LoRA adapters trained on support tickets', elementIds: [llmId],
    }),
  );
  expect(rated.assets[1]).toMatchObject({ name: 'Customer chat logs', kind: 'pii', elementIds: [] });
  await h.shot(page, 'assets-01-inventory');

  // The node's panel shows what it holds; attach the chat logs from there.
  await h.openView(page, 'diagram');
  await h.selectNode(page, llm);
  await page.getByRole('tab', { name: 'Properties' }).click();
  const panel = h.properties(page).getByTestId('element-assets');
  await expect(panel.locator('li')).toHaveCount(1);
  await expect(panel).toContainText('Fine-tuned weights');
  await expect(panel).toContainText('C5 I4 A2');
  await h.properties(page).getByLabel('Asset to attach to Support LLM').selectOption({ label: 'Customer chat logs (Personal data (PII))' });
  await h.properties(page).getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(panel.locator('li')).toHaveCount(2);
  await h.properties(page).getByTestId('element-assets').scrollIntoViewIfNeeded();
  await h.shot(page, 'assets-02-node-panel');
  await h.properties(page).getByRole('button', { name: 'Detach Fine-tuned weights from Support LLM' }).click();
  await expect(panel.locator('li')).toHaveCount(1);
  await h.expectStored(page, (d) => expect(d.assets.map((a) => a.elementIds)).toEqual([[], [llmId]]));
  await h.undoButton(page).click();
  await expect(panel.locator('li')).toHaveCount(2);

  // Deleting asks first; cancel keeps it, confirm removes it.
  await h.openView(page, 'assets');
  await page.getByRole('button', { name: 'Delete Customer chat logs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete asset?' });
  await expect(dialog).toContainText('“Customer chat logs” will be removed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Delete Customer chat logs' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(rows(page)).toHaveCount(1);

  // Every step undoes: delete, attach from the panel, detach, two attaches, description, three
  // ratings, two adds (the rename of the node came before, and stays).
  await h.waitSaved(page);
  for (let i = 0; i < 11; i++) await h.undoButton(page).click();
  await expect(page.getByText('No assets yet.', { exact: false })).toBeVisible();
  const undone = await h.expectStored(page, (d) => expect(d.assets).toEqual([]));
  expect(undone.diagrams).toEqual(drawn.diagrams);
  expect(storeId).toBeTruthy();
  expect(errors).toEqual([]);
});
