// The attack-trees view's state: which tree and step are selected, the tree's evaluation, and the
// edits, each a command through the editor's one history. Refused input (an empty goal or label)
// is reported here as a message for the field, and nothing is dispatched.
import type { AttackTree, AttackTreeStep, MitigationStatus, Uuid } from '../../shared/model';
import { createAttackTree, createAttackTreeStep, evaluateAttackTree, orderedSteps, subtreeIds, type TreeEvaluation } from '../../shared/attack-trees';
import {
  addAttackTree,
  addAttackTreeStep,
  deleteAttackTree,
  deleteAttackTreeStep,
  moveAttackTreeStep,
  renameAttackTree,
  updateAttackTreeStep,
  updateMitigation,
  type AttackTreeStepChanges,
} from '../../shared/editing';
import type { EditorState } from '../editor/editor.svelte';

export class AttackTreesState {
  private chosenTreeId = $state<Uuid | null>(null);
  /** The selected step, or null for the tree's goal. */
  selectedStepId = $state<Uuid | null>(null);

  constructor(private readonly editor: EditorState) {}

  trees: readonly AttackTree[] = $derived.by(() => this.editor.doc.attackTrees);
  tree: AttackTree | null = $derived(this.trees.find((t) => t.id === this.chosenTreeId) ?? this.trees[0] ?? null);
  evaluation: TreeEvaluation | null = $derived.by(() => (this.tree ? evaluateAttackTree(this.tree, this.editor.doc.mitigations) : null));
  /** The selected step; null when the goal is selected (or the step was deleted, e.g. by undo). */
  step: AttackTreeStep | null = $derived(this.tree?.steps.find((s) => s.id === this.selectedStepId) ?? null);

  selectTree = (id: Uuid) => {
    this.chosenTreeId = id;
    this.selectedStepId = null;
  };

  selectStep = (id: Uuid | null) => {
    this.selectedStepId = id;
  };

  /** Returns an error message, or null when the tree was added (and selected). */
  addTree = (goal: string): string | null => {
    if (!goal.trim()) return 'Write the attacker’s goal first, e.g. “Steal the model”.';
    const tree = createAttackTree(goal);
    if (!this.editor.dispatch(addAttackTree(tree))) return this.editor.notice;
    this.selectTree(tree.id);
    return null;
  };

  /** Keystroke edit of the goal; an empty goal is not stored and the message says why. */
  renameGoal = (treeId: Uuid, goal: string): string | null => {
    if (!goal.trim()) return 'The goal cannot be empty.';
    this.editor.edit(`attack-goal:${treeId}`, renameAttackTree(treeId, goal));
    return null;
  };

  deleteTree = (treeId: Uuid) => {
    this.editor.dispatch(deleteAttackTree(treeId));
    if (this.chosenTreeId === treeId) this.chosenTreeId = null;
    this.selectedStepId = null;
  };

  addStep = (parentId: Uuid | null, label: string, gate: 'and' | 'or' = 'or'): string | null => {
    if (!this.tree) return 'Add an attack tree first.';
    if (!label.trim()) return 'Describe the step first, e.g. “Phish an engineer”.';
    const step = createAttackTreeStep({ label, parentId, gate });
    if (!this.editor.dispatch(addAttackTreeStep(this.tree.id, step))) return this.editor.notice;
    this.selectedStepId = step.id;
    return null;
  };

  editLabel = (stepId: Uuid, label: string): string | null => {
    if (!this.tree) return null;
    if (!label.trim()) return 'A step needs a label.';
    this.editor.edit(`attack-step-label:${stepId}`, updateAttackTreeStep(this.tree.id, stepId, { label }));
    return null;
  };

  updateStep = (stepId: Uuid, changes: AttackTreeStepChanges): boolean =>
    !!this.tree && this.editor.dispatch(updateAttackTreeStep(this.tree.id, stepId, changes));

  toggleLink = (step: AttackTreeStep, key: 'threatIds' | 'mitigationIds', id: Uuid, on: boolean): boolean => {
    const ids = step[key].filter((x) => x !== id);
    return this.updateStep(step.id, { [key]: on ? [...ids, id] : ids });
  };

  setMitigationStatus = (mitigationId: Uuid, status: MitigationStatus): boolean =>
    this.editor.dispatch(updateMitigation(mitigationId, { status }));

  deleteStep = (stepId: Uuid) => {
    if (!this.tree) return;
    const parent = this.tree.steps.find((s) => s.id === stepId)?.parentId ?? null;
    if (this.editor.dispatch(deleteAttackTreeStep(this.tree.id, stepId))) this.selectedStepId = parent;
  };

  moveStep = (stepId: Uuid, parentId: Uuid | null): boolean => !!this.tree && this.editor.dispatch(moveAttackTreeStep(this.tree.id, stepId, parentId));

  /** Steps a step may move under: every step outside its own subtree. */
  moveTargets = (stepId: Uuid): AttackTreeStep[] => {
    if (!this.tree) return [];
    const own = new Set(subtreeIds(this.tree, stepId));
    return orderedSteps(this.tree).map((o) => o.step).filter((s) => !own.has(s.id));
  };

  /** How many steps lie below this one (deleting it deletes them too). */
  descendants = (stepId: Uuid): number => (this.tree ? subtreeIds(this.tree, stepId).length - 1 : 0);
}
