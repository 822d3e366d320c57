// The JointJS canvas as a factory: attachCanvas(element, callbacks) → { update, destroy, … }.
// The graph is a view of the document. Gestures (move end, resize end, connect, line edit)
// become commands; the document then flows back through update().
import { dia } from '@joint/core';
import type { Diagram, Point } from '../../shared/model';
import { createFlow } from '../../shared/model';
import { diagramBounds, elementsInRect, nodesInBoundary, snap, type Rect } from '../../shared/geometry';
import { setBounds, translateElements, addFlow, updateBoundary, type Command } from '../../shared/editing';
import { cellNamespace } from './shapes';
import { createPaper, isLineBoundary } from './paper';
import { GraphSync } from './graph-sync';
import { createViewport } from './viewport';
import { startMarquee } from './marquee';
import { intersects } from './spatial-index';
import { PALETTE_DRAG_TYPE, readDragPayload, type PaletteItem } from '../editor/palette.svelte';

export interface CanvasCallbacks {
  /** Runs a command; returns false when it was refused (the canvas then reverts the gesture). */
  dispatch(command: Command): boolean;
  select(ids: readonly string[], mode: 'replace' | 'toggle' | 'add'): void;
  editLabel(id: string): void;
  dropItem(item: PaletteItem, at: Point): void;
  viewChanged?(zoom: number): void;
}

export interface CanvasHandle {
  update(diagram: Diagram, selection: ReadonlySet<string>, openThreats?: ReadonlyMap<string, number>): void;
  zoomBy(factor: number): void;
  fit(): void;
  actualSize(): void;
  zoom(): number;
  /** The diagram point at the centre of the visible area (where palette clicks add things). */
  viewCenter(): Point;
  /** The diagram area currently on screen. */
  visibleArea(): { x: number; y: number; width: number; height: number };
  /**
   * Where an element is drawn on screen (for the rename editor). One whose middle is off screen
   * is scrolled into view first, keeping the zoom, and drawn at once. Null for an unknown id.
   */
  clientRectOf(id: string): DOMRect | null;
  destroy(): void;
}

const inflate = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by });

const MIN_NODE = { width: 100, height: 48 };
const MIN_BOX = { width: 120, height: 80 };

