// The public entry of shared/attack-trees: tree structure, blocked-state evaluation and layout.
export { childrenOf, indexTree, isInSubtree, orderedSteps, subtreeIds, type OrderedStep, type TreeIndex } from './structure';
export { BLOCKING_STATUSES, evaluateAttackTree, type BlockedBy, type StepState, type TreeEvaluation } from './evaluate';
export {
  TREE_BOX,
  fallbackLayout,
  layoutAttackTree,
  wrapLabel,
  type AttackTreeLayout,
  type LaidOutEdge,
  type LaidOutNode,
} from './layout';
export { createAttackTree, createAttackTreeStep } from './factory';
