// A stand-in for the `electron` module: just enough of app, BrowserWindow, session, protocol,
// ipcMain, Menu, dialog, screen, contextBridge and ipcRenderer for the main process and the
// preload to run in node. Use with:
//   vi.mock('electron', async () => (await import('./electron-mock')).electron);
import { vi } from 'vitest';

type Listener = (...args: any[]) => unknown;

export class Emitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  [key: string]: unknown;
}
export const fakeEvent = (extra: Record<string, unknown> = {}): FakeEvent => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
  ...extra,
});

export class FakeWebContents extends Emitter {
  send = vi.fn();
  windowOpenHandler: ((details: unknown) => unknown) | null = null;
  setWindowOpenHandler = vi.fn((handler: (details: unknown) => unknown) => {
    this.windowOpenHandler = handler;
  });
  url = 'app://threatloom/index.html';
  isDestroyed = () => false;
  get mainFrame() {
    return { url: this.url, parent: null };
  }
}

export class FakeBrowserWindow extends Emitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  maximized = false;
  fullScreen = false;
  minimized = false;
  bounds = { x: 10, y: 20, width: 1000, height: 700 };
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  setFullScreen = vi.fn((on: boolean) => {
    this.fullScreen = on;
  });

  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }

  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }

  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  isFullScreen = () => this.fullScreen;
  getNormalBounds = () => this.bounds;
}

export class FakeSession extends Emitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  beforeRequest: Listener | null = null;
  headersReceived: Listener | null = null;
  setPermissionRequestHandler = vi.fn((h: Listener) => {
    this.permissionRequestHandler = h;
  });
  setPermissionCheckHandler = vi.fn((h: Listener) => {
    this.permissionCheckHandler = h;
  });
  setDevicePermissionHandler = vi.fn((h: Listener) => {
    this.devicePermissionHandler = h;
  });
  setSpellCheckerEnabled = vi.fn();
  webRequest = {
    onBeforeRequest: vi.fn((h: Listener) => {
      this.beforeRequest = h;
    }),
    onHeadersReceived: vi.fn((h: Listener) => {
      this.headersReceived = h;
    }),
  };
}

export class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle = vi.fn((channel: string, handler: Listener) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  removeHandler = vi.fn((channel: string) => void this.handlers.delete(channel));

  /** What `ipcRenderer.invoke(channel, ...args)` would get, from a sender of our choosing. */
  async invoke(channel: string, sender: { senderFrame: unknown; sender?: unknown }, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(sender, ...args);
  }
}

function createElectron() {
  const app = Object.assign(new Emitter(), {
    appPath: '/opt/threatloom/resources/app.asar',
    userData: '/tmp/threatloom-user-data',
    isPackaged: true,
    ready: true,
    getAppPath: vi.fn(() => app.appPath),
    getPath: vi.fn((name: string) => (name === 'userData' ? app.userData : `/home/user/${name}`)),
    getName: vi.fn(() => 'Threatloom'),
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
    isReady: vi.fn(() => app.ready),
    whenReady: vi.fn(() => Promise.resolve()),
  });
  const sessionModule = { defaultSession: new FakeSession() };
  const ipcMain = new FakeIpcMain();
  const ipcRenderer = Object.assign(new Emitter(), { invoke: vi.fn(async (..._args: unknown[]) => 'answer') });
  vi.spyOn(ipcRenderer, 'on');
  vi.spyOn(ipcRenderer, 'removeListener');
  const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    session: sessionModule,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain,
    ipcRenderer,
    contextBridge: { exposeInMainWorld: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: {
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
      showErrorBox: vi.fn(),
    },
    screen: {
      getPrimaryDisplay: vi.fn(() => ({ workArea })),
      getAllDisplays: vi.fn(() => [{ workArea }]),
    },
  };
}

export type FakeElectron = ReturnType<typeof createElectron>;

/** The mocked module. `resetElectron()` replaces its contents between tests. */
export const electron = createElectron() as FakeElectron;

export function resetElectron(): FakeElectron {
  FakeBrowserWindow.instances = [];
  Object.assign(electron, createElectron());
  return electron;
}
