import { describe, expect, it } from 'vitest';
import {
  AI_TYPES,
  COMPONENT_TYPES,
  MAX_PROBLEMS,
  createBoxBoundary,
  createDiagram,
  createFlow,
  createLineBoundary,
  createModel,
  createNode,
  formatPath,
  validateDocument,
  type Problem,
} from '../../../shared/model';
import { ragChatbot } from './golden';

function problemsOf(input: unknown): Problem[] {
  const result = validateDocument(input);
  if (result.ok) throw new Error('expected the document to be invalid');
  return result.problems;
}

/** Asserts a problem is reported at exactly `path`, optionally with a matching message. */
function expectProblem(input: unknown, path: string, message?: RegExp): void {
  const problems = problemsOf(input);
  const at = problems.filter((p) => p.path === path);
  expect(at, `no problem at ${path}; got ${JSON.stringify(problems)}`).not.toHaveLength(0);
  if (message) expect(at.map((p) => p.message).join(' | ')).toMatch(message);
}

describe('validateDocument: valid documents', () => {
  it('accepts the golden RAG chatbot model and returns it', () => {
    const input = ragChatbot();
    const result = validateDocument(input);
    expect(result).toEqual({ ok: true, doc: input });
  });

  it('accepts a factory-built model with a node of every AI type, flows and both boundary shapes', () => {
    const diagram = createDiagram('Everything');
    const nodes = AI_TYPES.map((t, i) => createNode(t, { x: i * 200, y: 0 }));
    const flows = nodes.slice(1).map((n, i) => createFlow(nodes[i]!.id, n.id));
    const boundaries = [createBoxBoundary({ x: 0, y: 0 }), createLineBoundary({ x: 10, y: 10 })];
    const doc = { ...createModel('Factory'), diagrams: [{ ...diagram, nodes, flows, boundaries }] };
    expect(validateDocument(doc)).toEqual({ ok: true, doc });
  });

  it('has a component type for every AI type (the contract the property checks rely on)', () => {
    expect(COMPONENT_TYPES.map((t) => t.aiType).sort()).toEqual([...AI_TYPES].sort());
  });

  it('accepts names at the length limit, null ratings, an empty due date and missing properties', () => {
    const doc = ragChatbot();
    doc.diagrams[0].nodes[0].name = 'n'.repeat(500);
    doc.threats[0].likelihood = null;
    doc.mitigations[0].dueDate = '';
    doc.diagrams[0].nodes[4].properties = {};
    doc.createdAt = '2025-06-01T11:00:00+02:00';
    expect(validateDocument(doc).ok).toBe(true);
  });
});

