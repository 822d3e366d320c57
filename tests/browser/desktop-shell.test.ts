// The renderer's side of the desktop shell, with a fake preload bridge: which services the app
// picks, how menu clicks and open requests are routed, the menu state it reports, and the theme.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { createModel, serializeDocument } from '../../shared/model';
import { AppShell } from '../../renderer/app/app-shell.svelte';
import { EditorFiles, modelFileName } from '../../renderer/app/editor-shell.svelte';
import { createServices, whileBusy, type Services } from '../../renderer/app/services';
import { ThemeState, type ThemeEnvironment } from '../../renderer/app/theme.svelte';
import { BrowserFiles } from '../../renderer/platform/browser-files';
import { DesktopFiles } from '../../renderer/platform/desktop-files';
import { openDatabase, type ThreatloomDb } from '../../renderer/storage/db';
import { ModelLibrary } from '../../renderer/storage/library';
import { fakeBridge } from '../electron/fake-bridge';

const FILE_ID = '3b241101-e2bb-4255-8caf-4136c566a962';

function themeEnv(systemDark = false): ThemeEnvironment & { root: HTMLElement; data: Record<string, string>; flip(dark: boolean): void } {
  const data: Record<string, string> = {};
  const handlers = new Set<(e: { matches: boolean }) => void>();
  const media = {
    matches: systemDark,
    addEventListener: (_: string, h: (e: { matches: boolean }) => void) => void handlers.add(h),
    removeEventListener: (_: string, h: (e: { matches: boolean }) => void) => void handlers.delete(h),
  };
  return {
    root: document.createElement('div'),
    store: { getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) },
    media: media as unknown as ThemeEnvironment['media'],
    data,
    flip(dark) {
      media.matches = dark;
      for (const h of handlers) h({ matches: dark });
    },
  };
}

let db: ThreatloomDb;
let library: ModelLibrary;
beforeEach(() => {
  db = openDatabase(`threatloom-shell-${crypto.randomUUID()}`);
  library = new ModelLibrary(db);
});
afterEach(async () => {
  db.close();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await db.delete();
  delete (globalThis as { threatloom?: unknown }).threatloom;
});

describe('createServices', () => {
  it('uses the browser adapters when there is no bridge', () => {
    const services = createServices({ library });
    expect(services.desktop).toBeNull();
    expect(services.files).toBeInstanceOf(BrowserFiles);
  });

  it('uses the desktop adapters when the preload exposed its bridge', () => {
    const { bridge } = fakeBridge();
    (globalThis as { threatloom?: unknown }).threatloom = bridge;
    const services = createServices({ library });
    expect(services.desktop).not.toBeNull();
    expect(services.files).toBeInstanceOf(DesktopFiles);
    expect(services.files).toBe(services.desktop!.files);
  });

  it('whileBusy tells the shell a save is in flight, and is a plain call in the browser', async () => {
    const { bridge, calls } = fakeBridge();
    const desktop = createServices({ bridge, library });
    await expect(whileBusy(desktop, async () => 'done')).resolves.toBe('done');
    expect(calls('app:busy')).toEqual([{ busy: true }, { busy: false }]);
    await expect(whileBusy(createServices({ bridge: null, library }), async () => 7)).resolves.toBe(7);
  });
});

