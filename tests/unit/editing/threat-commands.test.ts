import { describe, expect, it } from 'vitest';
import {
  acceptThreat,
  addThreat,
  deleteThreats,
  dismissSuggestion,
  restoreSuggestion,
  setThreatStatus,
  updateThreat,
} from '../../../shared/editing';
import type { Threat } from '../../../shared/model';
import { LATER, expectNoOp, fixture, roundTrip } from './fixtures';

const ID = '11111111-1111-4111-8111-111111111111';

function suggested(elementId: string): Threat {
  return {
    id: ID,
    title: 'Prompt injection against LLM',
    description: 'Crafted input overrides instructions.',
    elementIds: [elementId],
    stride: ['T', 'E'],
    refs: ['owasp-llm-2025:LLM01', 'atlas:AML.T0051'],
    origin: { kind: 'rule', ruleId: 'llm-direct-injection', facts: ['LLM receives user text'] },
    status: 'open',
    likelihood: 4,
    impact: 4,
    owner: '',
    mitigationIds: [],
    acceptance: null,
    statusReason: '',
    owaspRisk: null,
  };
}

const guardrails = { title: 'Input and output guardrails', description: 'Screen prompts.', refs: ['atlas:AML.M0020'] };
const privilege = { title: 'Least privilege for the model', description: 'No standing rights.', refs: [] };

describe('threat commands', () => {
  it('adds, edits, re-statuses and deletes threats, each undoable exactly', () => {
    const { doc, ids } = fixture();
    const added = roundTrip(doc, addThreat(suggested(ids.llm)));
    expect(added.threats.at(-1)!.title).toBe('Prompt injection against LLM');
    const edited = roundTrip(added, updateThreat(ID, { owner: 'Platform team', likelihood: 2 }));
    expect(edited.threats.at(-1)).toMatchObject({ owner: 'Platform team', likelihood: 2 });
    const marked = roundTrip(edited, setThreatStatus([ID, doc.threats[0]!.id], 'mitigated'));
    expect(marked.threats.filter((t) => t.status === 'mitigated')).toHaveLength(2);
    const gone = roundTrip(marked, deleteThreats([ID]));
    expect(gone.threats.map((t) => t.id)).not.toContain(ID);
  });

  it('accepting creates the suggested mitigations once and links existing ones of the same kind', () => {
    const { doc, ids } = fixture();
    const first = roundTrip(doc, acceptThreat(suggested(ids.llm), [guardrails, privilege]));
    expect(first.mitigations.map((m) => m.title)).toEqual(['Input and output guardrails', 'Least privilege for the model']);
    expect(first.mitigations[0]).toMatchObject({ status: 'proposed', refs: ['atlas:AML.M0020'] });
    expect(first.threats.at(-1)!.mitigationIds).toEqual(first.mitigations.map((m) => m.id));

    const again = { ...suggested(ids.db), id: '22222222-2222-4222-8222-222222222222' };
    const second = roundTrip(first, acceptThreat(again, [{ ...guardrails, title: '  input AND output guardrails ' }]));
    expect(second.mitigations).toHaveLength(2);
    expect(second.threats.at(-1)!.mitigationIds).toEqual([first.mitigations[0]!.id]);
    const known = new Set(second.mitigations.map((m) => m.id));
    expect(second.threats.flatMap((t) => t.mitigationIds).every((id) => known.has(id))).toBe(true);
  });

  it('refuses a threat id that is already used', () => {
    const { doc, ids } = fixture();
    const added = roundTrip(doc, addThreat(suggested(ids.llm)));
    expect(() => roundTrip(added, acceptThreat(suggested(ids.llm), []))).toThrow(/already used/);
  });

  it('dismisses a suggestion with a reason, updates the reason, and restores it', () => {
    const { doc, ids } = fixture();
    const dismissed = roundTrip(doc, dismissSuggestion('llm-direct-injection', ids.llm, 'Only fixed prompts', LATER));
    expect(dismissed.dismissals).toEqual([
      { key: `llm-direct-injection@${ids.llm}`, ruleId: 'llm-direct-injection', elementId: ids.llm, reason: 'Only fixed prompts', date: LATER },
    ]);
    const reworded = roundTrip(dismissed, dismissSuggestion('llm-direct-injection', ids.llm, 'Fixed prompts only', LATER));
    expect(reworded.dismissals).toHaveLength(1);
    expect(reworded.dismissals[0]!.reason).toBe('Fixed prompts only');
    const restored = roundTrip(reworded, restoreSuggestion(`llm-direct-injection@${ids.llm}`));
    expect(restored.dismissals).toEqual([]);
    expectNoOp(restored, restoreSuggestion('nothing@here'));
  });
});

describe('batch', () => {
  it('applies several commands as one undo step', async () => {
    const { batch } = await import('../../../shared/editing');
    const { doc, ids } = fixture();
    const both = batch('Dismiss 2 suggestions', [
      dismissSuggestion('a', ids.llm, 'not here', LATER),
      dismissSuggestion('b', ids.db, 'not here', LATER),
    ]);
    const after = roundTrip(doc, both);
    expect(after.dismissals.map((d) => d.key)).toEqual([`a@${ids.llm}`, `b@${ids.db}`]);
  });

  it('applies nothing when one command fails', async () => {
    const { batch, execute, emptyHistory } = await import('../../../shared/editing');
    const { doc, ids } = fixture();
    const failing = batch('Two', [dismissSuggestion('a', ids.llm, 'x', LATER), deleteThreats(['missing'])]);
    expect(() => execute(doc, emptyHistory, failing, LATER)).toThrow(/Threat not found/);
  });
});

describe('deletes leave no dangling references', () => {
  it('deleting a threat unlinks it from attack-tree steps, and undo relinks it', async () => {
    const { execute, emptyHistory, undo } = await import('../../../shared/editing');
    const { doc: base, ids } = fixture();
    const threatId = base.threats[0]!.id;
    const step = { id: 'step-1', label: 'Inject', parentId: null, gate: 'or' as const, threatIds: [threatId], mitigationIds: [] };
    const doc = { ...base, attackTrees: [{ id: 'tree-1', goal: 'Steal the model', steps: [step] }] };
    const done = execute(doc, emptyHistory, deleteThreats([threatId]), LATER);
    expect(done.doc.attackTrees[0]!.steps[0]!.threatIds).toEqual([]);
    expect(undo(done.doc, done.history)!.doc).toEqual(doc);
    void ids;
  });

  it('deleting an element drops its STRIDE review', async () => {
    const { execute, emptyHistory, deleteElements } = await import('../../../shared/editing');
    const { doc: base, diagram, ids } = fixture();
    const doc = { ...base, strideReviews: [{ elementId: ids.llm, date: LATER }, { elementId: ids.db, date: LATER }] };
    const done = execute(doc, emptyHistory, deleteElements(diagram.id, [ids.llm]), LATER);
    expect(done.doc.strideReviews.map((r) => r.elementId)).toEqual([ids.db]);
  });
});
