// The threat register: rate a threat and watch it move on the heat map, filter by a heat-map
// cell, change statuses in bulk (accepting without a rationale is refused), reveal an element
// on the canvas — every change undoable.
import { test, expect, type Page } from '@playwright/test';
import * as h from './helpers';

const INJECTION = 'Prompt injection against LLM'; // likelihood 4, impact 4
const DISCLOSURE = 'Sensitive information disclosed by LLM'; // 3, 4
const CONSUMPTION = 'Unbounded consumption of LLM'; // 3, 3

const statusesOf = async (page: Page) => {
  const doc = await h.savedDoc(page);
  return Object.fromEntries(doc.threats.map((t) => [t.title, t.status]));
};

test('rate, filter, bulk-change and reveal threats in the register', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await h.createModel(page, 'Register');
  const llmId = await h.dropItem(page, 'llm', { x: 400, y: 300 });
  const llm = h.nodeById(page, llmId);
  for (const rule of ['llm-prompt-injection', 'llm-sensitive-information-disclosure', 'llm-unbounded-consumption']) {
    await h.acceptSuggestion(page, llm, rule);
  }
  await h.clickBlank(page, { x: 60, y: 600 });
  await page.getByRole('tab', { name: 'Properties' }).click();
  // The model overview counts them by band and status.
  await h.properties(page).getByRole('heading', { name: 'Risk' }).scrollIntoViewIfNeeded();
  await expect(h.properties(page).getByTestId('count-inherent-high')).toHaveText('2');
  await expect(h.properties(page).getByTestId('count-inherent-medium')).toHaveText('1');
  await expect(h.properties(page).getByTestId('count-status-open')).toHaveText('3 open');
  await h.shot(page, 'register-model-overview');

  await h.openView(page, 'register');
  const view = page.getByTestId('register-view');
  await expect(h.registerRows(page)).toHaveCount(3);
  const cell = (l: number, i: number) => h.heatCell(page, 'inherent', l, i);
  await expect(cell(4, 4)).toHaveAccessibleName('1 threat, likelihood 4, impact 4');
  await expect(cell(3, 3)).toHaveText('1');
  await expect(cell(5, 3)).toHaveText('');
  await h.shot(page, 'register-initial');

  // Rate: likelihood 5 for unbounded consumption moves it from (3, 3) to (5, 3).
  await h.registerRow(page, CONSUMPTION).getByRole('button', { name: CONSUMPTION, exact: true }).click();
  const detail = page.getByTestId('threat-detail');
  await expect(detail.getByLabel('Title')).toHaveValue(CONSUMPTION);
  await detail.getByRole('group', { name: /^Likelihood/ }).getByRole('radio', { name: '5 Expected' }).check();
  await expect(cell(5, 3)).toHaveAccessibleName('1 threat, likelihood 5, impact 3');
  await expect(cell(3, 3)).toHaveAccessibleName('0 threats, likelihood 3, impact 3');
  await expect(h.registerRow(page, CONSUMPTION)).toContainText('High 15');
  await h.expectStored(page, (doc) => expect(doc.threats.find((t) => t.title === CONSUMPTION)).toMatchObject({ likelihood: 5, impact: 3 }));
  await h.shot(page, 'register-rated');
  await page.keyboard.press('Control+z');
  await expect(cell(3, 3)).toHaveText('1');
  await expect(cell(5, 3)).toHaveText('');
  await expect(detail.getByRole('radio', { name: '3 Possible' }).first()).toBeChecked();
  await h.expectStored(page, (doc) => expect(doc.threats.find((t) => t.title === CONSUMPTION)).toMatchObject({ likelihood: 3, impact: 3 }));
  await detail.getByRole('button', { name: 'Close threat details' }).click();
  await expect(detail).toHaveCount(0);

  // Clicking a heat-map cell filters the register to its threats; clicking again clears it.
  await cell(4, 4).click();
  await expect(cell(4, 4)).toHaveAttribute('aria-pressed', 'true');
  await expect(h.registerRows(page)).toHaveCount(1);
  await expect(h.registerRow(page, INJECTION)).toHaveCount(1);
  await expect(page.getByText('1 of 3 threats shown')).toBeVisible();
  await h.shot(page, 'register-cell-filter');
  await cell(4, 4).click();
  await expect(cell(4, 4)).toHaveAttribute('aria-pressed', 'false');
  await expect(h.registerRows(page)).toHaveCount(3);

  // Bulk: accepting two threats without a rationale is refused with the lifecycle message.
  await h.registerRow(page, INJECTION).getByRole('checkbox').check();
  await h.registerRow(page, DISCLOSURE).getByRole('checkbox').check();
  const bulk = page.getByTestId('bulk-status');
  await expect(bulk).toContainText('2 threats selected');
  await bulk.getByLabel('New status').selectOption('accepted');
  await bulk.getByRole('button', { name: 'Apply to 2 threats' }).click();
  const problems = bulk.getByTestId('lifecycle-problems');
  await expect(problems).toContainText('An accepted risk needs a rationale.');
  await expect(problems).toContainText('An accepted risk needs the name of who approved it.');
  await h.shot(page, 'register-bulk-refused');
  expect(await statusesOf(page)).toEqual({ [INJECTION]: 'open', [DISCLOSURE]: 'open', [CONSUMPTION]: 'open' });

  // Filled once for all, it applies to both as one undo step.
  await bulk.getByLabel('Rationale').fill('Internal pilot with ten trained users until June');
  await bulk.getByLabel('Approved by').fill('Dana Reyes, CISO');
  await bulk.getByLabel('Review by').fill('2099-06-30');
  await bulk.getByRole('button', { name: 'Apply to 2 threats' }).click();
  await expect(bulk).toHaveCount(0);
  await expect(h.registerRow(page, INJECTION)).toContainText('Accepted');
  await expect(view.getByTestId('count-status-accepted')).toHaveText('2 accepted');
  const after = await h.expectStored(page, (doc) => expect(doc.threats.filter((t) => t.status === 'accepted')).toHaveLength(2));
  expect(after.threats.find((t) => t.title === DISCLOSURE)!.acceptance).toMatchObject({
    rationale: 'Internal pilot with ten trained users until June',
    approver: 'Dana Reyes, CISO',
    reviewBy: '2099-06-30',
  });
  await h.shot(page, 'register-bulk-accepted');
  await page.keyboard.press('Control+z');
  await expect(view.getByTestId('count-status-open')).toHaveText('3 open');
  await h.expectStored(page, (doc) => expect(doc.threats.every((t) => t.status === 'open' && t.acceptance === null)).toBe(true));

  // The detail pane refuses too, and a not-applicable threat needs its reason.
  await h.registerRow(page, CONSUMPTION).getByRole('button', { name: CONSUMPTION, exact: true }).click();
  await detail.getByLabel('Status').selectOption('not-applicable');
  await detail.getByRole('button', { name: 'Save status' }).click();
  await expect(detail.getByTestId('lifecycle-problems')).toHaveText('Say why the threat does not apply.');
  await detail.getByLabel('Why it does not apply').fill('Rate-limited by the provider contract');
  await detail.getByRole('button', { name: 'Save status' }).click();
  await expect(h.registerRow(page, CONSUMPTION)).toContainText('Not applicable');
  await h.expectStored(page, (doc) =>
    expect(doc.threats.find((t) => t.title === CONSUMPTION)).toMatchObject({ status: 'not-applicable', statusReason: 'Rate-limited by the provider contract' }),
  );

  // OWASP factors at the middle of every scale rate it 3 × 3.
  await detail.getByText('OWASP Risk Rating factors (optional)').click();
  await detail.getByLabel('Skill level').fill('9');
  await expect(detail.getByTestId('owasp-result')).toContainText('Likelihood 5.5 → 3');
  await detail.getByRole('button', { name: 'Apply factors' }).click();
  await expect(detail.getByText('OWASP Risk Rating factors (optional) · in use')).toBeVisible();
  await h.shot(page, 'register-detail');
  await h.expectStored(page, (doc) => expect(doc.threats.find((t) => t.title === CONSUMPTION)!.owaspRisk).toMatchObject({ skillLevel: 9, motive: 5 }));
  await page.keyboard.press('Control+z');
  await expect(detail.getByText('OWASP Risk Rating factors (optional) · in use')).toHaveCount(0);

  // An element's name reveals it on the canvas, selected.
  await h.registerRow(page, INJECTION).getByRole('button', { name: 'Show LLM on the diagram' }).click();
  await expect(page.getByTestId('view-diagram')).toHaveAttribute('aria-current', 'page');
  await expect(llm.locator('[joint-selector="selection"]')).toHaveAttribute('visibility', 'visible');
  await expect(h.properties(page).locator('#node-name')).toHaveValue('LLM');
  expect(errors).toEqual([]);
});
