// Canvas gestures: connecting, moving into a trust boundary (and seeing the crossing), and undo /
// redo of every gesture restoring exactly the stored document from before it.
import { test, expect, type Page } from '@playwright/test';
import type { Diagram } from '../../shared/model';
import * as h from './helpers';

test('connect two nodes, move one into a boundary and see the flow cross it', async ({ page }) => {
  await h.createModel(page, 'Crossing');
  const userId = await h.dropItem(page, 'actor', { x: 140, y: 320 });
  const appId = await h.dropItem(page, 'generic-process', { x: 420, y: 120 });
  const user = h.nodeById(page, userId);
  const app = h.nodeById(page, appId);

  const flowId = await h.connect(page, user, app);
  let d = await h.savedDiagram(page);
  expect(d.flows).toHaveLength(1);
  expect(d.flows[0]).toMatchObject({ id: flowId, source: userId, target: appId });
  await h.expectFlowLabel(page, flowId, 'crosses', false);

  // A box boundary to the right, named through the properties panel (it is selected on drop).
  const boxId = await h.dropItem(page, 'boundary-box', { x: 600, y: 420 });
  await expect(page.locator('#boundary-name')).toBeVisible();
  await page.locator('#boundary-name').fill('Internal network');
  await expect(h.boundaryById(page, boxId)).toContainText('Internal network');
  d = await h.savedDiagram(page);
  const box = h.boxes(d).find((b) => b.id === boxId)!;
  expect(box.name).toBe('Internal network');
  expect(h.insideBox(d.nodes.find((n) => n.id === appId)!, box)).toBe(false);

  const userAt = d.nodes.find((n) => n.id === userId)!.position;
  // Drag the app node into the middle of the box.
  const boxFrame = h.boundaryById(page, boxId).locator('[joint-selector="frame"]');
  await h.moveNodeTo(page, app, await h.center(boxFrame));
  d = await h.expectStored(page, (doc) => {
    const moved = doc.diagrams[0]!.nodes.find((n) => n.id === appId)!;
    expect(h.insideBox(moved, h.boxes(doc.diagrams[0]!)[0]!)).toBe(true);
  }).then((doc) => doc.diagrams[0]!);
  expect(d.nodes.find((n) => n.id === userId)!.position).toEqual(userAt);

  // The flow's label says what it crosses, in the crossing colour.
  await h.expectFlowLabel(page, flowId, 'crosses Internal network');
  await h.shot(page, 'editing-crossing');

  // The flow's properties list the boundary under "Crosses".
  await h.flowById(page, flowId).locator('.label').click();
  await expect(h.properties(page).getByRole('heading', { name: 'Data flow' })).toBeVisible();
  await expect(page.getByTestId('flow-crossings')).toHaveText(/Internal network/);
  await expect(page.getByTestId('flow-crossings').locator('li')).toHaveCount(1);

  // The boundary's properties list the node under "Contains", and the crossing flow.
  await h.selectBoundary(page, h.boundaryById(page, boxId));
  await expect(page.locator('#boundary-name')).toHaveValue('Internal network');
  await expect(page.getByTestId('boundary-members').locator('li')).toHaveText(['Process']);
  await expect(page.getByTestId('boundary-crossings').locator('li')).toHaveCount(1);

  // The node's own properties name the boundary it sits in.
  await h.selectNode(page, app);
  await expect(page.getByTestId('node-boundaries')).toContainText('Internal network');

  // Moving it back out clears the crossing.
  await h.moveNode(page, app, 0, -330);
  await h.expectFlowLabel(page, flowId, 'crosses', false);
  await h.selectBoundary(page, h.boundaryById(page, boxId));
  await expect(page.getByTestId('boundary-members')).toHaveText('No element is wholly inside this boundary.');
});

/** The diagrams as stored, once autosave has caught up. */
async function storedDiagrams(page: Page): Promise<readonly Diagram[]> {
  return (await h.savedDoc(page)).diagrams;
}

/** Waits until the stored diagrams equal `want` (autosave is debounced). */
async function expectStoredDiagrams(page: Page, want: readonly Diagram[], what: string): Promise<void> {
  await expect(async () => {
    const doc = await h.readDoc(page);
    expect(doc?.diagrams, what).toEqual(want);
  }).toPass({ timeout: 5000, intervals: h.POLL });
  await h.waitSaved(page);
  const d = want[0]!;
  await expect(h.nodes(page), `${what}: nodes on the canvas`).toHaveCount(d.nodes.length);
  await expect(h.flows(page), `${what}: flows on the canvas`).toHaveCount(d.flows.length);
}

/**
 * After a gesture: every way of undoing restores `before` exactly, every way of redoing
 * restores `after`. Ends in the `after` state.
 */
