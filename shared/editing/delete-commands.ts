// Deleting diagram elements, with the cascades a user expects.
import type { Uuid } from '../model/types';
import { countLabel, findDiagram, locate, plain, stripElementRefs } from './draft-helpers';
import type { Command } from './history';

/**
 * Deletes nodes, flows and boundaries. Flows touching a deleted node go too; threats and
 * assets stay but forget the deleted ids. Arrays are rebuilt by filtering, which keeps the
 * survivors' order and lets undo restore the exact original arrays.
 */
export function deleteElements(diagramId: Uuid, ids: readonly Uuid[]): Command {
  return {
    label: countLabel('Delete', new Set(ids).size),
    recipe: (draft) => {
      const diagram = findDiagram(draft, diagramId);
      const found = locate(diagram, ids);
      const nodes = plain(diagram.nodes);
      const flows = plain(diagram.flows);
      const boundaries = plain(diagram.boundaries);

      const removed = new Set<Uuid>();
      for (const i of found.nodes) removed.add(nodes[i]!.id);
      for (const i of found.flows) removed.add(flows[i]!.id);
      for (const i of found.boundaries) removed.add(boundaries[i]!.id);
      for (const flow of flows) if (removed.has(flow.source) || removed.has(flow.target)) removed.add(flow.id);
      if (removed.size === 0) return;

      const keep = <T extends { readonly id: Uuid }>(list: readonly T[]) => list.filter((r) => !removed.has(r.id));
      if (found.nodes.length > 0) diagram.nodes = keep(nodes) as typeof diagram.nodes;
      const keptFlows = keep(flows);
      if (keptFlows.length !== flows.length) diagram.flows = keptFlows as typeof diagram.flows;
      if (found.boundaries.length > 0) diagram.boundaries = keep(boundaries) as typeof diagram.boundaries;
      stripElementRefs(draft, removed);
    },
  };
}
