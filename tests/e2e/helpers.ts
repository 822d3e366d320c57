// Shared steps for the end-to-end journeys. Everything here drives the UI the way a user does
// (clicks, drags, keys); the only back door is reading what autosave stored in IndexedDB.
import { expect, type Locator, type Page } from '@playwright/test';
import type { AiType, BoxBoundary, DfdNode, Diagram, Flow, ModelDocument } from '../../shared/model';

export const SCREENSHOTS = 'tests/e2e/screenshots';

export const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

export const canvas = (page: Page) => page.getByTestId('canvas');
export const properties = (page: Page) => page.getByTestId('properties');
export const saveStatus = (page: Page) => page.getByTestId('save-status');
// Canvas cells only (`model-id` is JointJS's): panels reuse the prefixes, e.g. `node-boundaries`.
export const nodes = (page: Page) => page.locator('[data-testid^="node-"][model-id]');
export const flows = (page: Page) => page.locator('[data-testid^="flow-"][model-id]');
export const boundaries = (page: Page) => page.locator('[data-testid^="boundary-"][model-id]');
export const nodeById = (page: Page, id: string) => page.getByTestId(`node-${id}`);
export const flowById = (page: Page, id: string) => page.getByTestId(`flow-${id}`);
export const boundaryById = (page: Page, id: string) => page.getByTestId(`boundary-${id}`);

/** Every dialog (alert, confirm, prompt) the page opens; the markup test expects none. */
export function recordDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return seen;
}

/** Collects uncaught page errors so a test can assert the app did not throw. */
export function recordPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  return errors;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---- home screen -------------------------------------------------------------------------

export async function gotoHome(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'New threat model' })).toBeVisible();
}

