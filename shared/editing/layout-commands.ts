// Moving and resizing: the commands canvas gestures turn into when they end.
import type { Point, Size, Uuid } from '../model/types';
import { countLabel, findDiagram, locate, plain, sameValue } from './draft-helpers';
import type { Command } from './history';

const shift = (p: Point, dx: number, dy: number): Point => ({ x: p.x + dx, y: p.y + dy });

function assertFinite(what: string, ...values: number[]): void {
  if (!values.every(Number.isFinite)) throw new Error(`${what} must be finite numbers`);
}

/**
 * Moves the listed nodes, box boundaries and line boundaries (all their points) by (dx, dy).
 * A flow's vertices move with it when the flow is listed or both its endpoints move, so a
 * moved group keeps its routing while a flow to a node left behind keeps its bends.
 */
export function translateElements(diagramId: Uuid, ids: readonly Uuid[], dx: number, dy: number): Command {
  assertFinite('Offsets', dx, dy);
  return {
    label: countLabel('Move', new Set(ids).size),
    recipe: (draft) => {
      const diagram = findDiagram(draft, diagramId);
      const found = locate(diagram, ids);
      if (dx === 0 && dy === 0) return;

      const nodes = plain(diagram.nodes);
      const moved = new Set<Uuid>();
      for (const i of found.nodes) {
        const node = diagram.nodes[i]!;
        node.position = shift(nodes[i]!.position, dx, dy);
        moved.add(nodes[i]!.id);
      }

      const listedFlows = new Set(found.flows);
      plain(diagram.flows).forEach((flow, i) => {
        const follows = listedFlows.has(i) || (moved.has(flow.source) && moved.has(flow.target));
        // Writing an empty vertex list would still be a patch, so skip straight flows.
        if (!follows || flow.vertices.length === 0) return;
        diagram.flows[i]!.vertices = flow.vertices.map((v) => shift(v, dx, dy));
      });

      const boundaries = plain(diagram.boundaries);
      for (const i of found.boundaries) {
        const before = boundaries[i]!;
        const after = diagram.boundaries[i]!;
        if (before.shape === 'box' && after.shape === 'box') after.position = shift(before.position, dx, dy);
        else if (before.shape === 'line' && after.shape === 'line') {
          after.points = before.points.map((p) => shift(p, dx, dy));
        }
      }
    },
  };
}

/** Sets position and size of a node or box boundary at once (a resize can move the top-left). */
export function setBounds(diagramId: Uuid, id: Uuid, position: Point, size: Size): Command {
  assertFinite('Bounds', position.x, position.y, size.width, size.height);
  if (size.width <= 0 || size.height <= 0) throw new Error(`Size must be positive: ${size.width}×${size.height}`);
  return {
    label: 'Resize element',
    recipe: (draft) => {
      const diagram = findDiagram(draft, diagramId);
      const found = locate(diagram, [id]);
      const target = found.nodes.length > 0 ? diagram.nodes[found.nodes[0]!]! : undefined;
      const box = found.boundaries.length > 0 ? diagram.boundaries[found.boundaries[0]!]! : undefined;
      const record = target ?? (box?.shape === 'box' ? box : undefined);
      if (!record) throw new Error(`Only nodes and box boundaries have bounds: ${id}`);
      if (!sameValue(plain(record.position), position)) record.position = { x: position.x, y: position.y };
      if (!sameValue(plain(record.size), size)) record.size = { width: size.width, height: size.height };
    },
  };
}
