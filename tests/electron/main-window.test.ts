// The window's web preferences: isolated, sandboxed, no Node, web security on.
import { describe, expect, it, vi } from 'vitest';
import { createMainWindow } from '../../electron/main-window';
import { FakeBrowserWindow } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electron);

const state = { x: 10, y: 20, width: 1200, height: 800, maximized: false, fullScreen: false };

describe('main window', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    const win = createMainWindow(state, '/app/dist-electron/preload.cjs', false) as unknown as FakeBrowserWindow;
    expect(win.options.webPreferences).toEqual({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: false,
    });
  });

  it('opens hidden (shown when ready) at the restored bounds, no smaller than the minimum', () => {
    const win = createMainWindow(state, '/p.cjs', true) as unknown as FakeBrowserWindow;
    expect(win.options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, minWidth: 800, minHeight: 560, show: false });
    expect(win.options.webPreferences.devTools).toBe(true);
    const centred = createMainWindow({ width: 1000, height: 700, maximized: false, fullScreen: false }, '/p.cjs', false) as unknown as FakeBrowserWindow;
    expect(centred.options).not.toHaveProperty('x');
  });
});