async function checkUndoRedo(page: Page, gesture: string, before: readonly Diagram[], after: readonly Diagram[]) {
  expect(after, `${gesture} changed nothing`).not.toEqual(before);
  const undoButton = page.getByRole('button', { name: 'Undo', exact: true });
  const redoButton = page.getByRole('button', { name: 'Redo', exact: true });
  await expect(undoButton).toBeEnabled();
  await expect(redoButton).toBeDisabled();

  await page.keyboard.press('Control+z');
  await expectStoredDiagrams(page, before, `${gesture}: Ctrl+Z`);
  await expect(redoButton).toBeEnabled();
  await page.keyboard.press('Control+Shift+z');
  await expectStoredDiagrams(page, after, `${gesture}: Ctrl+Shift+Z`);
  await page.keyboard.press('Control+z');
  await expectStoredDiagrams(page, before, `${gesture}: Ctrl+Z again`);
  await page.keyboard.press('Control+y');
  await expectStoredDiagrams(page, after, `${gesture}: Ctrl+Y`);
  await undoButton.click();
  await expectStoredDiagrams(page, before, `${gesture}: Undo button`);
  await redoButton.click();
  await expectStoredDiagrams(page, after, `${gesture}: Redo button`);
  await expect(redoButton).toBeDisabled();
}

test('undo and redo restore the exact document for every gesture', async ({ page }) => {
  await h.createModel(page, 'Undo everything');
  const firstId = await h.dropItem(page, 'llm', { x: 450, y: 200 });
  const first = h.nodeById(page, firstId);

  // add
  let before = await storedDiagrams(page);
  const addedId = await h.dropItem(page, 'vector-db', { x: 200, y: 420 });
  const added = h.nodeById(page, addedId);
  let after = await storedDiagrams(page);
  expect(after[0]!.nodes.map((n) => n.id)).toEqual([firstId, addedId]);
  await checkUndoRedo(page, 'add', before, after);

  // move
  before = after;
  await h.moveNode(page, added, 140, 60);
  after = await storedDiagrams(page);
  const movedFrom = before[0]!.nodes[1]!.position;
  expect(after[0]!.nodes[1]!.position).toEqual({ x: movedFrom.x + 140, y: movedFrom.y + 60 });
  await checkUndoRedo(page, 'move', before, after);

  // connect
  before = after;
  const flowId = await h.connect(page, first, added);
  after = await storedDiagrams(page);
  expect(after[0]!.flows).toMatchObject([{ id: flowId, source: firstId, target: addedId }]);
  await checkUndoRedo(page, 'connect', before, after);

  // resize (the small square at the bottom-right of a selected node)
  before = after;
  await h.selectNode(page, first);
  await h.resizeBy(page, first, 60, 40);
  after = await storedDiagrams(page);
  const was = before[0]!.nodes[0]!.size;
  // The new size snaps to the 10 px grid.
  const grid = (v: number) => Math.round(v / 10) * 10;
  expect(after[0]!.nodes[0]!.size).toEqual({ width: grid(was.width + 60), height: grid(was.height + 40) });
  expect(after[0]!.nodes[0]!.position).toEqual(before[0]!.nodes[0]!.position);
  await checkUndoRedo(page, 'resize', before, after);

  // rename (in place: double-click, type, Enter)
  before = after;
  await h.inlineRename(page, first, 'Answer model');
  after = await storedDiagrams(page);
  expect(after[0]!.nodes[0]!.name).toBe('Answer model');
  await expect(h.nodeByName(page, 'Answer model')).toHaveCount(1);
  await checkUndoRedo(page, 'rename', before, after);

  // delete (Delete key): the node and its flow go, and come back together
  before = after;
  await h.selectNode(page, added);
  await page.keyboard.press('Delete');
  after = await storedDiagrams(page);
  expect(after[0]!.nodes.map((n) => n.id)).toEqual([firstId]);
  expect(after[0]!.flows).toEqual([]);
  await checkUndoRedo(page, 'delete', before, after);

  // And the whole stack unwinds to the empty diagram.
  for (let i = 0; i < 7; i++) await page.keyboard.press('Control+z');
  await expectStoredDiagrams(page, [{ ...after[0]!, nodes: [], flows: [], boundaries: [] }], 'all undone');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
});

