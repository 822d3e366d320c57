// What the STRIDE panel and the review list need around suggestions.
import { STRIDE, type StrideLetter, type Threat, type Uuid } from '../model';
import type { RuleMitigation, SuggestedThreat } from './types';

/** A model threat title is at most this long (the document schema's limit). */
const TITLE_MAX = 500;

/** The suggestions for one element (node or flow), in their original order. */
export function suggestionsFor(elementId: Uuid, suggestions: readonly SuggestedThreat[]): SuggestedThreat[] {
  return suggestions.filter((s) => s.elementId === elementId);
}

/**
 * Items by STRIDE letter, S T R I D E, each letter present (possibly empty). An item with several
 * letters appears under each. Works for suggestions and for recorded threats alike.
 */
export function groupByStride<T extends { readonly stride: readonly StrideLetter[] }>(items: readonly T[]): Record<StrideLetter, T[]> {
  const groups = { S: [], T: [], R: [], I: [], D: [], E: [] } as Record<StrideLetter, T[]>;
  for (const item of items) for (const letter of STRIDE) if (item.stride.includes(letter)) groups[letter].push(item);
  return groups;
}

/** Whether the model already records this suggestion: a threat from the same rule on the same element. */
export function isRecorded(suggestion: SuggestedThreat, threats: readonly Threat[]): boolean {
  return threats.some((t) => t.origin.kind === 'rule' && t.origin.ruleId === suggestion.ruleId && t.elementIds.includes(suggestion.elementId));
}

/** Suggestions the model does not record yet, in their original order. */
export function withoutRecorded(suggestions: readonly SuggestedThreat[], threats: readonly Threat[]): SuggestedThreat[] {
  const recorded = new Set<string>();
  for (const t of threats) if (t.origin.kind === 'rule') for (const id of t.elementIds) recorded.add(`${t.origin.ruleId}@${id}`);
  return suggestions.filter((s) => !recorded.has(s.key));
}

export interface AcceptedSuggestion {
  /** Ready to add to `doc.threats`: open, linked to the element, its rule, facts and refs. */
  readonly threat: Threat;
  /** The rule's suggested mitigations, for the UI to offer or create (not yet linked). */
  readonly mitigations: readonly RuleMitigation[];
}

/** Turns a suggestion into a model threat (the caller supplies the new id). */
export function threatFromSuggestion(suggestion: SuggestedThreat, id: Uuid): AcceptedSuggestion {
  const title = suggestion.title.length > TITLE_MAX ? `${suggestion.title.slice(0, TITLE_MAX - 1)}…` : suggestion.title;
  return {
    threat: {
      id,
      title,
      description: suggestion.description,
      elementIds: [suggestion.elementId],
      stride: [...suggestion.stride],
      refs: [...suggestion.refs],
      origin: { kind: 'rule', ruleId: suggestion.ruleId, facts: [...suggestion.explanation.facts] },
      status: 'open',
      likelihood: suggestion.likelihood,
      impact: suggestion.impact,
      owner: '',
      mitigationIds: [],
      acceptance: null,
      statusReason: '',
      owaspRisk: null,
    },
    mitigations: suggestion.mitigations,
  };
}
