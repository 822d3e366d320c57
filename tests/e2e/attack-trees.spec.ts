// Attack trees: a goal with AND/OR steps is built in place, laid out automatically without
// overlaps, a step gets a mitigation that is then implemented — the step and its AND parent show
// as blocked — and every edit undoes and redoes through the one history.
import { test, expect, type Locator, type Page } from '@playwright/test';
import type { ModelDocument } from '../../shared/model';
import * as h from './helpers';

const diagram = (page: Page) => page.getByRole('tree', { name: /^Attack tree: / });
const item = (page: Page, name: string | RegExp) => diagram(page).getByRole('treeitem', { name });
const stepPanel = (page: Page) => page.getByTestId('step-panel');
const tree = (doc: ModelDocument) => doc.attackTrees[0]!;
const stepId = (doc: ModelDocument, label: string) => tree(doc).steps.find((s) => s.label === label)!.id;

/** Selects a node of the diagram by clicking it and waits for its panel. */
async function select(page: Page, name: RegExp): Promise<void> {
  await item(page, name).click();
  await expect(item(page, name)).toHaveAttribute('aria-selected', 'true');
}

async function addSubStep(page: Page, label: string): Promise<void> {
  await page.getByLabel('Add a sub-step').fill(label);
  await stepPanel(page).getByRole('button', { name: 'Add', exact: true }).first().click();
  await expect(item(page, new RegExp(`: ${label}$`))).toHaveAttribute('aria-selected', 'true');
}

async function boxes(page: Page): Promise<{ name: string; x: number; y: number; width: number; height: number }[]> {
  const items = await diagram(page).getByRole('treeitem').all();
  return Promise.all(
    items.map(async (i: Locator) => ({ name: (await i.getAttribute('aria-label')) ?? '', ...(await i.locator('rect').boundingBox())! })),
  );
}

