// Mitigations as first-class records: accept a suggested threat (its mitigations come along),
// add a mitigation by hand, link it, implement it and watch residual risk drop; a rejection
// without a reason is refused; the roadmap marks late work; the STRIDE panel lists and links
// mitigations; and every step undoes.
import { test, expect, type Page } from '@playwright/test';
import { inherentRisk, residualRisk } from '../../shared/risk';
import type { ModelDocument } from '../../shared/model';
import * as h from './helpers';

const detail = (page: Page) => page.getByTestId('mitigation-detail');
const row = (page: Page, title: string) => page.getByTestId('mitigation-row').filter({ has: page.getByRole('button', { name: title, exact: true }) });
/** The parts of the document this journey changes. */
const links = (doc: ModelDocument) => ({ mitigations: doc.mitigations, threats: doc.threats.map((t) => [t.id, t.mitigationIds]) });

test('plan, link, implement, reject and schedule mitigations — all undoable', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await h.createModel(page, 'Mitigation journey');
  const llm = h.nodeById(page, await h.clickItem(page, 'llm'));
  const threatTitle = await h.acceptFirstSuggestion(page, llm);
  const accepted = await h.expectStored(page, (d) => expect(d.threats).toHaveLength(1));
  const threat = accepted.threats[0]!;
  expect(threat.mitigationIds.length).toBeGreaterThan(0);
  // The recorded threat in the STRIDE panel lists the mitigations that came with it.
  const recorded = page.getByTestId('recorded-threat').filter({ hasText: threatTitle });
  await expect(recorded.getByTestId('threat-mitigations').locator('li')).toHaveCount(threat.mitigationIds.length);
  await expect(recorded.getByTestId('threat-mitigations')).toContainText('Proposed');
  const baseline = links(accepted);

  // Add a mitigation by hand in the Mitigations view; it opens in the editor panel.
  await h.openView(page, 'mitigations');
  await expect(page.getByTestId('mitigation-row')).toHaveCount(accepted.mitigations.length);
  await page.getByLabel('Title of a new mitigation').fill('Rate limit every caller');
  await page.getByRole('button', { name: 'Add mitigation' }).click();
  await expect(detail(page).locator('#m-title')).toHaveValue('Rate limit every caller');
  // The same kind again is refused, with the existing one named.
  await page.getByLabel('Title of a new mitigation').fill('  rate LIMIT every caller');
  await page.getByRole('button', { name: 'Add mitigation' }).click();
  const toast = page.getByRole('status').filter({ hasText: 'already has the mitigation “Rate limit every caller”' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Dismiss message' }).click();
  await page.getByLabel('Title of a new mitigation').fill('');

  // Link it to the accepted threat, then implement it at 60 %.
  await detail(page).getByLabel('Threat to link').selectOption({ label: `${threatTitle} — ${await nodeName(page, threat.elementIds[0]!)}` });
  await detail(page).getByRole('button', { name: 'Link', exact: true }).click();
  await expect(detail(page).getByTestId('mitigation-threats').locator('li')).toHaveCount(1);
  await expect(row(page, 'Rate limit every caller').getByTestId('threat-count')).toHaveText('1');
  const risk = detail(page).getByTestId('threat-risk');
  await expect(risk).not.toContainText('residual');
  await detail(page).getByLabel('Status').selectOption('implemented');
  await detail(page).getByLabel('Effectiveness (%)').fill('60');
  await expect(risk).toContainText('→ residual');
  await detail(page).getByLabel('Add a reference').fill('AML.M0004');
  await detail(page).getByRole('button', { name: /^Add AML\.M0004 / }).click();
  await expect(detail(page).getByTestId('mitigation-refs').locator('[data-ref="atlas:AML.M0004"]')).toBeVisible();
  const implemented = await h.expectStored(page, (d) => {
    const m = d.mitigations.find((x) => x.title === 'Rate limit every caller')!;
    expect(m).toMatchObject({ status: 'implemented', effectiveness: 0.6, refs: ['atlas:AML.M0004'] });
  });
  const stored = implemented.threats[0]!;
  const before = inherentRisk(stored)!;
  const after = residualRisk(stored, implemented.mitigations)!;
  expect(after.score).toBeLessThan(before.score);
  await expect(risk).toHaveText(new RegExp(`Risk ${before.score} \\w+ → residual ${after.score} \\w+`));
  await h.shot(page, 'mitigations-01-table-and-editor');

  // Rejecting without a reason is refused; with one it goes through.
  const proposed = accepted.mitigations[0]!;
  await row(page, proposed.title).getByRole('button', { name: proposed.title }).click();
  await detail(page).getByLabel('Status').selectOption('rejected');
  await expect(detail(page).getByLabel('Status')).toHaveValue('proposed');
  const rejectForm = detail(page).getByTestId('reject-form');
  await expect(rejectForm.getByLabel('Why is this mitigation rejected?')).toBeFocused();
  await rejectForm.getByRole('button', { name: 'Reject' }).click();
  await expect(rejectForm.getByRole('alert')).toHaveText(/say why the mitigation was rejected/);
  await h.shot(page, 'mitigations-02-reject-refused');
  expect((await h.savedDoc(page)).mitigations.find((m) => m.id === proposed.id)!.status).toBe('proposed');
  await rejectForm.getByLabel('Why is this mitigation rejected?').fill('The API gateway already does this');
  await rejectForm.getByRole('button', { name: 'Reject' }).click();
  await expect(detail(page).getByLabel('Why it was rejected')).toHaveValue('The API gateway already does this');

  // Schedule the hand-made one: a phase, and a due date long past — but it is implemented, so it
  // is not late. Moving it back to planned makes it overdue, on the table and on the roadmap.
  await row(page, 'Rate limit every caller').getByRole('button', { name: 'Rate limit every caller' }).click();
  await detail(page).getByLabel('Phase or milestone').fill('Phase 1');
  await detail(page).getByLabel('Due date').fill('2020-01-31');
  await expect(detail(page).getByTestId('detail-overdue')).toHaveCount(0);
  await detail(page).getByLabel('Status').selectOption('planned');
  await expect(detail(page).getByTestId('detail-overdue')).toBeVisible();
  await expect(row(page, 'Rate limit every caller')).toContainText('Overdue');
  await page.getByRole('button', { name: 'Roadmap' }).click();
  const columns = page.getByTestId('roadmap-column');
  await expect(columns.locator('h3')).toHaveText([/^Phase 1/, /^Unscheduled/]);
  const card = columns.first().getByTestId('roadmap-card');
  await expect(card).toContainText('Rate limit every caller');
  await expect(card).toContainText('Overdue');
  await expect(columns.first().locator('h3')).toContainText('1 overdue');
  await expect(columns.nth(1).locator('h4')).toContainText(['Proposed', 'Rejected']);
  await h.shot(page, 'mitigations-03-roadmap');

  // Every change undoes, one step each: rejection, planned, due date, phase, reference,
  // effectiveness, implemented, link, add.
  await h.waitSaved(page);
  for (let i = 0; i < 9; i++) await h.undoButton(page).click();
  await expect(page.getByTestId('roadmap-card')).toHaveCount(accepted.mitigations.length);
  await h.expectStored(page, (d) => expect(links(d)).toEqual(baseline));
  await expect(h.undoButton(page)).toHaveAttribute('title', /^Undo Accept threat/);

  // Back on the diagram: link a new mitigation from the STRIDE panel.
  await h.openView(page, 'diagram');
  await h.selectNode(page, llm);
  await page.getByTestId('threats-tab').click();
  await recorded.getByRole('button', { name: `Link a mitigation to ${threatTitle}` }).click();
  await recorded.getByLabel(`Mitigation for ${threatTitle}`).selectOption({ label: 'New mitigation…' });
  await recorded.getByLabel('Title of the new mitigation').fill('Human review of tool calls');
  await recorded.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(recorded.getByTestId('threat-mitigations')).toContainText('Human review of tool calls');
  await h.shot(page, 'mitigations-04-stride-panel');
  const linked = await h.expectStored(page, (d) => expect(d.mitigations).toHaveLength(accepted.mitigations.length + 1));
  expect(linked.threats[0]!.mitigationIds).toContain(linked.mitigations.at(-1)!.id);
  await h.undoButton(page).click();
  await expect(recorded.getByTestId('threat-mitigations')).not.toContainText('Human review of tool calls');
  expect(errors).toEqual([]);
});

async function nodeName(page: Page, id: string): Promise<string> {
  const doc = await h.savedDoc(page);
  return doc.diagrams.flatMap((d) => d.nodes).find((n) => n.id === id)!.name;
}
