// The compliance view: an accepted threat and its mitigations show up against the EU AI Act and
// NIST AI RMF entries they address (cited directly, through the crosswalk, or through the threat
// a mitigation mitigates); everything else reads "Nothing yet"; undoing the threat empties it.
import { test, expect, type Page } from '@playwright/test';
import * as h from './helpers';

const row = (page: Page, ref: string) => page.locator(`tr[data-ref="${ref}"]`);

test('compliance table lists what the threats and mitigations address, and the gaps', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await h.createModel(page, 'Compliance check');
  const llm = h.nodeById(page, await h.clickItem(page, 'llm'));
  await h.openView(page, 'compliance');
  await expect(page.getByTestId('compliance-eu-ai-act')).toContainText('0 of');
  await expect(row(page, 'eu-ai-act:Art-15.5')).toContainText('Nothing yet');

  await h.openView(page, 'diagram');
  await h.acceptSuggestion(page, llm, 'llm-prompt-injection');
  const doc = await h.savedDoc(page);
  const threat = doc.threats[0]!;
  await h.openView(page, 'compliance');

  // The threat cites Article 15(5) itself, and reaches Article 15 through the crosswalk.
  const paragraph = row(page, 'eu-ai-act:Art-15.5');
  await expect(paragraph.locator('td').nth(1)).toContainText(`${threat.title} cited directly`);
  await expect(paragraph.locator('td').nth(2)).toContainText(`Add input and output guardrails through the threat “${threat.title}”`);
  await expect(row(page, 'eu-ai-act:Art-15')).toContainText('via stride-ai:T-direct-prompt-injection');
  // NIST AI RMF MEASURE-2.7 names the NIST AI 100-2 attack class the threat cites.
  await expect(row(page, 'nist-ai-rmf:MEASURE-2.7')).toContainText('via nist-ai-100-2:direct-prompting');
  await expect(row(page, 'eu-ai-act:Art-73')).toContainText('Nothing yet');

  // Only the gaps.
  await page.getByLabel('Show only requirements with nothing yet').check();
  await expect(row(page, 'eu-ai-act:Art-15.5')).toHaveCount(0);
  await expect(row(page, 'eu-ai-act:Art-73')).toBeVisible();
  await page.getByLabel('Show only requirements with nothing yet').uncheck();
  await h.shot(page, 'compliance-01-table');

  await h.undoButton(page).click();
  await expect(row(page, 'eu-ai-act:Art-15.5')).toContainText('Nothing yet');
  expect(errors).toEqual([]);
});
