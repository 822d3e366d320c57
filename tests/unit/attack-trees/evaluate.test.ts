import { describe, expect, it } from 'vitest';
import { evaluateAttackTree } from '../../../shared/attack-trees';
import { M, S, mitigations, step, tree } from './fixtures';

describe('attack tree evaluation', () => {
  it('nothing is blocked while no mitigation is implemented', () => {
    const result = evaluateAttackTree(tree(), mitigations());
    expect([...result.steps.values()].some((s) => s.blocked)).toBe(false);
    expect(result.goalBlocked).toBe(false);
    expect(result.openPaths).toBe(2);
  });

  it('a step is blocked when all its linked mitigations are implemented or verified', () => {
    const result = evaluateAttackTree(tree(), mitigations({ private: 'implemented' }));
    expect(result.steps.get(S.bucket)).toEqual({ blocked: true, by: 'mitigations', linked: 1, blocking: 1 });
    const twoLinks = { ...tree(), steps: [step(S.bucket, 'Read a bucket', null, { mitigationIds: [M.private, M.mfa] })] };
    expect(evaluateAttackTree(twoLinks, mitigations({ private: 'verified' })).steps.get(S.bucket)).toMatchObject({ blocked: false, linked: 2, blocking: 1 });
    expect(evaluateAttackTree(twoLinks, mitigations({ private: 'verified', mfa: 'implemented' })).steps.get(S.bucket)?.blocked).toBe(true);
  });

  it('planned, in-progress and rejected mitigations do not block; a step without mitigations is never blocked by itself', () => {
    for (const status of ['planned', 'in-progress', 'rejected'] as const) {
      expect(evaluateAttackTree(tree(), mitigations({ private: status })).steps.get(S.bucket)?.blocked).toBe(false);
    }
    expect(evaluateAttackTree(tree(), mitigations({ mfa: 'verified', private: 'verified', rate: 'verified' })).steps.get(S.train)?.blocked).toBe(false);
  });

  it('links to mitigations the model no longer has count for nothing', () => {
    const dangling = { ...tree(), steps: [step(S.bucket, 'Read a bucket', null, { mitigationIds: ['00000000-0000-4000-8000-00000000dead'] })] };
    expect(evaluateAttackTree(dangling, mitigations()).steps.get(S.bucket)).toEqual({ blocked: false, by: null, linked: 0, blocking: 0 });
  });

  it('an AND step is blocked when any child is blocked', () => {
    const result = evaluateAttackTree(tree(), mitigations({ mfa: 'implemented' }));
    expect(result.steps.get(S.creds)?.blocked).toBe(true);
    expect(result.steps.get(S.registry)).toMatchObject({ blocked: true, by: 'children' });
    // Its OR parent still has the public bucket open.
    expect(result.steps.get(S.weights)?.blocked).toBe(false);
  });

  it('an OR step is blocked only when all children are blocked', () => {
    const one = evaluateAttackTree(tree(), mitigations({ private: 'implemented' }));
    expect(one.steps.get(S.weights)?.blocked).toBe(false);
    const both = evaluateAttackTree(tree(), mitigations({ private: 'implemented', mfa: 'verified' }));
    expect(both.steps.get(S.weights)).toMatchObject({ blocked: true, by: 'children' });
  });

  it('the goal is blocked when every step under it is blocked', () => {
    const partly = evaluateAttackTree(tree(), mitigations({ private: 'implemented', mfa: 'verified' }));
    expect(partly.goalBlocked).toBe(false);
    expect(partly.openPaths).toBe(1);
    const all = evaluateAttackTree(tree(), mitigations({ private: 'implemented', mfa: 'verified', rate: 'implemented' }));
    expect(all.steps.get(S.extract)).toMatchObject({ blocked: true, by: 'children' });
    expect(all.goalBlocked).toBe(true);
    expect(all.openPaths).toBe(0);
  });

  it('a tree without steps does not block its goal', () => {
    expect(evaluateAttackTree({ steps: [] }, []).goalBlocked).toBe(false);
  });

  it('a step blocked by its own mitigation says so even when its children would block it too', () => {
    const t = tree();
    const own = { ...t, steps: t.steps.map((s) => (s.id === S.registry ? { ...s, mitigationIds: [M.rate] } : s)) };
    expect(evaluateAttackTree(own, mitigations({ rate: 'implemented', mfa: 'implemented' })).steps.get(S.registry)?.by).toBe('mitigations');
  });

  it('survives a malformed tree with a cycle or a missing parent', () => {
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    const orphan = '00000000-0000-4000-8000-00000000000c';
    const broken = { steps: [step(a, 'A', b), step(b, 'B', a), step(orphan, 'Orphan', '00000000-0000-4000-8000-0000000000ff', { mitigationIds: [M.rate] })] };
    const result = evaluateAttackTree(broken, mitigations({ rate: 'implemented' }));
    expect(result.steps.size).toBe(3);
    // The orphan counts as a top-level step, and it is the only one.
    expect(result.goalBlocked).toBe(true);
  });
});