test('a boundary moves with what it contains, and resizing it changes membership', async ({ page }) => {
  await h.createModel(page, 'Boundary gestures');
  const boxId = await h.dropItem(page, 'boundary-box', { x: 300, y: 260 });
  const nodeId = await h.dropItem(page, 'rag-retriever', { x: 300, y: 260 });
  let d = await h.savedDiagram(page);
  const box0 = h.boxes(d)[0]!;
  expect(h.insideBox(d.nodes[0]!, box0)).toBe(true);

  // Drag the boundary by its name tag: the node inside comes along.
  const header = h.boundaryById(page, boxId).locator('[joint-selector="header"]');
  await h.dragMouse(page, await h.center(header), { x: (await h.center(header)).x + 200, y: (await h.center(header)).y + 100 });
  d = await h.expectStored(page, (doc) => expect(h.boxes(doc.diagrams[0]!)[0]!.position).not.toEqual(box0.position)).then((x) => x.diagrams[0]!);
  const box1 = h.boxes(d)[0]!;
  const dx = box1.position.x - box0.position.x;
  const dy = box1.position.y - box0.position.y;
  expect([dx, dy]).toEqual([200, 100]);
  const before = (await h.savedDiagram(page)).nodes[0]!;
  expect(h.insideBox(before, box1)).toBe(true);

  // One undo puts both back.
  await page.keyboard.press('Control+z');
  await h.expectStored(page, (doc) => {
    expect(h.boxes(doc.diagrams[0]!)[0]!.position).toEqual(box0.position);
    expect(doc.diagrams[0]!.nodes[0]!.position.x).toBe(before.position.x - 200);
  });

  // Shrinking the box with its grip below the node's size leaves the node outside it.
  await h.selectBoundary(page, h.boundaryById(page, boxId));
  await h.resizeBy(page, h.boundaryById(page, boxId), -230, -150);
  d = await h.expectStored(page, (doc) => expect(h.boxes(doc.diagrams[0]!)[0]!.size).toEqual({ width: 130, height: 90 })).then((x) => x.diagrams[0]!);
  expect(h.insideBox(d.nodes[0]!, h.boxes(d)[0]!)).toBe(false);
  await expect(page.getByTestId('boundary-members')).toHaveText('No element is wholly inside this boundary.');
});

test('a box boundary dropped over a node stays behind it: the node can still be clicked', async ({ page }) => {
  await h.createModel(page, 'Boundary over node');
  const nodeId = await h.dropItem(page, 'training-pipeline', { x: 440, y: 420 });
  // The box (360 × 240, centred on the drop point) has its bottom edge through the node's middle.
  const boxId = await h.dropItem(page, 'boundary-box', { x: 480, y: 300 });
  await expect(page.locator('#boundary-name')).toBeVisible();
  await h.shot(page, 'editing-boundary-over-node');
  // The node is painted above the boundary frame (later in the SVG).
  const order = await page.evaluate(
    ([n, b]) => {
      const all = [...document.querySelectorAll('[model-id]')].map((e) => e.getAttribute('model-id'));
      return { node: all.indexOf(n!), box: all.indexOf(b!) };
    },
    [nodeId, boxId],
  );
  expect(order.node, 'node is drawn under the boundary frame').toBeGreaterThan(order.box);
  // Clicking the middle of the node selects the node, not the boundary.
  const c = await h.center(h.nodeBody(h.nodeById(page, nodeId)));
  await page.mouse.click(c.x, c.y);
  await expect(page.locator('#node-type')).toHaveValue('training-pipeline');
});

test('an empty diagram shows how to start, above the canvas background', async ({ page }) => {
  await h.createModel(page, 'Empty hint');
  const hint = h.canvas(page).getByText('Drag building blocks here');
  await expect(hint).toBeVisible();
  // The hint lets clicks through (pointer-events: none), so probe what is painted on top of its
  // middle by briefly making it hit-testable.
  const onTop = await hint.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const style = (el as HTMLElement).style;
    style.pointerEvents = 'auto';
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    style.pointerEvents = '';
    return hit === el || el.contains(hit) ? 'the hint' : `${hit?.tagName} ${hit?.getAttribute('class') ?? ''}`;
  });
  expect(onTop, 'the hint is covered by').toBe('the hint');
  // It goes away once something is drawn.
  await h.dropItem(page, 'llm', { x: 300, y: 200 });
  await expect(hint).toHaveCount(0);
});

test('a flow label does not cover the icons of the nodes it connects', async ({ page }) => {
  // The journey's layout: two nodes side by side with a normal gap, a named flow with a protocol
  // that crosses a boundary (so its label has two lines).
  await h.createModel(page, 'Label overlap');
  const userId = await h.dropItem(page, 'actor', { x: 130, y: 300 });
  const appId = await h.dropItem(page, 'generic-process', { x: 420, y: 300 });
  const flowId = await h.connect(page, h.nodeById(page, userId), h.nodeById(page, appId));
  await h.flowById(page, flowId).locator('.label').click();
  await page.locator('#flow-name').fill('Chat messages');
  await page.locator('#flow-protocol').fill('HTTPS');
  await h.dropItem(page, 'boundary-box', { x: 500, y: 300 });
  await page.locator('#boundary-name').fill('Internal network');
  await h.expectFlowLabel(page, flowId, 'crosses Internal network');
  await h.clickBlank(page, { x: 20, y: 20 });
  await h.shot(page, 'editing-flow-label-overlap');

  const label = (await h.flowById(page, flowId).locator('.label').boundingBox())!;
  for (const id of [userId, appId]) {
    const icon = (await h.nodeById(page, id).locator('[joint-selector="iconBg"]').boundingBox())!;
    const overlap =
      label.x < icon.x + icon.width && icon.x < label.x + label.width && label.y < icon.y + icon.height && icon.y < label.y + label.height;
    expect(overlap, `flow label ${JSON.stringify(label)} covers the icon ${JSON.stringify(icon)} of node ${id}`).toBe(false);
  }
});
