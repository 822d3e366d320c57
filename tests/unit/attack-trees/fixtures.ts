// A small attack tree over a model with three mitigations, for evaluation, layout and commands.
import type { AttackTree, AttackTreeStep, Mitigation, MitigationStatus, ModelDocument } from '../../../shared/model';
import { createMitigation, createModel, createThreat } from '../../../shared/model';
import { deepFreeze } from '../editing/fixtures';

export const TREE = '00000000-0000-4000-8000-000000000001';
export const S = {
  weights: '00000000-0000-4000-8000-000000000010',
  registry: '00000000-0000-4000-8000-000000000011',
  creds: '00000000-0000-4000-8000-000000000012',
  bucket: '00000000-0000-4000-8000-000000000013',
  extract: '00000000-0000-4000-8000-000000000020',
  queries: '00000000-0000-4000-8000-000000000021',
  train: '00000000-0000-4000-8000-000000000022',
} as const;
export const M = {
  mfa: '00000000-0000-4000-8000-000000000100',
  private: '00000000-0000-4000-8000-000000000101',
  rate: '00000000-0000-4000-8000-000000000102',
} as const;
export const THREAT = '00000000-0000-4000-8000-000000000200';

export function step(id: string, label: string, parentId: string | null, extra: Partial<AttackTreeStep> = {}): AttackTreeStep {
  return { id, label, parentId, gate: 'or', threatIds: [], mitigationIds: [], ...extra };
}

/**
 * Goal "Steal the model":
 *   OR  Copy the weights           (or)
 *         AND Through the registry (and): Phish registry credentials [mfa], Reach the registry
 *         Read a public bucket [private]
 *   Extract through the API        (and): Send many queries [rate], Train a copy
 */
export function tree(): AttackTree {
  return {
    id: TREE,
    goal: 'Steal the model',
    steps: [
      step(S.weights, 'Copy the weights', null),
      step(S.registry, 'Through the registry', S.weights, { gate: 'and' }),
      step(S.creds, 'Phish registry credentials', S.registry, { mitigationIds: [M.mfa] }),
      step(S.bucket, 'Read a public bucket', S.weights, { mitigationIds: [M.private] }),
      step(S.extract, 'Extract through the API', null, { gate: 'and' }),
      step(S.queries, 'Send many queries', S.extract, { mitigationIds: [M.rate], threatIds: [THREAT] }),
      step(S.train, 'Train a copy', S.extract),
    ],
  };
}

export function mitigations(status: Partial<Record<keyof typeof M, MitigationStatus>> = {}): Mitigation[] {
  return (Object.keys(M) as (keyof typeof M)[]).map((key) => createMitigation({ id: M[key], title: key, status: status[key] ?? 'proposed' }));
}

export function model(): ModelDocument {
  return deepFreeze({
    ...createModel('Fraud model', '2024-01-01T00:00:00.000Z'),
    threats: [createThreat({ id: THREAT, title: 'Model extraction' })],
    mitigations: mitigations(),
    attackTrees: [tree()],
  });
}
