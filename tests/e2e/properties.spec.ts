// The properties panel edits the selection: names, typed security properties, flow properties
// and scope; every edit reaches the canvas and the stored document and can be undone.
import { test, expect } from '@playwright/test';
import * as h from './helpers';

test('node properties: name, description, typed properties and out of scope', async ({ page }) => {
  await h.createModel(page, 'Node properties');
  const id = await h.dropItem(page, 'llm', { x: 350, y: 220 });
  const node = h.nodeById(page, id);
  const panel = h.properties(page);

  // Name: the canvas label follows as the user types.
  await page.locator('#node-name').fill('Answer engine');
  await expect(h.nodeByName(page, 'Answer engine')).toHaveCount(1);
  await expect.poll(() => h.squashedText(node.locator('[joint-selector="label"]'))).toBe('Answerengine');
  await page.locator('#node-description').fill('Hosted chat model answering staff questions.');

  // Typed properties of an LLM: select, text, checkbox, number.
  await panel.getByLabel('Hosting').selectOption('third-party-api');
  await panel.getByLabel('Provider', { exact: true }).fill('Acme AI');
  await panel.getByLabel('Fine-tuned on our data').check();
  await panel.getByLabel('Provider retains prompts').check();
  await panel.getByLabel('Provider retains prompts').uncheck();
  const ctx = panel.getByLabel('Context window (tokens)');
  await ctx.fill('200000');
  await ctx.press('Enter');
  await ctx.blur();

  let n = (await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.nodes[0]!.properties['contextWindowTokens']).toBe(200000))).diagrams[0]!.nodes[0]!;
  expect(n).toMatchObject({
    id,
    name: 'Answer engine',
    description: 'Hosted chat model answering staff questions.',
    properties: {
      hosting: 'third-party-api',
      provider: 'Acme AI',
      fineTuned: true,
      providerRetainsData: false,
      contextWindowTokens: 200000,
    },
    outOfScope: false,
  });

  // Numbers are kept within the property's range.
  await ctx.fill('99999999999');
  await ctx.blur();
  await expect(ctx).toHaveValue('10000000');
  await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.nodes[0]!.properties['contextWindowTokens']).toBe(10_000_000));

  // Out of scope with a reason: the node is drawn dashed with a badge.
  await panel.getByLabel('Out of scope', { exact: true }).check();
  await panel.getByLabel('Why it is out of scope').fill('Run by the vendor under their own assessment.');
  await expect(node.locator('[joint-selector="scopeBadge"]')).toHaveText('out of scope');
  n = (await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.nodes[0]!.outOfScopeReason).not.toBe(''))).diagrams[0]!.nodes[0]!;
  expect(n.outOfScope).toBe(true);
  expect(n.outOfScopeReason).toBe('Run by the vendor under their own assessment.');
  await h.shot(page, 'properties-node');

  // The panel shows the stored values after reselecting.
  await h.clickBlank(page, { x: 700, y: 600 });
  await h.selectNode(page, node);
  await expect(page.locator('#node-name')).toHaveValue('Answer engine');
  await expect(panel.getByLabel('Hosting')).toHaveValue('third-party-api');
  await expect(panel.getByLabel('Fine-tuned on our data')).toBeChecked();
  await expect(panel.getByLabel('Why it is out of scope')).toHaveValue('Run by the vendor under their own assessment.');

  // Property edits share the one undo history: the reason, then the scope flag, go back.
  const beforeScope = (await h.savedDoc(page)).diagrams;
  await page.keyboard.press('Control+z'); // focus is on the canvas, not a text field
  await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.nodes[0]!.outOfScopeReason).toBe(''));
  await page.keyboard.press('Control+z');
  await expect(panel.getByLabel('Out of scope', { exact: true })).not.toBeChecked();
  await expect(node.locator('[joint-selector="scopeBadge"]')).toBeHidden();
  await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.nodes[0]!.outOfScope).toBe(false));
  await page.keyboard.press('Control+y');
  await page.keyboard.press('Control+y');
  await h.expectStored(page, (doc) => expect(doc.diagrams).toEqual(beforeScope));
});

test('typing a name is one undo step', async ({ page }) => {
  await h.createModel(page, 'Name undo');
  const id = await h.dropItem(page, 'agent', { x: 350, y: 220 });
  const before = (await h.savedDoc(page)).diagrams;
  const name = page.locator('#node-name');
  await name.fill('');
  await name.pressSequentially('Planner', { delay: 20 });
  await name.blur();
  await expect(h.nodeByName(page, 'Planner')).toHaveCount(1);
  await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.nodes[0]!.name).toBe('Planner'));
  await page.keyboard.press('Control+z');
  await h.expectStored(page, (doc) => expect(doc.diagrams).toEqual(before));
  await expect(h.nodeById(page, id)).toBeVisible();
  await expect(page.locator('#node-name')).toHaveValue(before[0]!.nodes[0]!.name);
});

test('flow properties: name, protocol, encrypted, carries PII, out of scope; boundary trust level', async ({ page }) => {
  await h.createModel(page, 'Flow properties');
  const aId = await h.dropItem(page, 'output-consumer', { x: 150, y: 200 });
  const bId = await h.dropItem(page, 'inference-api', { x: 520, y: 200 });
  const flowId = await h.connect(page, h.nodeById(page, aId), h.nodeById(page, bId));
  const flow = h.flowById(page, flowId);
  const panel = h.properties(page);

  await flow.locator('.label').click();
  await expect(panel.getByRole('heading', { name: 'Data flow' })).toBeVisible();
  await page.locator('#flow-name').fill('Prediction request');
  await page.locator('#flow-protocol').fill('HTTPS');
  await h.expectFlowLabel(page, flowId, 'Prediction request (HTTPS)');
  await panel.getByLabel('Encrypted in transit').check();
  await panel.getByLabel('Authenticated', { exact: true }).check();
  await panel.getByLabel('Personal data (PII)').check();
  await panel.getByLabel('Prompts', { exact: true }).check();
  await panel.getByLabel('Bidirectional').check();
  await panel.getByLabel('Out of scope', { exact: true }).check();
  await panel.getByLabel('Why it is out of scope').fill('Covered by the API gateway model.');
  await h.shot(page, 'properties-flow');

  const f = (await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.flows[0]!.outOfScopeReason).not.toBe(''))).diagrams[0]!.flows[0]!;
  expect(f).toEqual({
    id: flowId,
    source: aId,
    target: bId,
    name: 'Prediction request',
    description: '',
    bidirectional: true,
    protocol: 'HTTPS',
    encrypted: true,
    authenticated: true,
    publicNetwork: false,
    carries: ['pii', 'prompts'],
    vertices: [],
    outOfScope: true,
    outOfScopeReason: 'Covered by the API gateway model.',
  });

  // Unticking one category keeps the other.
  await panel.getByLabel('Personal data (PII)').uncheck();
  await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.flows[0]!.carries).toEqual(['prompts']));

  // A boundary's name and trust level.
  const boxId = await h.dropItem(page, 'boundary-box', { x: 400, y: 520 });
  await page.locator('#boundary-name').fill('DMZ');
  await panel.getByLabel('Trust level').selectOption('untrusted');
  await expect(h.boundaryById(page, boxId)).toContainText('DMZ · trust: untrusted');
  await h.expectStored(page, (doc) => expect(doc.diagrams[0]!.boundaries[0]).toMatchObject({ id: boxId, name: 'DMZ', trustLevel: 'untrusted' }));
});
