// The renderer's side of the bridge (renderer/platform/desktop-*.ts) against a fake bridge.
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, type EventChannel, type ThreatloomBridge } from '../../shared/ipc';
import { createHostClient, DesktopHost, findDesktopBridge } from '../../renderer/platform/desktop-host';
import { DesktopFiles, DesktopFileError, FileChangedOnDiskError, plainFileName } from '../../renderer/platform/desktop-files';
import { DesktopMenu, routeMenuAction } from '../../renderer/platform/desktop-menu';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const ID2 = '9c7a2c55-2f43-4d8e-9f0a-5d2b3c4d5e6f';

function fakeBridge(answers: Record<string, (arg: any) => unknown> = {}) {
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const invoke = vi.fn(async (channel: string, arg: unknown) => answers[channel]?.(arg));
  const bridge = {
    invoke,
    on: vi.fn((event: string, cb: (payload: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), cb]);
      return () => listeners.set(event, (listeners.get(event) ?? []).filter((l) => l !== cb));
    }),
  };
  const emit = (event: EventChannel, payload: unknown) => (listeners.get(event) ?? []).forEach((l) => l(payload));
  const calls = (channel: string) => invoke.mock.calls.filter(([c]) => c === channel).map(([, a]) => a);
  return { bridge: bridge as unknown as ThreatloomBridge, invoke, emit, calls };
}

describe('desktop host client', () => {
  it('finds the bridge only where the preload put it', () => {
    expect(findDesktopBridge({})).toBeNull();
    expect(findDesktopBridge({ threatloom: { invoke: 1 } })).toBeNull();
    const { bridge } = fakeBridge();
    expect(findDesktopBridge({ threatloom: bridge })).toBe(bridge);
  });

  it('maps every host method onto its channel', async () => {
    const { bridge, invoke } = fakeBridge();
    const host = createHostClient(bridge);
    const methods = Object.keys(host);
    expect(methods).toHaveLength(INVOKE_CHANNELS.length);
    await host.saveFile({ id: ID, text: 'x' });
    expect(invoke).toHaveBeenLastCalledWith('files:save', { id: ID, text: 'x' });
    await host.setMenuState({ undoLabel: 'Undo Move' });
    expect(invoke).toHaveBeenLastCalledWith('menu:state', { undoLabel: 'Undo Move' });
  });

  it('reports busy around work, once for overlapping work', async () => {
    const { bridge, calls } = fakeBridge();
    const desktop = new DesktopHost(bridge);
    let finish!: () => void;
    const first = desktop.whileBusy(() => new Promise<void>((done) => (finish = done)));
    const second = desktop.whileBusy(async () => 'quick');
    await expect(second).resolves.toBe('quick');
    expect(calls('app:busy')).toEqual([{ busy: true }]);
    finish();
    await first;
    expect(calls('app:busy')).toEqual([{ busy: true }, { busy: false }]);
  });

  it('answers a close request after its handlers finished, even with none', async () => {
    const { bridge, emit, calls } = fakeBridge();
    const desktop = new DesktopHost(bridge);
    emit('app:closeRequested', {});
    await vi.waitFor(() => expect(calls('app:quitReady')).toHaveLength(1));
    const order: string[] = [];
    desktop.onBeforeClose(async () => {
      await new Promise((r) => setTimeout(r, 10));
      order.push('flushed');
    });
    desktop.onBeforeClose(() => {
      throw new Error('one handler failing does not block closing');
    });
    emit('app:closeRequested', {});
    await vi.waitFor(() => expect(calls('app:quitReady')).toHaveLength(2));
    expect(order).toEqual(['flushed']);
  });
});

