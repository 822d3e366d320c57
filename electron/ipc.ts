// Registers the host implementation on exactly the contract's channels. Every call is checked
// before the implementation sees it: the sender must be our own page's top frame, and the one
// argument must pass the channel's validator. Anything else is rejected.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_METHODS, checkArg, INVOKE_CHANNELS, type ThreatloomHost } from '../shared/ipc';
import { isAppUrl } from './security';

export class IpcRejected extends Error {
  override readonly name = 'IpcRejected';
}

/** The sender is a top-level frame showing app://threatloom/… (not an iframe, not another origin). */
export function isOwnPage(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

export interface RegisterOptions {
  /** Further check on the sender, e.g. that it is the main window's web contents. */
  readonly isTrusted?: (event: IpcMainInvokeEvent) => boolean;
}

/** Installs one `ipcMain.handle` per contract channel; returns a function that removes them. */
export function registerHost(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, host: ThreatloomHost, options: RegisterOptions = {}): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isOwnPage(event) || (options.isTrusted && !options.isTrusted(event))) {
        throw new IpcRejected(`${channel}: refused: the request did not come from Threatloom's own page`);
      }
      if (args.length !== 1) throw new IpcRejected(`${channel}: expects exactly one argument object`);
      const checked = checkArg(channel, args[0]);
      if (!checked.ok) throw new IpcRejected(checked.message);
      const method = host[CHANNEL_METHODS[channel]] as (arg: unknown) => Promise<unknown>;
      return method.call(host, checked.value);
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}
