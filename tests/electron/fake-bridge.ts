// A stand-in for the preload's `window.threatloom` bridge, for the renderer's side of the
// desktop shell: answers invokes per channel, records them, and emits main's events on demand.
import { vi } from 'vitest';
import type { EventChannel, ThreatloomBridge } from '../../shared/ipc';

export function fakeBridge(answers: Record<string, (arg: any) => unknown> = {}) {
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
  /** The arguments of every invoke on `channel`, in order. */
  const calls = (channel: string) => invoke.mock.calls.filter(([c]) => c === channel).map(([, a]) => a);
  return { bridge: bridge as unknown as ThreatloomBridge, invoke, emit, calls, listeners };
}