describe('DesktopFiles', () => {
  it('opens through the native dialog and returns name and text', async () => {
    const { bridge } = fakeBridge({ 'files:open': () => ({ status: 'opened', id: ID, name: 'm.threatloom', text: '{}' }) });
    const files = new DesktopFiles(new DesktopHost(bridge));
    expect(await files.openModelFile()).toEqual({ name: 'm.threatloom', text: '{}' });
  });

  it('returns null when cancelled and throws the message main wrote on failure', async () => {
    const { bridge } = fakeBridge({
      'files:open': () => ({ status: 'cancelled' }),
      'files:openRecent': () => ({ status: 'failed', code: 'too-large', message: 'Could not open “big.threatloom”: too large.' }),
    });
    const files = new DesktopFiles(new DesktopHost(bridge));
    expect(await files.openModelFile()).toBeNull();
    await expect(files.openKnownFile(ID)).rejects.toThrow('Could not open “big.threatloom”: too large.');
    await expect(files.openKnownFile(ID)).rejects.toBeInstanceOf(DesktopFileError);
  });

  it('asks where to save the first time, then saves to the same file', async () => {
    const { bridge, calls } = fakeBridge({
      'files:saveAs': () => ({ status: 'saved', id: ID, name: 'Payments.threatloom' }),
      'files:save': () => ({ status: 'saved', id: ID, name: 'Payments.threatloom' }),
    });
    const files = new DesktopFiles(new DesktopHost(bridge));
    expect(await files.saveModelFile('Payments.threatloom', 'v1', 'model-1')).toEqual({ name: 'Payments.threatloom' });
    expect(await files.saveModelFile('Payments.threatloom', 'v2', 'model-1')).toEqual({ name: 'Payments.threatloom' });
    expect(calls('files:saveAs')).toEqual([{ suggestedName: 'Payments.threatloom', text: 'v1' }]);
    expect(calls('files:save')).toEqual([{ id: ID, text: 'v2' }]);
    files.forgetFile('model-1');
    await files.saveModelFile('Payments.threatloom', 'v3', 'model-1');
    expect(calls('files:saveAs')).toHaveLength(2);
    expect(calls('app:busy').length).toBeGreaterThan(0);
  });

  it('saves back to the file a model was opened from, once told which model it became', async () => {
    const { bridge, calls } = fakeBridge({
      'files:open': () => ({ status: 'opened', id: ID2, name: 'x.threatloom', text: '{}' }),
      'files:save': () => ({ status: 'saved', id: ID2, name: 'x.threatloom' }),
    });
    const files = new DesktopFiles(new DesktopHost(bridge));
    const opened = (await files.openModelFile())!;
    files.rememberFile(opened, 'model-2');
    await files.saveModelFile('x.threatloom', 'v2', 'model-2');
    expect(calls('files:save')).toEqual([{ id: ID2, text: 'v2' }]);
  });

  it('raises FileChangedOnDiskError when someone else changed the file', async () => {
    const { bridge } = fakeBridge({
      'files:saveAs': () => ({ status: 'saved', id: ID, name: 'a.threatloom' }),
      'files:save': () => ({ status: 'failed', code: 'changed-on-disk', message: '“a.threatloom” was changed by another program… Use Save As…' }),
    });
    const files = new DesktopFiles(new DesktopHost(bridge));
    await files.saveModelFile('a.threatloom', 'v1', 'k');
    const error = await files.saveModelFile('a.threatloom', 'v2', 'k').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileChangedOnDiskError);
    expect((error as Error).message).toContain('Save As');
  });

  it('falls back to Save As when main no longer knows the file', async () => {
    let saveAs = 0;
    const { bridge } = fakeBridge({
      'files:saveAs': () => ({ status: 'saved', id: saveAs++ ? ID2 : ID, name: 'a.threatloom' }),
      'files:save': () => ({ status: 'failed', code: 'unknown-file', message: 'unknown' }),
    });
    const files = new DesktopFiles(new DesktopHost(bridge));
    await files.saveModelFile('a.threatloom', 'v1', 'k');
    expect(await files.saveModelFile('a.threatloom', 'v2', 'k')).toEqual({ name: 'a.threatloom' });
    expect(saveAs).toBe(2);
  });

  it('refuses oversized text before sending it and cleans suggested names', async () => {
    const { bridge, invoke } = fakeBridge();
    const files = new DesktopFiles(new DesktopHost(bridge));
    await expect(files.saveModelFile('a.threatloom', 'x'.repeat(20 * 1024 * 1024 + 1))).rejects.toThrow(/larger than 20 MB/);
    expect(invoke).not.toHaveBeenCalledWith('files:saveAs', expect.anything());
    expect(plainFileName('../etc/passwd')).toBe('.._etc_passwd');
    expect(plainFileName('a\u0000b')).toBe('a_b');
    expect(plainFileName('..')).toBe('threat-model.threatloom');
  });

  it('reads files the OS asked to open and hands them over', async () => {
    const { bridge, emit } = fakeBridge({ 'files:openRecent': ({ id }) => ({ status: 'opened', id, name: 'dbl.threatloom', text: '{"a":1}' }) });
    const files = new DesktopFiles(new DesktopHost(bridge));
    const open = vi.fn();
    const report = vi.fn();
    files.onOpenRequest(open, report);
    emit('files:openRequested', { id: ID, name: 'dbl.threatloom' });
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith({ name: 'dbl.threatloom', text: '{"a":1}' }));
    expect(report).not.toHaveBeenCalled();
  });
});

