// Closing the window waits for saves and exports in flight.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseGuard } from '../../electron/close-guard';
import { fakeEvent } from './electron-mock';

let mainBusy: boolean;
type Fn<T extends (...args: never[]) => unknown> = ReturnType<typeof vi.fn<T>>;
let options: { requestFlush: Fn<() => void>; close: Fn<() => void>; askCloseAnyway: Fn<() => Promise<boolean>>; mainBusy: () => boolean };
let guard: CloseGuard;

beforeEach(() => {
  vi.useFakeTimers();
  mainBusy = false;
  options = { requestFlush: vi.fn<() => void>(), close: vi.fn<() => void>(), askCloseAnyway: vi.fn(async () => false), mainBusy: () => mainBusy };
  guard = new CloseGuard({ ...options, rendererTimeoutMs: 5000, stuckAfterMs: 30_000 });
});
afterEach(() => {
  guard.dispose();
  vi.useRealTimers();
});

/** Simulates the window's close: the guard's handler, then Electron closing unless prevented. */
function attemptClose(): boolean {
  const event = fakeEvent();
  guard.onClose(event);
  return !event.defaultPrevented;
}

describe('CloseGuard', () => {
  it('asks the renderer to flush and closes when it answers', () => {
    expect(attemptClose()).toBe(false);
    expect(options.requestFlush).toHaveBeenCalledTimes(1);
    expect(options.close).not.toHaveBeenCalled();
    guard.rendererReady();
    expect(options.close).toHaveBeenCalledTimes(1);
    expect(attemptClose()).toBe(true);
  });

  it('waits while the renderer reports a save or export in flight', async () => {
    guard.setRendererBusy(true);
    attemptClose();
    guard.rendererReady();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(options.close).not.toHaveBeenCalled();
    guard.setRendererBusy(false);
    expect(options.close).toHaveBeenCalledTimes(1);
  });

  it("waits for main's own file writes", () => {
    mainBusy = true;
    attemptClose();
    guard.rendererReady();
    expect(options.close).not.toHaveBeenCalled();
    mainBusy = false;
    guard.check();
    expect(options.close).toHaveBeenCalledTimes(1);
  });

  it('does not wait forever for a renderer that never answers and is not busy', async () => {
    attemptClose();
    await vi.advanceTimersByTimeAsync(4999);
    expect(options.close).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(options.close).toHaveBeenCalledTimes(1);
  });

  it('asks once per repeated close and only requests one flush', () => {
    attemptClose();
    attemptClose();
    attemptClose();
    expect(options.requestFlush).toHaveBeenCalledTimes(1);
  });

  it('closes at once when the renderer process is gone', () => {
    guard.setRendererBusy(true);
    attemptClose();
    guard.rendererGone();
    expect(options.close).toHaveBeenCalledTimes(1);
  });

  it('asks the user after a long wait; keeps waiting or closes as answered', async () => {
    guard.setRendererBusy(true);
    attemptClose();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(options.askCloseAnyway).toHaveBeenCalledTimes(1);
    expect(options.close).not.toHaveBeenCalled();
    options.askCloseAnyway.mockResolvedValueOnce(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(options.askCloseAnyway).toHaveBeenCalledTimes(2);
    expect(options.close).toHaveBeenCalledTimes(1);
  });
});
