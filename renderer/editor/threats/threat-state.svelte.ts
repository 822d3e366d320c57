// Suggested and recorded threats for the open model: the rule engine runs over the document on
import { getContext, setContext } from 'svelte';
// every change (it reuses diagram geometry between runs), and accept/dismiss/restore go through
// the editor's one history.
import { createThreat, newId, type Dismissal, type StrideLetter, type Threat } from '../../../shared/model';
import { createRuleEngine, threatFromSuggestion, type Rule, type SuggestedThreat } from '../../../shared/rules';
import { acceptThreat, addThreat, dismissSuggestion, restoreSuggestion } from '../../../shared/editing';
import type { EditorState } from '../editor.svelte';

export interface ElementThreats {
  readonly recorded: readonly Threat[];
  readonly suggested: readonly SuggestedThreat[];
  readonly dismissed: readonly { readonly suggestion: SuggestedThreat; readonly dismissal: Dismissal }[];
}

export class ThreatState {
  private readonly engine;

  constructor(
    private readonly editor: EditorState,
    rules: readonly Rule[],
  ) {
    this.engine = createRuleEngine(rules);
  }

  /** Every suggestion for the whole model, recorded or not. */
  all: readonly SuggestedThreat[] = $derived.by(() => this.engine.evaluate(this.editor.doc));

  private recordedKeys = $derived.by(() => {
    const keys = new Set<string>();
    for (const t of this.editor.doc.threats) if (t.origin.kind === 'rule') for (const id of t.elementIds) keys.add(`${t.origin.ruleId}@${id}`);
    return keys;
  });
  private dismissals = $derived.by(() => new Map(this.editor.doc.dismissals.map((d) => [d.key, d])));

  /** Suggestions still waiting for a decision, model-wide. */
  pending: readonly SuggestedThreat[] = $derived.by(() => this.all.filter((s) => !this.recordedKeys.has(s.key) && !this.dismissals.has(s.key)));

  /** Open threats per element, for canvas badges. */
  openCounts: ReadonlyMap<string, number> = $derived.by(() => {
    const counts = new Map<string, number>();
    for (const t of this.editor.doc.threats) {
      if (t.status !== 'open') continue;
      for (const id of t.elementIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  });

  forElement(elementId: string): ElementThreats {
    const mine = this.all.filter((s) => s.elementId === elementId);
    return {
      recorded: this.editor.doc.threats.filter((t) => t.elementIds.includes(elementId)),
      suggested: mine.filter((s) => !this.recordedKeys.has(s.key) && !this.dismissals.has(s.key)),
      dismissed: mine.flatMap((s) => {
        const dismissal = this.dismissals.get(s.key);
        return dismissal && !this.recordedKeys.has(s.key) ? [{ suggestion: s, dismissal }] : [];
      }),
    };
  }

  accept = (suggestion: SuggestedThreat): boolean => {
    const { threat, mitigations } = threatFromSuggestion(suggestion, newId());
    return this.editor.dispatch(acceptThreat(threat, mitigations));
  };

  dismiss = (suggestion: SuggestedThreat, reason: string): boolean =>
    this.editor.dispatch(dismissSuggestion(suggestion.ruleId, suggestion.elementId, reason.trim(), new Date().toISOString()));

  restore = (key: string): boolean => this.editor.dispatch(restoreSuggestion(key));

  addCustom = (elementId: string, letter: StrideLetter, title: string): boolean =>
    this.editor.dispatch(
      addThreat(createThreat({ title: title.trim(), elementIds: [elementId], stride: [letter] })),
    );
}

const KEY = Symbol('threats');
export const setThreats = (threats: ThreatState) => setContext(KEY, threats);
export function getThreats(): ThreatState {
  const threats = getContext<ThreatState | undefined>(KEY);
  if (!threats) throw new Error('getThreats() used outside an <Editor>');
  return threats;
}