export function attachCanvas(container: HTMLElement, cb: CanvasCallbacks): CanvasHandle {
  const graph = new dia.Graph({}, { cellNamespace });
  const sync = new GraphSync(graph);
  let selection: ReadonlySet<string> = new Set();
  /** Cells touching this area (the viewport plus a margin) are mounted; see refreshArea. */
  let area: Rect = { x: 0, y: 0, width: 0, height: 0 };

  const paperEl = document.createElement('div');
  paperEl.className = 'tl-paper';
  container.appendChild(paperEl);

  // Elements carry their geometry; links are placed by the document (a link being drawn from a
  // handle is not in it, and always shown). Nothing here measures the DOM.
  const paper = createPaper(paperEl, graph, (cell) => {
    const box = cell.isElement() ? (cell as dia.Element).getBBox() : sync.boundsOf(String(cell.id));
    return !box || intersects(box, area);
  });

  const viewport = createViewport(paper, container, () => {
    refreshArea();
    cb.viewChanged?.(viewport.zoom());
  });
  let windowFrame = 0;
  /**
   * After a pan, zoom or resize: views are mounted for the viewport plus a quarter of its size
   * around it; the graph gets cells for that area in the next frame (one update per frame however
   * many wheel events arrive) and keeps them until they are three quarters of a viewport away.
   */
  function refreshArea() {
    const v = viewport.visibleArea();
    const m = Math.max(v.width, v.height);
    area = inflate(v, m * 0.25);
    sync.setWindow({ add: area, keep: inflate(v, m * 0.75) });
    paper.wakeUp();
    if (!windowFrame) {
      windowFrame = requestAnimationFrame(() => {
        windowFrame = 0;
        sync.refresh();
      });
    }
  }
  const resizeObserver = new ResizeObserver(() => refreshArea());
  resizeObserver.observe(container);
  refreshArea();
  // User-timing marks: the benchmark and performance tooling read these; they cost nothing.
  paper.on('render:done', () => performance.mark('tl:canvas-render-done'));
  paper.on('render:idle', () => performance.mark('tl:canvas-idle'));
  paper.unfreeze();

  // ---- selection and moving ------------------------------------------------------------
  type Snapshot = { kind: 'element'; at: Point } | { kind: 'line'; points: Point[] };
  let drag: { anchor: dia.Element; start: Point; ids: string[]; snapshots: Map<string, Snapshot> } | null = null;

  const linePoints = (link: dia.Link): Point[] => [
    { x: link.source().x ?? 0, y: link.source().y ?? 0 },
    ...link.vertices().map((v) => ({ x: v.x, y: v.y })),
    { x: link.target().x ?? 0, y: link.target().y ?? 0 },
  ];
  const setLinePoints = (link: dia.Link, pts: Point[]) => {
    link.set({ source: pts[0], target: pts[pts.length - 1], vertices: pts.slice(1, -1) });
  };

  paper.on('element:pointerdown', (view: dia.ElementView, evt: dia.Event) => {
    const id = String(view.model.id);
    const additive = evt.shiftKey || evt.ctrlKey || evt.metaKey;
    if (additive) cb.select([id], 'toggle');
    else if (!selection.has(id)) cb.select([id], 'replace');
    const ids = additive || !selection.has(id) ? [id] : [...selection];
    // Moving a box boundary carries what it contains, like a group. Members are found in the
    // document: those without a cell (far off screen) still move with the command on drop.
    const diagram = sync.diagram;
    if (diagram) {
      const moving = new Set(ids);
      for (const b of diagram.boundaries) {
        if (b.shape !== 'box' || !moving.has(b.id)) continue;
        for (const n of nodesInBoundary(diagram, b.id)) {
          if (moving.has(n.id)) continue;
          moving.add(n.id);
          ids.push(n.id);
        }
      }
    }
    const snapshots = new Map<string, Snapshot>();
    for (const cid of ids) {
      const cell = graph.getCell(cid);
      if (!cell) continue;
      if (cell.isElement()) snapshots.set(cid, { kind: 'element', at: (cell as dia.Element).position() });
      else if (isLineBoundary(cell)) snapshots.set(cid, { kind: 'line', points: linePoints(cell as dia.Link) });
    }
    drag = { anchor: view.model, start: view.model.position(), ids, snapshots };
  });

  paper.on('element:pointermove', () => {
    if (!drag) return;
    const now = drag.anchor.position();
    const dx = now.x - drag.start.x;
    const dy = now.y - drag.start.y;
    for (const [cid, snap0] of drag.snapshots) {
      const cell = graph.getCell(cid);
      if (!cell || cell === drag.anchor) continue;
      if (snap0.kind === 'element') (cell as dia.Element).position(snap0.at.x + dx, snap0.at.y + dy);
      else setLinePoints(cell as dia.Link, snap0.points.map((p) => ({ x: p.x + dx, y: p.y + dy })));
    }
  });

  paper.on('element:pointerup', () => {
    if (!drag || !sync.diagram) return (drag = null);
    const { anchor, start, ids } = drag;
    drag = null;
    const now = anchor.position();
    const dx = now.x - start.x;
    const dy = now.y - start.y;
    if (dx === 0 && dy === 0) return;
    if (!cb.dispatch(translateElements(sync.diagram.id, ids, dx, dy))) sync.revert(ids);
  });

  paper.on('link:pointerdown', (view: dia.LinkView, evt: dia.Event) => {
    const id = String(view.model.id);
    if (!sync.isDiagramCell(id)) return;
    if (evt.shiftKey || evt.ctrlKey || evt.metaKey) cb.select([id], 'toggle');
    else if (!selection.has(id)) cb.select([id], 'replace');
  });

  paper.on('link:pointerup', (view: dia.LinkView) => {
    const link = view.model;
    const diagram = sync.diagram;
    if (!diagram) return;
    const id = String(link.id);
    if (!sync.isDiagramCell(id)) {
      // A link the user just dragged out of a node handle: it becomes a flow command.
      const source = link.source().id;
      const target = link.target().id;
      queueMicrotask(() => link.remove());
      if (source && target && source !== target) cb.dispatch(addFlow(diagram.id, createFlow(String(source), String(target))));
      return;
    }
    if (isLineBoundary(link)) {
      const record = diagram.boundaries.find((b) => b.id === id);
      const points = linePoints(link).map((p) => ({ x: snap(p.x), y: snap(p.y) }));
      if (record?.shape === 'line' && JSON.stringify(record.points) !== JSON.stringify(points)) {
        if (!cb.dispatch(updateBoundary(diagram.id, id, { points }))) sync.revert([id]);
      }
    }
  });

  paper.on('element:pointerdblclick', (view: dia.ElementView) => cb.editLabel(String(view.model.id)));
  paper.on('link:pointerdblclick', (view: dia.LinkView) => {
    if (sync.isDiagramCell(String(view.model.id))) cb.editLabel(String(view.model.id));
  });

  // ---- resizing ----------------------------------------------------------------------------
  paper.on('element:resize:pointerdown', (view: dia.ElementView, evt: dia.Event) => {
    evt.stopPropagation();
    const el = view.model;
    const id = String(el.id);
    const origin = el.position();
    const min = el.get('type') === 'tl.BoundaryBox' ? MIN_BOX : MIN_NODE;
    const move = (e: PointerEvent) => {
      const p = paper.clientToLocalPoint({ x: e.clientX, y: e.clientY });
      el.resize(Math.max(min.width, snap(p.x - origin.x)), Math.max(min.height, snap(p.y - origin.y)));
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      const size = el.size();
      if (sync.diagram && !cb.dispatch(setBounds(sync.diagram.id, id, origin, { width: size.width, height: size.height }))) sync.revert([id]);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  });

  // ---- marquee -----------------------------------------------------------------------------
  paper.on('blank:pointerdown', (evt: dia.Event) => {
    const additive = !!(evt.shiftKey || evt.ctrlKey || evt.metaKey);
    if (!additive) cb.select([], 'replace');
    startMarquee(container, evt.originalEvent as PointerEvent, (clientRect) => {
      if (!sync.diagram) return;
      const r = paper.clientToLocalRect(clientRect);
      const ids = elementsInRect(sync.diagram, { x: r.x, y: r.y, width: r.width, height: r.height });
      if (ids.length) cb.select(ids, additive ? 'add' : 'replace');
    });
  });

  // ---- drop from the palette -------------------------------------------------------------------
  const onDragOver = (evt: DragEvent) => {
    if (evt.dataTransfer?.types.includes(PALETTE_DRAG_TYPE)) {
      evt.preventDefault();
      evt.dataTransfer.dropEffect = 'copy';
    }
  };
  const onDrop = (evt: DragEvent) => {
    const item = readDragPayload(evt.dataTransfer);
    if (!item) return;
    evt.preventDefault();
    const at = paper.clientToLocalPoint({ x: evt.clientX, y: evt.clientY });
    cb.dropItem(item, { x: at.x, y: at.y });
  };
  container.addEventListener('dragover', onDragOver);
  container.addEventListener('drop', onDrop);

  return {
    update(diagram, sel, openThreats) {
      selection = sel;
      // A diagram just opened (or switched to) is brought into view first, so the graph is built
      // for the part that will be on screen.
      if (sync.diagram?.id !== diagram.id) viewport.reveal(diagramBounds(diagram));
      sync.apply(diagram, sel, openThreats);
    },
    zoomBy: (f) => viewport.zoomBy(f),
    fit: () => viewport.fit(sync.diagram && diagramBounds(sync.diagram)),
    actualSize: () => viewport.actualSize(),
    zoom: () => viewport.zoom(),
    viewCenter() {
      const v = viewport.visibleArea();
      return { x: v.x + v.width / 2, y: v.y + v.height / 2 };
    },
    visibleArea: () => viewport.visibleArea(),
    clientRectOf(id) {
      const bounds = sync.boundsOf(id);
      if (!bounds) return null;
      // On screen enough when its middle is (a flow's label sits there): no jump on a double-click.
      const v = viewport.visibleArea();
      const mid = { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 };
      const onScreen = mid.x >= v.x && mid.y >= v.y && mid.x <= v.x + v.width && mid.y <= v.y + v.height;
      if (!onScreen || !paper.isCellVisible(id)) {
        // Scroll it into view, then build and mount now rather than in the coming frames.
        if (!onScreen) viewport.centerOn(bounds);
        sync.refresh();
        paper.updateCellsVisibility();
      }
      const view = paper.findViewByModel(id);
      return view ? view.el.getBoundingClientRect() : null;
    },
    destroy() {
      cancelAnimationFrame(windowFrame);
      resizeObserver.disconnect();
      viewport.destroy();
      container.removeEventListener('dragover', onDragOver);
      container.removeEventListener('drop', onDrop);
      paper.remove();
      paperEl.remove();
    },
  };
}
