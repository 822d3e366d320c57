// The BUILT main process and preload (what electron-builder packs), not their sources: bundled
// with electron/bundle.config.ts, laid out as in app.asar and started against the mocked
// Electron. Catches what a bundling mistake would break only in the installed app — a module
// left out, an import-time side effect lost, a path that only works from the sources.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { electron, FakeBrowserWindow, resetElectron, type FakeElectron } from './electron-mock';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const app = mkdtempSync(join(tmpdir(), 'tl-bundle-'));
const bundles = join(app, 'dist-electron');

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };
const realLoad = moduleInternals._load;

/** Runs a CommonJS bundle with `require('electron')` answered by the mock. */
function runBundle(file: string): void {
  moduleInternals._load = (request, parent, isMain) => (request === 'electron' ? electron : realLoad(request, parent, isMain));
  try {
    createRequire(import.meta.url)(file);
  } finally {
    moduleInternals._load = realLoad;
  }
}

beforeAll(async () => {
  for (const mode of ['main', 'preload']) {
    await build({ configFile: join(ROOT, 'electron/bundle.config.ts'), mode, logLevel: 'silent', build: { outDir: bundles } });
  }
  mkdirSync(join(app, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(app, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Threatloom</title>');
}, 120_000);

afterAll(() => {
  moduleInternals._load = realLoad;
});

describe('the bundled main process', () => {
  let e: FakeElectron;

  beforeAll(async () => {
    e = resetElectron();
    e.app.appPath = app;
    e.app.userData = join(app, 'userData');
    runBundle(join(bundles, 'main.cjs'));
    await vi.waitFor(() => expect(FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalled());
  });

  it('registers the privileged app:// scheme and the sandbox before ready', () => {
    expect(e.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(e.app.enableSandbox).toHaveBeenCalled();
    expect(e.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('opens a sandboxed, isolated window on the packaged renderer with the packaged preload', () => {
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.options.webPreferences).toMatchObject({
      preload: join(bundles, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://threatloom/index.html');
  });

  it('serves the renderer from inside the app with the strict CSP, and nothing outside it', async () => {
    const handler = e.protocol.handle.mock.calls.find(([scheme]) => scheme === 'app')![1] as (request: Request) => Promise<Response>;
    const page = await handler(new Request('app://threatloom/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Threatloom</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await handler(new Request('app://threatloom/..%2f..%2fdist-electron%2fmain.cjs'));
    expect(escape.status).toBeGreaterThanOrEqual(400);
  });

  it('cancels network requests at the session and handles every IPC channel', () => {
    const [listener] = e.session.defaultSession.webRequest.onBeforeRequest.mock.calls[0] as [(details: { url: string }, done: (r: { cancel: boolean }) => void) => void];
    const decide = (url: string) => {
      let verdict: { cancel: boolean } | undefined;
      listener({ url }, (r) => (verdict = r));
      return verdict?.cancel;
    };
    expect(decide('https://telemetry.example.com/')).toBe(true);
    expect(decide('app://threatloom/index.html')).toBe(false);
    expect(e.ipcMain.handle.mock.calls.map(([channel]) => channel)).toContain('files:exportBytes');
  });
});

describe('the bundled preload', () => {
  it('exposes one bridge that refuses channels outside the contract', async () => {
    const e = resetElectron();
    runBundle(join(bundles, 'preload.cjs'));
    expect(e.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, bridge] = e.contextBridge.exposeInMainWorld.mock.calls[0] as [string, { invoke(channel: string, arg: unknown): Promise<unknown> }];
    expect(name).toBe('threatloom');
    await expect(bridge.invoke('shell:exec', {})).rejects.toThrow();
    expect(e.ipcRenderer.invoke).not.toHaveBeenCalled();
    await bridge.invoke('files:listRecent', {});
    expect(e.ipcRenderer.invoke).toHaveBeenCalledWith('files:listRecent', {});
  });
});
