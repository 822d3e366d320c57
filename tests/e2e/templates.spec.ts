// "New from template": the picker on the home screen, a RAG chatbot model created from it with its
// diagram, boundaries and recorded threats, and a fitted screenshot of every template's diagram.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import type { ModelDocument } from '../../shared/model';
import type { TemplateSummary } from '../../shared/templates';
import * as h from './helpers';

// Read as files: Playwright's loader does not import JSON modules, which shared/templates does.
const readJson = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../catalogs/templates/${name}`, import.meta.url), 'utf8')) as T;
const TEMPLATES = readJson<{ templates: TemplateSummary[] }>('index.json').templates;

async function openPicker(page: Page) {
  await h.gotoHome(page);
  await page.getByRole('button', { name: 'New from template…' }).click();
  const picker = page.getByRole('dialog', { name: 'New from template' });
  await expect(picker).toBeVisible();
  return picker;
}

test('the picker lists every template with its counts and is keyboard accessible', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  const picker = await openPicker(page);
  const cards = picker.getByRole('button').filter({ hasNot: page.getByText('Cancel', { exact: true }) });
  await expect(cards).toHaveCount(TEMPLATES.length);
  for (const t of TEMPLATES) {
    const card = picker.getByRole('button', { name: t.title, exact: true });
    await expect(card).toBeVisible();
    await expect(card).toContainText(`${t.counts.nodes} components`);
    await expect(card).toContainText(`${t.counts.threats} threats reviewed`);
  }
  // The dialog opens with the first card focused; arrows move between cards, Escape closes.
  await expect(picker.getByRole('button', { name: TEMPLATES[0]!.title, exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(picker.getByRole('button', { name: TEMPLATES[1]!.title, exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(picker.getByRole('button', { name: TEMPLATES[3]!.title, exact: true })).toBeFocused();
  await h.shot(page, 'templates-01-picker');
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New threat model' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('New from template → RAG chatbot opens the model with its diagram, boundaries and threats', async ({ page }) => {
  const errors = h.recordPageErrors(page);
  const picker = await openPicker(page);
  const rag = TEMPLATES.find((t) => t.id === 'rag-chatbot')!;
  // Keyboard all the way: focus the card with the arrows, create with Enter.
  const index = TEMPLATES.indexOf(rag);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
  await expect(picker.getByRole('button', { name: rag.title, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/model\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: rag.title })).toBeVisible();

  // The canvas mounts what is in view: fit the diagram first.
  await page.getByRole('button', { name: 'Fit to content' }).click();
  await expect(h.nodes(page)).toHaveCount(rag.counts.nodes);
  await expect(h.flows(page)).toHaveCount(rag.counts.flows);
  await expect(h.boundaries(page)).toHaveCount(rag.counts.boundaries);
  await expect(h.canvas(page)).toContainText('Assistant VPC · trust: high');
  await expect(h.canvas(page)).toContainText('LLM provider · trust: low');

  const doc = await h.savedDoc(page);
  expect(doc.threats).toHaveLength(rag.counts.threats);
  // The model has ids of its own, not the template file's.
  const file = readJson<ModelDocument>('rag-chatbot.json');
  expect(doc.id).not.toBe(file.id);
  expect(doc.diagrams[0]!.nodes.map((n) => n.id)).not.toContain(file.diagrams[0]!.nodes[0]!.id);

  // Open threats show as badges on the nodes they belong to.
  const llm = h.findNode(doc.diagrams[0]!, 'Hosted LLM');
  const openOnLlm = doc.threats.filter((t) => t.status === 'open' && t.elementIds.includes(llm.id)).length;
  expect(openOnLlm).toBeGreaterThan(0);
  await expect(h.nodeById(page, llm.id).locator('[joint-selector="badgeText"]')).toHaveText(String(openOnLlm));

  // The STRIDE panel of the retriever shows the recorded indirect prompt injection.
  await h.selectNode(page, h.nodeByName(page, 'Document retriever'));
  await page.getByTestId('threats-tab').click();
  const panel = page.getByTestId('stride-panel');
  await expect(panel).toContainText('Indirect prompt injection through content retrieved by Document retriever');
  await h.shot(page, 'templates-02-rag-editor');
  expect(errors).toEqual([]);
});

test.describe('template diagrams', () => {
  // A large window, so "fit" draws the diagram big enough to judge labels in the screenshot.
  test.use({ viewport: { width: 2200, height: 1300 } });
  for (const t of TEMPLATES) {
    test(`diagram of the ${t.id} template`, async ({ page }) => {
      const errors = h.recordPageErrors(page);
      const picker = await openPicker(page);
      await picker.getByRole('button', { name: t.title, exact: true }).click();
      await page.waitForURL(/#\/model\/[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: 'Fit to content' }).click();
      await expect(h.nodes(page)).toHaveCount(t.counts.nodes);
      await h.clickBlank(page, { x: 8, y: 8 });
      await h.canvas(page).screenshot({ path: `${h.SCREENSHOTS}/template-${t.id}.png` });
      expect(errors).toEqual([]);
    });
  }
});