describe('DesktopMenu', () => {
  it('runs menu actions, sending edit commands for a focused text field to the native editor', () => {
    const dispatch = vi.fn();
    const native = vi.fn();
    const typing = { activeElement: { tagName: 'INPUT', type: 'text', isContentEditable: false } as unknown as Element };
    for (const command of ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'] as const) {
      routeMenuAction(command, dispatch, native, typing);
      expect(native).toHaveBeenLastCalledWith(command);
    }
    expect(dispatch).not.toHaveBeenCalled();
    routeMenuAction('save', dispatch, native, typing);
    expect(dispatch).toHaveBeenCalledWith('save');
    const canvas = { activeElement: { tagName: 'DIV', isContentEditable: false } as unknown as Element };
    native.mockClear();
    routeMenuAction('copy', dispatch, native, canvas);
    expect(dispatch).toHaveBeenLastCalledWith('copy');
    expect(native).not.toHaveBeenCalled();
  });

  it('asks main to paste into the focused text field', async () => {
    const { bridge, emit, calls } = fakeBridge();
    const typing = { activeElement: { tagName: 'TEXTAREA', isContentEditable: false } as unknown as Element };
    const dispatch = vi.fn();
    new DesktopMenu(new DesktopHost(bridge), typing).onAction(dispatch);
    emit('menu:action', { action: 'paste' });
    expect(calls('edit:native')).toEqual([{ command: 'paste' }]);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('merges state reports within a task and skips repeats', async () => {
    const { bridge, calls } = fakeBridge();
    const menu = new DesktopMenu(new DesktopHost(bridge));
    menu.setState({ enabled: { undo: false } });
    menu.setState({ enabled: { undo: true }, undoLabel: 'Undo Move' });
    await Promise.resolve();
    expect(calls('menu:state')).toEqual([{ enabled: { undo: true }, undoLabel: 'Undo Move' }]);
    menu.setState({ enabled: { undo: true }, undoLabel: 'Undo Move' });
    await Promise.resolve();
    expect(calls('menu:state')).toHaveLength(1);
  });

  it('subscribes to menu actions', () => {
    const { bridge, emit } = fakeBridge();
    const menu = new DesktopMenu(new DesktopHost(bridge), { activeElement: null });
    const dispatch = vi.fn();
    const off = menu.onAction(dispatch);
    emit('menu:action', { action: 'zoomIn' });
    expect(dispatch).toHaveBeenCalledWith('zoomIn');
    off();
    emit('menu:action', { action: 'zoomOut' });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});
