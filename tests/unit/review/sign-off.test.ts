import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST, baselineOf, changesSinceBaseline, latestReview, progress } from '../../../shared/review';
import { createNode, type ModelDocument, type Review } from '../../../shared/model';
import { chatbot } from './fixtures';

function signed(doc: ModelDocument, reviewer = 'Ana', date = '2024-03-01'): ModelDocument {
  const review: Review = { id: `r-${doc.reviews.length}`, reviewer, date, notes: '', checklist: [...DEFAULT_CHECKLIST], baseline: baselineOf(doc) };
  return { ...doc, reviews: [...doc.reviews, review] };
}

describe('question 4: sign-off and changes since', () => {
  it('the baseline records every element and each threat and mitigation status', () => {
    const { doc, main, threats, guard } = chatbot();
    const baseline = baselineOf(doc);
    expect(baseline.elements).toHaveLength(main.nodes.length + main.flows.length + main.boundaries.length);
    expect(baseline.threats[threats.injection.id]).toBe('open');
    expect(baseline.mitigations[guard.id]).toBe('planned');
  });

  it('nothing changed right after a sign-off', () => {
    const { doc } = chatbot();
    expect(changesSinceBaseline(doc, baselineOf(doc)).total).toBe(0);
    expect(progress(signed(doc))[3]).toMatchObject({ done: 1, complete: true, label: 'Signed off by Ana on 2024-03-01' });
  });

  it('lists elements, threats and mitigations added, removed or re-statused', () => {
    const { doc, main, vector, threats, guard, rejected } = chatbot();
    const baseline = baselineOf(doc);
    const added = createNode('guardrail', { x: 0, y: 0 }, 'Output filter');
    const later: ModelDocument = {
      ...doc,
      diagrams: [{ ...main, nodes: [...main.nodes.filter((n) => n.id !== vector.id), added] }, doc.diagrams[1]!],
      threats: [
        ...doc.threats.filter((t) => t.id !== threats.low.id).map((t) => (t.id === threats.injection.id ? { ...t, status: 'mitigated' as const } : t)),
        { ...threats.low, id: 'new-threat', title: 'Data leak' },
      ],
      mitigations: [{ ...guard, status: 'implemented' }],
    };
    const changes = changesSinceBaseline(later, baseline);
    expect(changes.elementsAdded.map((e) => e.name)).toEqual(['Output filter']);
    expect(changes.elementsRemoved).toEqual([vector.id]);
    expect(changes.threatsAdded).toEqual([{ id: 'new-threat', title: 'Data leak' }]);
    expect(changes.threatsRemoved).toEqual([threats.low.id]);
    expect(changes.threatStatusChanged).toEqual([{ id: threats.injection.id, title: 'Prompt injection', from: 'open', to: 'mitigated' }]);
    expect(changes.mitigationsRemoved).toEqual([rejected.id]);
    expect(changes.mitigationStatusChanged).toEqual([{ id: guard.id, title: 'Prompt guardrails', from: 'planned', to: 'implemented' }]);
    expect(changes.total).toBe(7);
    expect(progress(signed(doc))[3]!.complete).toBe(true);
    const stale = { ...later, reviews: signed(doc).reviews };
    expect(progress(stale)[3]).toMatchObject({ done: 0, complete: false, label: '7 changes since the sign-off on 2024-03-01' });
  });

  it('the latest review is the last one signed', () => {
    const { doc } = chatbot();
    expect(latestReview(doc)).toBeNull();
    expect(latestReview(signed(signed(doc, 'Ana'), 'Ben', '2024-01-01'))?.reviewer).toBe('Ben');
  });

  it('the default checklist has unique ids and nothing ticked', () => {
    expect(new Set(DEFAULT_CHECKLIST.map((c) => c.id)).size).toBe(DEFAULT_CHECKLIST.length);
    expect(DEFAULT_CHECKLIST.every((c) => !c.done && c.label.length > 10)).toBe(true);
  });
});
