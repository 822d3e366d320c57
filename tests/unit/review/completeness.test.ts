import { describe, expect, it } from 'vitest';
import { completenessChecks, type CheckItem, type CompletenessCheckId } from '../../../shared/review';
import { createLineBoundary } from '../../../shared/model';
import { chatbot } from './fixtures';

const names = (item: CheckItem) => (item.kind === 'element' ? item.element.name : item.name);
const found = (checks: ReturnType<typeof completenessChecks>, id: CompletenessCheckId) => checks.find((c) => c.id === id)!.items.map(names);

describe('question 1: completeness checks', () => {
  it('lists the offending elements of each check, leaving out-of-scope elements aside', () => {
    const { doc } = chatbot();
    const checks = completenessChecks(doc);
    expect(checks.map((c) => c.id)).toEqual(['scope-fields', 'empty-diagrams', 'flows-without-protocol', 'outside-boundary', 'isolated-nodes']);
    expect(found(checks, 'scope-fields')).toEqual(['In scope', 'Out of scope', 'Assumptions', 'Business objectives']);
    expect(found(checks, 'empty-diagrams')).toEqual(['Training']);
    expect(found(checks, 'flows-without-protocol')).toEqual(['Prompt']);
    expect(found(checks, 'outside-boundary')).toEqual(['User']);
    expect(found(checks, 'isolated-nodes')).toEqual(['Vector DB']);
  });

  it('names flows by their ends and unnamed elements by type', () => {
    const { doc, main, prompt } = chatbot();
    const renamed = { ...doc, diagrams: [{ ...main, flows: main.flows.map((f) => (f.id === prompt.id ? { ...f, name: ' ' } : f)) }] };
    const item = completenessChecks(renamed).find((c) => c.id === 'flows-without-protocol')!.items[0]!;
    expect(item).toMatchObject({ kind: 'element', element: { id: prompt.id, name: 'Unnamed data flow', detail: 'Chat app → LLM', diagramName: 'Main' } });
  });

  it('passes once the gaps are filled', () => {
    const { doc, main, backend, vector, user } = chatbot();
    const fixed = {
      ...doc,
      scope: { inScope: 'Chat', outOfScope: 'Billing', assumptions: 'SSO works', businessObjectives: 'Fewer tickets' },
      diagrams: [
        {
          ...main,
          nodes: main.nodes.filter((n) => n.id !== vector.id && n.id !== user.id),
          flows: main.flows.filter((f) => f.source !== user.id).map((f) => ({ ...f, protocol: 'gRPC' })),
          boundaries: [backend],
        },
      ],
    };
    expect(completenessChecks(fixed).filter((c) => c.items.length > 0)).toEqual([]);
  });

  it('does not ask for box boundaries in a diagram zoned by line boundaries', () => {
    const { doc, main } = chatbot();
    const zoned = { ...doc, diagrams: [{ ...main, boundaries: [createLineBoundary({ x: 200, y: 0 })] }] };
    expect(found(completenessChecks(zoned), 'outside-boundary')).toEqual([]);
    const none = { ...doc, diagrams: [{ ...main, boundaries: [] }] };
    expect(found(completenessChecks(none), 'outside-boundary')).toEqual(['User', 'Chat app', 'LLM', 'Vector DB']);
  });
});
