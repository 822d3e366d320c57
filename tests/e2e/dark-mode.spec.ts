// Dark mode: follows the OS by default, switchable (Light / Dark / System) from the home screen
// and the editor header, remembered across reloads. Screenshots of home, editor and a dialog.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as h from './helpers';

const themeOf = (page: Page) => page.evaluate(() => document.documentElement.dataset['theme']);
const background = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);
const colour = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).color);

test('follows the OS until the user chooses, and remembers the choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await h.gotoHome(page);
  await expect.poll(() => themeOf(page)).toBe('dark');
  await expect(page.getByTestId('theme-switch')).toHaveValue('system');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => themeOf(page)).toBe('light');

  await page.getByTestId('theme-switch').selectOption('dark');
  await expect.poll(() => themeOf(page)).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' }); // a chosen theme ignores the OS
  await page.reload();
  await expect(page.getByRole('button', { name: 'New threat model' })).toBeVisible();
  expect(await themeOf(page)).toBe('dark');
  await expect(page.getByTestId('theme-switch')).toHaveValue('dark');

  await page.getByTestId('theme-switch').selectOption('light');
  expect(await themeOf(page)).toBe('light');
  await page.getByTestId('theme-switch').selectOption('system');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => themeOf(page)).toBe('dark');
});

test('dark home, editor and dialogs use the dark colours', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  await h.useFileInputFallback(page);
  await h.gotoHome(page);
  await h.shot(page, 'theme-home-light');
  await page.getByTestId('theme-switch').selectOption('dark');
  await expect.poll(() => background(page, 'body')).toBe('rgb(18, 21, 28)');
  expect(await colour(page, 'body')).toBe('rgb(230, 233, 239)');

  // A model to look at: imported, so the diagram and the panels have content.
  const fixture = readFileSync(fileURLToPath(new URL('../fixtures/interop/td-v2-support-assistant.json', import.meta.url)));
  await h.createModel(page, 'Dark mode check');
  await page.getByRole('button', { name: 'Back to library' }).click();
  await h.shot(page, 'theme-home-dark');

  await h.chooseImportFile(page, 'support.json', fixture);
  await expect(h.importDialog(page)).toBeVisible();
  expect(await background(page, '[data-testid="import-dialog"]')).toBe('rgb(27, 32, 41)');
  await h.shot(page, 'theme-import-dark');
  await h.importDialog(page).getByRole('button', { name: 'Open model' }).click();
  await page.waitForURL(/#\/model\//);
  await expect(h.nodes(page).first()).toBeVisible();
  await expect(page.getByTestId('theme-switch')).toHaveValue('dark');
  expect(await background(page, 'header.bar')).toBe('rgb(27, 32, 41)');
  expect(await background(page, 'aside.sidebar')).toBe('rgb(27, 32, 41)');
  // The diagram too (tests/e2e/canvas-dark.spec.ts checks its parts).
  expect(await background(page, '.tl-paper')).toBe('rgb(22, 26, 34)');
  await h.shot(page, 'theme-editor-dark');

  await page.getByTestId('find-element').fill('a');
  await h.shot(page, 'theme-find-dark');
  await page.getByTestId('find-element').press('Escape');

  // Switching back in the editor header applies at once.
  await page.getByTestId('theme-switch').selectOption('light');
  await expect.poll(() => background(page, 'header.bar')).toBe('rgb(255, 255, 255)');
  await h.shot(page, 'theme-editor-light');
  expect(errors).toEqual([]);
});

test('About and Keyboard shortcuts open from the home screen, in either theme', async ({ page }) => {
  await h.gotoHome(page);
  await page.getByTestId('theme-switch').selectOption('dark');
  await page.getByRole('button', { name: 'About Threatloom' }).click();
  const about = page.getByTestId('about-dialog');
  await expect(about).toContainText(/version \d+\.\d+\.\d+/);
  await expect(about).toContainText('never connects to the network');
  await expect(about).toContainText('No telemetry');
  await expect(about).toContainText('CC-BY-SA-4.0');
  await h.shot(page, 'theme-about-dark');
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(about).toHaveCount(0);

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const shortcuts = page.getByTestId('shortcuts-dialog');
  await expect(shortcuts.getByRole('row', { name: /Undo/ })).toContainText('Ctrl+Z');
  await expect(shortcuts.getByRole('row', { name: /Rename/ })).toContainText('F2');
  await h.shot(page, 'theme-shortcuts-dark');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toHaveCount(0);
});

test('dark mode across the editor views (screenshots to look at)', async ({ page }) => {
  await h.useFileInputFallback(page);
  await h.gotoHome(page);
  await page.getByTestId('theme-switch').selectOption('dark');
  const fixture = readFileSync(fileURLToPath(new URL('../fixtures/interop/td-v2-support-assistant.json', import.meta.url)));
  await h.chooseImportFile(page, 'support.json', fixture);
  await h.importDialog(page).getByRole('button', { name: 'Open model' }).click();
  await page.waitForURL(/#\/model\//);
  await h.selectNode(page, h.nodeByName(page, 'LLM gateway'));
  await page.getByTestId('threats-tab').click();
  await h.shot(page, 'theme-dark-threats-panel');
  for (const view of ['Threats', 'Mitigations', 'Assets', 'Four questions']) {
    await page.getByRole('navigation', { name: 'Model views' }).getByRole('button', { name: view, exact: true }).click();
    await h.shot(page, `theme-dark-view-${view.toLowerCase().replace(/\s+/g, '-')}`);
  }
});
