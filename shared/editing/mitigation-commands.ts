// Mitigations as first-class records, many-to-many with threats (the link lives on the threat's
// `mitigationIds`). Every command checks the record it would leave behind with the same rules the
// document is validated with, and refuses with a message naming what is wrong.
import type { Mitigation, Uuid } from '../model/types';
import { mitigationProblems, refusal, sameKindMitigation } from '../mitigations';
import { assignChanges, fresh, indexById, plain, type DocDraft } from './draft-helpers';
import type { Command } from './history';
import { labelFor, type LabelRule } from './labels';

export type MitigationChanges = Partial<Omit<Mitigation, 'id'>>;

const MITIGATION_LABELS: readonly LabelRule[] = [
  ['Rename mitigation', ['title']],
  ['Edit mitigation description', ['description']],
  ['Change mitigation status', ['status', 'rejectionReason']],
  ['Assign mitigation owner', ['owner']],
  ['Set mitigation due date', ['dueDate']],
  ['Set mitigation phase', ['phase']],
  ['Edit mitigation references', ['refs']],
  ['Set mitigation effectiveness', ['effectiveness']],
];

function mitigationIndex(draft: DocDraft, id: Uuid): number {
  const index = indexById(draft.mitigations, id);
  if (index < 0) throw new Error(`Mitigation not found: ${id}`);
  return index;
}

function threatIndex(draft: DocDraft, id: Uuid): number {
  const index = indexById(draft.threats, id);
  if (index < 0) throw new Error(`Threat not found: ${id}`);
  return index;
}

/** Adds `mitigationId` to the threat's links unless it is there already. */
function link(draft: DocDraft, threatId: Uuid, mitigationId: Uuid): void {
  const i = threatIndex(draft, threatId);
  const ids = plain(draft.threats)[i]!.mitigationIds;
  if (!ids.includes(mitigationId)) draft.threats[i]!.mitigationIds.push(mitigationId);
}

/**
 * Adds a mitigation, optionally linked to threats at once. A mitigation of the same kind as one
 * the model has (see `sameKindMitigation`) is refused: link the existing one instead.
 */
export function addMitigation(mitigation: Mitigation, linkThreatIds: readonly Uuid[] = []): Command {
  return {
    label: `Add mitigation “${mitigation.title.trim()}”`,
    recipe: (draft) => {
      const problems = mitigationProblems(mitigation);
      if (problems.length) throw new Error(refusal(`Cannot add mitigation “${mitigation.title.trim()}”`, problems));
      if (indexById(draft.mitigations, mitigation.id) >= 0) throw new Error(`Id already used by a mitigation: ${mitigation.id}`);
      const existing = sameKindMitigation({ mitigations: plain(draft.mitigations) }, mitigation);
      if (existing) throw new Error(`The model already has the mitigation “${existing.title}”: link that one instead of adding it again.`);
      draft.mitigations.push(fresh(mitigation));
      for (const threatId of new Set(linkThreatIds)) link(draft, threatId, mitigation.id);
    },
  };
}

/**
 * Edits fields of a mitigation. Refused when the result breaks a rule the record did not break
 * before (e.g. `rejected` without a reason), so a document that arrived with a problem can still
 * be edited elsewhere while the problem is fixed.
 */
export function updateMitigation(id: Uuid, changes: MitigationChanges): Command {
  return {
    label: labelFor(changes, MITIGATION_LABELS, 'Edit mitigation'),
    recipe: (draft) => {
      const index = mitigationIndex(draft, id);
      const before = plain(draft.mitigations)[index]!;
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const after: Mitigation = { ...before, ...defined, id };
      const known = new Set(mitigationProblems(before).map((p) => `${p.path} ${p.message}`));
      const introduced = mitigationProblems(after).filter((p) => !known.has(`${p.path} ${p.message}`));
      if (introduced.length) throw new Error(refusal(`Cannot change mitigation “${before.title}”`, introduced));
      assignChanges(draft.mitigations[index]!, changes);
    },
  };
}

/** Deletes mitigations and every link to them, from threats and from attack-tree steps. */
export function deleteMitigations(ids: readonly Uuid[]): Command {
  const gone = new Set(ids);
  return {
    label: gone.size === 1 ? 'Delete mitigation' : `Delete ${gone.size} mitigations`,
    recipe: (draft) => {
      for (const id of gone) mitigationIndex(draft, id);
      draft.mitigations = plain(draft.mitigations).filter((m) => !gone.has(m.id)) as typeof draft.mitigations;
      plain(draft.threats).forEach((t, i) => {
        if (t.mitigationIds.some((id) => gone.has(id))) draft.threats[i]!.mitigationIds = t.mitigationIds.filter((id) => !gone.has(id));
      });
      plain(draft.attackTrees).forEach((tree, ti) => {
        tree.steps.forEach((step, si) => {
          if (!step.mitigationIds.some((id) => gone.has(id))) return;
          draft.attackTrees[ti]!.steps[si]!.mitigationIds = step.mitigationIds.filter((id) => !gone.has(id));
        });
      });
    },
  };
}

export function linkMitigation(threatId: Uuid, mitigationId: Uuid): Command {
  return {
    label: 'Link mitigation',
    recipe: (draft) => {
      mitigationIndex(draft, mitigationId);
      link(draft, threatId, mitigationId);
    },
  };
}

export function unlinkMitigation(threatId: Uuid, mitigationId: Uuid): Command {
  return {
    label: 'Unlink mitigation',
    recipe: (draft) => {
      const i = threatIndex(draft, threatId);
      const ids = plain(draft.threats)[i]!.mitigationIds;
      if (ids.includes(mitigationId)) draft.threats[i]!.mitigationIds = ids.filter((id) => id !== mitigationId);
    },
  };
}
