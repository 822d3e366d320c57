// Names containing markup are shown as plain text everywhere: on the canvas (SVG text), in the
// panels, in the tabs and in the home list. Nothing is parsed, nothing runs.
import { test, expect, type Page } from '@playwright/test';
import * as h from './helpers';

const MARKUP = '<img src=x onerror=alert(1)>';

async function expectNoInjectedElements(page: Page) {
  expect(await page.locator('img').count(), 'an <img> element exists').toBe(0);
  expect(await page.locator('[onerror]').count(), 'an element with onerror exists').toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('svg img, foreignObject').length)).toBe(0);
}

/**
 * The node's label is the literal text (a long name may end in an ellipsis; the tooltip holds
 * all of it): it starts with the `<img` characters, which would be gone had they been parsed.
 */
async function expectLiteralLabel(node: ReturnType<typeof h.nodeById>) {
  const squashed = MARKUP.replace(/\s+/g, '');
  await expect
    .poll(async () => {
      const text = await h.squashedText(node.locator('[joint-selector="label"]'));
      return text === squashed || (text.endsWith('…') && squashed.startsWith(text.slice(0, -1)) && text.length > 8);
    })
    .toBe(true);
  await expect(node.locator('title')).toHaveText(new RegExp(`^${MARKUP.replace(/[()]/g, '\\$&')} — `));
}

test('markup in names is shown literally and never runs', async ({ page }) => {
  const dialogs = h.recordDialogs(page);
  const errors = h.recordPageErrors(page);
  await h.createModel(page, MARKUP);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MARKUP);

  // Node 1: named through the properties panel.
  const aId = await h.dropItem(page, 'llm', { x: 200, y: 200 });
  await page.locator('#node-name').fill(MARKUP);
  await expect(page.locator('#node-name')).toHaveValue(MARKUP);
  const a = h.nodeById(page, aId);
  await expect(a.locator('title')).toHaveText(new RegExp(`^${MARKUP.replace(/[()]/g, '\\$&')} — `));
  await expectLiteralLabel(a);

  // Node 2: renamed in place (double-click, type, Enter).
  const bId = await h.dropItem(page, 'vector-db', { x: 560, y: 200 });
  const b = h.nodeById(page, bId);
  await b.dblclick();
  const input = page.getByTestId('rename-input');
  await expect(input).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(MARKUP);
  await page.keyboard.press('Enter');
  await expect(input).toHaveCount(0);
  await expect(b.locator('title')).toHaveText(new RegExp(`^${MARKUP.replace(/[()]/g, '\\$&')} — `));
  await expectLiteralLabel(b);
  await h.selectNode(page, b);
  await expect(page.locator('#node-name')).toHaveValue(MARKUP);

  // A flow and a boundary with the same name; the panels list them as text.
  const flowId = await h.connect(page, a, b);
  await h.flowById(page, flowId).locator('.label').click();
  await page.locator('#flow-name').fill(MARKUP);
  await h.expectFlowLabel(page, flowId, MARKUP);
  await expect(h.properties(page).locator('p.hint').first()).toContainText(MARKUP);

  const boxId = await h.dropItem(page, 'boundary-box', { x: 380, y: 480 });
  await page.locator('#boundary-name').fill(MARKUP);
  await expect(h.boundaryById(page, boxId)).toContainText(MARKUP);
  // Move node 2 into the box so the boundary's panel lists it and the flow crosses it.
  await h.moveNodeTo(page, b, await h.center(h.boundaryById(page, boxId).locator('[joint-selector="frame"]')));
  await h.expectFlowLabel(page, flowId, `crosses ${MARKUP}`);
  await h.selectBoundary(page, h.boundaryById(page, boxId));
  await expect(page.getByTestId('boundary-members').locator('li')).toHaveText([MARKUP]);
  await expect(page.getByTestId('boundary-crossings').locator('li')).toHaveText([`${MARKUP}: ${MARKUP} → ${MARKUP}`]);

  // A diagram tab, too.
  await page.getByRole('tab').first().dblclick();
  await page.getByRole('textbox', { name: 'Diagram name' }).fill(MARKUP);
  await page.getByRole('textbox', { name: 'Diagram name' }).press('Enter');
  await expect(page.getByRole('tab').first()).toHaveText(MARKUP);
  await h.shot(page, 'markup-editor');

  const doc = await h.savedDoc(page);
  expect(doc.title).toBe(MARKUP);
  expect(doc.diagrams[0]!.name).toBe(MARKUP);
  expect(doc.diagrams[0]!.nodes.map((n) => n.name)).toEqual([MARKUP, MARKUP]);
  expect(doc.diagrams[0]!.flows[0]!.name).toBe(MARKUP);
  expect(doc.diagrams[0]!.boundaries[0]!.name).toBe(MARKUP);
  await expectNoInjectedElements(page);

  // The home list shows the title as text.
  await page.getByRole('button', { name: 'Back to library' }).click();
  await expect(h.modelRows(page)).toHaveCount(1);
  await expect(h.modelRows(page).getByRole('button', { name: `Open ${MARKUP}` })).toHaveText(MARKUP);
  await h.shot(page, 'markup-home');
  await expectNoInjectedElements(page);

  // And after a reload, through the editor again.
  await page.reload();
  await page.getByRole('button', { name: `Open ${MARKUP}` }).click();
  await expect(h.nodes(page)).toHaveCount(2);
  await expect(h.nodeById(page, aId).locator('title')).toContainText(MARKUP);
  await expectNoInjectedElements(page);

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
