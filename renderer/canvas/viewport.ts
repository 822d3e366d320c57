// Pan and zoom of a JointJS paper: wheel pans, Ctrl+wheel zooms about the pointer,
// middle-drag or Space+drag pans. Kept apart from selection and editing gestures.
import type { dia } from '@joint/core';
import type { Rect } from '../../shared/geometry';

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
/** Below this zoom node labels get hard to read; opening a model never goes lower by itself. */
const LEGIBLE_ZOOM = 0.6;

export interface Viewport {
  zoom(): number;
  zoomAt(factor: number, clientX: number, clientY: number): void;
  zoomBy(factor: number): void;
  /** Fits `bounds` (diagram coordinates; the document's extent, since the graph holds only part of it) on screen, at most at 100%. */
  fit(bounds: Rect | null): void;
  /** Scrolls so `bounds` is centred, keeping the zoom. */
  centerOn(bounds: Rect): void;
  /** Shows `bounds` (diagram coordinates): fitted when that keeps labels legible, else its top-left corner at 100%. */
  reveal(bounds: Rect | null): void;
  actualSize(): void;
  visibleArea(): Rect;
  destroy(): void;
}

export function createViewport(paper: dia.Paper, container: HTMLElement, changed: () => void): Viewport {
  let spaceHeld = false;

  const zoom = () => paper.scale().sx;
  const zoomAt = (factor: number, clientX: number, clientY: number) => {
    const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom() * factor));
    const local = paper.clientToLocalPoint({ x: clientX, y: clientY });
    const box = container.getBoundingClientRect();
    paper.scale(next, next);
    paper.translate(clientX - box.left - local.x * next, clientY - box.top - local.y * next);
    changed();
  };
  const center = () => {
    const box = container.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  };

  const onWheel = (evt: WheelEvent) => {
    evt.preventDefault();
    if (evt.ctrlKey || evt.metaKey) {
      zoomAt(Math.exp(-evt.deltaY * 0.0015), evt.clientX, evt.clientY);
    } else {
      const { tx, ty } = paper.translate();
      paper.translate(tx - evt.deltaX, ty - evt.deltaY);
      changed();
    }
  };

  // Capture phase: a pan gesture wins over element drags and marquee selection.
  const onPointerDown = (evt: PointerEvent) => {
    if (!(evt.button === 1 || (evt.button === 0 && spaceHeld))) return;
    evt.preventDefault();
    evt.stopPropagation();
    const start = { x: evt.clientX, y: evt.clientY, ...paper.translate() };
    container.style.cursor = 'grabbing';
    const move = (e: PointerEvent) => {
      paper.translate(start.tx + e.clientX - start.x, start.ty + e.clientY - start.y);
      changed();
    };
    const up = () => {
      container.style.cursor = '';
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const typing = (evt: KeyboardEvent) => {
    const el = evt.target as HTMLElement | null;
    return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
  };
  const onKeyDown = (evt: KeyboardEvent) => {
    if (evt.code === 'Space' && !typing(evt)) {
      spaceHeld = true;
      container.style.cursor = 'grab';
    }
  };
  const onKeyUp = (evt: KeyboardEvent) => {
    if (evt.code === 'Space') {
      spaceHeld = false;
      container.style.cursor = '';
    }
  };

  container.addEventListener('wheel', onWheel, { passive: false });
  container.addEventListener('pointerdown', onPointerDown, { capture: true });
  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('keyup', onKeyUp);

  return {
    zoom,
    zoomAt,
    zoomBy: (factor) => {
      const c = center();
      zoomAt(factor, c.x, c.y);
    },
    fit: (bounds) => {
      if (!bounds) return;
      const box = container.getBoundingClientRect();
      const pad = 48;
      const fitted = Math.min((box.width - 2 * pad) / Math.max(1, bounds.width), (box.height - 2 * pad) / Math.max(1, bounds.height));
      const s = Math.min(1, Math.max(MIN_ZOOM, fitted));
      paper.scale(s, s);
      // Centred when it fits; a diagram too big even at the smallest zoom shows its top-left part.
      const fits = fitted >= MIN_ZOOM;
      const x = fits ? (box.width - bounds.width * s) / 2 : pad;
      const y = fits ? (box.height - bounds.height * s) / 2 : pad;
      paper.translate(x - bounds.x * s, y - bounds.y * s);
      changed();
    },
    centerOn: (bounds) => {
      const box = container.getBoundingClientRect();
      const s = zoom();
      paper.translate(box.width / 2 - (bounds.x + bounds.width / 2) * s, box.height / 2 - (bounds.y + bounds.height / 2) * s);
      changed();
    },
    reveal: (bounds) => {
      if (!bounds) return;
      const box = container.getBoundingClientRect();
      const pad = 48;
      const scale = Math.min(1, (box.width - 2 * pad) / Math.max(1, bounds.width), (box.height - 2 * pad) / Math.max(1, bounds.height));
      const s = scale >= LEGIBLE_ZOOM ? scale : 1;
      paper.scale(s, s);
      const cx = scale >= LEGIBLE_ZOOM ? (box.width - bounds.width * s) / 2 : pad;
      const cy = scale >= LEGIBLE_ZOOM ? (box.height - bounds.height * s) / 2 : pad;
      paper.translate(cx - bounds.x * s, cy - bounds.y * s);
      changed();
    },
    actualSize: () => {
      const c = center();
      zoomAt(1 / zoom(), c.x, c.y);
    },
    visibleArea: () => {
      const box = container.getBoundingClientRect();
      const r = paper.clientToLocalRect({ x: box.left, y: box.top, width: box.width, height: box.height });
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    destroy: () => {
      container.removeEventListener('wheel', onWheel);
      container.removeEventListener('pointerdown', onPointerDown, { capture: true });
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    },
  };
}
