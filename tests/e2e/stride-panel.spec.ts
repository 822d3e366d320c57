// The STRIDE panel of an LLM: the prompt-injection suggestion with its OWASP and ATLAS chips,
// accepted into the model and the register, undone with Ctrl+Z, dismissed with a reason and
// restored; a chip opens its catalog entry.
import { test, expect } from '@playwright/test';
import * as h from './helpers';

const RULE = 'llm-prompt-injection';
const TITLE = 'Prompt injection against LLM';

test('suggest, accept, undo, dismiss and restore prompt injection on an LLM', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await h.createModel(page, 'STRIDE panel');
  const llm = h.nodeById(page, await h.dropItem(page, 'llm', { x: 400, y: 300 }));
  await h.selectNode(page, llm);
  await page.getByTestId('threats-tab').click();

  // Tampering suggests prompt injection, with the OWASP LLM01:2025 and ATLAS AML.T0051 chips.
  const tampering = h.strideSection(page, 'T');
  await expect(tampering.getByRole('heading')).toContainText('Tampering');
  const suggestion = tampering.getByTestId('suggestion').and(page.locator(`[data-rule="${RULE}"]`));
  await expect(suggestion).toContainText(TITLE);
  const llm01 = suggestion.locator('[data-ref="owasp-llm-2025:LLM01"]');
  const t0051 = suggestion.locator('[data-ref="atlas:AML.T0051"]');
  await expect(llm01).toHaveText('LLM01:2025');
  await expect(t0051).toHaveText('AML.T0051');
  await h.shot(page, 'stride-panel-suggestion');

  // A chip opens its catalog entry (in the catalog browser dialog).
  await llm01.click();
  const entry = page.getByTestId('catalog-entry');
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('LLM01:2025 Prompt Injection');
  await expect(entry).toContainText('OWASP Top 10 for LLM Applications');
  await h.shot(page, 'stride-panel-catalog-entry');
  await page.keyboard.press('Escape');
  await expect(entry).toHaveCount(0);
  await t0051.click();
  await expect(page.getByTestId('catalog-entry')).toContainText('AML.T0051');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('catalog-entry')).toHaveCount(0);

  // Accept: recorded in the panel, in the document with its refs and mitigations, in the register.
  await suggestion.getByRole('button', { name: `Accept ${TITLE}` }).click();
  await expect(suggestion).toHaveCount(0);
  await expect(tampering.getByTestId('recorded-threat')).toContainText(TITLE);
  const accepted = await h.expectStored(page, (doc) => expect(doc.threats).toHaveLength(1));
  const threat = accepted.threats[0]!;
  expect(threat).toMatchObject({ title: TITLE, stride: ['T'], status: 'open', likelihood: 4, impact: 4, origin: { kind: 'rule', ruleId: RULE } });
  expect(threat.refs).toEqual(expect.arrayContaining(['owasp-llm-2025:LLM01', 'atlas:AML.T0051']));
  expect(accepted.mitigations.length).toBeGreaterThan(0);
  expect(threat.mitigationIds).toEqual(accepted.mitigations.map((m) => m.id));
  await h.shot(page, 'stride-panel-accepted');

  await h.openView(page, 'register');
  await expect(h.registerRow(page, TITLE)).toHaveCount(1);
  await expect(h.registerRow(page, TITLE).locator('[data-ref="owasp-llm-2025:LLM01"]')).toBeVisible();

  // Ctrl+Z removes the threat and the mitigations that came with it, in every view.
  await page.keyboard.press('Control+z');
  await expect(h.registerRows(page)).toHaveCount(0);
  await h.expectStored(page, (doc) => {
    expect(doc.threats).toEqual([]);
    expect(doc.mitigations).toEqual([]);
  });
  await h.openView(page, 'diagram');
  await expect(tampering.getByTestId('recorded-threat')).toHaveCount(0);
  await expect(suggestion).toHaveCount(1);

  // Dismiss with a reason: it moves to the dismissed list, reason shown.
  await suggestion.getByRole('button', { name: `Dismiss ${TITLE}` }).click();
  await suggestion.getByLabel('Why does it not apply?').fill('Only fixed prompts, no user text reaches it');
  await suggestion.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(suggestion).toHaveCount(0);
  await page.getByRole('button', { name: 'Show 1 dismissed suggestion' }).click();
  const dismissed = page.getByTestId('dismissed-list');
  await expect(dismissed).toContainText(TITLE);
  await expect(dismissed).toContainText('Dismissed: Only fixed prompts, no user text reaches it');
  await h.expectStored(page, (doc) => {
    expect(doc.dismissals).toHaveLength(1);
    expect(doc.dismissals[0]).toMatchObject({ ruleId: RULE, reason: 'Only fixed prompts, no user text reaches it' });
  });
  await h.shot(page, 'stride-panel-dismissed');

  // Restore brings it back as a suggestion.
  await dismissed.getByRole('button', { name: `Restore ${TITLE}` }).click();
  await expect(suggestion).toHaveCount(1);
  await expect(page.getByTestId('dismissed-list')).toHaveCount(0);
  await h.expectStored(page, (doc) => expect(doc.dismissals).toEqual([]));
  expect(errors).toEqual([]);
});
