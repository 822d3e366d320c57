// Diagram list and model-level details.
import type { Diagram, ModelDocument, Uuid } from '../model/types';
import { assignChanges, fresh, indexById, plain, stripElementRefs, type DocDraft } from './draft-helpers';
import type { Command } from './history';
import { MODEL_LABELS, labelFor } from './labels';

export type ModelChanges = Partial<Pick<ModelDocument, 'title' | 'description' | 'owner' | 'reviewers' | 'version' | 'scope'>>;

function diagramIndex(draft: DocDraft, id: Uuid): number {
  const index = indexById(draft.diagrams, id);
  if (index < 0) throw new Error(`Diagram not found: ${id}`);
  return index;
}

export function addDiagram(diagram: Diagram): Command {
  return {
    label: 'Add diagram',
    recipe: (draft) => {
      if (indexById(draft.diagrams, diagram.id) >= 0) throw new Error(`Diagram id already used: ${diagram.id}`);
      draft.diagrams.push(fresh(diagram));
    },
  };
}

export function renameDiagram(id: Uuid, name: string): Command {
  return {
    label: 'Rename diagram',
    recipe: (draft) => {
      draft.diagrams[diagramIndex(draft, id)]!.name = name;
    },
  };
}

/** Refuses to delete the last diagram: a model always has somewhere to draw. */
export function deleteDiagram(id: Uuid): Command {
  return {
    label: 'Delete diagram',
    recipe: (draft) => {
      const index = diagramIndex(draft, id);
      if (draft.diagrams.length <= 1) throw new Error('Cannot delete the last diagram of a model');
      const diagram = plain(draft.diagrams)[index]!;
      const removed = new Set<Uuid>();
      for (const list of [diagram.nodes, diagram.flows, diagram.boundaries]) for (const r of list) removed.add(r.id);
      draft.diagrams.splice(index, 1);
      stripElementRefs(draft, removed);
    },
  };
}

/** Moves a diagram to `toIndex` (clamped to the list), shifting the others. */
export function moveDiagram(id: Uuid, toIndex: number): Command {
  if (!Number.isInteger(toIndex)) throw new Error(`Diagram index must be an integer: ${toIndex}`);
  return {
    label: 'Move diagram',
    recipe: (draft) => {
      const from = diagramIndex(draft, id);
      const to = Math.max(0, Math.min(toIndex, draft.diagrams.length - 1));
      if (from === to) return;
      const order = [...plain(draft.diagrams)];
      const [moved] = order.splice(from, 1);
      order.splice(to, 0, moved!);
      draft.diagrams = order as typeof draft.diagrams;
    },
  };
}

const MODEL_FIELDS: readonly string[] = ['title', 'description', 'owner', 'reviewers', 'version', 'scope'];

export function updateModel(changes: ModelChanges): Command {
  const extra = Object.keys(changes).filter((k) => !MODEL_FIELDS.includes(k));
  if (extra.length > 0) throw new Error(`Not editable as model details: ${extra.join(', ')}`);
  return {
    label: labelFor(changes, MODEL_LABELS, 'Edit model details'),
    recipe: (draft) => {
      assignChanges(draft, changes);
    },
  };
}
