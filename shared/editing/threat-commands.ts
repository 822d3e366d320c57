// Threats, their mitigations and dismissed suggestions: the register's commands. Ids are made
// when a command is built, so what the caller is told lands in the document is what lands.
import type { Dismissal, Mitigation, Threat, ThreatStatus, Uuid } from '../model/types';
import { newId } from '../model/ids';
import { createMitigation } from '../model/factory';
import { sameKindMitigation } from '../mitigations/dedupe';
import { assignChanges, fresh, indexById, plain } from './draft-helpers';
import type { Command } from './history';

export type ThreatChanges = Partial<Omit<Threat, 'id'>>;

/** A mitigation a rule suggests, before it becomes (or is linked to) a model mitigation. */
export interface MitigationProposal {
  readonly title: string;
  readonly description: string;
  readonly refs: readonly string[];
}

function threatIndex(list: readonly Threat[], id: Uuid): number {
  const index = indexById(list, id);
  if (index < 0) throw new Error(`Threat not found: ${id}`);
  return index;
}

export function addThreat(threat: Threat): Command {
  return {
    label: 'Add threat',
    recipe: (draft) => {
      if (indexById(draft.threats, threat.id) >= 0) throw new Error(`Id already used by a threat: ${threat.id}`);
      draft.threats.push(fresh(threat));
    },
  };
}

export function updateThreat(id: Uuid, changes: ThreatChanges): Command {
  return {
    label: 'Edit threat',
    recipe: (draft) => assignChanges(draft.threats[threatIndex(plain(draft.threats), id)]!, changes),
  };
}

export function setThreatStatus(ids: readonly Uuid[], status: ThreatStatus): Command {
  return {
    label: ids.length === 1 ? `Mark threat ${status}` : `Mark ${ids.length} threats ${status}`,
    recipe: (draft) => {
      for (const id of ids) assignChanges(draft.threats[threatIndex(plain(draft.threats), id)]!, { status });
    },
  };
}

/**
 * Deletes threats; their mitigations stay (other threats may share them). Attack-tree steps
 * that linked a deleted threat forget it, so no reference is left pointing at nothing.
 */
export function deleteThreats(ids: readonly Uuid[]): Command {
  const gone = new Set(ids);
  return {
    label: gone.size === 1 ? 'Delete threat' : `Delete ${gone.size} threats`,
    recipe: (draft) => {
      const threats = plain(draft.threats);
      for (const id of gone) threatIndex(threats, id);
      draft.threats = threats.filter((t) => !gone.has(t.id)) as typeof draft.threats;
      plain(draft.attackTrees).forEach((tree, ti) => {
        tree.steps.forEach((step, si) => {
          if (step.threatIds.some((id) => gone.has(id))) {
            draft.attackTrees[ti]!.steps[si]!.threatIds = step.threatIds.filter((id) => !gone.has(id));
          }
        });
      });
    },
  };
}

/**
 * Records a suggested threat and its suggested mitigations. A proposal the model already has a
 * mitigation of the same kind for (`sameKindMitigation`, the one dedupe rule) links to it; the
 * rest become new, proposed mitigations. Nothing is ever duplicated.
 */
export function acceptThreat(threat: Threat, proposals: readonly MitigationProposal[]): Command {
  const planned = proposals.map((p) => ({ proposal: p, id: newId() }));
  return {
    label: `Accept threat “${threat.title}”`,
    recipe: (draft) => {
      if (indexById(draft.threats, threat.id) >= 0) throw new Error(`Id already used by a threat: ${threat.id}`);
      const linked: Uuid[] = [...threat.mitigationIds];
      for (const { proposal, id } of planned) {
        const existing = sameKindMitigation({ mitigations: plain(draft.mitigations) }, proposal);
        const useId = existing?.id ?? id;
        if (!existing) draft.mitigations.push(fresh(newMitigation(id, proposal)));
        if (!linked.includes(useId)) linked.push(useId);
      }
      draft.threats.push(fresh({ ...threat, mitigationIds: linked }));
    },
  };
}

function newMitigation(id: Uuid, p: MitigationProposal): Mitigation {
  return createMitigation({ id, title: p.title, description: p.description, refs: [...p.refs] });
}

/** Dismisses a rule's suggestion for one element, with the reason shown on demand later. */
export function dismissSuggestion(ruleId: string, elementId: Uuid, reason: string, date: string): Command {
  const dismissal: Dismissal = { key: `${ruleId}@${elementId}`, ruleId, elementId, reason, date };
  return {
    label: 'Dismiss suggestion',
    recipe: (draft) => {
      const index = plain(draft.dismissals).findIndex((d) => d.key === dismissal.key);
      if (index >= 0) assignChanges(draft.dismissals[index]!, { reason, date });
      else draft.dismissals.push(fresh(dismissal));
    },
  };
}

export function restoreSuggestion(key: string): Command {
  return {
    label: 'Restore suggestion',
    recipe: (draft) => {
      const kept = plain(draft.dismissals).filter((d) => d.key !== key);
      if (kept.length !== draft.dismissals.length) draft.dismissals = kept as typeof draft.dismissals;
    },
  };
}
