// The catalog browser: the loaded catalogs with their sources and licences, ranked search,
// entries and their cross-links, importing packs (and refusing bad or hostile ones without
// changing anything), and, inside an editor, which elements of the model an entry touches.
import { test, expect, type Page } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as h from './helpers';

const PACKS = fileURLToPath(new URL('../fixtures/packs/', import.meta.url));
const OFFICIAL_ATLAS = fileURLToPath(new URL('../../../shared/reference/atlas/ATLAS.yaml', import.meta.url));
const HAS_OFFICIAL_ATLAS = existsSync(OFFICIAL_ATLAS);

/** Clicks "Import pack…" and hands the chooser a file from disk. */
async function importFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await h.catalogBrowser(page).getByRole('button', { name: 'Import pack…' }).click();
  await (await chooser).setFiles(path);
}

const message = (page: Page) => page.getByTestId('import-message');
const catalogRows = (page: Page) => h.catalogBrowser(page).locator('[data-testid^="catalog-row-"]');
const hit = (page: Page, ref: string) => h.catalogBrowser(page).locator(`.results [data-ref="${ref}"]`);
const entryTitle = (page: Page) => page.getByTestId('catalog-entry').getByRole('heading', { level: 3 });

test('from the home screen: catalogs with edition and licence, ranked search, entries and cross-links', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await h.gotoHome(page);
  await h.shot(page, 'catalogs-home');
  const browser = await h.openCatalogs(page);
  await expect(browser.getByLabel('Search the catalogs')).toBeFocused();

  const atlas = browser.getByTestId('catalog-row-atlas-5.6.0');
  await expect(atlas).toContainText('MITRE ATLAS 5.6.0');
  await expect(atlas).toContainText('licence Apache-2.0');
  await expect(atlas).toContainText('16 tactics, 101 techniques, 69 sub-techniques, 35 mitigations, 57 case studies');
  await expect(atlas).toContainText('Source: https://github.com/mitre-atlas/atlas-data');
  await expect(atlas).toContainText('Bundled · read-only');
  await expect(browser.getByTestId('catalog-row-owasp-llm-2025')).toContainText('CC-BY-SA-4.0');
  await expect(catalogRows(page)).toHaveCount(9);

  await browser.getByLabel('Search the catalogs').fill('prompt injection');
  await expect(hit(page, 'owasp-llm-2025:LLM01')).toHaveAccessibleName('LLM01:2025 Prompt Injection OWASP Top 10 for LLM Applications 2025');
  await expect(hit(page, 'atlas:AML.T0051')).toBeVisible();
  // Ranked: both of the named prompt-injection entries come before anything that only mentions it.
  const refs = await browser.locator('.results [data-ref]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ref')));
  expect(refs.indexOf('atlas:AML.T0051')).toBeLessThan(5);
  expect(refs.indexOf('owasp-llm-2025:LLM01')).toBeLessThan(5);

  // The kind filter narrows the hits to techniques.
  await browser.getByLabel('Kind of entry').selectOption('technique');
  await expect(hit(page, 'owasp-llm-2025:LLM01')).toHaveCount(0);
  await expect(hit(page, 'atlas:AML.T0051')).toBeVisible();
  await browser.getByLabel('Kind of entry').selectOption('');

  await hit(page, 'owasp-llm-2025:LLM01').click();
  await expect(entryTitle(page)).toHaveText('LLM01:2025 Prompt Injection');
  const entry = page.getByTestId('catalog-entry');
  await expect(entry.getByLabel(/Official page/)).toHaveValue(/^https:\/\//);
  // The app is offline: official pages are text to copy, never links.
  expect(await browser.locator('a[href]').count()).toBe(0);
  await h.shot(page, 'catalogs-search');

  // Follow cross-links inside the browser (a related sub-technique, then its parent), then come back.
  await entry.locator('.chips [data-ref="atlas:AML.T0051.000"]').click();
  await expect(entryTitle(page)).toHaveText(/^AML\.T0051\.000 /);
  await entry.getByRole('heading', { name: 'Part of' }).waitFor();
  await entry.locator('.chips [data-ref="atlas:AML.T0051"]').click();
  await expect(entryTitle(page)).toHaveText('AML.T0051 LLM Prompt Injection');
  await expect(entry.getByRole('heading', { name: /Sub-techniques/ })).toBeVisible();
  await expect(entry.getByRole('heading', { name: 'Referenced by' })).toBeVisible();
  await entry.getByRole('button', { name: /Back to AML\.T0051\.000$/ }).click();
  await expect(entryTitle(page)).toHaveText(/^AML\.T0051\.000 /);
  await entry.getByRole('button', { name: /Back to LLM01:2025$/ }).click();
  await expect(entryTitle(page)).toHaveText('LLM01:2025 Prompt Injection');

  // Narrow to one catalog: its entries are listed without a search.
  await browser.getByLabel('Search the catalogs').fill('');
  await browser.getByTestId('catalog-row-owasp-ml-2023').getByRole('button', { name: /OWASP/ }).click();
  await expect(browser.locator('.results [data-ref]')).toHaveCount(10);
  await h.shot(page, 'catalogs-entry');

  await page.keyboard.press('Escape');
  await expect(h.catalogBrowser(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('import packs: ATLAS.yaml, a PLOT4ai deck, a rule pack; bad and hostile files change nothing', async ({ page }) => {
  await h.useFileInputFallback(page);
  await h.gotoHome(page);
  await h.openCatalogs(page);

  // The official file where this machine has it, otherwise our own small file in the same format.
  await importFile(page, HAS_OFFICIAL_ATLAS ? OFFICIAL_ATLAS : `${PACKS}atlas-synthetic.yaml`);
  if (HAS_OFFICIAL_ATLAS) {
    await expect(message(page)).toContainText('Imported “ATLAS.yaml”: MITRE ATLAS 5.6.0: 16 tactics, 101 techniques, 69 sub-techniques, 35 mitigations, 57 case studies');
    await expect(h.catalogBrowser(page).getByTestId('catalog-row-atlas-5.6.0-import')).toContainText('Imported');
    await expect(h.catalogBrowser(page).getByTestId('catalog-row-atlas-5.6.0')).toContainText('now go to a later pack');
  } else {
    await expect(message(page)).toContainText('Imported “atlas-synthetic.yaml”: MITRE ATLAS 9.9.0-test: 2 tactics, 2 techniques, 1 sub-technique, 1 mitigation, 1 case study');
  }
  await expect(catalogRows(page)).toHaveCount(10);

  await importFile(page, `${PACKS}plot4ai-synthetic-deck.json`);
  await expect(message(page)).toContainText('Imported “plot4ai-synthetic-deck.json”: PLOT4ai deck: 5 cards in 3 categories');
  await h.catalogBrowser(page).getByLabel('Search the catalogs').fill('stale inputs');
  await hit(page, 'plot4ai:data-data-governance-stale-inputs').click();
  await expect(page.getByTestId('catalog-entry')).toContainText('Text from the imported file');
  await expect(page.getByTestId('catalog-entry')).toContainText('Synthetic question one');

  await importFile(page, `${PACKS}rules-synthetic.json`);
  await expect(message(page)).toContainText('Imported “rules-synthetic.json”: Rule pack Synthetic test rules 0.1.0: 2 rules');
  await expect(h.catalogBrowser(page).getByTestId('pack-row-rules:synthetic-rules')).toContainText('Imported');

  const stored = await h.readPacks(page);
  expect(stored).toEqual([HAS_OFFICIAL_ATLAS ? 'catalog:atlas-5.6.0-import' : 'catalog:atlas-9.9.0-test', 'catalog:plot4ai', 'rules:synthetic-rules'].sort());

  // The same pack again replaces it, after confirmation; cancelling keeps the old one.
  await importFile(page, `${PACKS}plot4ai-synthetic-deck.json`);
  const confirm = page.getByRole('dialog', { name: 'Replace the imported pack?' });
  await expect(confirm).toContainText('“PLOT4ai” deck of 5 cards');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await importFile(page, `${PACKS}plot4ai-synthetic-deck.json`);
  await page.getByRole('dialog', { name: 'Replace the imported pack?' }).getByRole('button', { name: 'Replace' }).click();
  await expect(message(page)).toContainText('Imported “plot4ai-synthetic-deck.json”');
  expect(await h.readPacks(page)).toEqual(stored);

  // Hostile files are refused with a message naming the file; nothing stored or listed changes.
  await importFile(page, `${PACKS}atlas-alias-bomb.yaml`);
  await expect(message(page)).toHaveAttribute('role', 'alert');
  await expect(message(page)).toContainText('Could not import “atlas-alias-bomb.yaml”: refused: the YAML expands aliases excessively');
  await expect(message(page)).toContainText('Nothing was changed.');
  const big = test.info().outputPath('huge-pack.json');
  writeFileSync(big, `{"format":"threatloom-catalog","padding":"${'x'.repeat(30 * 1024 * 1024)}"}`);
  await importFile(page, big);
  await expect(message(page)).toContainText('Could not import “huge-pack.json”: the file is 30.0 MB; packs over 8.0 MB are refused. Nothing was changed.');
  const bogus = test.info().outputPath('not-a-pack.json');
  writeFileSync(bogus, readFileSync(fileURLToPath(new URL('./fixtures/valid-rag-chatbot.threatloom.json', import.meta.url))));
  await importFile(page, bogus);
  await expect(message(page)).toContainText('Could not import “not-a-pack.json”: format: not a catalog pack');
  await h.shot(page, 'catalogs-refused');
  expect(await h.readPacks(page)).toEqual(stored);
  await expect(catalogRows(page)).toHaveCount(11);

  // Imported packs survive a reload; deleting one asks first.
  await page.reload();
  await h.openCatalogs(page);
  const plot = h.catalogBrowser(page).getByTestId('catalog-row-plot4ai');
  await expect(plot).toContainText('PLOT4ai deck of 5 cards');
  await plot.getByRole('button', { name: 'Delete the imported pack PLOT4ai deck of 5 cards' }).click();
  await page.getByRole('dialog', { name: 'Delete the imported pack?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(message(page)).toContainText('Deleted the imported pack “PLOT4ai”.');
  await expect(plot).toHaveCount(0);
  expect(await h.readPacks(page)).toEqual(stored.filter((p) => p !== 'catalog:plot4ai'));
  await expect(h.catalogBrowser(page).getByTestId('catalog-row-atlas-5.6.0')).not.toContainText('Delete');
  await h.shot(page, 'catalogs-imported');
});

test('in an editor: an entry shows which elements of the model it touches, and chips open the browser', async ({ page }) => {
  await h.useFileInputFallback(page);
  await h.gotoHome(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles(fileURLToPath(new URL('./fixtures/valid-rag-chatbot.threatloom.json', import.meta.url)));
  await expect(h.canvas(page)).toBeVisible();
  await h.shot(page, 'catalogs-editor');

  const browser = await h.openCatalogs(page);
  await browser.getByLabel('Search the catalogs').fill('AML.T0051');
  await hit(page, 'atlas:AML.T0051').click();
  const usage = page.getByTestId('model-usage');
  await expect(usage).toContainText('Touches 2 elements: Hosted LLM, Help-centre retriever.');
  await expect(usage).toContainText('Indirect prompt injection through retrieved help content');
  await h.shot(page, 'catalogs-in-model');
  await browser.getByLabel('Search the catalogs').fill('LLM10');
  await hit(page, 'owasp-llm-2025:LLM10').click();
  await expect(usage).toContainText('No threat or mitigation of this model cites this entry.');

  await browser.getByLabel('Search the catalogs').fill('LLM02');
  await hit(page, 'owasp-llm-2025:LLM02').click();
  await usage.getByRole('button', { name: 'Show Hosted LLM on the canvas' }).click();
  await expect(h.catalogBrowser(page)).toHaveCount(0);
  await expect(page.locator('#node-name')).toHaveValue('Hosted LLM');

  // A reference chip in the threats panel opens the browser at its entry.
  await page.getByTestId('threats-tab').click();
  await page.locator('[data-ref="owasp-llm-2025:LLM01"]').first().click();
  await expect(h.catalogBrowser(page)).toBeVisible();
  await expect(entryTitle(page)).toHaveText('LLM01:2025 Prompt Injection');
  await expect(usage).toContainText('Hosted LLM');
});
