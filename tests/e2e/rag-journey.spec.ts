// The journey of the foundation issue: a small RAG chatbot drawn through the UI only — user →
// chat app → retriever → vector DB, app → LLM, a trust boundary around the internal network —
// then a reload, and everything is checked on screen and in the stored document.
import { test, expect } from '@playwright/test';
import * as h from './helpers';

test('build a RAG chatbot through the UI, reload, and find it intact', async ({ page }) => {
  const dialogs = h.recordDialogs(page);
  const errors = h.recordPageErrors(page);
  await h.gotoHome(page);
  await h.shot(page, 'journey-01-empty-library');
  const modelId = await h.createModel(page, 'Support RAG chatbot');
  await h.shot(page, 'journey-02-empty-editor');

  // Five building blocks, dropped from the palette (canvas coordinates at 100% zoom).
  const userId = await h.dropItem(page, 'actor', { x: 130, y: 300 });
  const appId = await h.dropItem(page, 'generic-process', { x: 420, y: 300 });
  const retrieverId = await h.dropItem(page, 'rag-retriever', { x: 420, y: 520 });
  const vectorId = await h.dropItem(page, 'vector-db', { x: 720, y: 520 });
  const llmId = await h.dropItem(page, 'llm', { x: 720, y: 300 });
  const user = h.nodeById(page, userId);
  const app = h.nodeById(page, appId);
  const retriever = h.nodeById(page, retrieverId);
  const vector = h.nodeById(page, vectorId);
  const llm = h.nodeById(page, llmId);

  // Names: the generic process in place, the others through the properties panel.
  await h.inlineRename(page, app, 'Chat app');
  for (const [node, name] of [[user, 'User'], [retriever, 'RAG retriever'], [vector, 'Vector database'], [llm, 'LLM']] as const) {
    await h.selectNode(page, node);
    await page.locator('#node-name').fill(name);
    await expect(h.nodeByName(page, name)).toHaveCount(1);
  }
  await h.shot(page, 'journey-03-nodes');

  // Flows, each dragged from the source's right handle to the target.
  const chatFlow = await h.connect(page, user, app);
  const retrieveFlow = await h.connect(page, app, retriever);
  const searchFlow = await h.connect(page, retriever, vector);
  const promptFlow = await h.connect(page, app, llm);
  await h.flowById(page, chatFlow).locator('.label').click();
  await page.locator('#flow-name').fill('Chat messages');
  await page.locator('#flow-protocol').fill('HTTPS');
  await h.properties(page).getByLabel('Personal data (PII)').check();
  await h.expectFlowLabel(page, chatFlow, 'Chat messages (HTTPS)');
  await h.shot(page, 'journey-04-flows');

  // The internal network: a box dropped above-left of the app, then stretched with its
  // bottom-right grip around the app, retriever, vector DB and LLM (not the user).
  const inner = [app, retriever, vector, llm];
  const rects = await Promise.all(inner.map(async (n) => (await h.nodeBody(n).boundingBox())!));
  const c = (await h.canvas(page).boundingBox())!;
  const userRight = (await h.nodeBody(user).boundingBox())!;
  const left = Math.min(...rects.map((r) => r.x)) - c.x;
  const top = Math.min(...rects.map((r) => r.y)) - c.y;
  const right = Math.max(...rects.map((r) => r.x + r.width)) - c.x;
  const bottom = Math.max(...rects.map((r) => r.y + r.height)) - c.y;
  const boxLeft = Math.round((userRight.x + userRight.width - c.x + left) / 2); // between user and app
  const boxTop = top - 50;
  // A new box is 360 × 240 and centred on the drop point.
  const boxId = await h.dropItem(page, 'boundary-box', { x: boxLeft + 180, y: boxTop + 120 });
  const box = h.boundaryById(page, boxId);
  const frame = box.locator('[joint-selector="frame"]');
  const dropped = (await frame.boundingBox())!;
  expect(Math.abs(dropped.x - c.x - boxLeft)).toBeLessThanOrEqual(10);
  const grip = await h.center(box.locator('[joint-selector="resize"]'));
  await h.dragMouse(page, grip, { x: c.x + right + 40, y: c.y + bottom + 40 });
  await page.locator('#boundary-name').fill('Internal network');
  await h.properties(page).getByLabel('Trust level').selectOption('high');
  await expect(box).toContainText('Internal network · trust: high');
  await expect(page.getByTestId('boundary-members').locator('li')).toHaveText(['Chat app', 'RAG retriever', 'Vector database', 'LLM']);
  await expect(page.getByTestId('boundary-crossings').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('boundary-crossings')).toContainText('User → Chat app');
  await h.shot(page, 'journey-05-boundary');
  await h.clickBlank(page, { x: 20, y: 20 });
  await h.shot(page, 'journey-06-done');
  const before = await h.savedDoc(page);

  // Reload: the same document, the same picture.
  await page.reload();
  await expect(h.canvas(page)).toBeVisible();
  expect(await h.modelId(page)).toBe(modelId);
  await expect(h.nodes(page)).toHaveCount(5);
  await expect(h.flows(page)).toHaveCount(4);
  await expect(h.boundaries(page)).toHaveCount(1);
  await h.shot(page, 'journey-07-after-reload');
  const doc = (await h.readDoc(page))!;
  expect(doc).toEqual(before);
  expect(doc.title).toBe('Support RAG chatbot');
  expect(doc.diagrams).toHaveLength(1);
  const d = doc.diagrams[0]!;

  // Nodes.
  expect(d.nodes.map((n) => [n.name, n.aiType, n.kind])).toEqual([
    ['User', 'actor', 'external'],
    ['Chat app', 'generic-process', 'process'],
    ['RAG retriever', 'rag-retriever', 'process'],
    ['Vector database', 'vector-db', 'store'],
    ['LLM', 'llm', 'process'],
  ]);
  for (const name of ['User', 'Chat app', 'RAG retriever', 'Vector database', 'LLM']) await expect(h.nodeByName(page, name)).toHaveCount(1);

  // Flows.
  const id = (name: string) => h.findNode(d, name).id;
  const pairs = d.flows.map((f) => [d.nodes.find((n) => n.id === f.source)!.name, d.nodes.find((n) => n.id === f.target)!.name]);
  expect(pairs).toEqual([
    ['User', 'Chat app'],
    ['Chat app', 'RAG retriever'],
    ['RAG retriever', 'Vector database'],
    ['Chat app', 'LLM'],
  ]);
  expect(d.flows.map((f) => f.id)).toEqual([chatFlow, retrieveFlow, searchFlow, promptFlow]);
  expect(h.findFlow(d, id('User'), id('Chat app'))).toMatchObject({ name: 'Chat messages', protocol: 'HTTPS', carries: ['pii'] });

  // The boundary and its members.
  expect(d.boundaries).toHaveLength(1);
  const boundary = h.boxes(d)[0]!;
  expect(boundary).toMatchObject({ id: boxId, name: 'Internal network', trustLevel: 'high', shape: 'box' });
  expect(d.nodes.filter((n) => h.insideBox(n, boundary)).map((n) => n.name)).toEqual(['Chat app', 'RAG retriever', 'Vector database', 'LLM']);

  // Exactly the User → Chat app flow crosses it, on screen too.
  const crossing = d.flows.filter((f) => h.insideBox(d.nodes.find((n) => n.id === f.source)!, boundary) !== h.insideBox(d.nodes.find((n) => n.id === f.target)!, boundary));
  expect(crossing.map((f) => f.id)).toEqual([chatFlow]);
  await h.expectFlowLabel(page, chatFlow, 'crosses Internal network');
  for (const f of [retrieveFlow, searchFlow, promptFlow]) await h.expectFlowLabel(page, f, 'crosses', false);
  await h.selectBoundary(page, h.boundaryById(page, boxId));
  await expect(page.getByTestId('boundary-members').locator('li')).toHaveText(['Chat app', 'RAG retriever', 'Vector database', 'LLM']);
  await expect(page.getByTestId('boundary-crossings').locator('li')).toHaveText([/User → Chat app/]);

  // The library lists it with its element count (5 nodes + 4 flows + 1 boundary).
  await page.getByRole('button', { name: 'Back to library' }).click();
  await expect(h.modelRow(page, 'Support RAG chatbot')).toContainText('10 elements');
  await h.shot(page, 'journey-08-library');
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
