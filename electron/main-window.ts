// The one BrowserWindow. Its web preferences are written out at the constructor call so a reader
// (and static checkers such as electronegativity) sees every security switch in one place.
import { BrowserWindow } from 'electron';
import { MIN_SIZE, type WindowState } from './window-state';

export function createMainWindow(state: WindowState, preloadPath: string, devTools: boolean): BrowserWindow {
  const { x, y, width, height } = state;
  return new BrowserWindow({
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
    width,
    height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Threatloom',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
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
      // Middle-click would try to open links in a new window (denied anyway).
      disableBlinkFeatures: 'Auxclick',
      // Chromium's spellchecker downloads dictionaries from a Google CDN: never.
      spellcheck: false,
      devTools,
    },
  });
}
