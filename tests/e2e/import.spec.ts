// Import… and Export to…: a consultant brings in a client's Threat Dragon, Open Threat Model or
// Microsoft TMT model, reads what came across, opens it and sees the diagram; a broken file is
// refused and changes nothing; a model goes back out as Threat Dragon v2 or OTM that reads in again.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countRecords, importFile, type ImportCounts } from '../../shared/interop';
import type { ModelDocument } from '../../shared/model';
import * as h from './helpers';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/interop/${name}`, import.meta.url)), 'utf8');

/** What the importer itself makes of a fixture: the counts the dialog must show. */
async function expected(name: string): Promise<ModelDocument> {
  const result = await importFile(fixture(name), name);
  if (!result.ok) throw new Error(`${name} does not import: ${JSON.stringify(result.problems)}`);
  return result.doc;
}

const SHOWN: (keyof ImportCounts)[] = ['diagrams', 'elements', 'flows', 'boundaries', 'threats', 'mitigations'];

async function expectCounts(page: Page, counts: ImportCounts) {
  for (const key of SHOWN) await expect(page.getByTestId(`import-count-${key}`).locator('dd'), key).toHaveText(String(counts[key]));
}

/** The canvas shows the first diagram's elements (after Fit, so none is outside the view). */
async function expectDiagram(page: Page, doc: ModelDocument) {
  const d = doc.diagrams[0]!;
  await page.getByRole('button', { name: 'Fit to content' }).click();
  await expect(h.nodes(page)).toHaveCount(d.nodes.length);
  await expect(h.flows(page)).toHaveCount(d.flows.length);
  await expect(h.boundaries(page)).toHaveCount(d.boundaries.length);
  for (const node of d.nodes) await expect(h.nodeByName(page, node.name), node.name).toHaveCount(1);
}

const cases = [
  { file: 'td-v2-support-assistant.json', format: 'OWASP Threat Dragon (v2 JSON)' },
  { file: 'otm-nested-zones.yaml', format: 'Open Threat Model (YAML)' },
  { file: 'tmt-support-assistant.tm7', format: 'Microsoft Threat Modeling Tool (.tm7)' },
];

test.beforeEach(async ({ page }) => {
  await h.useFileInputFallback(page);
});

for (const c of cases) {
  test(`imports ${c.file}: the summary shows what came in, nothing is stored until Open model`, async ({ page }) => {
    const errors = h.recordPageErrors(page);
    const doc = await expected(c.file);
    await h.gotoHome(page);
    await h.chooseImportFile(page, c.file, fixture(c.file));

    const dialog = h.importDialog(page);
    await expect(dialog.getByRole('heading', { name: `Import “${c.file}”` })).toBeVisible();
    await expect(dialog).toContainText(`Recognised as ${c.format}`);
    await expectCounts(page, countRecords(doc));
    await h.shot(page, `import-summary-${c.file.split('.')[0]}`);
    // Only a preview so far: the library is still empty.
    expect((await h.readLibrary(page)).documents).toEqual({});

    await dialog.getByRole('button', { name: 'Open model' }).click();
    await expect(dialog).toHaveCount(0);
    await page.waitForURL(/#\/model\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: doc.title })).toBeVisible();
    await expectDiagram(page, doc);
    const stored = await h.savedDoc(page);
    expect(countRecords(stored)).toEqual(countRecords(doc));
    await h.shot(page, `import-opened-${c.file.split('.')[0]}`);
    expect(errors).toEqual([]);
  });
}

test('the summary lists what was skipped or changed, and Cancel stores nothing', async ({ page }) => {
  const doc = await importFile(fixture('tmt-support-assistant.tm7'), 'tmt.tm7');
  expect(doc.ok).toBe(true);
  const notes = doc.ok ? doc.summary.skipped.length + doc.summary.changed.length : 0;
  await h.gotoHome(page);
  await h.chooseImportFile(page, 'tmt.tm7', fixture('tmt-support-assistant.tm7'));
  const dialog = h.importDialog(page);
  await expect(dialog.getByTestId('import-counts')).toBeVisible();
  if (notes > 0) await expect(dialog.getByTestId(/import-(skipped|changed)/).first()).toBeVisible();
  else await expect(dialog).toContainText('nothing was skipped or changed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await h.readLibrary(page)).documents).toEqual({});
  await expect(h.modelRows(page)).toHaveCount(0);
});

test('a broken file is refused with its name and the problem; the library is unchanged', async ({ page }) => {
  await h.createModel(page, 'Existing model');
  await h.dropItem(page, 'llm', { x: 300, y: 200 });
  await h.waitSaved(page);
  await page.getByRole('button', { name: 'Back to library' }).click();
  await expect(h.modelRows(page)).toHaveCount(1);
  const before = await h.readLibrary(page);

  const broken = fixture('td-v2-support-assistant.json').slice(0, 400);
  await h.chooseImportFile(page, 'client-model.json', broken);
  // Cut-off JSON is not ours to open: the message names the file and the syntax error.
  await expect(page.getByRole('alert').filter({ hasText: 'client-model.json' })).toContainText(/not valid JSON/);

  await h.chooseImportFile(page, 'client-model.tm7', '<?xml version="1.0"?>\n<ThreatModel><DrawingSurfaceList><DrawingSurfaceModel>');
  const dialog = h.importDialog(page);
  await expect(dialog.getByRole('heading', { name: 'Cannot import “client-model.tm7”' })).toBeVisible();
  await expect(dialog.getByTestId('import-problems')).not.toBeEmpty();
  await expect(dialog).toContainText('nothing was added to your library');
  await h.shot(page, 'import-refused');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  await h.chooseImportFile(page, 'notes.txt', 'Meeting notes: threat model to follow.');
  await expect(dialog.getByRole('heading', { name: 'Cannot import “notes.txt”' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  expect(await h.readLibrary(page)).toEqual(before);
  await expect(h.modelRows(page)).toHaveCount(1);
  expect(await page.evaluate(() => location.hash)).not.toMatch(/model/);
});

test('exports Threat Dragon v2 and OTM files that import again with the same counts', async ({ page }) => {
  await h.gotoHome(page);
  await h.chooseImportFile(page, 'support.json', fixture('td-v2-support-assistant.json'));
  await h.importDialog(page).getByRole('button', { name: 'Open model' }).click();
  await page.waitForURL(/#\/model\//);
  const stored = await h.savedDoc(page);

  for (const target of [
    { menu: /Export to Threat Dragon v2/, suffix: '.threat-dragon.json', label: 'Exported to Threat Dragon v2', format: 'threat-dragon-v2' },
    { menu: /Export to Open Threat Model 0\.2\.0/, suffix: '.otm.json', label: 'Exported to Open Threat Model 0.2.0', format: 'otm-json' },
  ]) {
    const file = await h.exportAs(page, target.menu);
    expect(file.name).toBe(`${stored.title}${target.suffix}`);
    const report = page.getByTestId('export-report');
    await expect(report.getByRole('heading', { name: target.label })).toBeVisible();
    await h.shot(page, `export-report-${target.format}`);
    await report.getByRole('button', { name: 'Close' }).click();
    await expect(report).toHaveCount(0);

    const again = await importFile(file.text, file.name);
    expect(again.ok, file.name).toBe(true);
    if (!again.ok) continue;
    expect(again.summary.format).toBe(target.format);
    expect(again.summary.counts).toEqual(countRecords(stored));
  }
});

test('Import… in the editor header opens another model from the editor', async ({ page }) => {
  await h.createModel(page, 'Working model');
  await h.chooseImportFile(page, 'flat.json', fixture('otm-flat-ai.json'));
  const dialog = h.importDialog(page);
  await expect(dialog).toContainText('Open Threat Model (JSON)');
  await dialog.getByRole('button', { name: 'Open model' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search assistant' })).toBeVisible();
  await expect(h.nodes(page)).toHaveCount(5);
});

test('Find element reveals a match on another diagram and selects it', async ({ page }) => {
  const doc = await expected('td-v2-support-assistant.json');
  const other = doc.diagrams[1]!;
  const target = other.nodes[0]!;
  await h.gotoHome(page);
  await h.chooseImportFile(page, 'support.json', fixture('td-v2-support-assistant.json'));
  await h.importDialog(page).getByRole('button', { name: 'Open model' }).click();
  await expect(page.getByRole('tab', { name: doc.diagrams[0]!.name })).toHaveAttribute('aria-selected', 'true');

  const find = page.getByRole('combobox', { name: 'Find element' });
  await find.fill(target.name.slice(0, 5));
  const option = page.getByRole('listbox', { name: 'Matching elements' }).getByRole('option', { name: new RegExp(other.name) }).first();
  await expect(option).toBeVisible();
  await h.shot(page, 'find-element');
  await find.fill(target.name);
  await find.press('Enter');
  await expect(page.getByRole('tab', { name: other.name })).toHaveAttribute('aria-selected', 'true');
  await expect(h.properties(page).getByLabel('Name')).toHaveValue(target.name);
  await expect(h.nodeByName(page, target.name).locator('[joint-selector="selection"]')).toBeVisible();

  await find.fill('no such element');
  await expect(page.getByRole('option', { name: /No element is named like/ })).toBeVisible();
  await find.press('Escape');
  await expect(find).toHaveValue('');
});
