// Every command constructor, by topic module. Each returns a Command for `execute`.
export {
  addBoundary,
  addFlow,
  addNode,
  setNodeProperty,
  updateBoundary,
  updateFlow,
  updateNode,
  type BoundaryChanges,
  type FlowChanges,
  type NodeChanges,
} from './element-commands';
export { setBounds, translateElements } from './layout-commands';
export { deleteElements } from './delete-commands';
export { copyElements, duplicateElements, pasteElements, type Clipboard, type PasteResult } from './clipboard';
export {
  addDiagram,
  deleteDiagram,
  moveDiagram,
  renameDiagram,
  updateModel,
  type ModelChanges,
} from './document-commands';
export {
  acceptThreat,
  addThreat,
  deleteThreats,
  dismissSuggestion,
  restoreSuggestion,
  setThreatStatus,
  updateThreat,
  type MitigationProposal,
  type ThreatChanges,
} from './threat-commands';
export { batch } from './batch';
export { REASON_STATUSES, lifecycleFields, rateThreat, setOwaspRisk, setThreatLifecycle, threatLifecycleProblems, type ThreatLifecycle } from './risk-commands';
export { addMitigation, deleteMitigations, linkMitigation, unlinkMitigation, updateMitigation, type MitigationChanges } from './mitigation-commands';
export { addAsset, assetProblems, attachAsset, deleteAssets, detachAsset, setAssetElements, updateAsset, type AssetChanges } from './asset-commands';
export { addAttackTree, addAttackTreeStep, deleteAttackTree, deleteAttackTreeStep, moveAttackTreeStep, renameAttackTree, updateAttackTreeStep, type AttackTreeStepChanges } from './attack-tree-commands';
export { markElementReviewed, signOffProblem, signOffReview, unmarkElementReviewed, updateScope, type SignOff } from './review-commands';
