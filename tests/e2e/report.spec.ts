// Export… : the PDF report with a real preview, saved through the browser's download, then its
// pages rendered with pdftoppm into screenshots to look at; and the open formats.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createFlow, createNode, createThreat, serializeDocument, type ModelDocument } from '../../shared/model';
import * as h from './helpers';
import { modelWithUnprintable } from '../unit/report/fixture';

async function openModel(page: Page, doc: ModelDocument): Promise<void> {
  await h.useFileInputFallback(page);
  await h.gotoHome(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles({ name: 'report.threatloom.json', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(doc)) });
  await expect(page.getByRole('heading', { level: 1, name: doc.title })).toBeVisible();
  await h.waitSaved(page);
}

async function openReportModel(page: Page): Promise<void> {
  await openModel(page, modelWithUnprintable());
  // The editor is settled (canvas drawn, the opened model stored) before the header is used.
  await expect(h.nodes(page)).toHaveCount(7);
}

/** A model big enough that its report takes a while: 160 components in a grid, 400 threats. */
function largeModel(): ModelDocument {
  const base = modelWithUnprintable();
  const nodes = Array.from({ length: 160 }, (_, i) => createNode(i % 2 ? 'llm' : 'vector-db', { x: (i % 16) * 240, y: Math.floor(i / 16) * 150 }, `Component ${i + 1}`));
  const flows = nodes.slice(1).map((n, i) => createFlow(nodes[i]!.id, n.id, `Flow ${i + 1}`));
  const threats = Array.from({ length: 400 }, (_, i) => createThreat({ title: `Threat ${i + 1}`, description: 'A sentence of description so the table rows wrap like real ones do.', elementIds: [nodes[i % nodes.length]!.id], stride: ['T'] }));
  return { ...base, title: 'Large report model', diagrams: [{ ...base.diagrams[0]!, nodes, flows, boundaries: [] }], threats, assets: [], attackTrees: [] };
}

async function openExportDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog(page)).toBeVisible();
  // The preview is pdf.js drawing the generated file: real pages, with a count.
  await expect(dialog(page).getByText(/^First 3 of \d+ pages/)).toBeVisible({ timeout: 30_000 });
}

const dialog = (page: Page) => page.getByTestId('export-dialog');

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; path: string }> {
  const event = page.waitForEvent('download');
  await click();
  const file = await event;
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

test('export the PDF report with options, preview it, and read it back', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await openReportModel(page);
  await openExportDialog(page);
  await expect(dialog(page).getByRole('img', { name: 'Page 1 of the report' })).toBeVisible();
  await h.shot(page, 'report-dialog');

  await dialog(page).getByLabel('Classification label').fill('Confidential');
  await dialog(page).getByLabel('Letter').check();
  await expect(dialog(page).getByText(/options or model changed since/)).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Update preview' }).click();
  await expect(dialog(page).getByText(/^First 3 of \d+ pages · \d+ characters the font lacks print as □/)).toBeVisible({ timeout: 30_000 });
  await h.shot(page, 'report-dialog-updated');

  const pdf = await download(page, () => dialog(page).getByRole('button', { name: 'Save PDF…' }).click());
  expect(pdf.name).toBe('Customer support RAG chatbot.pdf');
  await expect(dialog(page).getByRole('status').filter({ hasText: 'Saved the PDF report' })).toBeVisible();
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('CONFIDENTIAL');
  expect(text).toContain('Gateway bypass via encoded payloads');
  expect(text).toContain('Москва mirror');
  expect(text).toContain('Spoofed □ badge □□');
  expect(execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts/);
  // Every page as a picture, to look at: cover, contents, summary, diagrams, threats…
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf.path, `${h.SCREENSHOTS}/report-page`]);
  expect(errors).toEqual([]);
});

test('export the open formats from the same dialog', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await openReportModel(page);
  await openExportDialog(page);

  const csv = await download(page, () => dialog(page).getByRole('button', { name: 'Export threat register (CSV)' }).click());
  const csvText = readFileSync(csv.path, 'utf8');
  expect(csvText.startsWith('\ufeffThreat ID,Summary,')).toBe(true);
  expect(csvText).toContain('Gateway bypass via encoded payloads');

  const sarif = JSON.parse(readFileSync((await download(page, () => dialog(page).getByRole('button', { name: 'Export SARIF log' }).click())).path, 'utf8'));
  expect(sarif.version).toBe('2.1.0');

  const layer = JSON.parse(readFileSync((await download(page, () => dialog(page).getByRole('button', { name: 'Export ATLAS Navigator layer' }).click())).path, 'utf8'));
  expect(layer.domain).toBe('atlas-atlas');

  const md = readFileSync((await download(page, () => dialog(page).getByRole('button', { name: 'Export Markdown report' }).click())).path, 'utf8');
  expect(md).toContain('```mermaid');

  const svg = await download(page, () => dialog(page).getByRole('button', { name: 'Export diagram (SVG)' }).click());
  expect(svg.name).toBe('Customer support RAG chatbot - Chat request path.svg');
  expect(readFileSync(svg.path, 'utf8')).toContain('Zürich gateway');

  const png = await download(page, () => dialog(page).getByRole('button', { name: 'Export diagram (PNG)' }).click());
  const bytes = readFileSync(png.path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  // Twice the diagram's size, for sharp text: the width sits in the IHDR chunk.
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(1500);
  execFileSync('cp', [png.path, `${h.SCREENSHOTS}/report-diagram.png`]);

  const json = readFileSync((await download(page, () => dialog(page).getByRole('button', { name: 'Export model (JSON)' }).click())).path, 'utf8');
  expect(JSON.parse(json).title).toBe('Customer support RAG chatbot');
  await h.shot(page, 'report-dialog-exported');
  await dialog(page).getByRole('button', { name: 'Close the export dialog' }).click();
  await expect(dialog(page)).toBeHidden();
  expect(errors).toEqual([]);
});

test('a long export shows its progress and the page stays responsive', async ({ page }) => {
  test.setTimeout(120_000);
  await openModel(page, largeModel());
  await page.getByRole('button', { name: 'Export…' }).click();
  const progress = dialog(page).getByRole('status').filter({ hasText: /Exporting the PDF report/ });
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect(dialog(page).getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  await h.shot(page, 'report-dialog-progress');
  // While the report is built, the page still paints frames: the work yields between blocks.
  const frameWait = await page.evaluate(async () => {
    const start = performance.now();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return performance.now() - start;
  });
  expect(frameWait).toBeLessThan(1500);
  await expect(dialog(page).getByText(/^First 3 of \d+ pages/)).toBeVisible({ timeout: 90_000 });
});
