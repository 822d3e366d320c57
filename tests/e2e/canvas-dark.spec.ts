// Dark mode reaches the diagram: nodes, flow labels, boundaries, badges, the grid and the paper
// switch with the theme, as view state only (no undo entry, no save), while SVG and PNG exports
// stay light and printable. Screenshots of the RAG template in both themes to look at.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createBoxBoundary, createFlow, createLineBoundary, createModel, createNode, createThreat, serializeDocument, type ModelDocument, type TrustLevel } from '../../shared/model';
import * as h from './helpers';

const fill = (el: Locator) => el.evaluate((e) => getComputedStyle(e).fill);
const stroke = (el: Locator) => el.evaluate((e) => getComputedStyle(e).stroke);
const paperBackground = (page: Page) => page.locator('.tl-paper').evaluate((e) => getComputedStyle(e).backgroundColor);
const themeSwitch = (page: Page) => page.getByTestId('theme-switch');

async function openRagTemplate(page: Page): Promise<void> {
  await h.gotoHome(page);
  await page.getByRole('button', { name: 'New from template…' }).click();
  await page.getByRole('dialog', { name: 'New from template' }).getByRole('button', { name: /RAG/ }).first().click();
  await page.waitForURL(/#\/model\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: 'Fit to content' }).click();
  await expect(h.nodes(page)).toHaveCount(12);
  await h.waitSaved(page);
}

/** A flow whose label says it crosses a boundary (drawn in the crossing colour). */
const crossingFlow = (page: Page) => h.flows(page).filter({ hasText: 'crosses' }).first();

test('the canvas follows the theme as view state: restyled in place, no undo entry, nothing saved', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await openRagTemplate(page);
  const llm = h.nodeByName(page, 'Hosted LLM');
  const retriever = h.nodeByName(page, 'Document retriever');
  await h.selectNode(page, retriever);
  await expect(retriever.locator('[joint-selector="selection"]')).toBeVisible();
  await expect(llm.locator('[joint-selector="badge"]')).toBeVisible();
  await h.waitSaved(page);

  const before = await h.savedDoc(page);
  const undoBefore = { disabled: await h.undoButton(page).isDisabled(), title: await h.undoButton(page).getAttribute('title') };
  const body = h.nodeBody(llm);
  const labelPlate = crossingFlow(page).locator('.labels rect').first();
  const labelText = crossingFlow(page).locator('.labels text').first();
  // Marks the drawn elements: the same ones must still be there after the switch (not rebuilt).
  await body.evaluate((e) => e.setAttribute('data-probe', 'body'));
  await labelPlate.evaluate((e) => e.setAttribute('data-probe', 'plate'));

  expect(await fill(body)).toBe('rgb(255, 255, 255)');
  expect(await fill(labelPlate)).toBe('rgb(255, 255, 255)');
  expect(await fill(labelText)).toBe('rgb(194, 65, 12)');
  expect(await paperBackground(page)).toBe('rgb(246, 247, 249)');
  await h.shot(page, 'canvas-light');

  await themeSwitch(page).selectOption('dark');
  await expect.poll(() => fill(body)).toBe('rgb(31, 37, 48)');
  expect(await stroke(body)).toBe('rgb(240, 163, 90)'); // the genai group's dark accent
  expect(await fill(labelPlate)).toBe('rgb(27, 32, 41)');
  expect(await fill(labelText)).toBe('rgb(255, 154, 92)');
  expect(await fill(llm.locator('[joint-selector="label"]'))).toBe('rgb(230, 233, 239)');
  expect(await stroke(retriever.locator('[joint-selector="selection"]'))).toBe('rgb(138, 164, 255)');
  expect(await paperBackground(page)).toBe('rgb(22, 26, 34)');
  expect(await page.locator('.tl-paper .joint-grid-layer pattern > rect').first().evaluate((e) => getComputedStyle(e).fill)).toBe('rgb(57, 65, 79)');
  await expect(page.locator('[data-probe="body"]')).toHaveCount(1);
  await expect(page.locator('[data-probe="plate"]')).toHaveCount(1);
  await h.shot(page, 'canvas-dark');
  await h.canvas(page).screenshot({ path: `${h.SCREENSHOTS}/canvas-dark-diagram.png` });

  // Theme is not an edit: the undo button and the stored document are as they were.
  expect({ disabled: await h.undoButton(page).isDisabled(), title: await h.undoButton(page).getAttribute('title') }).toEqual(undoBefore);
  await page.waitForTimeout(800); // longer than the autosave delay
  await expect(h.saveStatus(page)).toHaveText('All changes saved');
  expect((await h.readDoc(page))!.updatedAt).toBe(before.updatedAt);
  // The selection is still shown and editing still works in dark mode.
  await expect(retriever.locator('[joint-selector="selection"]')).toBeVisible();

  await themeSwitch(page).selectOption('light');
  await expect.poll(() => fill(body)).toBe('rgb(255, 255, 255)');
  expect(await stroke(body)).toBe('rgb(163, 75, 5)');
  expect(await h.undoButton(page).isDisabled()).toBe(undoBefore.disabled);
  expect(errors).toEqual([]);
});

