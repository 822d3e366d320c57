// The JointJS paper's configuration: rendering (frozen, async, only near-visible views mounted),
// geometry that needs no DOM measuring, and which gestures each kind of cell allows.
import { dia } from '@joint/core';
import { CANVAS_TOKENS, paint } from './canvas-theme';
import { cellNamespace, FlowShape } from './shapes';
import { setMeasureFontFamily } from './text-measure';

export const isLineBoundary = (cell: dia.Cell) => cell.get('type') === 'tl.BoundaryLine';

/**
 * A paper over `graph`, created frozen (the caller unfreezes it once wired up). `isVisible`
 * decides which cells get a mounted view; it runs for every cell in the graph as the paper
 * checks visibility, so it must be cheap.
 */
export function createPaper(el: HTMLElement, graph: dia.Graph, isVisible: (cell: dia.Cell) => boolean): dia.Paper {
  const paper = new dia.Paper({
    el,
    model: graph,
    cellViewNamespace: cellNamespace,
    width: '100%',
    height: '100%',
    gridSize: 10,
    // The grid's dots take --tl-canvas-grid from canvas.css (this colour is only their attribute,
    // which CSS overrides); the background is an inline style, where var() works.
    drawGrid: { name: 'dot', args: { color: CANVAS_TOKENS.grid[1], thickness: 1.2 } },
    background: { color: paint.canvasBg },
    async: true,
    frozen: true,
    autoFreeze: true,
    viewManagement: { lazyInitialize: true, disposeHidden: true },
    cellVisibility: isVisible,
    sorting: dia.Paper.sorting.APPROX,
    clickThreshold: 4,
    moveThreshold: 2,
    linkPinning: false,
    markAvailable: true,
    snapLinks: { radius: 24 },
    // Ends are placed from the nodes' model geometry, 7 px off the body (just outside the
    // selection frame): measuring the drawn shapes instead costs a forced layout per link end.
    defaultAnchor: { name: 'center', args: { useModelGeometry: true } },
    defaultConnectionPoint: { name: 'bbox', args: { useModelGeometry: true, offset: 7 } },
    defaultConnector: { name: 'rounded' },
    defaultLink: () => new FlowShape(),
    validateConnection: (sourceView, _sm, targetView) =>
      sourceView !== targetView && targetView.model.get('type') === 'tl.Node' && sourceView.model.get('type') === 'tl.Node',
    interactive: (view) =>
      view.model.isLink()
        ? isLineBoundary(view.model)
          ? { linkMove: true, arrowheadMove: true, vertexMove: true, vertexAdd: false, labelMove: false }
          : { linkMove: false, arrowheadMove: false, vertexMove: false, vertexAdd: false, labelMove: false }
        : { elementMove: true, addLinkFromMagnet: true },
  });

  // Labels are measured in the font the paper draws them in (see text-measure.ts): one style
  // lookup here instead of one layout per label.
  const probe = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  paper.svg.appendChild(probe);
  setMeasureFontFamily(getComputedStyle(probe).fontFamily);
  probe.remove();
  return paper;
}
