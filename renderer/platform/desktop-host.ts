// The renderer's side of the desktop bridge: finds `window.threatloom` (exposed by the preload
// only inside the desktop app) and wraps it in a typed client of the host interface.
import { CHANNEL_METHODS, INVOKE_CHANNELS } from '../../shared/ipc';
import type { EventChannel, EventPayload, ThreatloomBridge, ThreatloomHost } from '../../shared/ipc';

/** The preload's bridge, or null in a plain browser. */
export function findDesktopBridge(scope: object = globalThis): ThreatloomBridge | null {
  const candidate = (scope as { threatloom?: Partial<ThreatloomBridge> }).threatloom;
  return candidate && typeof candidate.invoke === 'function' && typeof candidate.on === 'function' ? (candidate as ThreatloomBridge) : null;
}

/** A ThreatloomHost whose every method invokes its channel: `host.saveFile(arg)` → `invoke('files:save', arg)`. */
export function createHostClient(bridge: ThreatloomBridge): ThreatloomHost {
  const client: Record<string, (arg: unknown) => Promise<unknown>> = {};
  for (const channel of INVOKE_CHANNELS) {
    client[CHANNEL_METHODS[channel]] = (arg) => bridge.invoke(channel, arg as never);
  }
  return Object.freeze(client) as unknown as ThreatloomHost;
}

type CloseHandler = () => void | Promise<void>;

/** The desktop host for the app: typed calls, events, busy tracking and the close handshake. */
export class DesktopHost {
  readonly host: ThreatloomHost;
  readonly #bridge: ThreatloomBridge;
  readonly #closeHandlers = new Set<CloseHandler>();
  #busy = 0;

  constructor(bridge: ThreatloomBridge) {
    this.#bridge = bridge;
    this.host = createHostClient(bridge);
    // Always answered, so closing never waits on a renderer that registered no handler.
    bridge.on('app:closeRequested', () => void this.#beforeClose());
  }

  on<E extends EventChannel>(event: E, callback: (payload: EventPayload<E>) => void): () => void {
    return this.#bridge.on(event, callback);
  }

  /** Tells main we listen for open requests; call after subscribing to them. */
  ready(): Promise<void> {
    return this.host.ready({});
  }

  /** Runs `work` while main knows a save or export is in flight: closing the window waits for it. */
  async whileBusy<T>(work: () => Promise<T>): Promise<T> {
    if (this.#busy++ === 0) void this.host.setBusy({ busy: true }).catch(() => undefined);
    try {
      return await work();
    } finally {
      if (--this.#busy === 0) void this.host.setBusy({ busy: false }).catch(() => undefined);
    }
  }

  /** `handler` runs when the window is about to close (flush autosave, finish exports). */
  onBeforeClose(handler: CloseHandler): () => void {
    this.#closeHandlers.add(handler);
    return () => void this.#closeHandlers.delete(handler);
  }

  async #beforeClose(): Promise<void> {
    await Promise.allSettled([...this.#closeHandlers].map(async (handler) => handler()));
    await this.host.quitReady({}).catch(() => undefined);
  }
}