test('dark mode with no selection and on hover: readable handles and arrowheads', async ({ page }) => {
  await openRagTemplate(page);
  await themeSwitch(page).selectOption('dark');
  await h.clickBlank(page, { x: 8, y: 8 });
  await h.canvas(page).screenshot({ path: `${h.SCREENSHOTS}/canvas-dark-unselected.png` });
  const employee = h.nodeByName(page, 'Employee');
  await employee.hover();
  const handle = employee.locator('[joint-selector="handleRight"]');
  await expect.poll(() => handle.evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
  expect(await fill(handle)).toBe('rgb(31, 37, 48)');
  const box = (await employee.boundingBox())!;
  await page.screenshot({ path: `${h.SCREENSHOTS}/canvas-dark-hover.png`, clip: { x: box.x - 60, y: box.y - 60, width: box.width + 240, height: box.height + 120 } });
  // Arrowheads are SVG markers: drawn in the flow colours, not the default black.
  const markers = await page.locator('.tl-paper marker path').evaluateAll((els) => els.map((e) => getComputedStyle(e).fill));
  expect(markers.length).toBeGreaterThan(0);
  for (const m of markers) expect(['rgb(154, 163, 181)', 'rgb(255, 154, 92)', 'rgb(138, 164, 255)']).toContain(m);

  // At actual size, to judge the small type (node types, flow labels, badge numbers) in both themes.
  await h.selectNode(page, h.nodeByName(page, 'Prompt guard'));
  await page.getByRole('button', { name: 'Actual size' }).click();
  await h.canvas(page).screenshot({ path: `${h.SCREENSHOTS}/canvas-dark-100.png` });
  await themeSwitch(page).selectOption('light');
  await h.canvas(page).screenshot({ path: `${h.SCREENSHOTS}/canvas-light-100.png` });
});

test('SVG and PNG exports stay light in dark mode', async ({ page }) => {
  await h.useFileInputFallback(page); // exports then arrive as downloads
  await openRagTemplate(page);
  await themeSwitch(page).selectOption('dark');
  await expect.poll(() => paperBackground(page)).toBe('rgb(22, 26, 34)');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Export diagram (SVG)' })).toBeVisible();

  const download = async (name: string) => {
    const event = page.waitForEvent('download');
    await dialog.getByRole('button', { name }).click();
    const file = await event;
    const path = test.info().outputPath(file.suggestedFilename());
    await file.saveAs(path);
    return readFileSync(path);
  };
  const svg = (await download('Export diagram (SVG)')).toString('utf8');
  expect(svg).toContain('Hosted LLM');
  expect(svg).not.toContain('var(');
  expect(svg).toContain('fill="#ffffff"'); // white node bodies and label plates
  expect(svg).toContain('#a34b05'); // the genai group's light accent
  for (const darkValue of ['#1f2530', '#161a22', '#1b2029', '#f0a35a', '#e6e9ef']) expect(svg).not.toContain(darkValue);

  // The PNG is the same SVG rasterised on white: its corner and most of its pixels are light.
  const png = await download('Export diagram (PNG)');
  const light = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let bright = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! > 600) bright++;
    return { corner: [data[0], data[1], data[2]], brightShare: bright / (data.length / 4) };
  }, png.toString('base64'));
  expect(light.corner).toEqual([255, 255, 255]);
  expect(light.brightShare).toBeGreaterThan(0.8);
});

