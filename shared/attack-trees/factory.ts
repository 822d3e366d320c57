// New attack trees and steps with every field filled.
import { newId, type AttackTree, type AttackTreeStep, type Uuid } from '../model';

export function createAttackTree(goal: string): AttackTree {
  return { id: newId(), goal: goal.trim(), steps: [] };
}

/** A step under `parentId` (null: directly under the goal). Steps start as OR: any child will do. */
export function createAttackTreeStep(fields: Partial<AttackTreeStep> & Pick<AttackTreeStep, 'label'>): AttackTreeStep {
  return { id: newId(), parentId: null as Uuid | null, gate: 'or', threatIds: [], mitigationIds: [], ...fields, label: fields.label.trim() };
}