/** Creates a model from the home screen and waits for the editor; returns the model id. */
export async function createModel(page: Page, title = 'E2E model'): Promise<string> {
  if (!(await page.getByRole('button', { name: 'New threat model' }).isVisible())) await gotoHome(page);
  await page.getByPlaceholder('Title of a new threat model').fill(title);
  await page.getByRole('button', { name: 'New threat model' }).click();
  await page.waitForURL(/#\/model\/[0-9a-f-]{36}$/);
  await expect(canvas(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return modelId(page);
}

export async function modelId(page: Page): Promise<string> {
  const hash = await page.evaluate(() => location.hash);
  const match = /^#\/model\/([0-9a-f-]{36})$/.exec(hash);
  if (!match) throw new Error(`not on a model page: ${hash}`);
  return match[1]!;
}

export const modelRows = (page: Page) => page.getByTestId('model-row');
export const modelRow = (page: Page, title: string) =>
  modelRows(page).filter({ has: page.getByRole('button', { name: `Open ${title}`, exact: true }) });

// ---- IndexedDB ----------------------------------------------------------------------------

/** The stored document (raw IndexedDB, `threatloom` db, `documents` table), or null. */
export async function readDoc(page: Page, id?: string): Promise<ModelDocument | null> {
  const key = id ?? (await modelId(page));
  return page.evaluate(
    (key) =>
      new Promise<ModelDocument | null>((resolve, reject) => {
        const open = indexedDB.open('threatloom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('documents')) {
            db.close();
            resolve(null);
            return;
          }
          const get = db.transaction('documents', 'readonly').objectStore('documents').get(key);
          get.onsuccess = () => {
            db.close();
            // Rows hold the document's canonical JSON text (schema version 2).
            const row = get.result as { json: string } | undefined;
            resolve(row ? (JSON.parse(row.json) as ModelDocument) : null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

/** Everything stored: `documents` and `models` rows keyed by id (a snapshot of the library). */
export async function readLibrary(page: Page): Promise<{ documents: Record<string, unknown>; models: Record<string, unknown> }> {
  return page.evaluate(
    () =>
      new Promise<{ documents: Record<string, unknown>; models: Record<string, unknown> }>((resolve, reject) => {
        const open = indexedDB.open('threatloom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const out = { documents: {} as Record<string, unknown>, models: {} as Record<string, unknown> };
          const names = (['documents', 'models'] as const).filter((n) => db.objectStoreNames.contains(n));
          if (names.length === 0) {
            db.close();
            resolve(out);
            return;
          }
          const tx = db.transaction(names, 'readonly');
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => {
              for (const row of req.result as { id: string }[]) out[name][row.id] = row;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Polling intervals for `toPass`: autosave lands ~300 ms after a change, so poll briskly. */
export const POLL = [50, 100, 100, 200];

/** Waits until autosave has written everything ("All changes saved"). */
export async function waitSaved(page: Page): Promise<void> {
  await expect(saveStatus(page)).toHaveText('All changes saved');
}

/** Waits for autosave, then returns the stored document. */
export async function savedDoc(page: Page): Promise<ModelDocument> {
  await waitSaved(page);
  const doc = await readDoc(page);
  if (!doc) throw new Error('the model is not stored');
  return doc;
}

/** The stored diagram (first by default) once saved. */
export async function savedDiagram(page: Page, index = 0): Promise<Diagram> {
  const doc = await savedDoc(page);
  const d = doc.diagrams[index];
  if (!d) throw new Error(`no diagram ${index}`);
  return d;
}

/** Polls the stored document until `check` passes (autosave is debounced). */
export async function expectStored(page: Page, check: (doc: ModelDocument) => void, timeout = 5000): Promise<ModelDocument> {
  let last: ModelDocument | null = null;
  await expect(async () => {
    last = await readDoc(page);
    expect(last).not.toBeNull();
    check(last!);
  }).toPass({ timeout, intervals: POLL });
  await waitSaved(page);
  return last!;
}

// ---- palette and canvas -------------------------------------------------------------------

export type PaletteKey = AiType | 'boundary-box' | 'boundary-line';
export const paletteItem = (page: Page, key: PaletteKey) => page.getByTestId(`palette-item-${key}`);

async function cellIds(page: Page, prefix: 'node' | 'flow' | 'boundary'): Promise<string[]> {
  return page.evaluate(
    (prefix) =>
      [...document.querySelectorAll(`[data-testid^="${prefix}-"][model-id]`)]
        .map((el) => el.getAttribute('data-testid')!.slice(prefix.length + 1))
        .filter((id) => /^[0-9a-f-]{36}$/.test(id)),
    prefix,
  );
}

/** The id of the one element that appears after `action` (waits for it). */
async function newCellAfter(page: Page, prefix: 'node' | 'flow' | 'boundary', action: () => Promise<void>): Promise<string> {
  const before = new Set(await cellIds(page, prefix));
  await action();
  let added: string[] = [];
  await expect(async () => {
    added = (await cellIds(page, prefix)).filter((id) => !before.has(id));
    expect(added).toHaveLength(1);
  }).toPass({ timeout: 5000, intervals: POLL });
  return added[0]!;
}

/** Asserts the element is drawn wholly inside the visible canvas area (not scrolled away). */
export async function expectWithinCanvas(page: Page, element: Locator, message?: string): Promise<void> {
  await expect(async () => {
    const c = await canvas(page).boundingBox();
    const e = await element.boundingBox();
    expect(e, message ?? 'element is not rendered').not.toBeNull();
    const inside = e!.x >= c!.x && e!.y >= c!.y && e!.x + e!.width <= c!.x + c!.width && e!.y + e!.height <= c!.y + c!.height;
    expect(inside, `${message ?? 'element'}: ${JSON.stringify(e)} not inside canvas ${JSON.stringify(c)}`).toBe(true);
  }).toPass({ timeout: 3000 });
}

/** Drops a palette item at a point of the canvas (relative to its top-left); returns its id. */
export async function dropItem(page: Page, key: PaletteKey, at: { x: number; y: number }): Promise<string> {
  const prefix = key.startsWith('boundary-') ? 'boundary' : 'node';
  return newCellAfter(page, prefix, () => paletteItem(page, key).dragTo(canvas(page), { targetPosition: at }));
}

/** Adds a palette item by clicking it (it lands in the middle of the view); returns its id. */
export async function clickItem(page: Page, key: PaletteKey): Promise<string> {
  const prefix = key.startsWith('boundary-') ? 'boundary' : 'node';
  return newCellAfter(page, prefix, () => paletteItem(page, key).click());
}

/** A node on the canvas by its visible name (matched via its tooltip `<title>` "name — type"). */
export function nodeByName(page: Page, name: string): Locator {
  return nodes(page).filter({ has: page.locator('title').getByText(new RegExp(`^${escapeRegExp(name)} — `)) });
}

/**
 * An SVG text's content with all whitespace removed: JointJS wraps labels into one `<tspan>`
 * per line, so line breaks and the spaces they replaced are not in `textContent`.
 */
export async function squashedText(text: Locator): Promise<string> {
  return ((await text.textContent()) ?? '').replace(/\s+/g, '');
}

/** A flow's label as the user reads it: wrapped lines (one `<tspan>` each) joined by spaces. */
export async function flowLabel(page: Page, flowId: string): Promise<string> {
  const lines = await flowById(page, flowId).locator('.label text tspan').allTextContents();
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

/** Waits until the flow's label does (or does not) contain `text`, however it is wrapped. */
export async function expectFlowLabel(page: Page, flowId: string, text: string, present = true): Promise<void> {
  const check = expect.poll(() => flowLabel(page, flowId), { message: `label of flow ${flowId}` });
  if (present) await check.toContain(text);
  else await check.not.toContain(text);
}

export async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box (not rendered?)');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The visible body of a node (its rectangle), whose centre is a safe place to grab it. */
export const nodeBody = (node: Locator) => node.locator('[joint-selector="body"]');

/** Moves the mouse in small steps, so JointJS sees a real drag. */
export async function dragMouse(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / steps, from.y + (to.y - from.y) / steps);
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/** Drags a node by its body so that its centre moves by (dx, dy) screen pixels. */
export async function moveNode(page: Page, node: Locator, dx: number, dy: number): Promise<void> {
  const from = await center(nodeBody(node));
  await dragMouse(page, from, { x: from.x + dx, y: from.y + dy });
}

/** Drags a node so that its centre lands on a screen point. */
export async function moveNodeTo(page: Page, node: Locator, to: { x: number; y: number }): Promise<void> {
  const from = await center(nodeBody(node));
  await dragMouse(page, from, to);
}

/**
 * Connects two nodes: hover the source, drag from its right-edge handle to the target's
 * centre. Returns the new flow's id.
 */
export async function connect(page: Page, source: Locator, target: Locator): Promise<string> {
  return newCellAfter(page, 'flow', async () => {
    await source.hover();
    const handle = source.locator('[joint-selector="handleRight"]');
    await expect(handle).toHaveCSS('opacity', '1');
    const from = await center(handle);
    const to = await center(nodeBody(target));
    await dragMouse(page, from, to, 16);
  });
}

/**
 * Selects a node by clicking its body (at its centre, or at `position` relative to its top-left
 * when another element overlaps the centre).
 */
export async function selectNode(
  page: Page,
  node: Locator,
  modifiers: ('Shift' | 'Control')[] = [],
  position?: { x: number; y: number },
): Promise<void> {
  await nodeBody(node).click({ modifiers, position });
}

/**
 * Resizes a selected node or box boundary by dragging its bottom-right square by (dx, dy)
 * screen pixels.
 */
export async function resizeBy(page: Page, element: Locator, dx: number, dy: number): Promise<void> {
  const grip = element.locator('[joint-selector="resize"]');
  await expect(grip).toBeVisible();
  const from = await center(grip);
  await dragMouse(page, from, { x: from.x + dx, y: from.y + dy });
}

/**
 * Clicks a box boundary's left edge, which selects it (its dashed frame is hit-testable all
 * round). Not the name tag: a flow crossing the top edge may draw its label over the tag.
 */
export async function selectBoundary(page: Page, boundary: Locator): Promise<void> {
  const frame = boundary.locator('[joint-selector="hit"]');
  const box = (await frame.boundingBox())!;
  await frame.click({ position: { x: 3, y: box.height / 2 } });
}

/** Renames the element under a double-click with the in-place editor. */
export async function inlineRename(page: Page, target: Locator, name: string): Promise<void> {
  await target.dblclick();
  const input = page.getByTestId('rename-input');
  await expect(input).toBeFocused();
  await input.fill(name);
  await input.press('Enter');
  await expect(input).toHaveCount(0);
}

/** Clicks an empty spot of the canvas (top-left corner area), clearing the selection. */
export async function clickBlank(page: Page, at = { x: 30, y: 30 }): Promise<void> {
  await canvas(page).click({ position: at });
}

// ---- document queries ---------------------------------------------------------------------

export function findNode(d: Diagram, name: string): DfdNode {
  const found = d.nodes.filter((n) => n.name === name);
  if (found.length !== 1) throw new Error(`expected one node named ${JSON.stringify(name)}, found ${found.length}`);
  return found[0]!;
}

export function findFlow(d: Diagram, sourceId: string, targetId: string): Flow {
  const found = d.flows.filter((f) => f.source === sourceId && f.target === targetId);
  if (found.length !== 1) throw new Error(`expected one flow ${sourceId} → ${targetId}, found ${found.length}`);
  return found[0]!;
}

export function boxes(d: Diagram): BoxBoundary[] {
  return d.boundaries.filter((b): b is BoxBoundary => b.shape === 'box');
}

export function insideBox(n: DfdNode, b: BoxBoundary): boolean {
  return (
    n.position.x >= b.position.x &&
    n.position.y >= b.position.y &&
    n.position.x + n.size.width <= b.position.x + b.size.width &&
    n.position.y + n.size.height <= b.position.y + b.size.height
  );
}

/** Strips the file system picker so the app falls back to `<input type=file>` (filechooser). */
export async function useFileInputFallback(page: Page): Promise<void> {
  await page.addInitScript(() => {
    // The pickers live on Window.prototype in Chromium; delete them there and on the instance.
    for (const target of [window, Object.getPrototypeOf(window)] as Record<string, unknown>[]) {
      delete target.showOpenFilePicker;
      delete target.showSaveFilePicker;
    }
  });
}

// ---- model-wide views and threats ----------------------------------------------------------

/** Switches the editor to a model view (`diagram`, `mitigations`, `assets`, …) by its tab. */
export async function openView(page: Page, id: string): Promise<void> {
  await page.getByTestId(`view-${id}`).click();
  await expect(page.getByTestId(`view-${id}`)).toHaveAttribute('aria-current', 'page');
}

export const undoButton = (page: Page) => page.getByRole('button', { name: 'Undo', exact: true });
export const redoButton = (page: Page) => page.getByRole('button', { name: 'Redo', exact: true });

/** Selects a node, opens its STRIDE panel and accepts its first suggestion; returns that title. */
export async function acceptFirstSuggestion(page: Page, node: Locator): Promise<string> {
  await selectNode(page, node);
  await page.getByTestId('threats-tab').click();
  const suggestion = page.getByTestId('suggestion').first();
  await expect(suggestion).toBeVisible();
  const accept = suggestion.getByRole('button', { name: /^Accept / });
  const title = ((await accept.getAttribute('aria-label')) ?? '').replace(/^Accept /, '');
  await accept.click();
  await expect(page.getByTestId('recorded-threat').filter({ hasText: title })).toHaveCount(1);
  return title;
}

// ---- catalog browser ----------------------------------------------------------------------

export const catalogBrowser = (page: Page) => page.getByTestId('catalog-browser');

/** Opens the catalog browser with the "Catalogs" button (home screen or editor header). */
export async function openCatalogs(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Catalogs', exact: true }).click();
  await expect(catalogBrowser(page)).toBeVisible();
  return catalogBrowser(page);
}

/** `kind:id` of every imported pack stored in IndexedDB (`threatloom-packs` db), sorted. */
export async function readPacks(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('threatloom-packs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('packs')) {
            db.close();
            resolve([]);
            return;
          }
          const req = db.transaction('packs', 'readonly').objectStore('packs').getAll();
          req.onsuccess = () => {
            db.close();
            resolve((req.result as { kind: string; id: string }[]).map((p) => `${p.kind}:${p.id}`).sort());
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

// ---- STRIDE panel and threat register -----------------------------------------------------

/** One STRIDE category of the panel (`T` for Tampering, …). */
export const strideSection = (page: Page, letter: 'S' | 'T' | 'R' | 'I' | 'D' | 'E') =>
  page.getByTestId('stride-panel').locator(`section[data-letter="${letter}"]`);

/** A pending suggestion of the STRIDE panel by the rule that made it. */
export const suggestionByRule = (page: Page, ruleId: string) => page.getByTestId('suggestion').and(page.locator(`[data-rule="${ruleId}"]`));

/** Selects a node and accepts the suggestion of `ruleId` from its STRIDE panel. */
export async function acceptSuggestion(page: Page, node: Locator, ruleId: string): Promise<void> {
  await selectNode(page, node);
  await page.getByTestId('threats-tab').click();
  const suggestion = suggestionByRule(page, ruleId);
  await suggestion.getByRole('button', { name: /^Accept / }).click();
  await expect(suggestion).toHaveCount(0);
}

/** A heat-map cell's button (`inherent` or `residual`, likelihood, impact). */
export const heatCell = (page: Page, kind: 'inherent' | 'residual', likelihood: number, impact: number) =>
  page.getByTestId(`heat-${kind}-${likelihood}-${impact}`);

/** The register's rows, or the one whose title is exactly `title`. */
export const registerRows = (page: Page) => page.getByTestId('register-row');
export const registerRow = (page: Page, title: string) =>
  registerRows(page).filter({ has: page.getByRole('button', { name: title, exact: true }) });

// ---- import and export -----------------------------------------------------------------------

export const importDialog = (page: Page) => page.getByTestId('import-dialog');

/**
 * Clicks Import… (a button on the home screen, an item of "Other tools ▾" in the editor) and
 * hands the file chooser a file. Call useFileInputFallback first, so the chooser is a plain
 * `<input type=file>`.
 */
export async function chooseImportFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  const otherTools = page.getByRole('button', { name: 'Other tools ▾' });
  if (await otherTools.isVisible()) await otherTools.click();
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

/** Chooses an export in the editor's "Other tools ▾" menu and returns the downloaded file's text. */
export async function exportAs(page: Page, target: RegExp): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Other tools ▾' }).click();
  await page.getByRole('list', { name: 'Other tools' }).getByRole('button', { name: target }).click();
  const file = await download;
  const path = await file.path();
  const { readFileSync } = await import('node:fs');
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}
