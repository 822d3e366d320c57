// A status change being written: the status, and the acceptance or reason fields it needs. One
// draft serves the detail pane (one threat, prefilled) and the bulk bar (many threats, blank).
import type { RiskAcceptance, Threat, ThreatStatus } from '../../shared/model';
import { REASON_STATUSES, threatLifecycleProblems, type ThreatLifecycle } from '../../shared/editing';
import { today } from './labels';

type Current = Pick<Threat, 'status' | 'acceptance' | 'statusReason'>;

export class LifecycleDraft {
  status = $state<ThreatStatus>('open');
  rationale = $state('');
  approver = $state('');
  date = $state(today());
  reviewBy = $state('');
  reason = $state('');
  problems = $state<readonly string[]>([]);

  /** `keepReasons`: an empty reason leaves each threat's own (bulk); otherwise it is the reason. */
  constructor(current: Current | null, private readonly keepReasons = false) {
    if (!current) return;
    this.status = current.status;
    this.reason = current.statusReason;
    if (current.acceptance) {
      this.rationale = current.acceptance.rationale;
      this.approver = current.acceptance.approver;
      this.date = current.acceptance.date;
      this.reviewBy = current.acceptance.reviewBy;
    }
  }

  needsAcceptance = $derived.by(() => this.status === 'accepted');
  needsReason = $derived.by(() => REASON_STATUSES.includes(this.status));

  lifecycle(): ThreatLifecycle {
    const acceptance: RiskAcceptance = {
      rationale: this.rationale.trim(),
      approver: this.approver.trim(),
      date: this.date,
      reviewBy: this.reviewBy,
    };
    const reason = this.reason.trim();
    return {
      status: this.status,
      acceptance: this.needsAcceptance ? acceptance : null,
      statusReason: this.needsReason && (reason || !this.keepReasons) ? reason : undefined,
    };
  }

  /**
   * What would be refused for these threats, worded once per distinct problem. Empty means the
   * change can be dispatched; the form shows the list otherwise.
   */
  check(threats: readonly Current[]): readonly string[] {
    const next = this.lifecycle();
    const messages = new Set(threats.flatMap((t) => threatLifecycleProblems(t, next)));
    this.problems = [...messages];
    return this.problems;
  }
}
