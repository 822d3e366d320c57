// Wires the desktop shell together: app lifecycle, the one window, the app:// scheme, IPC, menus,
// files and open requests. Policy lives in the small modules beside this one; this file only
// connects them to Electron.
import { app, dialog, ipcMain, Menu, protocol, screen, session, type BrowserWindow } from 'electron';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { EventChannel, EventPayload, FileRef, MenuAction, MenuState, ThreatloomHost } from '../shared/ipc';
import { createAppRequestHandler, PRIVILEGED_SCHEME } from './app-protocol';
import { CloseGuard } from './close-guard';
import { FileService, type FileDialogs } from './files';
import { registerHost } from './ipc';
import { buildMenuTemplate } from './menu';
import { fileArgument, OpenQueue } from './open-requests';
import { RecentFiles } from './recent';
import { APP_ENTRY_URL, APP_SCHEME, hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './main-window';
import { loadWindowState, trackWindowState } from './window-state';

export const APP_ID = 'org.threatloom.app';

export interface ShellOptions {
  /** The built renderer (index.html and assets). Default: <app>/dist/renderer. */
  readonly rendererDir?: string;
  /** The bundled preload. Default: <app>/dist-electron/preload.cjs. */
  readonly preloadPath?: string;
  readonly argv?: readonly string[];
  readonly platform?: NodeJS.Platform;
}

/** Shortens a path for the Open Recent menu (main side only: the page never sees it). */
export function displayPath(path: string, home = homedir()): string {
  return home && path.startsWith(home + (path.includes('\\') ? '\\' : '/')) ? `~${path.slice(home.length)}` : path;
}

export class Shell {
  window: BrowserWindow | null = null;
  quitting = false;
  /** Settles when startup (after `ready`) has finished or failed. */
  started: Promise<void> = Promise.resolve();
  readonly recent: RecentFiles;
  readonly files: FileService;
  readonly opens = new OpenQueue<FileRef>();
  readonly host: ThreatloomHost;
  #guard: CloseGuard | null = null;
  #creating: Promise<BrowserWindow> | null = null;
  #menuState: MenuState = {};
  #menuKey = '';
  #lastDir: string | null = null;
  readonly #platform: NodeJS.Platform;
  readonly #rendererDir: string;
  readonly #preloadPath: string;

  constructor(options: ShellOptions = {}) {
    this.#platform = options.platform ?? process.platform;
    const appPath = app.getAppPath();
    this.#rendererDir = options.rendererDir ?? join(appPath, 'dist', 'renderer');
    this.#preloadPath = options.preloadPath ?? join(appPath, 'dist-electron', 'preload.cjs');
    this.recent = new RecentFiles(join(app.getPath('userData'), 'recent.json'), { platform: this.#platform });
    this.files = new FileService({
      dialogs: this.#dialogs(),
      recent: this.recent,
      platform: this.#platform,
      onRecentChanged: () => this.renderMenu(),
    });
    const afterWrite = <T>(work: Promise<T>) => work.finally(() => this.#guard?.check());
    this.host = {
      openFile: ({ accept }) => this.files.openFile(accept),
      openRecent: ({ id }) => this.files.openRecent(id),
      listRecent: async () => this.files.listRecent(),
      saveFile: ({ id, text }) => afterWrite(this.files.saveFile(id, text)),
      saveFileAs: ({ suggestedName, text }) => afterWrite(this.files.saveFileAs(suggestedName, text)),
      exportFile: ({ suggestedName, bytes, kind }) => afterWrite(this.files.exportFile(suggestedName, bytes, kind)),
      setMenuState: async (state) => {
        this.#menuState = state;
        this.renderMenu();
      },
      nativeEdit: async ({ command }) => {
        const contents = this.window?.webContents;
        if (contents && !contents.isDestroyed()) contents[command]();
      },
      ready: async () => this.opens.ready((ref) => this.send('files:openRequested', ref)),
      setBusy: async ({ busy }) => this.#guard?.setRendererBusy(busy),
      quitReady: async () => this.#guard?.rendererReady(),
    };
  }

  /** After `app.whenReady()`: session guards, the scheme, IPC, menu, then the window. */
  async start(argv: readonly string[]): Promise<void> {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppRequestHandler(this.#rendererDir));
    await this.recent.load();
    registerHost(ipcMain, this.host, { isTrusted: (event) => !!this.window && event.sender === this.window.webContents });
    this.renderMenu();
    const file = fileArgument(argv, { defaultApp: !!process.defaultApp, cwd: process.cwd() });
    if (file) this.requestOpen(file);
    await this.createWindow();
  }

  /** Creates the window, or returns the one being created or shown: never two. */
  createWindow(): Promise<BrowserWindow> {
    if (this.window) return Promise.resolve(this.window);
    this.#creating ??= this.#createWindow().finally(() => {
      this.#creating = null;
    });
    return this.#creating;
  }

  async #createWindow(): Promise<BrowserWindow> {
    const stateFile = join(app.getPath('userData'), 'window-state.json');
    const primary = screen.getPrimaryDisplay().workArea;
    const state = await loadWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea), primary);
    const win = createMainWindow(state, this.#preloadPath, !app.isPackaged);
    this.window = win;
    const saveState = trackWindowState(win, stateFile);
    const guard = new CloseGuard({
      requestFlush: () => this.send('app:closeRequested', {}),
      mainBusy: () => this.files.busy,
      close: () => win.close(),
      askCloseAnyway: async () => {
        const answer = await dialog.showMessageBox(win, {
          type: 'warning',
          buttons: ['Keep Waiting', 'Close Anyway'],
          defaultId: 0,
          cancelId: 0,
          message: 'Threatloom is still saving.',
          detail: 'Closing now may lose the changes being saved.',
        });
        return answer.response === 1;
      },
    });
    this.#guard = guard;
    win.on('close', (event) => {
      guard.onClose(event);
      if (!event.defaultPrevented) void saveState();
    });
    win.on('closed', () => {
      guard.dispose();
      if (this.window === win) this.window = null;
      if (this.#guard === guard) this.#guard = null;
      this.opens.pause();
      if (this.quitting) app.quit(); // a close we delayed had cancelled the quit
    });
    win.webContents.on('render-process-gone', () => {
      this.opens.pause();
      guard.rendererGone();
    });
    win.webContents.on('did-start-loading', () => this.opens.pause());
    win.once('ready-to-show', () => {
      if (state.maximized) win.maximize();
      if (state.fullScreen) win.setFullScreen(true);
      win.show();
    });
    await win.loadURL(APP_ENTRY_URL);
    return win;
  }

  send<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
    const win = this.window;
    if (win && !win.isDestroyed()) win.webContents.send(event, payload);
  }

  /** A file to open from outside a dialog (argv, OS, second instance, Open Recent menu). */
  requestOpen(path: string): void {
    this.opens.push(this.files.allow(path));
    this.focus();
  }

  focus(): void {
    const win = this.window;
    if (!win) {
      if (app.isReady()) void this.createWindow();
      return;
    }
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  onSecondInstance(argv: readonly string[], cwd: string): void {
    const file = fileArgument(argv, { defaultApp: !!process.defaultApp, cwd });
    if (file) this.requestOpen(file);
    else this.focus();
  }

  renderMenu(): void {
    const recent = this.recent.paths().map((path) => ({ id: this.files.allow(path).id, label: displayPath(path) }));
    const key = JSON.stringify([this.#menuState, recent]);
    if (key === this.#menuKey) return;
    this.#menuKey = key;
    const template = buildMenuTemplate({
      platform: this.#platform,
      appName: app.getName(),
      state: this.#menuState,
      recent,
      devTools: !app.isPackaged,
      send: (action: MenuAction) => {
        if (this.window) this.send('menu:action', { action });
        else this.focus();
      },
      openRecent: (id) => {
        const path = this.files.pathOf(id);
        if (path) this.requestOpen(path);
      },
      clearRecent: () => void this.recent.clear().finally(() => this.renderMenu()),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  #dialogs(): FileDialogs {
    const parentOr = <T>(withParent: (win: BrowserWindow) => Promise<T>, without: () => Promise<T>) =>
      this.window ? withParent(this.window) : without();
    return {
      chooseFileToOpen: async ({ title, filters }) => {
        const options: OpenDialogOptions = {
          title,
          properties: ['openFile'],
          filters,
          ...(this.#lastDir ? { defaultPath: this.#lastDir } : {}),
        };
        const result = await parentOr((w) => dialog.showOpenDialog(w, options), () => dialog.showOpenDialog(options));
        const path = result.canceled ? undefined : result.filePaths[0];
        if (!path) return null;
        this.#lastDir = dirname(path);
        return path;
      },
      chooseFileToSave: async (suggestedName, { title, filters }) => {
        const options: SaveDialogOptions = {
          title,
          defaultPath: join(this.#lastDir ?? app.getPath('documents'), suggestedName),
          filters,
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        };
        const result = await parentOr((w) => dialog.showSaveDialog(w, options), () => dialog.showSaveDialog(options));
        if (result.canceled || !result.filePath) return null;
        this.#lastDir = dirname(result.filePath);
        return result.filePath;
      },
    };
  }
}

/**
 * Starts the desktop app. Returns null when another instance already runs (it gets our file
 * argument through `second-instance` and this process quits).
 */
export function startThreatloom(options: ShellOptions = {}): Shell | null {
  // Both must happen before `ready`.
  protocol.registerSchemesAsPrivileged([PRIVILEGED_SCHEME]);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  if ((options.platform ?? process.platform) === 'win32') app.setAppUserModelId(APP_ID);
  const shell = new Shell(options);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', (_event, argv, cwd) => shell.onSecondInstance(argv, cwd));
  // macOS: a double-clicked file, possibly before `ready`.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    shell.requestOpen(path);
  });
  app.on('before-quit', () => {
    shell.quitting = true;
  });
  app.on('window-all-closed', () => {
    if ((options.platform ?? process.platform) !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!shell.window && app.isReady()) void shell.createWindow();
  });
  shell.started = app
    .whenReady()
    .then(() => shell.start(options.argv ?? process.argv))
    .catch((error: unknown) => {
      dialog.showErrorBox('Threatloom could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
  return shell;
}