test('build an attack tree, lay it out, block a step with a mitigation — all undoable', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await h.createModel(page, 'Fraud scoring');
  await h.openView(page, 'attack-trees');
  await expect(page.getByText('No attack trees yet.')).toBeVisible();

  // A tree needs a goal: an empty one is refused with a message.
  await page.getByRole('button', { name: 'Add attack tree' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Write the attacker’s goal first/);
  await page.getByLabel('Goal of a new attack tree').fill('Steal the model');
  await page.getByRole('button', { name: 'Add attack tree' }).click();
  await expect(item(page, 'Goal: Steal the model')).toBeVisible();
  await expect(page.getByTestId('goal-verdict')).toHaveText(/No steps yet/);

  // Two ways to the goal, each with two sub-steps: OR under "Copy the weights", AND under the API.
  await page.getByLabel('Add a way to reach the goal').fill('Copy the weights');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await addSubStep(page, 'Phish registry credentials');
  await select(page, /: Copy the weights$/);
  await addSubStep(page, 'Read a public bucket');
  await select(page, /^Goal: /);
  await page.getByLabel('Add a way to reach the goal').fill('Extract through the API');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await stepPanel(page).getByLabel('AND: all of them are needed').check();
  await addSubStep(page, 'Send many queries');
  await select(page, /: Extract through the API$/);
  await addSubStep(page, 'Train a copy');
  // An empty step label is refused where it is typed.
  await stepPanel(page).getByLabel('Label').fill('');
  await expect(stepPanel(page).getByRole('alert')).toHaveText('A step needs a label.');
  await stepPanel(page).getByLabel('Label').fill('Train a copy on the answers');

  await expect(item(page, 'OR step: Copy the weights')).toBeVisible();
  await expect(item(page, 'AND step: Extract through the API')).toBeVisible();
  await expect(item(page, 'Step: Train a copy on the answers')).toBeVisible();
  const built = await h.expectStored(page, (d) => expect(tree(d).steps).toHaveLength(6));
  expect(tree(built).steps.find((s) => s.label === 'Extract through the API')?.gate).toBe('and');

  // Laid out top-down: six steps and the goal, no two boxes overlapping, children below parents.
  await expect(diagram(page).getByRole('treeitem')).toHaveCount(7);
  const placed = await boxes(page);
  for (const [i, a] of placed.entries()) {
    for (const b of placed.slice(i + 1)) {
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false);
    }
  }
  const goal = placed.find((b) => b.name.startsWith('Goal'))!;
  expect(placed.filter((b) => b !== goal).every((b) => b.y > goal.y + goal.height)).toBe(true);
  await h.shot(page, 'attack-trees-01-built');

  // Link a new mitigation to "Send many queries", then implement it from the step panel.
  await select(page, /: Send many queries$/);
  await expect(page.getByTestId('step-verdict')).toHaveText('Open: no mitigation stops this step yet.');
  await page.getByLabel('Title of a new mitigation for this step').fill('Rate-limit the inference API');
  await stepPanel(page).locator('form').filter({ has: page.getByLabel('Title of a new mitigation for this step') }).getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('step-verdict')).toHaveText('Open: 0 of 1 linked mitigations implemented or verified.');
  await page.getByLabel('Status of Rate-limit the inference API').selectOption('implemented');
  await expect(page.getByTestId('step-verdict')).toHaveText('Blocked: its mitigation is implemented or verified.');
  await expect(item(page, 'Step: Send many queries (blocked)')).toBeVisible();
  // The AND parent needs every sub-step, so it is blocked too; the goal still has a way open.
  await expect(item(page, 'AND step: Extract through the API (blocked)')).toBeVisible();
  await expect(item(page, 'Goal: Steal the model')).toBeVisible();
  await expect(item(page, 'Step: Send many queries (blocked)').locator('text', { hasText: '✓ BLOCKED' })).toBeVisible();
  const implemented = await h.expectStored(page, (d) => expect(d.mitigations[0]?.status).toBe('implemented'));
  const sendId = stepId(implemented, 'Send many queries');
  expect(tree(implemented).steps.find((s) => s.id === sendId)?.mitigationIds).toEqual([implemented.mitigations[0]!.id]);
  await h.shot(page, 'attack-trees-02-blocked');

  // Keyboard: arrows walk the tree; Left goes to the parent.
  await item(page, 'Step: Send many queries (blocked)').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(item(page, 'AND step: Extract through the API (blocked)')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(item(page, 'Step: Read a public bucket')).toBeFocused();
  await expect(stepPanel(page).getByLabel('Label')).toHaveValue('Read a public bucket');

  // Undo: the status, then the mitigation; redo brings both back.
  await h.undoButton(page).click();
  await expect(item(page, 'Step: Send many queries')).toBeVisible();
  await h.expectStored(page, (d) => expect(d.mitigations[0]?.status).toBe('proposed'));
  await h.undoButton(page).click();
  await h.expectStored(page, (d) => expect(d.mitigations).toEqual([]));
  await h.redoButton(page).click();
  await h.redoButton(page).click();
  await expect(item(page, 'Step: Send many queries (blocked)')).toBeVisible();

  // Deleting a step with sub-steps asks first, and takes the subtree; undo restores it.
  await select(page, /: Copy the weights$/);
  await stepPanel(page).getByRole('button', { name: 'Delete step and its 2 sub-steps' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete step' }).click();
  await expect(diagram(page).getByRole('treeitem')).toHaveCount(4);
  // Only the blocked API path is left, so the goal is blocked now.
  await expect(item(page, 'Goal: Steal the model (blocked)')).toBeVisible();
  await h.undoButton(page).click();
  await expect(diagram(page).getByRole('treeitem')).toHaveCount(7);

  // Rename the tree in the list; a second tree; delete it after confirming.
  await page.getByRole('button', { name: 'Rename Steal the model' }).click();
  await page.getByLabel('Goal of Steal the model').fill('Steal the fraud model');
  await page.getByLabel('Goal of Steal the model').press('Enter');
  await expect(item(page, 'Goal: Steal the fraud model')).toBeVisible();
  await page.getByLabel('Goal of a new attack tree').fill('Poison the fraud model');
  await page.getByRole('button', { name: 'Add attack tree' }).click();
  await expect(item(page, 'Goal: Poison the fraud model')).toBeVisible();
  await page.getByRole('button', { name: 'Delete Poison the fraud model' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete attack tree' }).click();
  const final = await h.expectStored(page, (d) => expect(d.attackTrees.map((t) => t.goal)).toEqual(['Steal the fraud model']));
  expect(tree(final).steps).toHaveLength(6);
  await h.shot(page, 'attack-trees-03-final');
  expect(errors).toEqual([]);
});