describe('validateDocument: shape', () => {
  it('rejects input that is not an object', () => {
    expect(problemsOf(null)).toEqual([{ path: '', message: 'must be an object, got null' }]);
    expect(problemsOf([])[0]?.path).toBe('');
  });

  it('reports unknown keys, at the root and nested', () => {
    const doc = ragChatbot();
    doc.extra = 1;
    doc.diagrams[0].nodes[1].colour = 'red';
    const problems = problemsOf(doc);
    expect(problems).toContainEqual({ path: 'extra', message: 'unknown field' });
    expect(problems).toContainEqual({ path: 'diagrams[0].nodes[1].colour', message: 'unknown field' });
  });

  it('reports a missing field as required', () => {
    const doc = ragChatbot();
    delete doc.title;
    delete doc.threats[1].origin;
    const problems = problemsOf(doc);
    expect(problems).toContainEqual({ path: 'title', message: 'required' });
    expect(problems).toContainEqual({ path: 'threats[1].origin', message: 'required' });
  });

  it('requires format threatloom-model and the current schemaVersion', () => {
    expectProblem({ ...ragChatbot(), format: 'threat-dragon' }, 'format', /threatloom-model/);
    expectProblem({ ...ragChatbot(), schemaVersion: 2 }, 'schemaVersion', /must be 3/);
  });

  it('reports wrong value types with the type found', () => {
    const doc = ragChatbot();
    doc.diagrams[0].flows[0].encrypted = 'yes';
    expectProblem(doc, 'diagrams[0].flows[0].encrypted', /must be true or false, got text/);
  });

  it('caps name and description length', () => {
    const doc = ragChatbot();
    doc.diagrams[0].nodes[3].name = 'x'.repeat(501);
    doc.threats[0].description = 'x'.repeat(20_001);
    expectProblem(doc, 'diagrams[0].nodes[3].name', /too long: at most 500/);
    expectProblem(doc, 'threats[0].description', /at most 20000/);
  });

  it('requires finite numbers', () => {
    const doc = ragChatbot();
    doc.diagrams[0].nodes[0].position.x = Number.POSITIVE_INFINITY;
    doc.diagrams[0].nodes[1].position.y = Number.NaN;
    doc.diagrams[0].flows[2].vertices[0].x = 1e12;
    expectProblem(doc, 'diagrams[0].nodes[0].position.x');
    expectProblem(doc, 'diagrams[0].nodes[1].position.y');
    expectProblem(doc, 'diagrams[0].flows[2].vertices[0].x', /at most/);
  });

  it('requires positive sizes', () => {
    const doc = ragChatbot();
    doc.diagrams[0].nodes[2].size.width = 0;
    doc.diagrams[0].boundaries[0].size.height = -5;
    expectProblem(doc, 'diagrams[0].nodes[2].size.width', /greater than 0/);
    expectProblem(doc, 'diagrams[0].boundaries[0].size.height', /greater than 0/);
  });

  it('needs at least 2 points on a line boundary', () => {
    const doc = ragChatbot();
    doc.diagrams[0].boundaries.push({ ...createLineBoundary({ x: 0, y: 0 }), points: [{ x: 0, y: 0 }] });
    expectProblem(doc, 'diagrams[0].boundaries[1].points', /at least 2 points/);
  });

  it('rejects an unknown boundary shape', () => {
    const doc = ragChatbot();
    doc.diagrams[0].boundaries[0].shape = 'circle';
    expectProblem(doc, 'diagrams[0].boundaries[0].shape', /"box", "line"/);
  });

  it('requires ISO dates and timestamps', () => {
    const doc = ragChatbot();
    doc.createdAt = 'yesterday';
    doc.reviews[0].date = '2025-13-01';
    doc.mitigations[0].dueDate = '30/09/2025';
    expectProblem(doc, 'createdAt', /ISO 8601/);
    expectProblem(doc, 'reviews[0].date', /2025-01-31/);
    expectProblem(doc, 'mitigations[0].dueDate', /or empty/);
  });

  it('requires UUID ids', () => {
    const doc = ragChatbot();
    doc.diagrams[0].nodes[0].id = 'node-1';
    expectProblem(doc, 'diagrams[0].nodes[0].id', /UUID/);
  });

  it('checks enums, ratings, catalog references and duplicates in lists', () => {
    const doc = ragChatbot();
    doc.threats[0].likelihood = 6;
    doc.threats[0].status = 'closed';
    doc.threats[0].refs[0] = 'LLM01';
    doc.threats[0].stride = ['T', 'T'];
    doc.mitigations[0].effectiveness = 1.5;
    expectProblem(doc, 'threats[0].likelihood', /one of 1, 2, 3, 4, 5/);
    expectProblem(doc, 'threats[0].status', /"open"/);
    expectProblem(doc, 'threats[0].refs[0]', /catalogId:entryId/);
    expectProblem(doc, 'threats[0].stride[1]', /listed twice/);
    expectProblem(doc, 'mitigations[0].effectiveness', /at most 1/);
  });

  it('checks catalogVersions keys', () => {
    const doc = ragChatbot();
    doc.catalogVersions['bad key'] = '1';
    expect(problemsOf(doc).length).toBeGreaterThan(0);
  });

  it('reports a __proto__ key instead of silently dropping it', () => {
    const doc = ragChatbot();
    const text = JSON.stringify(doc).replace('"properties":{}', '"properties":{"__proto__":{"polluted":true}}');
    expect(problemsOf(JSON.parse(text))).toContainEqual({ path: 'diagrams[0].nodes[1].properties.__proto__', message: 'unknown field' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it(`returns at most ${MAX_PROBLEMS} problems and says how many more there were`, () => {
    const doc = ragChatbot();
    doc.reviewers = Array.from({ length: 120 }, () => 5);
    const problems = problemsOf(doc);
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems.at(-1)).toEqual({ path: '', message: '…and 71 more problems' });
  });
});

describe('validateDocument: node kind and properties', () => {
  it('requires kind to match the component type', () => {
    const doc = ragChatbot();
    doc.diagrams[0].nodes[3].kind = 'process';
    expectProblem(doc, 'diagrams[0].nodes[3].kind', /must be "store" for a vector-db node/);
  });

  it('rejects an unknown AI type', () => {
    const doc = ragChatbot();
    doc.diagrams[0].nodes[0].aiType = 'quantum-computer';
    expectProblem(doc, 'diagrams[0].nodes[0].aiType', /must be one of/);
  });

  it('rejects a property the component type does not have', () => {
    const doc = ragChatbot();
    doc.diagrams[0].nodes[4].properties.colour = 'red';
    expectProblem(doc, 'diagrams[0].nodes[4].properties.colour', /not a property of LLM/);
  });

  it('rejects a property value of the wrong type', () => {
    const doc = ragChatbot();
    doc.diagrams[0].nodes[4].properties.fineTuned = 'yes';
    doc.diagrams[0].nodes[4].properties.provider = 5;
    doc.diagrams[0].nodes[2].properties.topK = '5';
    doc.diagrams[0].nodes[0].properties.authenticated = ['a'];
    expectProblem(doc, 'diagrams[0].nodes[4].properties.fineTuned', /true or false/);
    expectProblem(doc, 'diagrams[0].nodes[4].properties.provider', /must be text/);
    expectProblem(doc, 'diagrams[0].nodes[2].properties.topK', /must be a number/);
    expectProblem(doc, 'diagrams[0].nodes[0].properties.authenticated', /text, a number or true\/false/);
  });

  it('rejects an enum value that is not among the options', () => {
    const doc = ragChatbot();
    doc.diagrams[0].nodes[4].properties.hosting = 'on-the-moon';
    expectProblem(doc, 'diagrams[0].nodes[4].properties.hosting', /"self-hosted", "cloud-managed", "third-party-api"/);
  });

  it('rejects a number outside min/max', () => {
    const low = ragChatbot();
    low.diagrams[0].nodes[2].properties.topK = 0;
    expectProblem(low, 'diagrams[0].nodes[2].properties.topK', /between 1 and 1000/);
    const high = ragChatbot();
    high.diagrams[0].nodes[2].properties.topK = 1001;
    expectProblem(high, 'diagrams[0].nodes[2].properties.topK', /between 1 and 1000/);
  });
});

describe('validateDocument: references', () => {
  it('requires ids to be unique across the whole document', () => {
    const doc = ragChatbot();
    doc.diagrams[0].nodes[1].id = doc.diagrams[0].nodes[0].id;
    doc.mitigations[0].id = doc.threats[0].id;
    expectProblem(doc, 'diagrams[0].nodes[1].id', /duplicate id: diagrams\[0\]\.nodes\[0\]\.id already uses/);
    expectProblem(doc, 'mitigations[0].id', /threats\[0\]\.id/);
  });

  it('requires flow ends to be nodes of the same diagram', () => {
    const doc = ragChatbot();
    const other = { ...createDiagram('Other'), nodes: [createNode('actor', { x: 0, y: 0 })] };
    doc.diagrams.push(other);
    doc.diagrams[0].flows[0].source = '00000000-0000-4000-8000-000000000000';
    doc.diagrams[0].flows[1].target = other.nodes[0]!.id;
    doc.diagrams[0].flows[2].target = doc.diagrams[0].boundaries[0].id;
    expectProblem(doc, 'diagrams[0].flows[0].source', /no node of this diagram/);
    expectProblem(doc, 'diagrams[0].flows[1].target', /another diagram/);
    expectProblem(doc, 'diagrams[0].flows[2].target', /no node/);
  });

  it('rejects a flow from a node to itself', () => {
    const doc = ragChatbot();
    doc.diagrams[0].flows[1].target = doc.diagrams[0].flows[1].source;
    expectProblem(doc, 'diagrams[0].flows[1].target', /itself/);
  });

  it('requires threat and asset element ids to name a node, flow or boundary', () => {
    const doc = ragChatbot();
    doc.threats[0].elementIds.push(doc.diagrams[0].boundaries[0].id);
    doc.threats[1].elementIds[1] = doc.mitigations[0].id;
    doc.assets[1].elementIds[0] = '00000000-0000-4000-8000-000000000000';
    const problems = problemsOf(doc);
    expect(problems.map((p) => p.path).sort()).toEqual(['assets[1].elementIds[0]', 'threats[1].elementIds[1]']);
  });

  it('requires threat mitigation ids to name mitigations', () => {
    const doc = ragChatbot();
    doc.threats[0].mitigationIds[0] = doc.threats[1].id;
    expectProblem(doc, 'threats[0].mitigationIds[0]', /no mitigation/);
  });

  it('requires attack tree parents, threats and mitigations to resolve', () => {
    const doc = ragChatbot();
    const steps = doc.attackTrees[0].steps;
    steps[1].parentId = '00000000-0000-4000-8000-000000000000';
    steps[1].threatIds = [doc.mitigations[0].id];
    steps[2].mitigationIds = [doc.threats[0].id];
    expectProblem(doc, 'attackTrees[0].steps[1].parentId', /no step of this tree/);
    expectProblem(doc, 'attackTrees[0].steps[1].threatIds[0]', /no threat/);
    expectProblem(doc, 'attackTrees[0].steps[2].mitigationIds[0]', /no mitigation/);
  });

  it('rejects attack tree cycles, including a step that is its own parent', () => {
    const doc = ragChatbot();
    const steps = doc.attackTrees[0].steps;
    steps[0].parentId = steps[1].id;
    steps[2].parentId = steps[2].id;
    expectProblem(doc, 'attackTrees[0].steps[0].parentId', /cycle/);
    expectProblem(doc, 'attackTrees[0].steps[1].parentId', /cycle/);
    expectProblem(doc, 'attackTrees[0].steps[2].parentId', /cycle/);
  });
});

describe('dismissals', () => {
  const dismissalOf = (doc: any, elementId: string) => ({
    key: `llm-prompt-injection@${elementId}`,
    ruleId: 'llm-prompt-injection',
    elementId,
    reason: 'Input is fixed text from our own UI',
    date: '2026-11-01T10:00:00.000Z',
  });

  it('accepts a dismissal of an existing element', () => {
    const doc = ragChatbot();
    doc.dismissals = [dismissalOf(doc, doc.diagrams[0].nodes[0].id)];
    expect(validateDocument(doc)).toMatchObject({ ok: true });
  });

  it('rejects a dismissal of an unknown element or with a key that does not match', () => {
    const doc = ragChatbot();
    const ghost = '00000000-0000-4000-8000-000000000000';
    doc.dismissals = [dismissalOf(doc, ghost), { ...dismissalOf(doc, doc.diagrams[0].nodes[0].id), key: 'other@x' }];
    expectProblem(doc, 'dismissals[0].elementId', /refers to no node/);
    expectProblem(doc, 'dismissals[1].key', /ruleId>@<elementId/);
  });
});

describe('formatPath', () => {
  it('writes indexes in brackets and quotes keys that are not identifiers', () => {
    expect(formatPath(['diagrams', 0, 'nodes', 3, 'name'])).toBe('diagrams[0].nodes[3].name');
    expect(formatPath(['catalogVersions', 'owasp-llm-2025'])).toBe('catalogVersions["owasp-llm-2025"]');
    expect(formatPath([])).toBe('');
  });
});
