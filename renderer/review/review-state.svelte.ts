// The four questions for the open model: progress, checks and lists, all derived from the
// document and the rule engine's pending suggestions; edits go through the editor's history.
import type { Uuid } from '../../shared/model';
import {
  changesSinceBaseline,
  completenessChecks,
  latestReview,
  progress,
  riskPlanning,
  strideCoverage,
  type CompletenessCheck,
  type QuestionProgress,
  type ReviewChanges,
  type RiskPlanning,
  type StrideCoverage,
} from '../../shared/review';
import { markElementReviewed, unmarkElementReviewed } from '../../shared/editing';
import type { EditorState } from '../editor/editor.svelte';
import type { ThreatState } from '../editor/threats/threat-state.svelte';

/** Suggestions waiting for a decision, counted per element. */
export function pendingByElement(threats: ThreatState): Map<Uuid, number> {
  const counts = new Map<Uuid, number>();
  for (const s of threats.pending) counts.set(s.elementId, (counts.get(s.elementId) ?? 0) + 1);
  return counts;
}

export class ReviewState {
  constructor(
    private readonly editor: EditorState,
    private readonly threats: ThreatState,
  ) {}

  pending: ReadonlyMap<Uuid, number> = $derived.by(() => pendingByElement(this.threats));
  questions: readonly QuestionProgress[] = $derived.by(() => progress(this.editor.doc, { pendingByElement: this.pending }));
  checks: readonly CompletenessCheck[] = $derived.by(() => completenessChecks(this.editor.doc));
  coverage: StrideCoverage = $derived.by(() => strideCoverage(this.editor.doc, this.pending));
  planning: RiskPlanning = $derived.by(() => riskPlanning(this.editor.doc));
  latest = $derived.by(() => latestReview(this.editor.doc));
  /** Changes since the last sign-off; null before the first one. */
  changes: ReviewChanges | null = $derived.by(() => (this.latest ? changesSinceBaseline(this.editor.doc, this.latest.baseline) : null));

  markReviewed = (elementId: Uuid) => this.editor.dispatch(markElementReviewed(elementId, new Date().toISOString()));
  unmarkReviewed = (elementId: Uuid) => this.editor.dispatch(unmarkElementReviewed(elementId));
}
