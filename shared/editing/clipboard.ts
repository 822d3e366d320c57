// Copy, paste and duplicate. A clipboard is plain data (safe to serialize or keep across
// documents); pasting always makes fresh ids, so the same clipboard can be pasted many times.
import { newId } from '../model/ids';
import type { Boundary, DfdNode, Diagram, Flow, Point, Uuid } from '../model/types';
import { clonePlain, countLabel, findDiagram, fresh } from './draft-helpers';
import type { Command } from './history';

export interface Clipboard {
  readonly nodes: readonly DfdNode[];
  readonly flows: readonly Flow[];
  readonly boundaries: readonly Boundary[];
}

export interface PasteResult {
  readonly command: Command;
  /** Ids of the pasted records (nodes, then flows, then boundaries), e.g. to select them. */
  readonly newIds: Uuid[];
}

/**
 * The selected nodes and boundaries, plus every flow whose two endpoints are both selected
 * (whether or not the flow itself was). A selected flow with an endpoint left out is dropped:
 * it could not be pasted connected. Unknown ids throw. Records are deep copies.
 */
export function copyElements(diagram: Diagram, ids: readonly Uuid[]): Clipboard {
  const wanted = new Set(ids);
  const known = new Set<Uuid>();
  for (const list of [diagram.nodes, diagram.flows, diagram.boundaries]) for (const r of list) known.add(r.id);
  for (const id of wanted) if (!known.has(id)) throw new Error(`Element not found in diagram "${diagram.name}": ${id}`);

  const nodes = diagram.nodes.filter((n) => wanted.has(n.id));
  const nodeIds = new Set(nodes.map((n) => n.id));
  return clonePlain({
    nodes,
    flows: diagram.flows.filter((f) => nodeIds.has(f.source) && nodeIds.has(f.target)),
    boundaries: diagram.boundaries.filter((b) => wanted.has(b.id)),
  });
}

const shift = (p: Point, offset: Point): Point => ({ x: p.x + offset.x, y: p.y + offset.y });

/** Clipboard records with new ids and positions shifted by `offset`; flows follow their nodes. */
function remap(clipboard: Clipboard, offset: Point): Clipboard {
  const ids = new Map<Uuid, Uuid>(clipboard.nodes.map((n) => [n.id, newId()]));
  const nodes = clipboard.nodes.map((n) => ({ ...n, id: ids.get(n.id)!, position: shift(n.position, offset) }));
  const flows: Flow[] = [];
  for (const f of clipboard.flows) {
    const source = ids.get(f.source);
    const target = ids.get(f.target);
    if (!source || !target) continue; // endpoint not on the clipboard: nothing to connect to
    flows.push({ ...f, id: newId(), source, target, vertices: f.vertices.map((v) => shift(v, offset)) });
  }
  const boundaries = clipboard.boundaries.map((b): Boundary =>
    b.shape === 'box'
      ? { ...b, id: newId(), position: shift(b.position, offset) }
      : { ...b, id: newId(), points: b.points.map((p) => shift(p, offset)) },
  );
  return { nodes, flows, boundaries };
}

function pasteAs(verb: string, diagramId: Uuid, clipboard: Clipboard, offset: Point): PasteResult {
  // Ids are chosen now, not in the recipe, so `newIds` matches what lands in the document.
  const pasted = remap(clipboard, offset);
  const newIds = [...pasted.nodes, ...pasted.flows, ...pasted.boundaries].map((r) => r.id);
  const command: Command = {
    label: countLabel(verb, newIds.length),
    recipe: (draft) => {
      if (newIds.length === 0) return;
      const diagram = findDiagram(draft, diagramId);
      // Fresh copies each run: the document never shares objects with the clipboard.
      diagram.nodes.push(...fresh(pasted.nodes));
      diagram.flows.push(...fresh(pasted.flows));
      diagram.boundaries.push(...fresh(pasted.boundaries));
    },
  };
  return { command, newIds };
}

export function pasteElements(diagramId: Uuid, clipboard: Clipboard, offset: Point): PasteResult {
  return pasteAs('Paste', diagramId, clipboard, offset);
}

/** Copy + paste into the same diagram in one undo step. */
export function duplicateElements(diagram: Diagram, ids: readonly Uuid[], offset: Point): PasteResult {
  return pasteAs('Duplicate', diagram.id, copyElements(diagram, ids), offset);
}
