// The four questions as a guided mode: progress for each question advances as the scope is
// written, the diagram completed, elements' STRIDE reviews marked done, a high risk given an
// owner and the review signed off; a later change makes the sign-off stale; every step undoes.
import { test, expect, type Page } from '@playwright/test';
import * as h from './helpers';

const progress = (page: Page, n: 1 | 2 | 3 | 4) => page.getByTestId(`progress-q${n}`);
const badge = (page: Page) => page.getByTestId('review-progress-badge');
const section = (page: Page, n: number) => page.locator(`#review-q${n}`);

test('four-question progress advances with scope, reviews and sign-off — all undoable', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await h.createModel(page, 'Support chatbot');
  const userId = await h.clickItem(page, 'actor');
  const llmId = await h.clickItem(page, 'llm');
  await h.connect(page, h.nodeById(page, userId), h.nodeById(page, llmId));
  await h.acceptSuggestion(page, h.nodeById(page, llmId), 'llm-prompt-injection');
  const drawn = await h.savedDoc(page);
  const node = (id: string) => drawn.diagrams[0]!.nodes.find((n) => n.id === id)!;
  const [user, llm] = [node(userId), node(llmId)];
  const flow = drawn.diagrams[0]!.flows[0]!;

  await h.openView(page, 'review');
  // Nodes are connected and a diagram is drawn; scope, protocol and boundaries are missing.
  await expect(progress(page, 1)).toContainText('2 of 8 checks pass');
  await expect(progress(page, 2)).toContainText(/0 of 3 elements reviewed · \d+ suggestions pending$/);
  await expect(progress(page, 3)).toContainText('0 of 1 high or critical risk planned');
  await expect(progress(page, 4)).toContainText('Not signed off yet');
  await expect(badge(page)).toHaveAttribute('aria-label', 'Four questions: 0 of 4 answered');
  await h.shot(page, 'four-questions-01-start');

  // Question 1: the scope, one field at a time; typing a field is one undo step.
  await page.getByLabel('In scope', { exact: true }).fill('The support chatbot and its LLM');
  await expect(progress(page, 1)).toContainText('3 of 8 checks pass');
  await page.getByLabel('Out of scope', { exact: true }).fill('Billing');
  await page.getByLabel('Assumptions', { exact: true }).fill('SSO works as documented');
  await page.getByLabel('Business objectives', { exact: true }).fill('Answer support questions without leaking data');
  await expect(progress(page, 1)).toContainText('6 of 8 checks pass');
  await h.undoButton(page).click();
  await expect(progress(page, 1)).toContainText('5 of 8 checks pass');
  await expect(page.getByLabel('Business objectives', { exact: true })).toHaveValue('');
  await h.redoButton(page).click();
  await expect(page.getByLabel('Business objectives', { exact: true })).toHaveValue('Answer support questions without leaking data');
  await h.expectStored(page, (d) => expect(d.scope).toEqual({
    inScope: 'The support chatbot and its LLM', outOfScope: 'Billing', assumptions: 'SSO works as documented',
    businessObjectives: 'Answer support questions without leaking data',
  }));

  // The completeness checks name what is missing; "Show" goes to the flow on the diagram.
  const protocolCheck = page.getByTestId('check-flows-without-protocol');
  await expect(protocolCheck).toContainText(flow.name);
  await protocolCheck.getByRole('button', { name: `Show ${flow.name} on the diagram` }).click();
  await expect(page.getByTestId('view-diagram')).toHaveAttribute('aria-current', 'page');
  await page.getByRole('tab', { name: 'Properties' }).click();
  await expect(page.locator('#flow-name')).toHaveValue(flow.name);
  await page.locator('#flow-protocol').fill('HTTPS');
  // A line boundary splits the diagram into zones, so every node is placed in one.
  await h.clickItem(page, 'boundary-line');
  await h.openView(page, 'review');
  await expect(progress(page, 1)).toContainText('✓ 8 of 8 checks pass');
  await expect(page.getByTestId('check-flows-without-protocol')).toContainText('none');

  // Question 2: mark elements reviewed here, or in their STRIDE panel opened in place.
  const todo = page.getByRole('list', { name: 'Elements not reviewed' });
  await todo.getByRole('button', { name: `Mark ${user.name} reviewed` }).click();
  await expect(progress(page, 2)).toContainText(/1 of 3 elements reviewed/);
  await todo.getByRole('button', { name: `Open STRIDE panel of ${llm.name}` }).click();
  const inline = section(page, 2).getByTestId('stride-panel');
  await expect(inline).toBeVisible();
  // Once marked, the element leaves the list (its panel with it).
  await inline.getByLabel('Mark STRIDE review done').click();
  await expect(todo.getByRole('button', { name: `Mark ${llm.name} reviewed` })).toHaveCount(0);
  await expect(progress(page, 2)).toContainText(/2 of 3 elements reviewed/);
  await todo.getByRole('button', { name: `Mark ${flow.name} reviewed` }).click();
  await expect(progress(page, 2)).toContainText(/✓ 3 of 3 elements reviewed/);
  await h.undoButton(page).click();
  await expect(progress(page, 2)).toContainText(/2 of 3 elements reviewed/);
  await h.redoButton(page).click();
  await expect(progress(page, 2)).toContainText(/✓ 3 of 3 elements reviewed/);
  await h.expectStored(page, (d) => expect(d.strideReviews.map((r) => r.elementId).sort()).toEqual([userId, llmId, flow.id].sort()));

  // Question 3: the accepted prompt-injection threat (4 × 4, high) has mitigations but no owner.
  const risk = page.getByTestId('q3-risk');
  await expect(risk).toHaveCount(1);
  await expect(risk).toContainText('No owner');
  await risk.getByRole('textbox').fill('Platform team');
  await risk.getByRole('button', { name: /^Assign owner of / }).click();
  await expect(progress(page, 3)).toContainText('✓ 1 of 1 high or critical risk planned');
  await expect(badge(page)).toHaveAttribute('aria-label', 'Four questions: 3 of 4 answered');

  // Question 4: a sign-off needs a reviewer; then it records who, when, notes and checklist.
  await page.getByRole('button', { name: 'Sign off', exact: true }).click();
  await expect(section(page, 4).getByRole('alert')).toHaveText('A sign-off needs the name of the reviewer');
  await page.getByLabel('Reviewer').fill('Ana Ruiz');
  await page.getByLabel('Every in-scope element walked through STRIDE').check();
  await page.getByLabel('Every high and critical risk has a mitigation and an owner').check();
  await page.getByLabel('Notes').fill('First review with the client.');
  await page.getByRole('button', { name: 'Sign off', exact: true }).click();
  await expect(progress(page, 4)).toContainText(/✓ Signed off by Ana Ruiz on \d{4}-\d{2}-\d{2}$/);
  await expect(badge(page)).toHaveAttribute('aria-label', 'Four questions: 4 of 4 answered');
  await expect(page.getByTestId('review-entry')).toHaveCount(1);
  await expect(page.getByTestId('review-entry')).toContainText('2 of 6 checklist items done');
  await expect(page.getByTestId('changes-summary')).toContainText('Nothing tracked has changed');
  const signed = await h.expectStored(page, (d) => expect(d.reviews).toHaveLength(1));
  expect(signed.reviews[0]).toMatchObject({ reviewer: 'Ana Ruiz', notes: 'First review with the client.' });
  expect(signed.reviews[0]!.baseline.elements).toHaveLength(4);
  await h.shot(page, 'four-questions-02-signed-off');

  // A new element after the sign-off makes it stale and shows up as a change.
  await h.openView(page, 'diagram');
  // The canvas redraws its cells when it shows again; wait, so the new node is told apart.
  await expect(h.nodes(page)).toHaveCount(2);
  await expect(h.flows(page)).toHaveCount(1);
  await h.clickItem(page, 'guardrail');
  await h.openView(page, 'review');
  await expect(progress(page, 4)).toContainText(/1 change since the sign-off on /);
  await expect(page.getByTestId('changes-summary')).toContainText('Elements added');
  await expect(progress(page, 2)).toContainText(/3 of 4 elements reviewed/);
  await h.shot(page, 'four-questions-03-changes');

  // Undo the new element, then the sign-off itself.
  await h.undoButton(page).click();
  await expect(progress(page, 4)).toContainText(/✓ Signed off by Ana Ruiz/);
  await h.undoButton(page).click();
  await expect(progress(page, 4)).toContainText('Not signed off yet');
  await h.expectStored(page, (d) => expect(d.reviews).toEqual([]));
  expect(errors).toEqual([]);
});
