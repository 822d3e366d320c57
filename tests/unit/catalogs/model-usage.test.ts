// "In this model" for the catalog browser: which threats and mitigations cite an entry, and which
// elements they concern.
import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../../shared/catalogs';
import { createFlow, createMitigation, createModel, createNode, createThreat, type ModelDocument } from '../../../shared/model';
import { modelUsage } from '../../../renderer/catalogs/model-usage';

function model(): ModelDocument {
  const base = createModel('Usage', '2025-01-01T00:00:00.000Z');
  const llm = createNode('llm', { x: 0, y: 0 }, 'Chat LLM');
  const store = createNode('vector-db', { x: 300, y: 0 }, 'Vector store');
  const flow = createFlow(store.id, llm.id, 'Retrieved chunks');
  const diagram = { ...base.diagrams[0]!, nodes: [llm, store], flows: [flow] };
  const filter = createMitigation({ title: 'Filter prompts', refs: ['atlas:AML.M0015'] });
  const threats = [
    createThreat({ title: 'Direct injection', elementIds: [llm.id], refs: ['owasp-llm-2025:LLM01', 'atlas:AML.T0051'], mitigationIds: [filter.id] }),
    createThreat({ title: 'Indirect injection', elementIds: [flow.id, llm.id, 'deleted-element'], refs: ['atlas-5.6.0:AML.T0051.001'] }),
    createThreat({ title: 'Unrelated', elementIds: [store.id], refs: ['owasp-llm-2025:LLM08'] }),
  ];
  return { ...base, diagrams: [diagram], threats, mitigations: [filter] };
}

describe('modelUsage', () => {
  const index = bundledIndex();

  it('finds threats citing the entry or one of its children, with their elements', () => {
    const usage = modelUsage(index, model(), 'atlas:AML.T0051');
    expect(usage.threats.map((t) => [t.title, t.via, t.elements.map((e) => e.name)])).toEqual([
      ['Direct injection', 'atlas:AML.T0051', ['Chat LLM']],
      ['Indirect injection', 'atlas:AML.T0051.001', ['Retrieved chunks', 'Chat LLM']],
    ]);
    const diagram = model().diagrams[0]!.name;
    expect(usage.elements.map((e) => [e.name, e.kind, e.diagram])).toEqual([
      ['Chat LLM', 'node', diagram],
      ['Retrieved chunks', 'flow', diagram],
    ]);
  });

  it('finds mitigations citing the entry, concerning the elements of the threats they mitigate', () => {
    const usage = modelUsage(index, model(), 'atlas-5.6.0:AML.M0015');
    expect(usage.threats).toEqual([]);
    expect(usage.mitigations.map((m) => [m.title, m.elements.map((e) => e.name)])).toEqual([['Filter prompts', ['Chat LLM']]]);
  });

  it('is empty for entries nobody cites and for refs that do not resolve', () => {
    expect(modelUsage(index, model(), 'owasp-llm-2025:LLM10')).toEqual({ threats: [], mitigations: [], elements: [] });
    expect(modelUsage(index, model(), 'nowhere:X1')).toEqual({ threats: [], mitigations: [], elements: [] });
  });
});
