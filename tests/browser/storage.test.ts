// The model library against Chromium's real IndexedDB: one fresh database per test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  createBoxBoundary,
  createDiagram,
  createFlow,
  createModel,
  createNode,
  serializeDocument,
  type ModelDocument,
  type Threat,
} from '../../shared/model';
import { Dexie } from 'dexie';
import { documentJson, openDatabase, type ThreatloomDb } from '../../renderer/storage/db';
import v1RagChatbot from '../fixtures/models/v1-rag-chatbot.json?raw';
import { ModelLibrary } from '../../renderer/storage/library';

let db: ThreatloomDb;
let library: ModelLibrary;

beforeEach(() => {
  db = openDatabase(`threatloom-test-${crypto.randomUUID()}`);
  library = new ModelLibrary(db);
});

afterEach(async () => {
  // Closing first and letting the last transaction commit keeps the delete from being
  // reported as "blocked" by our own still-closing connection.
  db.close();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await db.delete();
});

function threat(title: string, elementIds: string[]): Threat {
  return {
    id: crypto.randomUUID(),
    title,
    description: '',
    elementIds,
    stride: ['T', 'I'],
    refs: ['owasp-llm-2025:LLM01'],
    origin: { kind: 'rule', ruleId: 'llm-prompt-injection', facts: ['accepts untrusted input'] },
    status: 'open',
    likelihood: 4,
    impact: 3,
    owner: '',
    mitigationIds: [],
    acceptance: null,
    statusReason: '',
    owaspRisk: null,
  };
}

/** Two diagrams: 2 nodes + 1 flow + 1 boundary, and 1 node; two threats. */
function richModel(title = 'RAG chatbot', updatedAt = '2025-03-01T10:00:00.000Z'): ModelDocument {
  const base = createModel(title, '2025-01-01T00:00:00.000Z');
  const llm = createNode('llm', { x: 100, y: 100 });
  const store = createNode('vector-db', { x: 400, y: 100 });
  const flow = createFlow(llm.id, store.id, 'Retrieve');
  const main = { ...createDiagram('Main'), nodes: [llm, store], flows: [flow], boundaries: [createBoxBoundary({ x: 50, y: 50 })] };
  const training = { ...createDiagram('Training'), nodes: [createNode('training-pipeline', { x: 0, y: 0 })] };
  return {
    ...base,
    updatedAt,
    description: 'Customer support assistant',
    diagrams: [main, training],
    threats: [threat('Prompt injection', [llm.id]), threat('Index poisoning', [store.id])],
  };
}

function modelAt(title: string, updatedAt: string): ModelDocument {
  return { ...createModel(title, '2025-01-01T00:00:00.000Z'), updatedAt };
}

