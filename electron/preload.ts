// The whole bridge between the page and the main process: `invoke` on allow-listed channels and
// `on` for allow-listed events, frozen, through contextBridge. Nothing else reaches the page —
// no ipcRenderer, no event objects, no Node. Bundled to one CommonJS file (sandboxed preloads
// cannot load modules).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventChannel, isInvokeChannel } from '../shared/ipc';

const bridge = Object.freeze({
  invoke(channel: unknown, arg: unknown): Promise<unknown> {
    if (!isInvokeChannel(channel)) return Promise.reject(new Error(`threatloom.invoke: unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, arg);
  },
  on(event: unknown, callback: unknown): () => void {
    if (!isEventChannel(event)) throw new Error(`threatloom.on: unknown event ${String(event)}`);
    if (typeof callback !== 'function') throw new TypeError('threatloom.on: callback must be a function');
    const listener = (_event: IpcRendererEvent, payload: unknown) => (callback as (payload: unknown) => void)(payload);
    ipcRenderer.on(event, listener);
    return () => void ipcRenderer.removeListener(event, listener);
  },
});

contextBridge.exposeInMainWorld('threatloom', bridge);
