// The public entry of shared/icons: the component and boundary icons as data, their colours, and
// path data parsed into segments for drawing surfaces without an SVG parser (the PDF report).
export {
  BOUNDARY_COLORS,
  GROUP_COLORS,
  ICON_STROKE_WIDTH,
  ICON_VIEW_BOX,
  TRUST_LEVEL_COLORS,
  boundaryIcon,
  componentIcon,
  type BoundaryShape,
  type IconCircle,
  type IconData,
} from './component-icons';
export { circleSegments, iconOutline, parsePathData, type PathSegment } from './path-data';
