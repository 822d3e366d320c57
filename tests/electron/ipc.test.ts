// Every handler checks its sender and validates its one argument before the host sees it.
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, MAX_MODEL_TEXT_BYTES, type ThreatloomHost } from '../../shared/ipc';
import { isOwnPage, registerHost } from '../../electron/ipc';
import { FakeIpcMain } from './electron-mock';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const ownPage = { senderFrame: { url: 'app://threatloom/index.html#/model/x', parent: null } };

let ipc: FakeIpcMain;
let host: { [K in keyof ThreatloomHost]: ReturnType<typeof vi.fn> };

beforeEach(() => {
  ipc = new FakeIpcMain();
  host = {
    openFile: vi.fn(async () => ({ status: 'cancelled' })),
    openRecent: vi.fn(async () => ({ status: 'cancelled' })),
    listRecent: vi.fn(async () => []),
    saveFile: vi.fn(async () => ({ status: 'cancelled' })),
    saveFileAs: vi.fn(async () => ({ status: 'cancelled' })),
    exportFile: vi.fn(async () => ({ status: 'cancelled' })),
    setMenuState: vi.fn(async () => undefined),
    nativeEdit: vi.fn(async () => undefined),
    ready: vi.fn(async () => undefined),
    setBusy: vi.fn(async () => undefined),
    quitReady: vi.fn(async () => undefined),
  };
  registerHost(ipc, host as unknown as ThreatloomHost);
});

const noHostCalls = () => Object.values(host).every((fn) => fn.mock.calls.length === 0);

describe('registerHost', () => {
  it('handles exactly the contract channels, with invoke/handle only', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('passes a valid argument to the host method', async () => {
    await expect(ipc.invoke('files:save', ownPage, { id: ID, text: '{}' })).resolves.toEqual({ status: 'cancelled' });
    expect(host.saveFile).toHaveBeenCalledWith({ id: ID, text: '{}' });
    await ipc.invoke('menu:state', ownPage, { enabled: { undo: false }, undoLabel: 'Undo Move' });
    expect(host.setMenuState).toHaveBeenCalledWith({ enabled: { undo: false }, undoLabel: 'Undo Move' });
  });

  it('passes export bytes to the host as they arrived (Uint8Array or Buffer)', async () => {
    const bytes = new Uint8Array([0x25, 0x00, 0xff]);
    await ipc.invoke('files:exportBytes', ownPage, { suggestedName: 'r.pdf', bytes, kind: 'pdf' });
    expect(host.exportFile.mock.calls[0]![0].bytes).toBe(bytes);
    const buffer = Buffer.from([0x89, 0x50]);
    await ipc.invoke('files:exportBytes', ownPage, { suggestedName: 'd.png', bytes: buffer, kind: 'png' });
    expect(host.exportFile).toHaveBeenLastCalledWith({ suggestedName: 'd.png', bytes: buffer, kind: 'png' });
    await ipc.invoke('files:open', ownPage, { accept: { label: 'Threat models', extensions: ['.tm7'] } });
    expect(host.openFile).toHaveBeenCalledWith({ accept: { label: 'Threat models', extensions: ['.tm7'] } });
  });

  it('rejects a channel outside the contract (no handler exists)', async () => {
    await expect(ipc.invoke('fs:readFile', ownPage, { path: '/etc/passwd' })).rejects.toThrow(/No handler/);
    await expect(ipc.invoke('files:delete', ownPage, {})).rejects.toThrow(/No handler/);
  });

  it.each([
    ['files:save', [{ id: ID }]],
    ['files:save', [{ id: 'x', text: '{}' }]],
    ['files:save', [{ id: ID, text: 123 }]],
    ['files:save', [{ id: ID, text: '{}', path: '/etc/passwd' }]],
    ['files:save', [{ id: ID, text: 'x'.repeat(MAX_MODEL_TEXT_BYTES + 1) }]],
    ['files:saveAs', [{ suggestedName: '../../.bashrc', text: '' }]],
    ['files:saveAs', [{ suggestedName: '/etc/passwd', text: '' }]],
    ['files:openRecent', [{ id: '/home/user/secret.threatloom' }]],
    ['files:open', [{ path: '/etc/passwd' }]],
    ['files:open', []],
    ['files:open', [{}, {}]],
    ['files:open', ['string']],
    ['files:open', [{ accept: { label: 'x', extensions: ['.exe', '../../etc'] } }]],
    ['files:exportBytes', [{ suggestedName: 'a.pdf', bytes: [37, 80, 68, 70], kind: 'pdf' }]],
    ['files:exportBytes', [{ suggestedName: 'a.pdf', bytes: '%PDF', kind: 'pdf' }]],
    ['files:exportBytes', [{ suggestedName: 'a.pdf', bytes: { byteLength: 4 }, kind: 'pdf' }]],
    ['files:exportBytes', [{ suggestedName: 'a.pdf', bytes: Object.defineProperty(new Uint8Array(1), 'byteLength', { value: 256 * 1024 * 1024 + 1 }), kind: 'pdf' }]],
    ['files:exportBytes', [{ suggestedName: 'a.jpg', bytes: new Uint8Array(1), kind: 'jpg' }]],
    ['files:exportBytes', [{ suggestedName: '/home/user/.bashrc', bytes: new Uint8Array(1), kind: 'png' }]],
    ['menu:state', [{ enabled: { format: true } }]],
    ['app:busy', [{ busy: 1 }]],
    ['edit:native', [{ command: 'print' }]],
    ['edit:native', [{ command: 'paste', into: 'x' }]],
  ])('%s rejects bad arguments %#', async (channel, args) => {
    await expect(ipc.invoke(channel, ownPage, ...args)).rejects.toThrow(channel);
    expect(noHostCalls()).toBe(true);
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://example.com/', parent: null } }],
    ['the dev server', { senderFrame: { url: 'http://127.0.0.1:4870/', parent: null } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/evil.html', parent: null } }],
    ['an iframe of ours', { senderFrame: { url: 'app://threatloom/index.html', parent: { url: 'app://threatloom/' } } }],
    ['a look-alike host', { senderFrame: { url: 'app://threatloom.evil/index.html', parent: null } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses a request from %s', async (_what, sender) => {
    await expect(ipc.invoke('files:open', sender, {})).rejects.toThrow(/did not come from Threatloom/);
    expect(noHostCalls()).toBe(true);
  });

  it('applies the extra sender check (the main window only)', async () => {
    const strict = new FakeIpcMain();
    registerHost(strict, host as unknown as ThreatloomHost, { isTrusted: (event: IpcMainInvokeEvent) => event.sender === ('main' as never) });
    await expect(strict.invoke('files:open', { ...ownPage, sender: 'other' })).rejects.toThrow(/refused/);
    await expect(strict.invoke('files:open', { ...ownPage, sender: 'main' }, {})).resolves.toEqual({ status: 'cancelled' });
  });

  it('can be removed', () => {
    const other = new FakeIpcMain();
    const remove = registerHost(other, host as unknown as ThreatloomHost);
    remove();
    expect(other.handlers.size).toBe(0);
  });

  it('recognises our own top frame', () => {
    expect(isOwnPage(ownPage as never)).toBe(true);
    expect(isOwnPage({ senderFrame: null })).toBe(false);
  });
});
