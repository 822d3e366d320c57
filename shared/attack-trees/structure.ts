// The shape of an attack tree: the goal is the root, steps with `parentId: null` hang directly
// under it, every other step under its parent. Documents are validated (no cycles, parents
// exist), but views also read documents mid-migration or imported from elsewhere, so every walk
// here is guarded: a step whose parent is missing counts as a top-level step, and a cycle is cut
// where it is first met instead of looping.
import type { AttackTree, AttackTreeStep, Uuid } from '../model/types';

export interface TreeIndex {
  readonly steps: ReadonlyMap<Uuid, AttackTreeStep>;
  /** Children by parent id (`null` = the goal), in document order. */
  readonly children: ReadonlyMap<Uuid | null, readonly AttackTreeStep[]>;
}

export function indexTree(tree: Pick<AttackTree, 'steps'>): TreeIndex {
  const steps = new Map(tree.steps.map((s) => [s.id, s]));
  const children = new Map<Uuid | null, AttackTreeStep[]>();
  for (const step of tree.steps) {
    const parent = step.parentId !== null && steps.has(step.parentId) && step.parentId !== step.id ? step.parentId : null;
    const list = children.get(parent);
    if (list) list.push(step);
    else children.set(parent, [step]);
  }
  return { steps, children };
}

export function childrenOf(tree: Pick<AttackTree, 'steps'>, parentId: Uuid | null): readonly AttackTreeStep[] {
  return indexTree(tree).children.get(parentId) ?? [];
}

export interface OrderedStep {
  readonly step: AttackTreeStep;
  /** 1 for a step directly under the goal. */
  readonly depth: number;
  /** Parent step id, or null under the goal. */
  readonly parentId: Uuid | null;
  /** 1-based position among its siblings, and how many siblings there are (ARIA tree needs both). */
  readonly position: number;
  readonly siblings: number;
}

/**
 * Steps in depth-first, document order, each with its depth: the reading order of the tree and
 * the order keyboard navigation walks it. Steps caught in a cycle (unreachable from the goal)
 * are left out rather than looping.
 */
export function orderedSteps(tree: Pick<AttackTree, 'steps'>): OrderedStep[] {
  const { children } = indexTree(tree);
  const out: OrderedStep[] = [];
  const seen = new Set<Uuid>();
  const walk = (parentId: Uuid | null, depth: number) => {
    const list = children.get(parentId) ?? [];
    list.forEach((step, i) => {
      if (seen.has(step.id)) return;
      seen.add(step.id);
      out.push({ step, depth, parentId, position: i + 1, siblings: list.length });
      walk(step.id, depth + 1);
    });
  };
  walk(null, 1);
  return out;
}

/** The step and every step below it (the step first). Empty when the step is not in the tree. */
export function subtreeIds(tree: Pick<AttackTree, 'steps'>, stepId: Uuid): Uuid[] {
  const { steps, children } = indexTree(tree);
  if (!steps.has(stepId)) return [];
  const out: Uuid[] = [];
  const seen = new Set<Uuid>();
  const stack: Uuid[] = [stepId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    const kids = children.get(id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!.id);
  }
  return out;
}

/** True when `candidateId` is `stepId` itself or lies below it: moving `stepId` there would make a cycle. */
export function isInSubtree(tree: Pick<AttackTree, 'steps'>, stepId: Uuid, candidateId: Uuid): boolean {
  return subtreeIds(tree, stepId).includes(candidateId);
}
