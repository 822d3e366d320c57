// The preload exposes one frozen object with `invoke` and `on`, restricted to the contract.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc';
import { electron } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electron);

interface Bridge {
  invoke(channel: unknown, arg: unknown): Promise<unknown>;
  on(event: unknown, callback: unknown): () => void;
}
let bridge: Bridge;

beforeAll(async () => {
  await import('../../electron/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
  expect(name).toBe('threatloom');
  bridge = exposed as Bridge;
});

describe('preload', () => {
  it('exposes exactly invoke and on, frozen', () => {
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards every contract channel to ipcRenderer.invoke', async () => {
    for (const channel of INVOKE_CHANNELS) {
      await expect(bridge.invoke(channel, {})).resolves.toBe('answer');
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, {});
    }
  });

  it('hands export bytes to ipcRenderer as the same Uint8Array (structured clone carries it)', async () => {
    const bytes = new Uint8Array([0x00, 0xff]);
    await bridge.invoke('files:exportBytes', { suggestedName: 'a.pdf', bytes, kind: 'pdf' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('files:exportBytes', { suggestedName: 'a.pdf', bytes, kind: 'pdf' });
    expect((electron.ipcRenderer.invoke.mock.calls.at(-1)![1] as { bytes: unknown }).bytes).toBe(bytes);
  });

  it.each(['fs:readFile', 'files:delete', 'ELECTRON_BROWSER_REQUIRE', '', 42, null, { toString: () => 'files:open' }])('refuses the channel %j', async (channel) => {
    electron.ipcRenderer.invoke.mockClear();
    await expect(bridge.invoke(channel, {})).rejects.toThrow(/unknown channel/);
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('subscribes only to contract events and passes the payload, never the IPC event', () => {
    for (const event of EVENT_CHANNELS) {
      const callback = vi.fn();
      const off = bridge.on(event, callback);
      const ipcEvent = { sender: 'ipcRenderer internals', senderId: 0 };
      electron.ipcRenderer.emit(event, ipcEvent, { action: 'undo' });
      expect(callback).toHaveBeenCalledWith({ action: 'undo' });
      expect(callback.mock.calls[0]).toHaveLength(1);
      off();
      electron.ipcRenderer.emit(event, ipcEvent, { action: 'redo' });
      expect(callback).toHaveBeenCalledTimes(1);
    }
  });

  it('refuses unknown events and non-function callbacks', () => {
    expect(() => bridge.on('ELECTRON_GUEST_WINDOW', () => undefined)).toThrow(/unknown event/);
    expect(() => bridge.on('menu:action', 'alert(1)')).toThrow(/callback/);
  });
});
