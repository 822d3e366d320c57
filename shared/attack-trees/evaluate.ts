// Whether an attacker can still reach each step of an attack tree, given the model's mitigations.
//
// - A step is blocked by its own mitigations when it links at least one and every linked
//   mitigation is implemented or verified (the statuses that count for residual risk). A link to
//   a mitigation the model no longer has counts for nothing.
// - A step with children is also blocked through them: an OR step (any child achieves it) when
//   all its children are blocked, an AND step (all children are needed) when any child is.
//   Either way blocks the step: a control on the step itself stops it however it would be done.
// - The goal is reached through any of the steps directly under it (an implicit OR), so it is
//   blocked when it has at least one such step and all of them are blocked. A tree that needs
//   several things together at the top says so with one AND step under the goal.
import type { AttackTree, AttackTreeStep, Mitigation, MitigationStatus, Uuid } from '../model';
import { EFFECTIVE_MITIGATION_STATUSES } from '../risk';
import { indexTree } from './structure';

/** Mitigation statuses that block a step: the control exists — the same ones residual risk counts. */
export const BLOCKING_STATUSES: readonly MitigationStatus[] = EFFECTIVE_MITIGATION_STATUSES;

export type BlockedBy = 'mitigations' | 'children';

export interface StepState {
  readonly blocked: boolean;
  /** Why it is blocked (own mitigations win when both apply); null when it is not. */
  readonly by: BlockedBy | null;
  /** Linked mitigations that exist, and how many of them block. */
  readonly linked: number;
  readonly blocking: number;
}

export interface TreeEvaluation {
  readonly steps: ReadonlyMap<Uuid, StepState>;
  readonly goalBlocked: boolean;
  /** Steps directly under the goal that are not blocked: the open ways to the goal. */
  readonly openPaths: number;
}

/** The step's own mitigations: how many are linked (and exist) and how many of those block. */
function ownMitigations(step: AttackTreeStep, byId: ReadonlyMap<Uuid, Mitigation>): { linked: number; blocking: number } {
  let linked = 0;
  let blocking = 0;
  for (const id of new Set(step.mitigationIds)) {
    const m = byId.get(id);
    if (!m) continue;
    linked += 1;
    if (BLOCKING_STATUSES.includes(m.status)) blocking += 1;
  }
  return { linked, blocking };
}

export function evaluateAttackTree(tree: Pick<AttackTree, 'steps'>, mitigations: readonly Mitigation[]): TreeEvaluation {
  const byId = new Map(mitigations.map((m) => [m.id, m]));
  const { children } = indexTree(tree);
  const states = new Map<Uuid, StepState>();
  const visiting = new Set<Uuid>();

  const visit = (step: AttackTreeStep): StepState => {
    const known = states.get(step.id);
    if (known) return known;
    // A cycle (only in a malformed document) is cut here: the repeated step counts as open.
    if (visiting.has(step.id)) return { blocked: false, by: null, linked: 0, blocking: 0 };
    visiting.add(step.id);
    const own = ownMitigations(step, byId);
    const kids = (children.get(step.id) ?? []).map(visit);
    const selfBlocked = own.linked > 0 && own.blocking === own.linked;
    const childBlocked = kids.length > 0 && (step.gate === 'and' ? kids.some((k) => k.blocked) : kids.every((k) => k.blocked));
    const by: BlockedBy | null = selfBlocked ? 'mitigations' : childBlocked ? 'children' : null;
    const state: StepState = { blocked: by !== null, by, ...own };
    visiting.delete(step.id);
    states.set(step.id, state);
    return state;
  };

  const top = (children.get(null) ?? []).map(visit);
  // Steps only reachable through a cycle still get a state, so every step can be drawn.
  for (const step of tree.steps) visit(step);
  const openPaths = top.filter((s) => !s.blocked).length;
  return { steps: states, goalBlocked: top.length > 0 && openPaths === 0, openPaths };
}
