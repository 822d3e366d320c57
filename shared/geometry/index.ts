// Pure geometry over a Diagram: extents, containment, boundary crossings, grid snapping.
export { diagramBounds, nodeCenter, pointsBounds, rectContainsRect, rectOf, rectsOverlap, type Rect } from './rect';
export { boundariesContaining, boxBoundaries, containmentIndex, nodeInBox, nodesInBoundary } from './containment';
export { crossingFlows, crossingIndex, flowCrossings, flowPath } from './crossing';
export { polylinesIntersect, segmentsIntersect } from './segments';
export { DEFAULT_GRID, snap, snapPoint } from './snap';
export { elementsInRect } from './hit-test';
export { freePosition } from './placement';
export { elkEngine } from './elk-engine';
