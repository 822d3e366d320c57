// Smoke test of the app as a user starts it: `npm start` (scripts/start.mjs) under a real X server
// (run this through `xvfb-run`), in the Chromium app window it opens. It drives that window over
// the DevTools protocol on the loopback interface: the home screen appears, a model made from a
// template shows its diagram, nothing leaves 127.0.0.1, a second `npm start` opens another window
// on the running app, and closing the windows ends `npm start`.
// Screenshots land in test-results/smoke/ for a person to look at.
// Usage: xvfb-run -a node tests/smoke/app-window.mjs
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { checklist } from './checklist.mjs';

const OUT = 'test-results/smoke';
const STEP_TIMEOUT = 60_000;

if (!process.env.DISPLAY) {
  console.error('smoke: no X display; run it as `xvfb-run -a node tests/smoke/app-window.mjs`.');
  process.exit(1);
}

/** A port nobody is listening on right now. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });

const { check, broke, finish } = checklist('smoke');

const [appPort, debugPort] = [await freePort(), await freePort()];
const profile = mkdtempSync(join(tmpdir(), 'threatloom-smoke-'));
mkdirSync(OUT, { recursive: true });

const start = spawn(process.execPath, ['scripts/start.mjs'], {
  env: { ...process.env, PORT: String(appPort), THREATLOOM_PROFILE: profile, THREATLOOM_SHELL: 'browser', THREATLOOM_DEBUG_PORT: String(debugPort) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
start.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
const exited = new Promise((resolve) => start.on('exit', (code, signal) => resolve({ code, signal })));

/** Polls `probe` until it returns a value, or fails after `ms`. */
async function waitFor(what, probe, ms = STEP_TIMEOUT) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`smoke: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let browser;
try {
  const appUrl = `http://127.0.0.1:${appPort}/`;
  await waitFor('npm start to serve the app', async () => output.includes(`Threatloom is running at ${appUrl}`), 120_000);
  check(/^threatloom: .*opening the app in a Chromium window/m.test(output), 'npm start said in one line why it opens a Chromium window');

  browser = await waitFor('the window to accept DevTools connections', () => chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`));
  const page = await waitFor('the app window', async () => browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith(appUrl)));

  // Every request the window makes must stay on the app's own origin.
  const offOrigin = [];
  page.context().on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(appUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) offOrigin.push(url);
  });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.getByRole('button', { name: 'New threat model' }).waitFor({ timeout: STEP_TIMEOUT });
  const cdp = await page.context().newCDPSession(page);
  const { targetInfo } = await cdp.send('Target.getTargetInfo');
  const { bounds } = await cdp.send('Browser.getWindowForTarget', { targetId: targetInfo.targetId });
  check(bounds.windowState === 'normal' && (bounds.width ?? 0) >= 400 && (bounds.height ?? 0) >= 300, `a real ${bounds.width}×${bounds.height} window (${bounds.windowState}) shows the home screen`);
  const view = await page.evaluate(() => ({ visible: document.visibilityState, title: document.title, toolbar: window.toolbar.visible }));
  check(view.visible === 'visible', 'the page is visible in the window');
  check(/Threatloom/.test(view.title), `the window is titled "${view.title}"`);
  await page.screenshot({ path: `${OUT}/01-home.png` });

  // A model from a template: the canvas draws its components inside the real window.
  await page.getByRole('button', { name: 'New from template…' }).click();
  const picker = page.getByRole('dialog', { name: 'New from template' });
  await picker.getByRole('button').first().click();
  await page.waitForURL(/#\/model\/[0-9a-f-]{36}$/, { timeout: STEP_TIMEOUT });
  const nodes = page.locator('[data-testid^="node-"][model-id]');
  await nodes.first().waitFor({ timeout: STEP_TIMEOUT });
  const drawn = await nodes.count();
  const box = await nodes.first().boundingBox();
  check(drawn >= 3 && !!box && box.width > 20 && box.height > 20, `the template's diagram is drawn (${drawn} components on screen)`);
  await waitFor('autosave', async () => /saved/i.test((await page.getByTestId('save-status').textContent()) ?? ''));
  await page.screenshot({ path: `${OUT}/02-editor.png` });

  // The smallest window the desktop shell allows (electron/window-state.ts MIN_SIZE): the header
  // wraps instead of hiding the model's title or pushing the save status off screen.
  await cdp.send('Browser.setWindowBounds', { windowId: (await cdp.send('Browser.getWindowForTarget', { targetId: targetInfo.targetId })).windowId, bounds: { width: 800, height: 560 } });
  await waitFor('the window to shrink', async () => (await page.evaluate(() => window.innerWidth)) <= 800);
  const narrow = await page.evaluate(() => {
    const inView = (el) => { const r = el?.getBoundingClientRect(); return !!r && r.width > 40 && r.left >= 0 && r.right <= window.innerWidth; };
    // Panels scroll up and down, never sideways: anything wider than its panel is cut off or hidden.
    const sideways = [...document.querySelectorAll('.sidebar *, .palette *')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible');
    return {
      title: inView(document.querySelector('header h1')),
      status: inView(document.querySelector('[data-testid="save-status"]')),
      canvas: document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect().width ?? 0,
      sideways: sideways.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
    };
  });
  check(narrow.sideways.length === 0, `at 800×560 the side panels need no sideways scrolling${narrow.sideways.length ? `: ${narrow.sideways.join(', ')}` : ''}`);
  check(narrow.title && narrow.status, 'at 800×560 the title and save status stay on screen');
  check(narrow.canvas >= 200, `at 800×560 the canvas keeps ${Math.round(narrow.canvas)} px of width`);
  await page.screenshot({ path: `${OUT}/03-editor-800x560.png` });

  check(offOrigin.length === 0, `no request left ${appUrl}${offOrigin.length ? `: ${offOrigin.slice(0, 3).join(', ')}` : ''}`);
  check(pageErrors.length === 0, `no uncaught errors${pageErrors.length ? `: ${pageErrors.join('; ')}` : ''}`);

  // A second npm start finds this one and opens another window on it (same origin, same
  // library) instead of failing on the busy port or rebuilding the files being served.
  const second = spawnSync(process.execPath, ['scripts/start.mjs'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PORT: String(appPort), THREATLOOM_PROFILE: profile, THREATLOOM_SHELL: 'browser' },
  });
  check(second.status === 0 && second.stdout.includes(`Threatloom is already running at ${appUrl}; opening another window on it.`), `a second npm start opens a window on the running app (exit ${second.status})`);
  const windows = await waitFor('the second window', async () => {
    const open = browser.contexts().flatMap((c) => c.pages()).filter((p) => p.url().startsWith(appUrl));
    return open.length >= 2 ? open : undefined;
  }, 20_000).catch(() => []);
  check(windows.length >= 2, `the running app has ${windows.length} windows`);

  // Closing the window is how a user quits: npm start notices and exits cleanly.
  await cdp.send('Browser.close').catch(() => undefined);
  const { code } = await Promise.race([exited, new Promise((r) => setTimeout(() => r({ code: 'still running' }), 20_000))]);
  check(code === 0, `closing the window ends npm start (exit ${code})`);
  check(output.includes('Window closed; the library is kept.'), 'npm start says the library is kept');
} catch (error) {
  broke(error);
} finally {
  await browser?.close().catch(() => undefined);
  if (start.exitCode === null) start.kill('SIGTERM');
  rmSync(profile, { recursive: true, force: true });
}

finish(`the app window works; screenshots in ${OUT}/ (01-home.png, 02-editor.png, 03-editor-800x560.png)`, `; screenshots in ${OUT}/`);
