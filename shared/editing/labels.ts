// User-facing labels for edits, picked from which fields a change touches.
import { COMPONENT_TYPES, componentType } from '../model/component-types';
import type { AiType } from '../model/types';
import { changedKeys } from './draft-helpers';

/** [label, fields]: the first rule whose fields cover every changed key names the edit. */
export type LabelRule = readonly [string, readonly string[]];

export function labelFor(changes: object, rules: readonly LabelRule[], fallback: string): string {
  const keys = changedKeys(changes).filter((k) => k !== 'id');
  if (keys.length === 0) return fallback;
  const rule = rules.find(([, fields]) => keys.every((k) => fields.includes(k)));
  return rule ? rule[0] : fallback;
}

export function aiTypeLabel(aiType: AiType): string {
  try {
    return componentType(aiType).label;
  } catch {
    return 'node';
  }
}

/** The property's label from whichever component type defines it, else its key. */
export function propertyLabel(key: string): string {
  for (const type of COMPONENT_TYPES) {
    const def = type.properties.find((p) => p.key === key);
    if (def) return def.label;
  }
  return key;
}

export const NODE_LABELS: readonly LabelRule[] = [
  ['Rename node', ['name']],
  ['Move node', ['position']],
  ['Resize node', ['position', 'size']],
  ['Edit node description', ['description']],
  ['Edit node properties', ['properties']],
  ['Change node type', ['aiType', 'kind', 'properties']],
  ['Change node scope', ['outOfScope', 'outOfScopeReason']],
];

export const FLOW_LABELS: readonly LabelRule[] = [
  ['Rename flow', ['name']],
  ['Edit flow description', ['description']],
  ['Reconnect flow', ['source', 'target']],
  ['Reshape flow', ['vertices']],
  ['Change flow scope', ['outOfScope', 'outOfScopeReason']],
];

export const BOUNDARY_LABELS: readonly LabelRule[] = [
  ['Rename trust boundary', ['name']],
  ['Edit trust boundary description', ['description']],
  ['Change trust level', ['trustLevel']],
  ['Move trust boundary', ['position']],
  ['Resize trust boundary', ['position', 'size']],
  ['Reshape trust boundary', ['points']],
];

export const MODEL_LABELS: readonly LabelRule[] = [
  ['Rename model', ['title']],
  ['Edit model description', ['description']],
  ['Edit scope', ['scope']],
  ['Edit reviewers', ['reviewers']],
];
