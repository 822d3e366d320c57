// The public entry of shared/mitigations: the dedupe rule, due dates and overdue work, coverage
// (threats per mitigation), the roadmap, validation and the control references a mitigation cites.
export { mitigationKindKey, sameKindMitigation } from './dedupe';
export { SETTLED_MITIGATION_STATUSES, byDueDate, isIsoDay, isOverdue, isoDay, overdueMitigations } from './schedule';
export { coverage, linkedMitigations, threatsLinkedTo, unlinkedMitigations } from './coverage';
export {
  UNSCHEDULED_LABEL,
  phaseKey,
  phasesOf,
  roadmap,
  roadmapOrder,
  type RoadmapCard,
  type RoadmapColumn,
  type RoadmapGroup,
} from './roadmap';
export { mitigationProblems, refusal } from './validation';
export { MITIGATION_STATUS_LABELS, effectivenessLabel } from './labels';
export { CONTROL_SOURCES, controlCandidates, type ControlCandidate, type ControlSource } from './control-refs';
