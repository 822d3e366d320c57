// State of the Mitigations view: which mode (table or roadmap) and which mitigation is open in the
// editor panel. Everything it shows is derived from the document; every change is a command.
import { createMitigation, type Mitigation, type Threat } from '../../shared/model';
import { addMitigation, deleteMitigations, linkMitigation, unlinkMitigation, updateMitigation, type MitigationChanges } from '../../shared/editing';
import { coverage, isoDay, phasesOf, roadmap } from '../../shared/mitigations';
import type { EditorState } from '../editor/editor.svelte';

export type MitigationsMode = 'list' | 'roadmap';

export class MitigationsState {
  mode = $state<MitigationsMode>('list');
  selectedId = $state<string | null>(null);
  /** The user's local day; a view left open past midnight keeps the day it opened with. */
  readonly today = isoDay(new Date());

  constructor(private readonly editor: EditorState) {}

  mitigations: readonly Mitigation[] = $derived.by(() => this.editor.doc.mitigations);
  coverage = $derived.by(() => coverage(this.editor.doc));
  roadmap = $derived.by(() => roadmap(this.editor.doc, this.today));
  phases = $derived.by(() => phasesOf(this.editor.doc));
  selected: Mitigation | null = $derived(this.mitigations.find((m) => m.id === this.selectedId) ?? null);

  /** Each element's name by id, across diagrams, to say where a threat sits. */
  private elementNames = $derived.by(() => {
    const names = new Map<string, string>();
    for (const d of this.editor.doc.diagrams) {
      for (const n of d.nodes) names.set(n.id, n.name || 'Unnamed element');
      for (const f of d.flows) names.set(f.id, f.name || 'Unnamed flow');
    }
    return names;
  });

  /** "Prompt injection — LLM, Chat app": a threat told apart from others with the same title. */
  threatLabel = (t: Threat): string => {
    const where = t.elementIds.map((id) => this.elementNames.get(id)).filter(Boolean);
    return where.length ? `${t.title} — ${where.join(', ')}` : t.title;
  };

  linkedThreats = (id: string): readonly Threat[] => this.coverage.get(id) ?? [];

  select = (id: string | null) => {
    this.selectedId = id;
  };

  add = (title: string): boolean => {
    const mitigation = createMitigation({ title: title.trim() });
    if (!this.editor.dispatch(addMitigation(mitigation))) return false;
    this.selectedId = mitigation.id;
    return true;
  };

  /** A one-shot change (a select, a date): its own undo step. */
  update = (id: string, changes: MitigationChanges): boolean => this.editor.dispatch(updateMitigation(id, changes));

  /** A keystroke edit of one field: consecutive keystrokes form one undo step. */
  type = (id: string, field: keyof MitigationChanges, changes: MitigationChanges): boolean =>
    this.editor.edit(`mitigation:${field}:${id}`, updateMitigation(id, changes));

  remove = (id: string) => {
    if (this.editor.dispatch(deleteMitigations([id])) && this.selectedId === id) this.selectedId = null;
  };

  link = (threatId: string, mitigationId: string) => this.editor.dispatch(linkMitigation(threatId, mitigationId));
  unlink = (threatId: string, mitigationId: string) => this.editor.dispatch(unlinkMitigation(threatId, mitigationId));

  /** Moves the last refusal from the editor's toast to the form that caused it, shown beside the field. */
  takeRefusal = (): string | null => {
    const message = this.editor.notice;
    this.editor.notice = null;
    return message;
  };
}
