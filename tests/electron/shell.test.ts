// The main process wired to a mocked Electron: lifecycle, window, scheme, IPC, menu, files,
// single instance and closing.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNELS } from '../../shared/ipc';
import { flattenMenu } from '../../electron/menu';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { startThreatloom, type Shell } from '../../electron/shell';
import { electron, fakeEvent, FakeBrowserWindow, resetElectron, type FakeElectron } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electron);

let e: FakeElectron;
let base: string;
let shell: Shell;
let pending: Promise<void> = Promise.resolve();

function setUp(argv: string[] = ['/opt/Threatloom/threatloom']) {
  e = resetElectron();
  base = mkdtempSync(join(tmpdir(), 'tl-shell-'));
  e.app.userData = join(base, 'userData');
  e.app.appPath = join(base, 'app');
  mkdirSync(join(base, 'app', 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(base, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>Threatloom</title>');
  const s = startThreatloom({ argv, platform: 'linux' });
  pending = s?.started ?? Promise.resolve();
  return s;
}

async function started(argv?: string[]): Promise<{ shell: Shell; win: FakeBrowserWindow }> {
  const s = setUp(argv);
  if (!s) throw new Error('no shell');
  shell = s;
  await vi.waitFor(() => expect(FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalled());
  return { shell: s, win: FakeBrowserWindow.instances[0]! };
}

const fromWindow = (win: FakeBrowserWindow) => ({ senderFrame: { url: 'app://threatloom/index.html', parent: null }, sender: win.webContents });
const lastMenu = () => flattenMenu(e.Menu.buildFromTemplate.mock.calls.at(-1)![0] as MenuItemConstructorOptions[]);
const menuItem = (id: string) => lastMenu().find((i) => i.id === id)!;
const sent = (win: FakeBrowserWindow, channel: string) => win.webContents.send.mock.calls.filter(([c]) => c === channel).map(([, payload]) => payload);

beforeEach(() => {
  vi.useRealTimers();
});
afterEach(async () => {
  vi.useRealTimers();
  await pending; // no startup may run into the next test
});

describe('startup', () => {
  it('registers the privileged scheme and the sandbox before ready', () => {
    setUp();
    expect(e.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(e.app.enableSandbox).toHaveBeenCalled();
    expect(e.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(e.app.whenReady.mock.invocationCallOrder[0]!);
  });

  it('quits at once when another instance holds the lock', () => {
    e = resetElectron();
    e.app.requestSingleInstanceLock.mockReturnValue(false);
    expect(startThreatloom({ platform: 'linux' })).toBeNull();
    expect(e.app.quit).toHaveBeenCalled();
    expect(e.app.whenReady).not.toHaveBeenCalled();
  });

  it('opens one window with secure web preferences, loading our scheme', async () => {
    const { win } = await started();
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      preload: join(base, 'app', 'dist-electron', 'preload.cjs'),
    });
    expect(win.options.show).toBe(false);
    expect(win.loadURL).toHaveBeenCalledWith('app://threatloom/index.html');
  });

  it('serves the renderer through app:// with the CSP', async () => {
    await started();
    expect(e.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = e.protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    const response = await handler(new Request('app://threatloom/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('hardens the default session: network cancelled, permissions denied', async () => {
    await started();
    const s = e.session.defaultSession;
    for (const url of ['https://example.com/', 'http://localhost/', 'ws://localhost/', 'wss://example.com/']) {
      const callback = vi.fn();
      s.beforeRequest!({ url }, callback);
      expect(callback).toHaveBeenCalledWith({ cancel: true });
    }
    const allowed = vi.fn();
    s.beforeRequest!({ url: 'app://threatloom/assets/x.js' }, allowed);
    expect(allowed).toHaveBeenCalledWith({ cancel: false });
    const granted = vi.fn();
    s.permissionRequestHandler!({}, 'media', granted, {});
    expect(granted).toHaveBeenCalledWith(false);
  });

  it('hardens every web contents that is created', async () => {
    await started();
    const contents = new (await import('./electron-mock')).FakeWebContents();
    e.app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const navigate = fakeEvent({ url: 'https://example.com' });
    contents.emit('will-navigate', navigate);
    expect(navigate.defaultPrevented).toBe(true);
  });
});

describe('IPC from the window', () => {
  it('opens a file picked in the native dialog and returns its name, not its path', async () => {
    const { win } = await started();
    const path = join(base, 'model.threatloom');
    writeFileSync(path, '{"title":"x"}');
    e.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    const result = await e.ipcMain.invoke('files:open', fromWindow(win), {});
    expect(result).toMatchObject({ status: 'opened', name: 'model.threatloom', text: '{"title":"x"}' });
    expect(JSON.stringify(result)).not.toContain(base);
    expect(e.dialog.showOpenDialog).toHaveBeenCalledWith(win, expect.objectContaining({ properties: ['openFile'] }));
  });

  it('refuses to save to a file the user never chose', async () => {
    const { win } = await started();
    const result = await e.ipcMain.invoke('files:save', fromWindow(win), { id: '3b241101-e2bb-4255-8caf-4136c566a962', text: '{}' });
    expect(result).toMatchObject({ status: 'failed', code: 'unknown-file' });
  });

  it('saves as through the native dialog, suggesting the name, then saves there again', async () => {
    const { win } = await started();
    const path = join(base, 'chosen.threatloom');
    e.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const saved = (await e.ipcMain.invoke('files:saveAs', fromWindow(win), { suggestedName: 'Payments.threatloom', text: 'v1' })) as { id: string };
    expect(e.dialog.showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({ defaultPath: join('/home/user/documents', 'Payments.threatloom') }));
    expect(readFileSync(path, 'utf8')).toBe('v1');
    await e.ipcMain.invoke('files:save', fromWindow(win), { id: saved.id, text: 'v2' });
    expect(readFileSync(path, 'utf8')).toBe('v2');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('v1');
    expect(await e.ipcMain.invoke('files:listRecent', fromWindow(win), {})).toEqual([{ id: saved.id, name: 'chosen.threatloom' }]);
  });

  it('offers Threatloom models and All files in Open…, and the renderer’s extensions first for Import…', async () => {
    const { win } = await started();
    await e.ipcMain.invoke('files:open', fromWindow(win), {});
    expect(e.dialog.showOpenDialog).toHaveBeenLastCalledWith(win, expect.objectContaining({
      title: 'Open Threat Model',
      filters: [{ name: 'Threatloom models', extensions: ['threatloom', 'json'] }, { name: 'All files', extensions: ['*'] }],
    }));
    await e.ipcMain.invoke('files:open', fromWindow(win), { accept: { label: 'Threat models', extensions: ['.json', '.yaml', '.tm7'] } });
    expect(e.dialog.showOpenDialog).toHaveBeenLastCalledWith(win, expect.objectContaining({
      filters: [{ name: 'Threat models (.json, .yaml, .tm7)', extensions: ['json', 'yaml', 'tm7'] }, { name: 'All files', extensions: ['*'] }],
    }));
  });

  it('exports bytes through a Save dialog filtered to the kind, intact on disk and not in Open Recent', async () => {
    const { win } = await started();
    const path = join(base, 'report.pdf');
    e.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const bytes = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0d, 0x0a]);
    const result = await e.ipcMain.invoke('files:exportBytes', fromWindow(win), { suggestedName: 'Payments.pdf', bytes, kind: 'pdf' });
    expect(result).toEqual({ status: 'saved', name: 'report.pdf' });
    expect(e.dialog.showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({
      title: 'Export PDF document',
      defaultPath: join('/home/user/documents', 'Payments.pdf'),
      filters: [{ name: 'PDF document (.pdf)', extensions: ['pdf'] }, { name: 'All files', extensions: ['*'] }],
    }));
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
    expect(await e.ipcMain.invoke('files:listRecent', fromWindow(win), {})).toEqual([]);
    expect(lastMenu().some((i) => i.id?.startsWith('recent:'))).toBe(false);
    await expect(e.ipcMain.invoke('files:exportBytes', fromWindow(win), { suggestedName: 'x.pdf', bytes: [...bytes], kind: 'pdf' })).rejects.toThrow(/bytes must be bytes/);
  });

  it('refuses requests from any other web contents', async () => {
    const { win } = await started();
    const other = { senderFrame: { url: 'app://threatloom/index.html', parent: null }, sender: {} };
    await expect(e.ipcMain.invoke('files:open', other, {})).rejects.toThrow(/refused/);
    await expect(e.ipcMain.invoke('files:open', { ...fromWindow(win), senderFrame: { url: 'https://example.com', parent: null } }, {})).rejects.toThrow(/refused/);
    expect(e.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('menu', () => {
  it('runs native edit commands in the window for a focused text field', async () => {
    const { win } = await started();
    const paste = vi.fn();
    Object.assign(win.webContents, { paste, isDestroyed: () => false });
    await e.ipcMain.invoke('edit:native', fromWindow(win), { command: 'paste' });
    expect(paste).toHaveBeenCalledTimes(1);
    await expect(e.ipcMain.invoke('edit:native', fromWindow(win), { command: 'reload' })).rejects.toThrow(/edit:native/);
  });

  it('sends menu actions to the renderer and follows the reported state', async () => {
    const { win } = await started();
    expect(e.Menu.setApplicationMenu).toHaveBeenCalled();
    (menuItem('undo').click as () => void)();
    expect(sent(win, 'menu:action')).toEqual([{ action: 'undo' }]);
    await e.ipcMain.invoke('menu:state', fromWindow(win), { enabled: { undo: false, save: false }, redoLabel: 'Redo Add Node' });
    expect(menuItem('undo').enabled).toBe(false);
    expect(menuItem('save').enabled).toBe(false);
    expect(menuItem('redo')).toMatchObject({ enabled: true, label: 'Redo Add Node' });
  });

  it('does not rebuild the menu for an unchanged state', async () => {
    const { win } = await started();
    await e.ipcMain.invoke('menu:state', fromWindow(win), { enabled: { undo: false } });
    const builds = e.Menu.buildFromTemplate.mock.calls.length;
    await e.ipcMain.invoke('menu:state', fromWindow(win), { enabled: { undo: false } });
    expect(e.Menu.buildFromTemplate.mock.calls.length).toBe(builds);
  });

  it('opens a recent file from the menu through an open request', async () => {
    const { win } = await started();
    const path = join(base, 'recent.threatloom');
    writeFileSync(path, 'r');
    await shell.recent.add(path);
    shell.renderMenu();
    const entry = lastMenu().find((i) => i.id?.startsWith('recent:'))!;
    await e.ipcMain.invoke('app:ready', fromWindow(win), {});
    (entry.click as () => void)();
    const [request] = sent(win, 'files:openRequested') as { id: string; name: string }[];
    expect(request).toEqual({ id: entry.id!.slice('recent:'.length), name: 'recent.threatloom' });
    expect(await e.ipcMain.invoke('files:openRecent', fromWindow(win), { id: request!.id })).toMatchObject({ status: 'opened', text: 'r' });
  });
});

describe('opening files from outside', () => {
  it('queues a command-line file until the renderer is ready', async () => {
    const path = join(tmpdir(), 'argv-model.threatloom');
    writeFileSync(path, 'from argv');
    const { win } = await started(['/opt/Threatloom/threatloom', '--enable-logging', path]);
    expect(sent(win, 'files:openRequested')).toEqual([]);
    await e.ipcMain.invoke('app:ready', fromWindow(win), {});
    const [request] = sent(win, 'files:openRequested') as { id: string; name: string }[];
    expect(request).toEqual({ id: expect.any(String), name: 'argv-model.threatloom' });
    expect(await e.ipcMain.invoke('files:openRecent', fromWindow(win), { id: request!.id })).toMatchObject({ status: 'opened', text: 'from argv' });
  });

  it('a second launch focuses the window and opens its file argument', async () => {
    const { win } = await started();
    await e.ipcMain.invoke('app:ready', fromWindow(win), {});
    win.minimized = true;
    e.app.emit('second-instance', fakeEvent(), ['/opt/Threatloom/threatloom', 'sub/second.threatloom'], '/home/user');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(sent(win, 'files:openRequested')).toEqual([{ id: expect.any(String), name: 'second.threatloom' }]);
    expect(shell.files.pathOf((sent(win, 'files:openRequested')[0] as { id: string }).id)).toBe(join('/home/user', 'sub/second.threatloom'));
  });

  it('a second launch without a file just focuses', async () => {
    const { win } = await started();
    e.app.emit('second-instance', fakeEvent(), ['/opt/Threatloom/threatloom'], '/');
    expect(win.focus).toHaveBeenCalled();
    expect(sent(win, 'files:openRequested')).toEqual([]);
  });

  it('takes macOS open-file events, even before the window exists', async () => {
    setUp();
    const event = fakeEvent();
    e.app.emit('open-file', event, '/Users/u/double-clicked.threatloom');
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalled());
    const win = FakeBrowserWindow.instances[0]!;
    await e.ipcMain.invoke('app:ready', fromWindow(win), {});
    expect(sent(win, 'files:openRequested')).toEqual([{ id: expect.any(String), name: 'double-clicked.threatloom' }]);
  });
});

describe('closing', () => {
  it('waits for the renderer to finish a save in flight, then closes and remembers the window', async () => {
    const { win } = await started();
    await e.ipcMain.invoke('app:busy', fromWindow(win), { busy: true });
    win.close();
    expect(win.destroyed).toBe(false);
    expect(sent(win, 'app:closeRequested')).toEqual([{}]);
    await e.ipcMain.invoke('app:quitReady', fromWindow(win), {});
    expect(win.destroyed).toBe(false);
    await e.ipcMain.invoke('app:busy', fromWindow(win), { busy: false });
    expect(win.destroyed).toBe(true);
    await vi.waitFor(() => expect(existsSync(join(e.app.userData, 'window-state.json'))).toBe(true));
    expect(JSON.parse(readFileSync(join(e.app.userData, 'window-state.json'), 'utf8'))).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
  });

  it('quits when the last window closes (not on macOS), and resumes a quit it delayed', async () => {
    const { win } = await started();
    e.app.emit('before-quit', fakeEvent());
    win.close();
    await e.ipcMain.invoke('app:quitReady', fromWindow(win), {});
    expect(win.destroyed).toBe(true);
    expect(e.app.quit).toHaveBeenCalled();
    e.app.quit.mockClear();
    e.app.emit('window-all-closed');
    expect(e.app.quit).toHaveBeenCalled();
  });

  it('closes without waiting when the renderer crashed', async () => {
    const { win } = await started();
    await e.ipcMain.invoke('app:busy', fromWindow(win), { busy: true });
    win.close();
    win.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed' });
    expect(win.destroyed).toBe(true);
  });
});

describe('main → renderer events', () => {
  it('sends only allow-listed events', async () => {
    const { win } = await started();
    await e.ipcMain.invoke('app:ready', fromWindow(win), {});
    shell.requestOpen('/x/a.threatloom');
    (menuItem('save').click as () => void)();
    win.close();
    const channels = new Set(win.webContents.send.mock.calls.map(([c]) => c as string));
    expect(channels.size).toBe(3);
    for (const channel of channels) expect(EVENT_CHANNELS).toContain(channel);
  });
});

it('keeps the electron mock module in sync with resets', () => {
  expect(electron).toBe(e);
});