/** Every trust level, every component group, an out-of-scope node, a line boundary, crossings and badges. */
function everyColourModel(): ModelDocument {
  const base = createModel('Canvas colours');
  const box = (x: number, y: number, name: string, trustLevel: TrustLevel) => ({ ...createBoxBoundary({ x, y }, name), trustLevel, size: { width: 250, height: 170 } });
  const analyst = createNode('actor', { x: 55, y: 95 }, 'Analyst');
  const feed = createNode('data-source', { x: 355, y: 95 }, 'Partner feed');
  const tuning = createNode('training-pipeline', { x: 655, y: 95 }, 'Fine-tuning job');
  const api = createNode('inference-api', { x: 55, y: 355 }, 'Inference API');
  const model = createNode('llm', { x: 355, y: 355 }, 'Chat model');
  const agent = { ...createNode('agent', { x: 680, y: 355 }, 'Support agent'), outOfScope: true, outOfScopeReason: 'Run by the vendor' };
  const upload = createFlow(analyst.id, feed.id, 'Upload');
  const flows = [
    { ...upload, protocol: 'HTTPS' },
    createFlow(feed.id, tuning.id, 'Samples'),
    createFlow(analyst.id, api.id, 'Query'),
    { ...createFlow(api.id, model.id, 'Prompt'), bidirectional: true },
    createFlow(model.id, agent.id, 'Tool call'),
  ];
  const diagram = {
    ...base.diagrams[0]!,
    nodes: [analyst, feed, tuning, api, model, agent],
    flows,
    boundaries: [
      box(20, 40, 'Internet', 'untrusted'), box(320, 40, 'Partner', 'low'), box(620, 40, 'Lab', 'medium'),
      box(20, 300, 'Service', 'high'), box(320, 300, 'Model host', 'privileged'),
      // Long enough downwards that its title (at the middle) sits clear of the nodes.
      { ...createLineBoundary({ x: 615, y: 330 }, 'Vendor edge'), trustLevel: 'untrusted' as const, points: [{ x: 615, y: 330 }, { x: 615, y: 830 }] },
    ],
  };
  const threats = [
    createThreat({ title: 'Prompt injection', elementIds: [model.id], stride: ['T'] }),
    createThreat({ title: 'Jailbreak', elementIds: [model.id], stride: ['E'] }),
    createThreat({ title: 'Spoofed analyst', elementIds: [analyst.id], stride: ['S'] }),
    createThreat({ title: 'Upload tampering', elementIds: [upload.id], stride: ['T'] }),
  ];
  return { ...base, diagrams: [diagram], threats };
}

test('every canvas colour in both themes (screenshots to look at)', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  const doc = everyColourModel();
  await h.useFileInputFallback(page);
  await h.gotoHome(page);
  await themeSwitch(page).selectOption('dark');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles({ name: 'colours.threatloom.json', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(doc)) });
  await expect(page.getByRole('heading', { level: 1, name: doc.title })).toBeVisible();
  await expect(h.nodes(page)).toHaveCount(6);
  await page.getByRole('button', { name: 'Actual size' }).click();
  const frame = (await h.canvas(page).boundingBox())!;

  // A marquee being dragged over the blank lower left of the canvas.
  const start = { x: frame.x + 40, y: frame.y + frame.height - 40 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 140, start.y - 80, { steps: 6 });
  const band = page.locator('.tl-marquee');
  await expect(band).toBeVisible();
  expect(await band.evaluate((e) => getComputedStyle(e).borderTopColor)).toBe('rgb(138, 164, 255)');
  await page.screenshot({ path: `${h.SCREENSHOTS}/canvas-dark-marquee.png`, clip: { x: start.x - 20, y: start.y - 100, width: 180, height: 120 } });
  await page.mouse.up();

  await page.getByRole('button', { name: 'Fit to content' }).click();
  await h.selectNode(page, h.nodeByName(page, 'Inference API'));
  // Out of scope reads as such, and boundary titles use the dark trust colours.
  const agent = h.nodeByName(page, 'Support agent');
  expect(await fill(agent.locator('[joint-selector="scopeBadge"]'))).toBe('rgb(240, 180, 90)');
  const privileged = h.boundaries(page).filter({ hasText: 'Model host' });
  expect(await fill(privileged.locator('[joint-selector="label"]'))).toBe('rgb(185, 162, 255)');
  await h.canvas(page).screenshot({ path: `${h.SCREENSHOTS}/canvas-dark-every-colour.png` });

  await themeSwitch(page).selectOption('light');
  await h.selectNode(page, h.nodeByName(page, 'Inference API'));
  expect(await fill(agent.locator('[joint-selector="scopeBadge"]'))).toBe('rgb(138, 75, 0)');
  await h.canvas(page).screenshot({ path: `${h.SCREENSHOTS}/canvas-light-every-colour.png` });
  expect(errors).toEqual([]);
});
