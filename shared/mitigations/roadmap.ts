// The roadmap: mitigations in columns by phase (or milestone), each column grouped by status, so a
// team sees what is planned when and what is late. Phases are free text the user types; columns
// are ordered naturally ("Phase 2" before "Phase 10"), with unscheduled work last.
import { MITIGATION_STATUSES, type Mitigation, type MitigationStatus, type ModelDocument, type Uuid } from '../model/types';
import { coverage } from './coverage';
import { byDueDate, isOverdue } from './schedule';

export const UNSCHEDULED_LABEL = 'Unscheduled';

export interface RoadmapCard {
  readonly mitigation: Mitigation;
  readonly overdue: boolean;
  /** How many threats link this mitigation. */
  readonly threatCount: number;
}

export interface RoadmapGroup {
  readonly status: MitigationStatus;
  /** Earliest due date first. */
  readonly cards: readonly RoadmapCard[];
}

export interface RoadmapColumn {
  /** The phase as the mitigations carry it (trimmed); '' for the unscheduled column. */
  readonly phase: string;
  readonly label: string;
  /** Only statuses that have cards, in lifecycle order (proposed … verified, rejected last). */
  readonly groups: readonly RoadmapGroup[];
  readonly total: number;
  readonly overdue: number;
}

/** A phase as grouped: surrounding and repeated spaces do not make a new column. */
export function phaseKey(phase: string): string {
  return phase.trim().replace(/\s+/g, ' ');
}

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Every phase the model's mitigations use, in roadmap order, without the unscheduled one. */
export function phasesOf(doc: Pick<ModelDocument, 'mitigations'>): string[] {
  const phases = new Set(doc.mitigations.map((m) => phaseKey(m.phase)).filter(Boolean));
  return [...phases].sort(natural.compare);
}

export function roadmap(doc: Pick<ModelDocument, 'mitigations' | 'threats'>, today: string): RoadmapColumn[] {
  const linked = coverage(doc);
  const byPhase = new Map<string, Mitigation[]>();
  for (const m of doc.mitigations) {
    const key = phaseKey(m.phase);
    const list = byPhase.get(key);
    if (list) list.push(m);
    else byPhase.set(key, [m]);
  }
  const order = [...phasesOf(doc), ...(byPhase.has('') ? [''] : [])];
  return order.map((phase) => {
    const list = byPhase.get(phase)!;
    const cards = [...list].sort(byDueDate).map((mitigation) => ({
      mitigation,
      overdue: isOverdue(mitigation, today),
      threatCount: linked.get(mitigation.id)?.length ?? 0,
    }));
    const groups = MITIGATION_STATUSES.map((status) => ({ status, cards: cards.filter((c) => c.mitigation.status === status) })).filter(
      (g) => g.cards.length > 0,
    );
    return { phase, label: phase || UNSCHEDULED_LABEL, groups, total: cards.length, overdue: cards.filter((c) => c.overdue).length };
  });
}

/** Ids of the mitigations in a roadmap, column by column: what a keyboard user tabs through. */
export function roadmapOrder(columns: readonly RoadmapColumn[]): Uuid[] {
  return columns.flatMap((c) => c.groups.flatMap((g) => g.cards.map((card) => card.mitigation.id)));
}
