// JointJS shape definitions with JSON markup. Attributes are set from document records by
// cell-attributes.ts; nothing here holds model data.
import { dia, shapes } from '@joint/core';
import { fillStroke, markerStyle, paint } from './canvas-theme';

/**
 * Label fonts, shared with cell-attributes.ts, which wraps and measures labels in exactly these
 * (the family is the canvas's computed one; see text-measure.ts).
 */
export const LABEL_FONTS = {
  nodeName: { size: 13, weight: 600 },
  nodeType: { size: 9.5, letterSpacing: 0.2 },
  boxTitle: { size: 12, weight: 600 },
  flow: { size: 11 },
  lineTitle: { size: 12, weight: 600 },
} as const;

const handle = (selector: string) => ({
  tagName: 'circle',
  selector,
  className: 'tl-handle',
});

export const NodeShape = dia.Element.define(
  'tl.Node',
  {
    attrs: {
      root: { cursor: 'move' },
      selection: {
        x: -5, y: -5, width: 'calc(w+10)', height: 'calc(h+10)', rx: 18, fill: 'none',
        ...fillStroke(undefined, paint.selection), strokeWidth: 2, visibility: 'hidden', pointerEvents: 'none',
      },
      body: { width: 'calc(w)', height: 'calc(h)', strokeWidth: 1.5 },
      storeLines: { fill: 'none', strokeWidth: 2, pointerEvents: 'none' },
      iconBg: { x: 10, width: 36, height: 36, rx: 9, pointerEvents: 'none' },
      icon: { fill: 'none', strokeWidth: 1.9, strokeLinecap: 'round', strokeLinejoin: 'round', pointerEvents: 'none' },
      // Both labels are wrapped to fit right of the icon by cell-attributes.ts (text-measure.ts),
      // not by JointJS's textWrap, which measures through the DOM on every render.
      typeLabel: {
        x: 56, y: 12, fontSize: LABEL_FONTS.nodeType.size, letterSpacing: LABEL_FONTS.nodeType.letterSpacing, textVerticalAnchor: 'top', pointerEvents: 'none',
      },
      label: {
        x: 56, y: 'calc(0.5*h+7)', fontSize: LABEL_FONTS.nodeName.size, fontWeight: LABEL_FONTS.nodeName.weight, textVerticalAnchor: 'middle', pointerEvents: 'none',
      },
      scopeBadge: { x: 'calc(w-8)', y: 'calc(h-6)', fontSize: 9, textAnchor: 'end', ...fillStroke(paint.scopeInk), pointerEvents: 'none' },
      handleTop: { cx: 'calc(0.5*w)', cy: 0, r: 6, magnet: true },
      handleRight: { cx: 'calc(w)', cy: 'calc(0.5*h)', r: 6, magnet: true },
      handleBottom: { cx: 'calc(0.5*w)', cy: 'calc(h)', r: 6, magnet: true },
      handleLeft: { cx: 0, cy: 'calc(0.5*h)', r: 6, magnet: true },
      resize: {
        x: 'calc(w-5)', y: 'calc(h-5)', width: 10, height: 10, cursor: 'nwse-resize',
        event: 'element:resize:pointerdown', visibility: 'hidden', ...fillStroke(paint.selection),
      },
      badge: { cx: 'calc(w-2)', cy: 2, r: 10, ...fillStroke(paint.badgeFill, paint.badgeRing), strokeWidth: 2, pointerEvents: 'none' },
      badgeText: {
        x: 'calc(w-2)', y: 2, fontSize: 10, fontWeight: 700, ...fillStroke(paint.badgeInk), textAnchor: 'middle', textVerticalAnchor: 'middle', pointerEvents: 'none',
      },
    },
  },
  {
    markup: [
      { tagName: 'title', selector: 'tooltip' },
      { tagName: 'rect', selector: 'selection' },
      { tagName: 'rect', selector: 'body' },
      { tagName: 'path', selector: 'storeLines' },
      { tagName: 'rect', selector: 'iconBg' },
      { tagName: 'path', selector: 'icon' },
      { tagName: 'text', selector: 'typeLabel' },
      { tagName: 'text', selector: 'label' },
      { tagName: 'text', selector: 'scopeBadge' },
      handle('handleTop'),
      handle('handleRight'),
      handle('handleBottom'),
      handle('handleLeft'),
      { tagName: 'rect', selector: 'resize', className: 'tl-resize' },
      { tagName: 'circle', selector: 'badge' },
      { tagName: 'text', selector: 'badgeText' },
    ],
  },
);

export const BoundaryBoxShape = dia.Element.define(
  'tl.BoundaryBox',
  {
    z: -1,
    attrs: {
      // The frame is hit-testable on its stroke and header only, so clicks inside the box
      // reach the nodes it contains or start a marquee.
      frame: {
        width: 'calc(w)', height: 'calc(h)', rx: 10, fill: 'none', strokeWidth: 2, strokeDasharray: '8 5',
        pointerEvents: 'none',
      },
      hit: {
        width: 'calc(w)', height: 'calc(h)', rx: 10, fill: 'none', stroke: 'transparent', strokeWidth: 12,
        pointerEvents: 'stroke', cursor: 'move',
      },
      selection: {
        x: -5, y: -5, width: 'calc(w+10)', height: 'calc(h+10)', rx: 14, fill: 'none',
        ...fillStroke(undefined, paint.selection), strokeWidth: 2, visibility: 'hidden', pointerEvents: 'none',
      },
      header: { x: 8, y: -12, height: 24, rx: 6, cursor: 'move' },
      label: {
        x: 16, y: 0, fontSize: LABEL_FONTS.boxTitle.size, fontWeight: LABEL_FONTS.boxTitle.weight, textVerticalAnchor: 'middle', pointerEvents: 'none',
      },
      resize: {
        x: 'calc(w-6)', y: 'calc(h-6)', width: 12, height: 12, cursor: 'nwse-resize',
        event: 'element:resize:pointerdown', visibility: 'hidden', ...fillStroke(paint.selection),
      },
    },
  },
  {
    markup: [
      { tagName: 'title', selector: 'tooltip' },
      { tagName: 'rect', selector: 'selection' },
      { tagName: 'rect', selector: 'frame' },
      { tagName: 'rect', selector: 'hit' },
      { tagName: 'rect', selector: 'header' },
      { tagName: 'text', selector: 'label' },
      { tagName: 'rect', selector: 'resize', className: 'tl-resize' },
    ],
  },
);

export const FlowShape = shapes.standard.Link.define('tl.Flow', {
  z: 2,
  attrs: {
    // A link being drawn from a handle is drawn with these until it becomes a flow.
    line: { strokeWidth: 1.8, ...fillStroke(undefined, paint.flowStroke), targetMarker: { type: 'path', d: 'M 10 -5 0 0 10 5 z', style: markerStyle(paint.flowStroke) } },
    wrapper: { strokeWidth: 14, cursor: 'pointer' },
  },
});

export const BoundaryLineShape = shapes.standard.Link.define('tl.BoundaryLine', {
  z: -1,
  attrs: {
    line: { strokeWidth: 2.5, strokeDasharray: '10 6', targetMarker: null, sourceMarker: null },
    wrapper: { strokeWidth: 14, cursor: 'move' },
  },
});

export const cellNamespace = { ...shapes, tl: { Node: NodeShape, BoundaryBox: BoundaryBoxShape, Flow: FlowShape, BoundaryLine: BoundaryLineShape } };
