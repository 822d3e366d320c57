// The icon data moved to shared/icons so the PDF report and the SVG export (pure, in shared/)
// draw the same shapes as the palette and the canvas. Renderer code keeps importing from here.
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
} from '../../shared/icons';