describe('AppShell with a fake bridge', () => {
  function setup(answers: Record<string, (arg: any) => unknown> = {}) {
    const fake = fakeBridge(answers);
    const services: Services = createServices({ bridge: fake.bridge, library });
    const deps = {
      services,
      theme: new ThemeState(themeEnv()),
      open: vi.fn<(id: string) => void>(),
      goHome: vi.fn(),
      browseCatalogs: vi.fn(),
      inform: vi.fn<(m: string) => void>(),
      fail: vi.fn<(m: string) => void>(),
    };
    const shell = new AppShell(deps);
    const disconnect = shell.connect();
    return { ...fake, services, deps, shell, disconnect };
  }
  const click = (emit: ReturnType<typeof fakeBridge>['emit'], action: string) => emit('menu:action', { action });

  it('subscribes to menu clicks and open requests before telling main it is ready', () => {
    const { bridge, invoke } = setup();
    const ready = invoke.mock.invocationCallOrder[invoke.mock.calls.findIndex(([c]) => c === 'app:ready')]!;
    const onCalls = (bridge.on as ReturnType<typeof vi.fn>).mock;
    const subscribed = onCalls.calls.map(([event]) => event);
    expect(subscribed).toEqual(expect.arrayContaining(['menu:action', 'files:openRequested']));
    for (const order of onCalls.invocationCallOrder) expect(order).toBeLessThan(ready);
  });

  it('runs app actions itself: help dialogs, catalogs, dark mode, close', () => {
    const { emit, shell, deps } = setup();
    click(emit, 'showAbout');
    expect(shell.help).toBe('about');
    click(emit, 'showShortcuts');
    expect(shell.help).toBe('shortcuts');
    click(emit, 'showCatalogs');
    expect(deps.browseCatalogs).toHaveBeenCalledOnce();
    expect(shell.theme.effective).toBe('light');
    click(emit, 'toggleDarkMode');
    expect(shell.theme.effective).toBe('dark');
    click(emit, 'close');
    expect(deps.goHome).toHaveBeenCalledOnce();
  });

  it('New creates an untitled model and opens it', async () => {
    const { emit, deps } = setup();
    click(emit, 'new');
    await vi.waitFor(() => expect(deps.open).toHaveBeenCalledOnce());
    const stored = await library.loadModel(deps.open.mock.calls[0]![0]);
    expect(stored?.title).toBe('Untitled threat model');
  });

  it('hands editor actions to the open editor only, and reports its menu state', async () => {
    const { emit, shell, calls, disconnect } = setup();
    const handler = vi.fn();
    click(emit, 'undo'); // no editor yet: nothing to do, nothing thrown
    const editor = shell.hub.attachEditor(handler);
    click(emit, 'undo');
    click(emit, 'togglePalette');
    click(emit, 'find');
    expect(handler.mock.calls.map(([a]) => a)).toEqual(['undo', 'togglePalette', 'find']);
    expect(shell.menuState().enabled?.undo).toBe(false); // nothing reported yet: disabled

    editor.report({
      enabled: { ...Object.fromEntries(Object.keys(shell.menuState().enabled!).map((k) => [k, false])), undo: true } as never,
      panels: { palette: false, properties: true, threats: true },
      undoLabel: 'Undo Add LLM',
      redoLabel: null,
    });
    const state = shell.menuState();
    expect(state).toMatchObject({ undoLabel: 'Undo Add LLM', enabled: { undo: true, close: true }, checked: { togglePalette: false, toggleProperties: true } });

    // The state goes to main through the bridge (calls in one task are merged into one).
    shell.reportMenu();
    shell.reportMenu();
    await vi.waitFor(() => expect(calls('menu:state')).toHaveLength(1));
    expect(calls('menu:state')[0]).toEqual(state);

    editor.detach();
    click(emit, 'undo');
    expect(handler).toHaveBeenCalledTimes(3);
    expect(shell.menuState().enabled).toMatchObject({ undo: false, close: false, save: false });
    disconnect();
    click(emit, 'showShortcuts');
    expect(shell.help).toBeNull();
  });

  it('a stale editor cannot detach or report over the one that replaced it', () => {
    const { shell } = setup();
    const first = shell.hub.attachEditor(vi.fn());
    const second = shell.hub.attachEditor(vi.fn());
    second.report({ enabled: {} as never, panels: { palette: true, properties: true, threats: true }, undoLabel: 'Undo B', redoLabel: null });
    first.report({ enabled: {} as never, panels: { palette: true, properties: true, threats: true }, undoLabel: 'Undo A', redoLabel: null });
    first.detach();
    expect(shell.hub.editorState?.undoLabel).toBe('Undo B');
  });

  it('opens a model file the OS asked for, and remembers it for Save', async () => {
    const doc = createModel('Double-clicked');
    const { emit, deps, calls, services } = setup({
      'files:openRecent': () => ({ status: 'opened', id: FILE_ID, name: 'm.threatloom', text: serializeDocument(doc) }),
      'files:save': () => ({ status: 'saved', id: FILE_ID, name: 'm.threatloom' }),
    });
    emit('files:openRequested', { id: FILE_ID, name: 'm.threatloom' });
    await vi.waitFor(() => expect(deps.open).toHaveBeenCalledWith(doc.id));
    expect(calls('files:openRecent')).toEqual([{ id: FILE_ID }]);
    expect((await library.loadModel(doc.id))?.title).toBe('Double-clicked');
    await services.files.saveModelFile('m.threatloom', 'v2', doc.id);
    expect(calls('files:save')).toEqual([{ id: FILE_ID, text: 'v2' }]);
  });

  it('reports an open request that cannot be read', async () => {
    const { emit, deps } = setup({ 'files:openRecent': () => ({ status: 'failed', code: 'not-found', message: '“gone.json” is no longer there.' }) });
    emit('files:openRequested', { id: FILE_ID, name: 'gone.json' });
    await vi.waitFor(() => expect(deps.fail).toHaveBeenCalledWith('“gone.json” is no longer there.'));
    expect(deps.open).not.toHaveBeenCalled();
  });
});

