// The public entry of shared/review: the four questions of threat modeling as checks and progress.
export { allElements, diagramElements, type ElementRef, type ElementType } from './elements';
export {
  SCOPE_FIELDS,
  completenessChecks,
  type CheckItem,
  type CompletenessCheck,
  type CompletenessCheckId,
} from './completeness';
export { strideCoverage, type PendingElement, type ReviewedElement, type StrideCoverage } from './coverage';
export { riskPlanning, type PlanGap, type RiskPlanning, type UnplannedRisk } from './risks';
export {
  DEFAULT_CHECKLIST,
  baselineOf,
  changesSinceBaseline,
  latestReview,
  type ReviewChanges,
  type StatusChange,
  type Titled,
} from './sign-off';
export { QUESTIONS, progress, type ProgressInput, type QuestionNumber, type QuestionProgress } from './progress';
