// The window comes back where it was, but always on a display that is there now.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SIZE, loadWindowState, MIN_SIZE, restoreWindowState, trackWindowState } from '../../electron/window-state';
import { Emitter } from './electron-mock';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoreWindowState', () => {
  it('keeps a saved window that fits on its display', () => {
    expect(restoreWindowState({ x: 100, y: 50, width: 1200, height: 800, maximized: true }, [primary], primary)).toEqual({
      x: 100, y: 50, width: 1200, height: 800, maximized: true, fullScreen: false,
    });
  });

  it('keeps a window on a second display', () => {
    expect(restoreWindowState({ x: 2100, y: 100, width: 1600, height: 900 }, [primary, right], primary)).toMatchObject({ x: 2100, y: 100 });
  });

  it('brings back a window whose display was unplugged, centred on the primary one', () => {
    const state = restoreWindowState({ x: 2100, y: 100, width: 1600, height: 900 }, [primary], primary);
    expect(state).toEqual({ x: 160, y: 70, width: 1600, height: 900, maximized: false, fullScreen: false });
  });

  it('slides a window that hangs off the edge back inside, and shrinks one larger than the display', () => {
    expect(restoreWindowState({ x: 1700, y: 900, width: 1000, height: 700 }, [primary], primary)).toMatchObject({ x: 920, y: 340, width: 1000, height: 700 });
    expect(restoreWindowState({ x: -50, y: -10, width: 4000, height: 3000 }, [primary], primary)).toMatchObject({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('enforces the minimum size', () => {
    expect(restoreWindowState({ x: 10, y: 10, width: 20, height: 20 }, [primary], primary)).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });

  it.each([undefined, null, 'garbage', [], { width: 'wide' }, { x: 1, y: 2 }, { x: 1e9, y: 0, width: 100, height: 100 }, { x: 0.5, y: 0, width: 900, height: 700 }, { x: 0, y: 0, width: Number.NaN, height: 700 }])(
    'falls back to the default for %j',
    (saved) => {
      expect(restoreWindowState(saved, [primary], primary)).toEqual({
        x: (primary.width - DEFAULT_SIZE.width) / 2,
        y: (primary.height - DEFAULT_SIZE.height) / 2,
        width: DEFAULT_SIZE.width,
        height: DEFAULT_SIZE.height,
        maximized: false,
        fullScreen: false,
      });
    },
  );

  it('centres a saved size without a position', () => {
    expect(restoreWindowState({ width: 1000, height: 800 }, [primary], primary)).toMatchObject({ x: 460, y: 120, width: 1000, height: 800 });
  });

  it('reads the state from a file, treating a corrupt one as nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-window-'));
    const file = join(dir, 'window-state.json');
    writeFileSync(file, '{"x":100,"y":50,"width":1200,"height":800');
    expect(await loadWindowState(file, [primary], primary)).toMatchObject({ width: DEFAULT_SIZE.width });
    writeFileSync(file, '{"x":100,"y":50,"width":1200,"height":800}');
    expect(await loadWindowState(file, [primary], primary)).toMatchObject({ x: 100, y: 50, width: 1200 });
  });
});

describe('trackWindowState', () => {
  it('saves the normal bounds after moves (debounced) and on demand', async () => {
    vi.useFakeTimers();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'tl-window-'));
      const file = join(dir, 'window-state.json');
      const win = Object.assign(new Emitter(), {
        getNormalBounds: () => ({ x: 5, y: 6, width: 900, height: 700 }),
        isMaximized: () => true,
        isFullScreen: () => false,
        isDestroyed: () => false,
      });
      const save = trackWindowState(win as never, file, 100);
      win.emit('move');
      win.emit('resize');
      await vi.advanceTimersByTimeAsync(150);
      vi.useRealTimers();
      await save();
      expect(await loadWindowState(file, [primary], primary)).toEqual({ x: 5, y: 6, width: 900, height: 700, maximized: true, fullScreen: false });
    } finally {
      vi.useRealTimers();
    }
  });
});
