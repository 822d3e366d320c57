// The renderer's side of the bridge (renderer/platform/desktop-*.ts) against a fake bridge.
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc';
import { createHostClient, DesktopHost, findDesktopBridge } from '../../renderer/platform/desktop-host';
import { DesktopFiles, DesktopFileError, exportKindOf, FileChangedOnDiskError, IMPORT_ACCEPT, plainFileName } from '../../renderer/platform/desktop-files';
import { MAX_EXPORT_BYTES } from '../../shared/ipc';
import { DesktopMenu, routeMenuAction } from '../../renderer/platform/desktop-menu';
import { fakeBridge } from './fake-bridge';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const ID2 = '9c7a2c55-2f43-4d8e-9f0a-5d2b3c4d5e6f';

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

describe('DesktopFiles exports and imports', () => {
  const pdf = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);

  it('sends every export through the export channel, text as UTF-8, never through Save As', async () => {
    const { bridge, calls } = fakeBridge({ 'files:exportBytes': (arg) => ({ status: 'saved', name: (arg as { suggestedName: string }).suggestedName }) });
    const files = new DesktopFiles(new DesktopHost(bridge));
    expect(await files.saveExportFile('Payments.pdf', pdf, 'application/pdf')).toEqual({ name: 'Payments.pdf' });
    expect(await files.saveExportFile('Payments.md', '# Rapport — Zürich ✓', 'text/markdown')).toEqual({ name: 'Payments.md' });
    const [first, second] = calls('files:exportBytes') as { suggestedName: string; bytes: Uint8Array; kind: string }[];
    expect(first).toEqual({ suggestedName: 'Payments.pdf', bytes: pdf, kind: 'pdf' });
    expect(first!.bytes).toBe(pdf);
    expect(second).toMatchObject({ suggestedName: 'Payments.md', kind: 'md' });
    expect(new TextDecoder().decode(second!.bytes)).toBe('# Rapport — Zürich ✓');
    // An export is not a model: Save As would remember it for Save and list it in Open Recent.
    expect(calls('files:saveAs')).toEqual([]);
  });

  it.each([
    ['text/csv', 'csv'], ['application/json', 'json'], ['application/sarif+json', 'sarif'], ['image/svg+xml', 'svg'], ['text/markdown', 'md'],
  ])('saves %s exports as %s', async (mime, kind) => {
    const { bridge, calls } = fakeBridge({ 'files:exportBytes': () => ({ status: 'saved', name: 'x' }) });
    await new DesktopFiles(new DesktopHost(bridge)).saveExportFile('x', 'text', mime);
    expect(calls('files:exportBytes')).toMatchObject([{ kind }]);
  });

  it('picks the kind from the MIME type and cleans the suggested name', async () => {
    const { bridge, calls } = fakeBridge({ 'files:exportBytes': () => ({ status: 'saved', name: 'd.png' }) });
    const files = new DesktopFiles(new DesktopHost(bridge));
    await files.saveExportFile('Pay/ments - Main.png', pdf, 'image/png');
    await files.saveExportFile('..', pdf, 'image/png');
    expect(calls('files:exportBytes').map((a) => [(a as { suggestedName: string }).suggestedName, (a as { kind: string }).kind])).toEqual([
      ['Pay_ments - Main.png', 'png'],
      ['export.png', 'png'],
    ]);
    expect(exportKindOf('application/pdf')).toBe('pdf');
    expect(exportKindOf('text/csv')).toBe('csv');
    expect(exportKindOf('image/jpeg')).toBeNull();
  });

  it('is busy while the bytes are written, so closing the window waits', async () => {
    let finish!: (result: unknown) => void;
    const { bridge, calls } = fakeBridge({ 'files:exportBytes': () => new Promise((done) => (finish = done)) });
    const files = new DesktopFiles(new DesktopHost(bridge));
    const saving = files.saveExportFile('r.pdf', pdf, 'application/pdf');
    await vi.waitFor(() => expect(calls('files:exportBytes')).toHaveLength(1));
    expect(calls('app:busy')).toEqual([{ busy: true }]);
    finish({ status: 'saved', name: 'r.pdf' });
    await saving;
    expect(calls('app:busy')).toEqual([{ busy: true }, { busy: false }]);
  });

  it('returns null when cancelled and throws main’s message on failure', async () => {
    const cancelled = fakeBridge({ 'files:exportBytes': () => ({ status: 'cancelled' }) });
    expect(await new DesktopFiles(new DesktopHost(cancelled.bridge)).saveExportFile('r.pdf', pdf, 'application/pdf')).toBeNull();
    const failed = fakeBridge({ 'files:exportBytes': () => ({ status: 'failed', code: 'io-error', message: 'Could not save “r.pdf”: the disk is full.' }) });
    const error = await new DesktopFiles(new DesktopHost(failed.bridge)).saveExportFile('r.pdf', pdf, 'application/pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesktopFileError);
    expect((error as Error).message).toBe('Could not save “r.pdf”: the disk is full.');
  });

  it('refuses oversized bytes and unknown binary formats before sending, with a clear message', async () => {
    const { bridge, invoke } = fakeBridge();
    const files = new DesktopFiles(new DesktopHost(bridge));
    const huge = Object.defineProperty(new Uint8Array(1), 'byteLength', { value: MAX_EXPORT_BYTES + 1 });
    const error = await files.saveExportFile('r.pdf', huge, 'application/pdf').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too-large', message: 'The PDF document is 257 MB; the desktop app saves exports up to 256 MB.' });
    await expect(files.saveExportFile('r.jpg', pdf, 'image/jpeg')).rejects.toThrow('The desktop app cannot save “image/jpeg” exports; it saves PDF document, PNG image, SVG image, CSV table, Markdown document, JSON file, SARIF log.');
    expect(invoke).not.toHaveBeenCalled();
  });

  it('sends only a view’s own bytes, not the whole buffer behind it', async () => {
    const { bridge, calls } = fakeBridge({ 'files:exportBytes': () => ({ status: 'saved', name: 'r.pdf' }) });
    const backing = new Uint8Array(1024).fill(7);
    backing.set([1, 2, 3], 100);
    await new DesktopFiles(new DesktopHost(bridge)).saveExportFile('r.pdf', backing.subarray(100, 103), 'application/pdf');
    const sent = (calls('files:exportBytes')[0] as { bytes: Uint8Array }).bytes;
    expect([...sent]).toEqual([1, 2, 3]);
    expect(sent.buffer.byteLength).toBe(3);
  });

  it('opens with the caller’s extensions first, or the importable formats when it names none', async () => {
    const { bridge, calls } = fakeBridge({ 'files:open': () => ({ status: 'opened', id: ID, name: 'p.yaml', text: 'a: 1' }) });
    const files = new DesktopFiles(new DesktopHost(bridge));
    await files.openTextFile(['.json', '.yaml', 'application/json', '.yml']);
    await files.openTextFile();
    await files.openTextFile([]);
    await files.openModelFile();
    expect(calls('files:open')).toEqual([
      { accept: { label: 'Supported files', extensions: ['.json', '.yaml', '.yml'] } },
      { accept: IMPORT_ACCEPT },
      { accept: IMPORT_ACCEPT },
      {},
    ]);
    expect(IMPORT_ACCEPT.extensions).toEqual(expect.arrayContaining(['.threatloom', '.json', '.yaml', '.yml', '.tm7', '.otm']));
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
