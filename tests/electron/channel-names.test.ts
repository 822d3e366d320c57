// One set of names: the contract (shared/ipc), the preload's allow-lists, the handlers main
// registers and the renderer's typed client all use exactly the same channels and events.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type ThreatloomBridge } from '../../shared/ipc';
import { createHostClient } from '../../renderer/platform/desktop-host';
import { electron, resetElectron } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electron);

/** Channels a bridge function lets through, probing the contract's names and near misses. */
async function acceptedBy(invoke: (channel: string) => Promise<unknown>, names: readonly string[]): Promise<string[]> {
  const probes = [...names, ...names.map((n) => `${n}x`), ...names.map((n) => n.toUpperCase()), 'files:delete', 'shell:openExternal'];
  const accepted: string[] = [];
  for (const probe of probes) {
    if (await invoke(probe).then(() => true, () => false)) accepted.push(probe);
  }
  return accepted;
}

describe('channel names', () => {
  it('are the same in the preload, main and the renderer client', async () => {
    // Preload: which channels and events does it let through?
    await import('../../electron/preload');
    const bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as { invoke(c: string, a: unknown): Promise<unknown>; on(e: string, cb: () => void): () => void };
    expect(await acceptedBy((c) => bridge.invoke(c, {}), INVOKE_CHANNELS)).toEqual([...INVOKE_CHANNELS]);
    const events = [...EVENT_CHANNELS, 'menu:actionx', 'ipc:anything'].filter((event) => {
      try {
        bridge.on(event, () => undefined);
        return true;
      } catch {
        return false;
      }
    });
    expect(events).toEqual([...EVENT_CHANNELS]);

    // Main: which channels does it handle?
    const e = resetElectron();
    e.app.userData = mkdtempSync(join(tmpdir(), 'tl-names-'));
    const { startThreatloom } = await import('../../electron/shell');
    await startThreatloom({ platform: 'linux', argv: ['app'] })!.started;
    expect([...e.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());

    // Renderer client: which channels do its methods invoke?
    const invoked: string[] = [];
    const client = createHostClient({ invoke: async (c: string) => void invoked.push(c), on: () => () => undefined } as unknown as ThreatloomBridge);
    for (const method of Object.values(client) as ((arg: unknown) => Promise<unknown>)[]) await method({});
    expect(invoked.sort()).toEqual([...INVOKE_CHANNELS].sort());
  });
});
