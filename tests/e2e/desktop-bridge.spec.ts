// The built app as the desktop shell runs it, with the preload's bridge faked in the page (the
// Electron binary is not available here): native menu actions reach the right screen, the menu
// state follows the editor, files the OS hands over open or import, Save As and a file changed
// on disk behave as the desktop app promises.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as h from './helpers';

const FILE_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/interop/${name}`, import.meta.url)), 'utf8');

type Call = [string, unknown];

/** Installs `window.threatloom` before the app loads; answers are plain data per channel. */
async function fakeBridge(page: Page) {
  await page.addInitScript(() => {
    const state = { calls: [] as [string, unknown][], answers: {} as Record<string, unknown>, listeners: {} as Record<string, ((p: unknown) => void)[]> };
    Object.assign(window, {
      __tl: state,
      __tlEmit: (event: string, payload: unknown) => (state.listeners[event] ?? []).forEach((cb) => cb(payload)),
      threatloom: Object.freeze({
        invoke: (channel: string, arg: unknown) => {
          state.calls.push([channel, arg]);
          return Promise.resolve(state.answers[channel]);
        },
        on: (event: string, cb: (p: unknown) => void) => {
          (state.listeners[event] ??= []).push(cb);
          return () => (state.listeners[event] = (state.listeners[event] ?? []).filter((l) => l !== cb));
        },
      }),
    });
  });
}

const calls = (page: Page, channel: string) =>
  page.evaluate((channel) => (window as unknown as { __tl: { calls: Call[] } }).__tl.calls.filter(([c]) => c === channel).map(([, a]) => a), channel);
const answer = (page: Page, channel: string, value: unknown) =>
  page.evaluate(([channel, value]) => void ((window as unknown as { __tl: { answers: Record<string, unknown> } }).__tl.answers[channel as string] = value), [channel, value] as const);
const emit = (page: Page, event: string, payload: unknown) =>
  page.evaluate(([event, payload]) => (window as unknown as { __tlEmit: (e: string, p: unknown) => void }).__tlEmit(event as string, payload), [event, payload] as const);
const menu = (page: Page, action: string) => emit(page, 'menu:action', { action });
const lastMenuState = async (page: Page) => ((await calls(page, 'menu:state')) as Record<string, any>[]).at(-1);

let pageErrors: Error[] = [];
test.beforeEach(async ({ page }) => {
  pageErrors = h.recordPageErrors(page);
  await fakeBridge(page);
});
test.afterEach(() => {
  expect(pageErrors.map((e) => e.message)).toEqual([]);
});

test('tells main it is ready, reports the home menu, and runs app actions', async ({ page }) => {
  await h.gotoHome(page);
  await expect.poll(() => calls(page, 'app:ready')).toHaveLength(1);
  await expect.poll(async () => (await lastMenuState(page))?.enabled?.save).toBe(false);
  expect((await lastMenuState(page))?.enabled?.close).toBe(false);

  await menu(page, 'toggleDarkMode');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  await expect.poll(async () => (await lastMenuState(page))?.checked?.toggleDarkMode).toBe(true);

  await menu(page, 'showShortcuts');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await menu(page, 'showAbout');
  await expect(page.getByTestId('about-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await menu(page, 'newFromTemplate');
  await expect(page.getByTestId('template-picker')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('template-picker')).toHaveCount(0);

  await menu(page, 'new');
  await page.waitForURL(/#\/model\//);
  await expect(page.getByRole('heading', { level: 1, name: 'Untitled threat model' })).toBeVisible();
  await menu(page, 'close');
  await expect(h.modelRows(page)).toHaveCount(1);
});

test('editor actions from the menu, and the menu state that follows the editor', async ({ page }) => {
  await h.createModel(page, 'Menu model');
  await expect.poll(async () => (await lastMenuState(page))?.enabled?.close).toBe(true);
  expect((await lastMenuState(page))?.enabled?.undo).toBe(false);

  await h.clickItem(page, 'llm');
  await expect.poll(async () => (await lastMenuState(page))?.undoLabel).toBe('Undo Add LLM');
  expect((await lastMenuState(page))?.enabled).toMatchObject({ undo: true, copy: true, delete: true });

  await menu(page, 'undo');
  await expect(h.nodes(page)).toHaveCount(0);
  await menu(page, 'redo');
  await expect(h.nodes(page)).toHaveCount(1);

  // View ▸ panels: hidden and shown again, with the check marks following.
  await menu(page, 'togglePalette');
  await expect(page.getByRole('complementary', { name: 'Building blocks' })).toHaveCount(0);
  await expect.poll(async () => (await lastMenuState(page))?.checked?.togglePalette).toBe(false);
  await menu(page, 'toggleProperties');
  await expect(page.getByRole('tab', { name: 'Properties' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /Threats/ })).toHaveAttribute('aria-selected', 'true');
  await menu(page, 'toggleThreats');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
  await h.shot(page, 'desktop-panels-hidden');
  for (const action of ['togglePalette', 'toggleProperties', 'toggleThreats']) await menu(page, action);
  await expect(page.getByRole('complementary', { name: 'Building blocks' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Properties' })).toBeVisible();

  // Edit ▸ Find focuses the find box; picking a match selects the element.
  await h.clickBlank(page);
  await menu(page, 'find');
  await expect(page.getByTestId('find-element')).toBeFocused();
  await page.keyboard.type('llm');
  await page.keyboard.press('Enter');
  await expect(h.properties(page).getByLabel('Name')).toHaveValue('LLM');

  // Save As… always asks where, with the .threatloom extension.
  await answer(page, 'files:saveAs', { status: 'saved', id: FILE_ID, name: 'Menu model.threatloom' });
  await menu(page, 'saveAs');
  await expect(page.getByRole('status').filter({ hasText: 'Saved to Menu model.threatloom' })).toBeVisible();
  const saveAs = (await calls(page, 'files:saveAs')) as { suggestedName: string; text: string }[];
  expect(saveAs).toHaveLength(1);
  expect(saveAs[0]!.suggestedName).toBe('Menu model.threatloom');
  expect(JSON.parse(saveAs[0]!.text).title).toBe('Menu model');
  expect(await calls(page, 'app:busy')).toEqual(expect.arrayContaining([{ busy: true }, { busy: false }]));

  // Someone changed the file on disk: nothing is overwritten, and Save As… is offered.
  await answer(page, 'files:save', { status: 'failed', code: 'changed-on-disk', message: '“Menu model.threatloom” was changed by another program since Threatloom last opened or saved it, so it was not overwritten. Use Save As… to keep both versions.' });
  await menu(page, 'save');
  const toast = page.getByRole('status').filter({ hasText: 'changed by another program' });
  await expect(toast).toBeVisible();
  await h.shot(page, 'desktop-changed-on-disk');
  await toast.getByRole('button', { name: 'Save As…' }).click();
  await expect.poll(async () => (await calls(page, 'files:saveAs')).length).toBe(2);

  // File ▸ Export… opens the editor's export dialog.
  expect((await lastMenuState(page))?.enabled?.export).toBe(true);
  await menu(page, 'export');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);

  await menu(page, 'close');
  await expect(page.getByRole('button', { name: 'New threat model' })).toBeVisible();
  await expect.poll(async () => (await lastMenuState(page))?.enabled?.undo).toBe(false);
  expect((await lastMenuState(page))?.enabled?.export).toBe(false);
});

test('a file the OS hands over is recognised by content: ours opens, others import', async ({ page }) => {
  await h.gotoHome(page);
  await answer(page, 'files:openRecent', { status: 'opened', id: FILE_ID, name: 'client.json', text: fixture('td-v2-support-assistant.json') });
  await emit(page, 'files:openRequested', { id: FILE_ID, name: 'client.json' });
  await expect(h.importDialog(page)).toContainText('OWASP Threat Dragon (v2 JSON)');
  await h.importDialog(page).getByRole('button', { name: 'Open model' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant' })).toBeVisible();
  const imported = await h.savedDoc(page);

  // Our own format opens at once, and Save then writes back to that file.
  const ours = { ...imported, id: crypto.randomUUID(), title: 'From the desktop' };
  await answer(page, 'files:openRecent', { status: 'opened', id: FILE_ID, name: 'ours.threatloom', text: JSON.stringify(ours) });
  await emit(page, 'files:openRequested', { id: FILE_ID, name: 'ours.threatloom' });
  await expect(page.getByRole('heading', { level: 1, name: 'From the desktop' })).toBeVisible();
  await answer(page, 'files:save', { status: 'saved', id: FILE_ID, name: 'ours.threatloom' });
  await menu(page, 'save');
  await expect.poll(async () => ((await calls(page, 'files:save')) as { id: string }[]).map((c) => c.id)).toEqual([FILE_ID]);
});