describe('ThemeState', () => {
  it('follows the OS while on System, applies data-theme, and remembers a choice', () => {
    const env = themeEnv(false);
    const theme = new ThemeState(env);
    expect(env.root.dataset['theme']).toBe('light');
    env.flip(true);
    flushSync();
    expect(theme.effective).toBe('dark');
    expect(env.root.dataset['theme']).toBe('dark');
    expect(env.root.style.colorScheme).toBe('dark');
    theme.set('light');
    env.flip(true);
    expect(env.root.dataset['theme']).toBe('light');
    expect(Object.values(env.data)).toEqual(['light']);
    theme.dispose();
  });

  it('starts from the remembered choice; toggling leaves System', () => {
    const env = themeEnv(false);
    env.store!.setItem('threatloom.theme', 'dark');
    const theme = new ThemeState(env);
    expect(env.root.dataset['theme']).toBe('dark');
    theme.set('system');
    theme.toggle();
    expect(theme.preference).toBe('dark');
  });
});

describe('EditorFiles', () => {
  const doc = createModel('Payments / EU: v2');

  it('suggests <title>.threatloom with unsafe characters replaced', () => {
    expect(modelFileName(doc.title)).toBe('Payments _ EU_ v2.threatloom');
    expect(modelFileName('***')).toBe('_.threatloom');
    expect(modelFileName('   ')).toBe('threat-model.threatloom');
  });

  it('Save As asks where even after a save, busy while writing', async () => {
    const { bridge, calls } = fakeBridge({
      'files:saveAs': () => ({ status: 'saved', id: FILE_ID, name: 'p.threatloom' }),
      'files:save': () => ({ status: 'saved', id: FILE_ID, name: 'p.threatloom' }),
    });
    const files = new EditorFiles(createServices({ bridge, library }), () => doc);
    await files.save();
    await files.save();
    await files.saveAs();
    expect(calls('files:saveAs')).toHaveLength(2);
    expect(calls('files:save')).toHaveLength(1);
    expect((calls('files:saveAs')[0] as { suggestedName: string }).suggestedName).toBe('Payments _ EU_ v2.threatloom');
    expect(files.message?.text).toBe('Saved to p.threatloom');
    expect(calls('app:busy').at(-1)).toEqual({ busy: false });
  });

  it('a file changed on disk is not overwritten: the message offers Save As…', async () => {
    const { bridge, calls } = fakeBridge({
      'files:saveAs': () => ({ status: 'saved', id: FILE_ID, name: 'p.threatloom' }),
      'files:save': () => ({ status: 'failed', code: 'changed-on-disk', message: '“p.threatloom” was changed by another program. Use Save As…' }),
    });
    const files = new EditorFiles(createServices({ bridge, library }), () => doc);
    await files.save();
    await files.save();
    expect(files.message?.text).toBe('“p.threatloom” was changed by another program. Use Save As…');
    expect(files.message?.action?.label).toBe('Save As…');
    files.message!.action!.run();
    await vi.waitFor(() => expect(calls('files:saveAs')).toHaveLength(2));
  });

  it('other failures say what went wrong, with no follow-up', async () => {
    const { bridge } = fakeBridge({ 'files:saveAs': () => ({ status: 'failed', code: 'io-error', message: 'The disk is full.' }) });
    const files = new EditorFiles(createServices({ bridge, library }), () => doc);
    await files.save();
    expect(files.message).toEqual({ text: 'Could not save the file: The disk is full.' });
  });
});
