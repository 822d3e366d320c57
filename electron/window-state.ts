// The main window reopens where the user left it: size, position, maximized, full screen —
// stored in userData/window-state.json, validated, and clamped to the displays present now
// (a window saved on a monitor that was since unplugged comes back on the primary one).
import type { BrowserWindow } from 'electron';
import { z } from 'zod';
import { readJsonFile, SerialWriter } from './json-store';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
  readonly fullScreen: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** How much of the window must be on some display for the saved position to be kept. */
const MIN_VISIBLE = { width: 120, height: 60 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const savedSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: length,
  height: length,
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
});

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function centered(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return { x: Math.round(area.x + (area.width - w) / 2), y: Math.round(area.y + (area.height - h) / 2), width: w, height: h };
}

/**
 * The bounds to open the window with, from whatever was saved (`unknown`: it is read from disk)
 * and the work areas of the displays connected now.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[], primary: Rect): WindowState {
  const parsed = savedSchema.safeParse(saved);
  const flags = { maximized: parsed.success && parsed.data.maximized, fullScreen: parsed.success && parsed.data.fullScreen };
  if (!parsed.success) return { ...centered(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height), ...flags };
  const s = parsed.data;
  const width = Math.max(s.width, MIN_SIZE.width);
  const height = Math.max(s.height, MIN_SIZE.height);
  if (s.x === undefined || s.y === undefined) return { ...centered(primary, width, height), ...flags };

  const rect = { x: s.x, y: s.y, width, height };
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersection(rect, area);
    const visible = overlap.width >= Math.min(MIN_VISIBLE.width, width) && overlap.height >= Math.min(MIN_VISIBLE.height, height);
    if (visible && overlap.width * overlap.height > bestArea) {
      best = area;
      bestArea = overlap.width * overlap.height;
    }
  }
  if (!best) return { ...centered(primary, width, height), ...flags };
  // Keep it on that display entirely: shrink to fit, then slide inside.
  const w = Math.min(width, best.width);
  const h = Math.min(height, best.height);
  return {
    x: clamp(rect.x, best.x, best.x + best.width - w),
    y: clamp(rect.y, best.y, best.y + best.height - h),
    width: w,
    height: h,
    ...flags,
  };
}

export async function loadWindowState(file: string, workAreas: readonly Rect[], primary: Rect): Promise<WindowState> {
  return restoreWindowState(await readJsonFile(file), workAreas, primary);
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isFullScreen' | 'isDestroyed'>;

/** Saves the window's state when it moves or resizes (debounced) and when it closes. */
export function trackWindowState(win: TrackedWindow, file: string, delayMs = 500): () => Promise<void> {
  const writer = new SerialWriter();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return Promise.resolve();
    const bounds = win.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
    return writer.write(file, state).catch(() => undefined);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) {
    win.on(event as 'resize', later);
  }
  return save;
}
