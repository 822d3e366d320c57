// A small but complete document for editing tests, deep-frozen so any accidental mutation of
// the original throws instead of silently passing.
import { expect } from 'vitest';
import { createBoxBoundary, createDiagram, createFlow, createLineBoundary, createModel, createNode, createThreat } from '../../../shared/model/factory';
import type { Asset, Diagram, ModelDocument, Threat } from '../../../shared/model/types';
import { emptyHistory, execute, redo, undo, type Command } from '../../../shared/editing';

export const CREATED = '2024-01-01T00:00:00.000Z';
export const LATER = '2024-06-01T12:00:00.000Z';

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export interface Fixture {
  readonly doc: ModelDocument;
  readonly diagram: Diagram;
  /** Nodes: llm, db, agent, user. Flows: userToLlm, llmToDb, agentToLlm. Boundaries: box, line. */
  readonly ids: Record<'llm' | 'db' | 'agent' | 'user' | 'userToLlm' | 'llmToDb' | 'agentToLlm' | 'box' | 'line' | 'other', string>;
}

export function fixture(): Fixture {
  const llm = createNode('llm', { x: 100, y: 100 });
  const db = createNode('vector-db', { x: 400, y: 100 });
  const agent = createNode('agent', { x: 100, y: 300 });
  const user = createNode('actor', { x: -300, y: 100 }, 'End user');
  const userToLlm = { ...createFlow(user.id, llm.id, 'Prompt'), vertices: [{ x: -50, y: 50 }] };
  const llmToDb = { ...createFlow(llm.id, db.id, 'Query'), vertices: [{ x: 300, y: 60 }, { x: 350, y: 60 }] };
  const agentToLlm = createFlow(agent.id, llm.id, 'Tool call');
  const box = { ...createBoxBoundary({ x: 50, y: 50 }, 'Backend'), size: { width: 600, height: 400 } };
  const line = { ...createLineBoundary({ x: -100, y: 0 }, 'Internet edge'), points: [{ x: -100, y: 0 }, { x: -100, y: 300 }, { x: -80, y: 400 }] };
  const main: Diagram = {
    ...createDiagram('Main'),
    nodes: [llm, db, agent, user],
    flows: [userToLlm, llmToDb, agentToLlm],
    boundaries: [box, line],
  };
  const otherNode = createNode('guardrail', { x: 0, y: 0 });
  const other: Diagram = { ...createDiagram('Other'), nodes: [otherNode] };
  const threat = (title: string, elementIds: string[]): Threat =>
    createThreat({ id: `t-${title}`, title, elementIds, stride: ['T'], likelihood: 3, impact: 4 });
  const asset: Asset = {
    id: 'asset-1',
    name: 'Embeddings',
    kind: 'embeddings',
    description: '',
    confidentiality: 4,
    integrity: 3,
    availability: 2,
    elementIds: [db.id, llm.id, otherNode.id],
  };
  const doc: ModelDocument = {
    ...createModel('Chatbot', CREATED),
    diagrams: [main, other],
    threats: [
      threat('injection', [userToLlm.id, llm.id]),
      threat('poisoning', [db.id, llmToDb.id, agent.id]),
      threat('untouched', [otherNode.id]),
    ],
    assets: [asset],
  };
  return {
    doc: deepFreeze(doc),
    diagram: main,
    ids: {
      llm: llm.id,
      db: db.id,
      agent: agent.id,
      user: user.id,
      userToLlm: userToLlm.id,
      llmToDb: llmToDb.id,
      agentToLlm: agentToLlm.id,
      box: box.id,
      line: line.id,
      other: other.id,
    },
  };
}

/**
 * Executes, then checks undo restores exactly the original and redo exactly the result (twice
 * round, since a redone entry must undo again). Returns the changed document.
 */
export function roundTrip(doc: ModelDocument, command: Command): ModelDocument {
  const snapshot = structuredClone(doc);
  const done = execute(doc, emptyHistory, command, LATER);
  expect(done.changed).toBe(true);
  expect(done.doc.updatedAt).toBe(LATER);
  expect(doc).toStrictEqual(snapshot);

  const undone = undo(done.doc, done.history)!;
  expect(undone.label).toBe(command.label);
  expect(undone.doc).toStrictEqual(doc);
  const redone = redo(undone.doc, undone.history)!;
  expect(redone.doc).toStrictEqual(done.doc);
  expect(undo(redone.doc, redone.history)!.doc).toStrictEqual(doc);
  return done.doc;
}

/** Executes a command that must change nothing. */
export function expectNoOp(doc: ModelDocument, command: Command): void {
  const result = execute(doc, emptyHistory, command, LATER);
  expect(result.changed).toBe(false);
  expect(result.doc).toBe(doc);
  expect(result.history).toBe(emptyHistory);
}

export const diagramOf = (doc: ModelDocument, id: string): Diagram => doc.diagrams.find((d) => d.id === id)!;
