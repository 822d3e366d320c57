import { describe, expect, it } from 'vitest';
import {
  createDiagram,
  createFlow,
  createMitigation,
  createModel,
  createNode,
  createThreat,
  type ModelDocument,
} from '../../../shared/model';
import { elementNames, filterRegister, registerRows, sortRegister, type RegisterFilter } from '../../../shared/risk';

function model(): ModelDocument {
  const llm = createNode('llm', { x: 0, y: 0 }, 'Support LLM');
  const db = createNode('vector-db', { x: 300, y: 0 }, 'Vector DB');
  const unnamed = createFlow(llm.id, db.id, '');
  const named = createFlow(db.id, llm.id, 'Retrieved chunks');
  const guard = createMitigation({ id: 'g', title: 'Guardrails', status: 'implemented', effectiveness: 0.6 });
  const diagram = { ...createDiagram('Main'), nodes: [llm, db], flows: [unnamed, named] };
  return {
    ...createModel('m'),
    diagrams: [diagram],
    mitigations: [guard],
    threats: [
      createThreat({ id: 'inj', title: 'Prompt injection against Support LLM', elementIds: [llm.id], stride: ['T', 'E'], refs: ['owasp-llm-2025:LLM01', 'atlas:AML.T0051'], likelihood: 4, impact: 4, mitigationIds: ['g'], owner: 'Dana' }),
      createThreat({ id: 'poison', title: 'Vector store poisoning', description: 'Planted documents steer answers', elementIds: [db.id, unnamed.id], stride: ['T'], refs: ['atlas:AML.T0070'], likelihood: 2, impact: 5 }),
      createThreat({ id: 'leak', title: 'Sensitive data in responses', elementIds: [named.id], stride: ['I'], refs: ['owasp-llm-2025:LLM02'], likelihood: null, status: 'accepted', acceptance: { rationale: 'Public docs only', approver: 'CISO', date: '2026-01-01', reviewBy: '' } }),
      createThreat({ id: 'dos', title: 'Unbounded consumption', elementIds: [llm.id], stride: ['D'], likelihood: 1, impact: 2, owner: 'ops' }),
    ],
  };
}

const ids = (rows: { threat: { id: string } }[]) => rows.map((r) => r.threat.id);

describe('register rows', () => {
  it('names elements (a nameless flow by its ends) and rates each threat both ways', () => {
    const rows = registerRows(model());
    expect(rows.map((r) => r.elements.map((e) => e.name))).toEqual([
      ['Support LLM'], ['Vector DB', 'Support LLM → Vector DB'], ['Retrieved chunks'], ['Support LLM'],
    ]);
    expect(rows[0]).toMatchObject({ inherent: { band: 'high', score: 16 }, residual: { likelihood: 2, band: 'medium' }, namespaces: ['owasp-llm-2025', 'atlas'] });
    expect(rows[2]).toMatchObject({ inherent: null, residual: null });
  });

  it('knows every element’s name across diagrams', () => {
    expect([...elementNames(model()).values()]).toEqual(['Support LLM', 'Vector DB', 'Support LLM → Vector DB', 'Retrieved chunks']);
  });
});

describe('register filter', () => {
  const doc = model();
  const rows = registerRows(doc);
  const llm = doc.diagrams[0]!.nodes[0]!.id;
  const cases: [RegisterFilter, string[]][] = [
    [{}, ['inj', 'poison', 'leak', 'dos']],
    [{ elementId: llm }, ['inj', 'dos']],
    [{ stride: 'T' }, ['inj', 'poison']],
    [{ status: 'accepted' }, ['leak']],
    [{ namespace: 'atlas' }, ['inj', 'poison']],
    [{ band: { kind: 'inherent', band: 'high' } }, ['inj', 'poison']],
    [{ band: { kind: 'residual', band: 'medium' } }, ['inj']],
    [{ band: { kind: 'inherent', band: 'unrated' } }, ['leak']],
    [{ cell: { kind: 'inherent', likelihood: 4, impact: 4 } }, ['inj']],
    [{ cell: { kind: 'residual', likelihood: 2, impact: 4 } }, ['inj']],
    [{ text: 'PLANTED' }, ['poison']],
    [{ text: 'support  llm' }, ['inj', 'poison', 'dos']],
    [{ text: 'llm01' }, ['inj']],
    [{ text: 'ciso' }, ['leak']],
    [{ stride: 'T', elementId: llm }, ['inj']],
    [{ text: 'nothing matches this' }, []],
  ];
  it.each(cases)('%j', (filter, expected) => {
    expect(ids(filterRegister(rows, filter))).toEqual(expected);
  });
});

describe('register sort', () => {
  const rows = registerRows(model());
  it('sorts by each column, unrated and empty values last in both directions', () => {
    expect(ids(sortRegister(rows, 'inherent', 'desc'))).toEqual(['inj', 'poison', 'dos', 'leak']);
    expect(ids(sortRegister(rows, 'inherent', 'asc'))).toEqual(['dos', 'poison', 'inj', 'leak']);
    expect(ids(sortRegister(rows, 'residual', 'desc'))).toEqual(['poison', 'inj', 'dos', 'leak']);
    expect(ids(sortRegister(rows, 'title', 'asc'))).toEqual(['inj', 'leak', 'dos', 'poison']);
    expect(ids(sortRegister(rows, 'owner', 'asc'))).toEqual(['inj', 'dos', 'poison', 'leak']);
    expect(ids(sortRegister(rows, 'owner', 'desc'))).toEqual(['dos', 'inj', 'poison', 'leak']);
    expect(ids(sortRegister(rows, 'likelihood', 'desc'))).toEqual(['inj', 'poison', 'dos', 'leak']);
    expect(ids(sortRegister(rows, 'status', 'desc'))).toEqual(['leak', 'inj', 'poison', 'dos']);
    expect(ids(sortRegister(rows, 'stride', 'asc'))).toEqual(['poison', 'inj', 'leak', 'dos']);
    expect(ids(sortRegister(rows, 'elements', 'asc'))).toEqual(['leak', 'inj', 'dos', 'poison']);
  });

  it('keeps document order among equal rows', () => {
    expect(ids(sortRegister(rows, 'impact', 'asc'))).toEqual(['dos', 'leak', 'inj', 'poison']);
  });
});
