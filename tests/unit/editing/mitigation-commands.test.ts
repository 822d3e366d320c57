import { describe, expect, it } from 'vitest';
import {
  acceptThreat,
  addMitigation,
  deleteMitigations,
  emptyHistory,
  execute,
  linkMitigation,
  unlinkMitigation,
  updateMitigation,
} from '../../../shared/editing';
import { createMitigation, type ModelDocument } from '../../../shared/model';
import { LATER, deepFreeze, expectNoOp, fixture, roundTrip } from './fixtures';

const MID = '33333333-3333-4333-8333-333333333333';
const OTHER = '44444444-4444-4444-8444-444444444444';
const rateLimits = () => createMitigation({ id: MID, title: 'Rate limits', owner: 'API team', phase: 'Phase 1' });

/** The fixture with one mitigation linked to the first threat and used by an attack-tree step. */
function withMitigation(): { doc: ModelDocument; threatIds: string[] } {
  const { doc } = fixture();
  const added = execute(doc, emptyHistory, addMitigation(rateLimits(), [doc.threats[0]!.id])).doc;
  const tree = { id: 'tree-1', goal: 'Steal the model', steps: [{ id: 's1', label: 'Query a lot', parentId: null, gate: 'or' as const, threatIds: [], mitigationIds: [MID] }] };
  return { doc: deepFreeze({ ...added, attackTrees: [tree] }), threatIds: doc.threats.map((t) => t.id) };
}

describe('mitigation commands', () => {
  it('adds a mitigation, linked to threats at once, undoably', () => {
    const { doc } = fixture();
    const done = roundTrip(doc, addMitigation(rateLimits(), [doc.threats[0]!.id, doc.threats[1]!.id, doc.threats[0]!.id]));
    expect(done.mitigations).toEqual([rateLimits()]);
    expect(done.threats.map((t) => t.mitigationIds)).toEqual([[MID], [MID], []]);
  });

  it('refuses a second mitigation of the same kind, a bad record, an unknown threat', () => {
    const { doc } = withMitigation();
    expect(() => roundTrip(doc, addMitigation(createMitigation({ id: OTHER, title: ' rate LIMITS ' })))).toThrow(/already has the mitigation “Rate limits”/);
    expect(() => roundTrip(doc, addMitigation(createMitigation({ id: OTHER, title: '' })))).toThrow(/needs a title/);
    expect(() => roundTrip(doc, addMitigation(createMitigation({ id: OTHER, title: 'x', effectiveness: 2 })))).toThrow(/between 0 % and 100 %/);
    expect(() => roundTrip(doc, addMitigation(createMitigation({ id: OTHER, title: 'x' }), ['nope']))).toThrow(/Threat not found: nope/);
    expect(() => roundTrip(doc, addMitigation(createMitigation({ id: MID, title: 'x' })))).toThrow(/already used/);
  });

  it('edits fields with labels that say what changed', () => {
    const { doc } = withMitigation();
    const done = roundTrip(doc, updateMitigation(MID, { status: 'implemented', effectiveness: 0.8 }));
    expect(done.mitigations[0]).toMatchObject({ status: 'implemented', effectiveness: 0.8, owner: 'API team' });
    expect(updateMitigation(MID, { dueDate: '2025-01-01' }).label).toBe('Set mitigation due date');
    expect(updateMitigation(MID, { status: 'planned' }).label).toBe('Change mitigation status');
    expect(updateMitigation(MID, { title: 'x', owner: 'y' }).label).toBe('Edit mitigation');
    expectNoOp(doc, updateMitigation(MID, { owner: 'API team' }));
  });

  it('refuses rejected without a reason, and accepts it with one', () => {
    const { doc } = withMitigation();
    expect(() => execute(doc, emptyHistory, updateMitigation(MID, { status: 'rejected' }))).toThrow(
      'Cannot change mitigation “Rate limits”: say why the mitigation was rejected.',
    );
    expect(() => execute(doc, emptyHistory, updateMitigation(MID, { status: 'rejected', rejectionReason: '  ' }))).toThrow(/say why/);
    const rejected = roundTrip(doc, updateMitigation(MID, { status: 'rejected', rejectionReason: 'Gateway does it' }));
    expect(() => execute(rejected, emptyHistory, updateMitigation(MID, { rejectionReason: '' }))).toThrow(/say why/);
    expect(() => execute(doc, emptyHistory, updateMitigation(MID, { dueDate: '2025-02-30' }))).toThrow(/not a date like/);
    expect(() => execute(doc, emptyHistory, updateMitigation('nope', { owner: 'x' }))).toThrow(/Mitigation not found/);
  });

  it('lets a record that arrived with a problem be edited elsewhere', () => {
    const { doc } = withMitigation();
    const broken = deepFreeze({ ...doc, mitigations: [{ ...doc.mitigations[0]!, status: 'rejected' as const }] });
    expect(roundTrip(broken, updateMitigation(MID, { owner: 'Platform' })).mitigations[0]!.owner).toBe('Platform');
  });

  it('deletes mitigations with every link to them, and undo restores them exactly', () => {
    const { doc } = withMitigation();
    const done = roundTrip(doc, deleteMitigations([MID]));
    expect(done.mitigations).toEqual([]);
    expect(done.threats.every((t) => t.mitigationIds.length === 0)).toBe(true);
    expect(done.attackTrees[0]!.steps[0]!.mitigationIds).toEqual([]);
    expect(() => execute(doc, emptyHistory, deleteMitigations(['nope']))).toThrow(/Mitigation not found/);
  });

  it('links and unlinks threats; repeating either changes nothing', () => {
    const { doc, threatIds } = withMitigation();
    const linked = roundTrip(doc, linkMitigation(threatIds[2]!, MID));
    expect(linked.threats[2]!.mitigationIds).toEqual([MID]);
    expectNoOp(linked, linkMitigation(threatIds[2]!, MID));
    const unlinked = roundTrip(linked, unlinkMitigation(threatIds[0]!, MID));
    expect(unlinked.threats.map((t) => t.mitigationIds)).toEqual([[], [], [MID]]);
    expectNoOp(unlinked, unlinkMitigation(threatIds[0]!, MID));
    expect(() => execute(doc, emptyHistory, linkMitigation(threatIds[0]!, 'nope'))).toThrow(/Mitigation not found/);
    expect(() => execute(doc, emptyHistory, linkMitigation('nope', MID))).toThrow(/Threat not found/);
  });

  it('accepting a suggestion links a hand-made mitigation of the same kind (one dedupe rule)', () => {
    const { doc } = withMitigation();
    const threat = { ...doc.threats[0]!, id: '55555555-5555-4555-8555-555555555555', mitigationIds: [] };
    const done = execute(doc, emptyHistory, acceptThreat(threat, [{ title: 'RATE limits', description: '', refs: [] }]), LATER).doc;
    expect(done.mitigations).toHaveLength(1);
    expect(done.threats.at(-1)!.mitigationIds).toEqual([MID]);
  });
});
