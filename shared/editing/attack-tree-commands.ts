// Attack trees: the trees themselves and their steps. A step's place in the tree is its
// `parentId`; deleting a step takes its whole subtree with it, and a move that would put a step
// under itself (a cycle) is refused. Links to threats and mitigations must name records the
// model has, so the document stays valid.
import type { AttackTree, AttackTreeStep, Uuid } from '../model/types';
import { isInSubtree, subtreeIds } from '../attack-trees';
import { assignChanges, fresh, indexById, plain, type DocDraft } from './draft-helpers';
import type { Command } from './history';

export type AttackTreeStepChanges = Partial<Pick<AttackTreeStep, 'label' | 'gate' | 'threatIds' | 'mitigationIds'>>;

function treeIndex(draft: DocDraft, treeId: Uuid): number {
  const index = indexById(draft.attackTrees, treeId);
  if (index < 0) throw new Error(`Attack tree not found: ${treeId}`);
  return index;
}

function stepIndex(tree: AttackTree, stepId: Uuid): number {
  const index = tree.steps.findIndex((s) => s.id === stepId);
  if (index < 0) throw new Error(`Step not found in attack tree “${tree.goal}”: ${stepId}`);
  return index;
}

function requireText(value: string, what: string): void {
  if (!value.trim()) throw new Error(`${what} cannot be empty`);
}

/** Every linked id must be a record of the model, each linked once. */
function checkLinks(draft: DocDraft, changes: AttackTreeStepChanges): void {
  const lists = [
    ['threatIds', plain(draft.threats), 'threat'],
    ['mitigationIds', plain(draft.mitigations), 'mitigation'],
  ] as const;
  for (const [key, records, what] of lists) {
    const ids = changes[key];
    if (ids === undefined) continue;
    const known = new Set(records.map((r) => r.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) throw new Error(`A step can only link a ${what} of this model; not found: ${missing.join(', ')}`);
    if (new Set(ids).size !== ids.length) throw new Error(`A step links each ${what} once`);
  }
}

function checkStepChanges(draft: DocDraft, changes: AttackTreeStepChanges): void {
  if (changes.label !== undefined) requireText(changes.label, 'A step’s label');
  if (changes.gate !== undefined && changes.gate !== 'and' && changes.gate !== 'or') {
    throw new Error(`A step’s gate is "and" or "or", not "${String(changes.gate)}"`);
  }
  checkLinks(draft, changes);
}

export function addAttackTree(tree: AttackTree): Command {
  return {
    label: 'Add attack tree',
    recipe: (draft) => {
      requireText(tree.goal, 'An attack tree’s goal');
      if (indexById(draft.attackTrees, tree.id) >= 0) throw new Error(`Id already used by an attack tree: ${tree.id}`);
      draft.attackTrees.push(fresh(tree));
    },
  };
}

export function renameAttackTree(treeId: Uuid, goal: string): Command {
  return {
    label: 'Rename attack tree',
    recipe: (draft) => {
      requireText(goal, 'An attack tree’s goal');
      assignChanges(draft.attackTrees[treeIndex(draft, treeId)]!, { goal });
    },
  };
}

export function deleteAttackTree(treeId: Uuid): Command {
  return {
    label: 'Delete attack tree',
    recipe: (draft) => {
      draft.attackTrees.splice(treeIndex(draft, treeId), 1);
    },
  };
}

/** Adds a step under its `parentId` (a step of the same tree, or null for under the goal). */
export function addAttackTreeStep(treeId: Uuid, step: AttackTreeStep): Command {
  return {
    label: 'Add attack step',
    recipe: (draft) => {
      const index = treeIndex(draft, treeId);
      const tree = plain(draft.attackTrees)[index]!;
      requireText(step.label, 'A step’s label');
      if (step.parentId !== null) stepIndex(tree, step.parentId);
      if (tree.steps.some((s) => s.id === step.id) || step.id === tree.id) throw new Error(`Id already used in this attack tree: ${step.id}`);
      checkStepChanges(draft, step);
      draft.attackTrees[index]!.steps.push(fresh(step));
    },
  };
}

export function updateAttackTreeStep(treeId: Uuid, stepId: Uuid, changes: AttackTreeStepChanges): Command {
  return {
    label: 'Edit attack step',
    recipe: (draft) => {
      const index = treeIndex(draft, treeId);
      const at = stepIndex(plain(draft.attackTrees)[index]!, stepId);
      checkStepChanges(draft, changes);
      assignChanges(draft.attackTrees[index]!.steps[at]!, changes);
    },
  };
}

/** Deletes a step and every step below it. */
export function deleteAttackTreeStep(treeId: Uuid, stepId: Uuid): Command {
  return {
    label: 'Delete attack step',
    recipe: (draft) => {
      const index = treeIndex(draft, treeId);
      const tree = plain(draft.attackTrees)[index]!;
      stepIndex(tree, stepId);
      const gone = new Set(subtreeIds(tree, stepId));
      const target = draft.attackTrees[index]!;
      target.steps = tree.steps.filter((s) => !gone.has(s.id)) as typeof target.steps;
    },
  };
}

/**
 * Moves a step (with its subtree) under another parent: a step of the same tree, or null for
 * directly under the goal. It becomes the last child there. Refused when the new parent is the
 * step itself or one of its descendants, which would cut the subtree off into a cycle.
 */
export function moveAttackTreeStep(treeId: Uuid, stepId: Uuid, parentId: Uuid | null): Command {
  return {
    label: 'Move attack step',
    recipe: (draft) => {
      const index = treeIndex(draft, treeId);
      const tree = plain(draft.attackTrees)[index]!;
      const at = stepIndex(tree, stepId);
      if (parentId !== null) {
        stepIndex(tree, parentId);
        if (isInSubtree(tree, stepId, parentId)) throw new Error('A step cannot move under itself or one of its own sub-steps');
      }
      const step = tree.steps[at]!;
      if (step.parentId === parentId) return;
      const steps = tree.steps.filter((s) => s.id !== stepId);
      steps.push({ ...step, parentId });
      draft.attackTrees[index]!.steps = fresh(steps);
    },
  };
}