describe('model library', () => {
  it('returns an equal document after a save/load round trip', async () => {
    const doc = richModel();
    await library.saveModel(doc);
    expect(await library.loadModel(doc.id)).toEqual(doc);
    expect(await library.loadModel(crypto.randomUUID())).toBeUndefined();
  });

  it('lists newest first by default, by title on request, and filters by title ignoring case', async () => {
    await library.saveModel(modelAt('Fraud model', '2025-02-01T00:00:00.000Z'));
    await library.saveModel(modelAt('agent platform', '2025-04-01T00:00:00.000Z'));
    await library.saveModel(modelAt('Payment NETWORK', '2025-03-01T00:00:00.000Z'));
    await library.saveModel(modelAt('Neural search', '2025-01-01T00:00:00.000Z'));

    const titles = (list: { title: string }[]) => list.map((m) => m.title);
    expect(titles(await library.listModels())).toEqual(['agent platform', 'Payment NETWORK', 'Fraud model', 'Neural search']);
    expect(titles(await library.listModels({ sort: 'updated' }))).toEqual([
      'agent platform',
      'Payment NETWORK',
      'Fraud model',
      'Neural search',
    ]);
    expect(titles(await library.listModels({ sort: 'title' }))).toEqual([
      'agent platform',
      'Fraud model',
      'Neural search',
      'Payment NETWORK',
    ]);
    expect(titles(await library.listModels({ search: 'net' }))).toEqual(['Payment NETWORK']);
    expect(titles(await library.listModels({ search: '  NE ', sort: 'title' }))).toEqual(['Neural search', 'Payment NETWORK']);
    expect(await library.listModels({ search: 'nothing like this' })).toEqual([]);
  });

  it('stores list metadata computed from the document', async () => {
    const doc = richModel();
    await library.saveModel(doc);
    const [meta] = await library.listModels();
    expect(meta).toEqual({
      id: doc.id,
      title: 'RAG chatbot',
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
      elementCount: 5,
      flowCount: 1,
      threatCount: 2,
      diagramCount: 2,
    });
  });

  it('keeps metadata in step when a document is saved again', async () => {
    const doc = richModel();
    await library.saveModel(doc);
    await library.saveModel({ ...doc, threats: [], updatedAt: '2025-05-01T00:00:00.000Z' });
    expect(await library.getMeta(doc.id)).toMatchObject({ threatCount: 0, updatedAt: '2025-05-01T00:00:00.000Z' });
    expect(await library.listModels()).toHaveLength(1);
  });

  it('creates a model that is stored and listed', async () => {
    const doc = await library.createModel('New model');
    expect(await library.loadModel(doc.id)).toEqual(doc);
    expect((await library.listModels()).map((m) => m.title)).toEqual(['New model']);
  });

  it('renames the document and its metadata', async () => {
    const doc = richModel();
    await library.saveModel(doc);
    const renamed = await library.renameModel(doc.id, 'Support bot v2', '2025-06-01T00:00:00.000Z');
    expect(renamed).toEqual({ ...doc, title: 'Support bot v2', updatedAt: '2025-06-01T00:00:00.000Z' });
    expect(await library.loadModel(doc.id)).toEqual(renamed);
    expect(await library.getMeta(doc.id)).toMatchObject({ title: 'Support bot v2', updatedAt: '2025-06-01T00:00:00.000Z' });
    await expect(library.renameModel(crypto.randomUUID(), 'x')).rejects.toThrow(/No model/);
  });

  it('duplicates under a new id with the same content', async () => {
    const doc = richModel();
    await library.saveModel(doc);
    const copy = await library.duplicateModel(doc.id, '2025-07-01T00:00:00.000Z');
    expect(copy.id).not.toBe(doc.id);
    expect(copy.title).toBe('RAG chatbot (copy)');
    expect(copy.createdAt).toBe('2025-07-01T00:00:00.000Z');
    expect(copy.updatedAt).toBe('2025-07-01T00:00:00.000Z');
    const strip = ({ id: _i, title: _t, createdAt: _c, updatedAt: _u, ...rest }: ModelDocument) => rest;
    expect(strip(copy)).toEqual(strip(doc));
    expect(await library.loadModel(copy.id)).toEqual(copy);
    expect(await library.loadModel(doc.id)).toEqual(doc);
    expect((await library.listModels()).map((m) => m.title)).toEqual(['RAG chatbot (copy)', 'RAG chatbot']);
  });

  it('deletes the document and its metadata', async () => {
    const keep = modelAt('Keep', '2025-01-01T00:00:00.000Z');
    const drop = richModel();
    await library.saveModel(keep);
    await library.saveModel(drop);
    await library.deleteModel(drop.id);
    expect(await library.loadModel(drop.id)).toBeUndefined();
    expect(await library.getMeta(drop.id)).toBeUndefined();
    expect(await db.documents.count()).toBe(1);
    expect((await library.listModels()).map((m) => m.id)).toEqual([keep.id]);
  });

  it('imports a file under its own id when that id is free', async () => {
    const doc = richModel();
    const result = await library.importModel(doc);
    expect(result).toEqual({ doc, copiedFrom: null });
    expect(await library.loadModel(doc.id)).toEqual(doc);
  });

  it('imports a file whose id is taken as a new copy, leaving the stored model untouched', async () => {
    const stored = richModel('Stored version');
    await library.saveModel(stored);
    const fromFile: ModelDocument = { ...stored, title: 'Older file version', threats: [], updatedAt: '2024-12-01T00:00:00.000Z' };

    const result = await library.importModel(fromFile);

    expect(result.copiedFrom).toBe(stored.id);
    expect(result.doc.id).not.toBe(stored.id);
    expect(result.doc).toEqual({ ...fromFile, id: result.doc.id });
    expect(await library.loadModel(stored.id)).toEqual(stored);
    expect(await library.getMeta(stored.id)).toMatchObject({ title: 'Stored version', threatCount: 2 });
    expect(await library.loadModel(result.doc.id)).toEqual(result.doc);
    expect(await library.listModels()).toHaveLength(2);
  });

  it('leaves the stored version intact when a save fails', async () => {
    const doc = richModel();
    await library.saveModel(doc);
    // A function cannot be serialized, so the save is refused before anything is written.
    const broken = { ...doc, title: 'Broken', threats: [], description: (() => 'x') as unknown as string };

    await expect(library.saveModel(broken)).rejects.toThrow();

    expect(await library.loadModel(doc.id)).toEqual(doc);
    expect(await library.getMeta(doc.id)).toMatchObject({ title: 'RAG chatbot', threatCount: 2 });
    expect(await library.listModels()).toHaveLength(1);
  });

  it('refuses to load a stored document written by a newer Threatloom', async () => {
    const doc = { ...richModel(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
    await library.saveModel(doc);
    await expect(library.loadModel(doc.id)).rejects.toThrow(/newer Threatloom/);
    await expect(library.renameModel(doc.id, 'x')).rejects.toThrow(/newer Threatloom/);
    expect(await db.documents.get(doc.id)).toEqual({ id: doc.id, json: documentJson(doc) });
  });

  it('does not store a new model whose first save fails', async () => {
    const broken = { ...createModel('Never stored'), description: Symbol('x') as unknown as string };
    await expect(library.saveModel(broken)).rejects.toThrow();
    expect(await library.listModels()).toEqual([]);
  });

  it('stores each document as JSON text', async () => {
    const doc = richModel();
    await library.saveModel(doc);
    const row = await db.documents.get(doc.id);
    expect(row).toEqual({ id: doc.id, json: documentJson(doc) });
    expect(JSON.parse(row!.json)).toEqual(doc);
  });

  it('refuses to store values JSON would change, leaving the stored version intact', async () => {
    const doc = richModel();
    await library.saveModel(doc);
    const [main, training] = doc.diagrams;
    const nan = { ...doc, diagrams: [{ ...main!, nodes: [{ ...main!.nodes[0]!, position: { x: Number.NaN, y: 0 } }] }, training!] };
    await expect(library.saveModel(nan)).rejects.toThrow('Cannot store the model: diagrams[0].nodes[0].position.x: NaN.');
    await expect(library.saveModel({ ...doc, owner: Infinity as unknown as string })).rejects.toThrow('Cannot store the model: owner: Infinity.');
    await expect(library.saveModel({ ...doc, reviewers: [() => 'x'] as unknown as string[] })).rejects.toThrow('reviewers[0]: a function');
    expect(await library.loadModel(doc.id)).toEqual(doc);
  });

  it('upgrades a stored document written by an older Threatloom when loading it', async () => {
    const old = JSON.parse(v1RagChatbot) as { id: string; schemaVersion: number; title: string };
    expect(old.schemaVersion).toBeLessThan(CURRENT_SCHEMA_VERSION);
    await db.documents.put({ id: old.id, json: v1RagChatbot });
    const loaded = await library.loadModel(old.id);
    expect(loaded).toMatchObject({ id: old.id, title: old.title, schemaVersion: CURRENT_SCHEMA_VERSION });
  });

  it('refuses a damaged stored copy with a message naming the model and the problem', async () => {
    const doc = richModel('Damaged model');
    await library.saveModel(doc);
    await db.documents.put({ id: doc.id, json: '{"format": "threatloom-model", "schemaVe' });
    await expect(library.loadModel(doc.id)).rejects.toThrow(/^Model “Damaged model” cannot be opened: not valid JSON/);

    const invalid = { ...JSON.parse(serializeDocument(doc)), title: 42 };
    await db.documents.put({ id: doc.id, json: JSON.stringify(invalid) });
    await expect(library.loadModel(doc.id)).rejects.toThrow(/^Model “Damaged model” cannot be opened: title: /);
    await expect(library.renameModel(doc.id, 'x')).rejects.toThrow(/cannot be opened: title: /);

    await db.documents.put({ id: doc.id, json: serializeDocument({ ...doc, id: crypto.randomUUID() }) });
    await expect(library.loadModel(doc.id)).rejects.toThrow(/cannot be opened: id: .* stored under/);

    await db.documents.put({ id: doc.id, doc } as never);
    await expect(library.loadModel(doc.id)).rejects.toThrow(/cannot be opened: the row holds no model text/);
  });
});

describe('database schema', () => {
  it('converts the document objects of a version-1 database to JSON text', async () => {
    const name = `threatloom-v1-${crypto.randomUUID()}`;
    const good = richModel('Stored by version 1');
    const older = JSON.parse(v1RagChatbot) as { id: string };
    // A row no validated document could be: NaN is kept as what JSON makes of it (null).
    const odd = { ...modelAt('Odd', '2025-01-01T00:00:00.000Z'), version: Number.NaN };
    const v1 = new Dexie(name);
    v1.version(1).stores({ models: 'id, updatedAt, title', documents: 'id', settings: 'key' });
    await v1.table('documents').bulkPut([{ id: good.id, doc: good }, { id: older.id, doc: older }, { id: odd.id, doc: odd }]);
    v1.close();

    const upgraded = openDatabase(name);
    try {
      const rows = await upgraded.documents.toArray();
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(Object.keys(row).sort()).toEqual(['id', 'json']);
      expect(rows.find((r) => r.id === good.id)!.json).toBe(documentJson(good));
      const lib = new ModelLibrary(upgraded);
      expect(await lib.loadModel(good.id)).toEqual(good);
      expect(await lib.loadModel(older.id)).toMatchObject({ id: older.id, schemaVersion: CURRENT_SCHEMA_VERSION });
      await expect(lib.loadModel(odd.id)).rejects.toThrow(/cannot be opened: version: /);
    } finally {
      upgraded.close();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await upgraded.delete();
    }
  });
});
