// Autosaver timing and ordering, with fake timers and a recording save function (no IndexedDB).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createModel, type ModelDocument } from '../../shared/model';
import { Autosaver, type LifecycleTarget } from '../../renderer/storage/autosave.svelte';

function version(n: number): ModelDocument {
  return { ...createModel(`v${n}`, '2025-01-01T00:00:00.000Z'), id: 'model-1' };
}

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A save function that records what it saved and when (fake clock). */
function recorder() {
  const saved: { title: string; at: number }[] = [];
  const save = vi.fn(async (doc: ModelDocument) => {
    saved.push({ title: doc.title, at: Date.now() });
  });
  return { saved, save };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Autosaver', () => {
  it('starts out saved', () => {
    const saver = new Autosaver(async () => {});
    expect(saver.status).toBe('saved');
    expect(saver.lastError).toBeNull();
  });

  it('coalesces a burst of changes into one save of the newest document', async () => {
    const { saved, save } = recorder();
    const saver = new Autosaver(save);
    for (let n = 1; n <= 5; n++) {
      saver.schedule(version(n));
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(saver.status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(249); // 299 ms after the last change
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([{ title: 'v5', at: 500 }]);
    expect(saver.status).toBe('saved');
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves at least about once a second while changes never pause', async () => {
    const { saved, save } = recorder();
    const saver = new Autosaver(save);
    // A change every 100 ms for 3 s: a pure debounce would never fire until the end.
    for (let n = 1; n <= 30; n++) {
      saver.schedule(version(n));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saved.length).toBeGreaterThanOrEqual(2);
    expect(saved[0]!.at).toBeLessThanOrEqual(1000);
    for (let i = 1; i < saved.length; i++) {
      expect(saved[i]!.at - saved[i - 1]!.at).toBeLessThanOrEqual(1100);
    }
    await vi.advanceTimersByTimeAsync(300);
    expect(saved.at(-1)!.title).toBe('v30');
    expect(saver.status).toBe('saved');
  });

  it('flush saves immediately and leaves nothing for the timer', async () => {
    const { saved, save } = recorder();
    const saver = new Autosaver(save);
    saver.schedule(version(1));
    await saver.flush();
    expect(saved).toEqual([{ title: 'v1', at: 0 }]);
    expect(saver.status).toBe('saved');
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1);
    await saver.flush(); // nothing pending: no write
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('never runs two saves at once and writes a newer document after the running save', async () => {
    const calls: { title: string; done: Deferred }[] = [];
    let running = 0;
    let maxRunning = 0;
    const saver = new Autosaver(async (doc) => {
      const done = deferred();
      calls.push({ title: doc.title, done });
      running++;
      maxRunning = Math.max(maxRunning, running);
      try {
        await done.promise;
      } finally {
        running--;
      }
    });

    saver.schedule(version(1));
    await vi.advanceTimersByTimeAsync(300);
    expect(calls.map((c) => c.title)).toEqual(['v1']);
    expect(saver.status).toBe('saving');

    saver.schedule(version(2));
    saver.schedule(version(3));
    await vi.advanceTimersByTimeAsync(1000);
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.map((c) => c.title)).toEqual(['v1']); // still waiting for v1

    calls[0]!.done.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.title)).toEqual(['v1', 'v3']);
    expect(saver.status).toBe('saving');
    calls[1]!.done.resolve();
    await flushed;
    expect(saver.status).toBe('saved');
    expect(maxRunning).toBe(1);
    expect(calls).toHaveLength(2);
  });

  it('shows a change made during a save as unsaved once that save finishes', async () => {
    const first = deferred();
    const saver = new Autosaver(vi.fn().mockReturnValueOnce(first.promise).mockResolvedValue(undefined));
    saver.schedule(version(1));
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(0); // v1 is now being written
    expect(saver.status).toBe('saving');
    saver.schedule(version(2));
    first.resolve();
    await flushed;
    expect(saver.status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(300);
    expect(saver.status).toBe('saved');
  });

  it('reports a failed save and recovers on the next one', async () => {
    const save = vi.fn<(doc: ModelDocument) => Promise<void>>().mockRejectedValueOnce(new Error('QuotaExceededError'));
    const saver = new Autosaver(save);

    saver.schedule(version(1));
    await vi.advanceTimersByTimeAsync(300);
    expect(saver.status).toBe('error');
    expect(saver.lastError?.message).toBe('QuotaExceededError');

    saver.schedule(version(2));
    expect(saver.status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(300);
    expect(saver.status).toBe('saved');
    expect(saver.lastError).toBeNull();
    expect(save.mock.calls.map(([doc]) => doc.title)).toEqual(['v1', 'v2']);
  });

  it('retries a failed document on the next flush without retrying by itself', async () => {
    const save = vi.fn<(doc: ModelDocument) => Promise<void>>().mockRejectedValueOnce(new Error('disk'));
    const saver = new Autosaver(save);
    saver.schedule(version(1));
    await saver.flush();
    expect(saver.status).toBe('error');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
    await saver.flush();
    expect(saver.status).toBe('saved');
    expect(save.mock.calls.map(([doc]) => doc.title)).toEqual(['v1', 'v1']);
  });

  it('flushes on pagehide and on becoming hidden, until detached', async () => {
    const { saved, save } = recorder();
    const saver = new Autosaver(save);
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    const target = Object.assign(win, { document: doc }) as unknown as LifecycleTarget;
    const detach = saver.attachLifecycle(target);

    saver.schedule(version(1));
    win.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saved.map((s) => s.title)).toEqual(['v1']);

    saver.schedule(version(2));
    doc.dispatchEvent(new Event('visibilitychange')); // still visible: no save
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toHaveLength(1);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saved.map((s) => s.title)).toEqual(['v1', 'v2']);

    detach();
    saver.schedule(version(3));
    win.dispatchEvent(new Event('pagehide'));
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toHaveLength(2);
  });

  it('works with the real window', async () => {
    const { saved, save } = recorder();
    const saver = new Autosaver(save);
    const detach = saver.attachLifecycle(window);
    saver.schedule(version(1));
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saved.map((s) => s.title)).toEqual(['v1']);
    detach();
  });

  it('writes what is unsaved on dispose and ignores later changes', async () => {
    const { saved, save } = recorder();
    const saver = new Autosaver(save);
    const win = Object.assign(new EventTarget(), { document: Object.assign(new EventTarget(), { visibilityState: 'hidden' }) });
    saver.attachLifecycle(win as unknown as LifecycleTarget);
    saver.schedule(version(1));
    await saver.dispose();
    expect(saved.map((s) => s.title)).toEqual(['v1']);
    saver.schedule(version(2));
    win.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(saved).toHaveLength(1);
    expect(saver.status).toBe('saved');
  });
});
