import { describe, expect, it } from 'vitest';
import {
  addAttackTree,
  addAttackTreeStep,
  deleteAttackTree,
  deleteAttackTreeStep,
  execute,
  emptyHistory,
  moveAttackTreeStep,
  renameAttackTree,
  updateAttackTreeStep,
  type Command,
} from '../../../shared/editing';
import { createAttackTree, createAttackTreeStep } from '../../../shared/attack-trees';
import { validateDocument, type ModelDocument } from '../../../shared/model';
import { M, S, THREAT, TREE, model } from '../attack-trees/fixtures';
import { LATER, expectNoOp, roundTrip } from './fixtures';

const refused = (doc: ModelDocument, command: Command) => () => execute(doc, emptyHistory, command, LATER);
const steps = (doc: ModelDocument) => doc.attackTrees[0]!.steps;
const valid = (doc: ModelDocument) => expect(validateDocument(doc)).toMatchObject({ ok: true });

describe('attack tree commands', () => {
  it('adds, renames and deletes trees, each undoable exactly', () => {
    const doc = model();
    const fresh = createAttackTree('  Poison the fraud model ');
    expect(fresh.goal).toBe('Poison the fraud model');
    const added = roundTrip(doc, addAttackTree(fresh));
    expect(added.attackTrees.map((t) => t.goal)).toEqual(['Steal the model', 'Poison the fraud model']);
    const renamed = roundTrip(added, renameAttackTree(fresh.id, 'Poison the scoring model'));
    expect(renamed.attackTrees[1]!.goal).toBe('Poison the scoring model');
    const gone = roundTrip(renamed, deleteAttackTree(TREE));
    expect(gone.attackTrees.map((t) => t.id)).toEqual([fresh.id]);
    valid(gone);
  });

  it('refuses a tree without a goal, a duplicate id, and unknown trees', () => {
    const doc = model();
    expect(refused(doc, addAttackTree({ ...createAttackTree('x'), goal: '  ' }))).toThrow('An attack tree’s goal cannot be empty');
    expect(refused(doc, addAttackTree({ ...createAttackTree('x'), id: TREE }))).toThrow(/already used/);
    expect(refused(doc, renameAttackTree(TREE, ''))).toThrow(/goal cannot be empty/);
    expect(refused(doc, renameAttackTree('nope', 'x'))).toThrow('Attack tree not found: nope');
    expectNoOp(doc, renameAttackTree(TREE, 'Steal the model'));
  });

  it('adds a child step under the goal or under a step', () => {
    const doc = model();
    const top = createAttackTreeStep({ label: 'Bribe an insider' });
    const child = createAttackTreeStep({ label: 'Find a disgruntled engineer', parentId: S.train, gate: 'and' });
    const withTop = roundTrip(doc, addAttackTreeStep(TREE, top));
    expect(steps(withTop).at(-1)).toMatchObject({ label: 'Bribe an insider', parentId: null, gate: 'or' });
    const withChild = roundTrip(withTop, addAttackTreeStep(TREE, child));
    expect(steps(withChild).at(-1)).toMatchObject({ parentId: S.train, gate: 'and' });
    valid(withChild);
  });

  it('refuses a step with no label, an unknown parent, or links to records the model lacks', () => {
    const doc = model();
    expect(refused(doc, addAttackTreeStep(TREE, createAttackTreeStep({ label: ' ' })))).toThrow('A step’s label cannot be empty');
    expect(refused(doc, addAttackTreeStep(TREE, createAttackTreeStep({ label: 'x', parentId: 'ghost' })))).toThrow(/Step not found/);
    expect(refused(doc, addAttackTreeStep(TREE, createAttackTreeStep({ label: 'x', mitigationIds: ['ghost'] })))).toThrow(
      'A step can only link a mitigation of this model; not found: ghost',
    );
    expect(refused(doc, updateAttackTreeStep(TREE, S.train, { threatIds: ['ghost'] }))).toThrow(/link a threat of this model/);
    expect(refused(doc, updateAttackTreeStep(TREE, S.train, { threatIds: [THREAT, THREAT] }))).toThrow('A step links each threat once');
    expect(refused(doc, updateAttackTreeStep(TREE, S.train, { gate: 'xor' as 'and' }))).toThrow(/gate is "and" or "or"/);
    expect(refused(doc, updateAttackTreeStep(TREE, 'ghost', { label: 'x' }))).toThrow(/Step not found in attack tree “Steal the model”/);
  });

  it('updates a step’s label, gate and links', () => {
    const doc = model();
    const edited = roundTrip(doc, updateAttackTreeStep(TREE, S.train, { label: 'Distil a copy', gate: 'and', threatIds: [THREAT], mitigationIds: [M.rate, M.mfa] }));
    expect(steps(edited).find((s) => s.id === S.train)).toMatchObject({ label: 'Distil a copy', gate: 'and', threatIds: [THREAT], mitigationIds: [M.rate, M.mfa] });
    expectNoOp(edited, updateAttackTreeStep(TREE, S.train, { label: 'Distil a copy' }));
    valid(edited);
  });

  it('deletes a step with its whole subtree', () => {
    const doc = model();
    const gone = roundTrip(doc, deleteAttackTreeStep(TREE, S.weights));
    expect(steps(gone).map((s) => s.id)).toEqual([S.extract, S.queries, S.train]);
    valid(gone);
  });

  it('moves a step under another parent, and refuses to move it under itself', () => {
    const doc = model();
    const moved = roundTrip(doc, moveAttackTreeStep(TREE, S.registry, S.extract));
    expect(steps(moved).at(-1)).toMatchObject({ id: S.registry, parentId: S.extract });
    // Its subtree comes along: the credentials step still hangs under it.
    expect(steps(moved).find((s) => s.id === S.creds)?.parentId).toBe(S.registry);
    const toGoal = roundTrip(moved, moveAttackTreeStep(TREE, S.registry, null));
    expect(steps(toGoal).at(-1)?.parentId).toBeNull();
    valid(toGoal);
    expect(refused(doc, moveAttackTreeStep(TREE, S.weights, S.creds))).toThrow('A step cannot move under itself or one of its own sub-steps');
    expect(refused(doc, moveAttackTreeStep(TREE, S.weights, S.weights))).toThrow(/under itself/);
    expect(refused(doc, moveAttackTreeStep(TREE, S.weights, 'ghost'))).toThrow(/Step not found/);
    expectNoOp(doc, moveAttackTreeStep(TREE, S.registry, S.weights));
  });
});
