// The IndexedDB schema (via Dexie). The document and its list metadata live in separate tables so
// the home screen lists models without deserializing every (possibly large) document.
import { Dexie, type EntityTable } from 'dexie';
import type { ModelDocument } from '../../shared/model';
import { incrementalJson, warmJsonText, type IdleScheduler } from './incremental-json';

/** What the model list shows; derived from the document on every save, never edited on its own. */
export interface ModelMeta {
  readonly id: string;
  readonly title: string;
  /** ISO 8601, copied from the document. */
  readonly updatedAt: string;
  readonly createdAt: string;
  /** Nodes + flows + boundaries over all diagrams. */
  readonly elementCount: number;
  readonly flowCount: number;
  readonly threatCount: number;
  readonly diagramCount: number;
}

/**
 * A stored model: its JSON text (`documentJson`). Text rather than the object because IndexedDB
 * copies a string in one piece, while a document object is structured-cloned field by field on
 * the main thread — tens of ms for a 2000-node model, on every autosave.
 */
export interface StoredDocument {
  readonly id: string;
  readonly json: string;
}

/**
 * The text stored for a document: `JSON.stringify`'s text (written incrementally: only the parts
 * an edit replaced are serialized again), not the canonical form of model files
 * (`serializeDocument`), which sorts every object's keys and costs 5–10× as much — 20–45 ms for
 * a 2000-node model in Chromium, the whole autosave budget — while nothing reads the stored text
 * but `JSON.parse`. Like `serializeDocument` it refuses values JSON would silently change (NaN
 * and ±Infinity become null, functions vanish), so a broken document fails its save instead of
 * being stored as a different one that no longer validates.
 */
export function documentJson(doc: ModelDocument): string {
  const problem = lossyValue(doc);
  if (problem) throw new Error(`Cannot store the model: ${problem.replace(/^\./, '')}.`);
  return incrementalJson(doc);
}

/**
 * Objects already found free of such values. Documents are immutable and an edit shares every
 * unchanged part with the previous version, so each autosave checks only what the edits made —
 * which relies on documents never being changed in place, as DESIGN.md requires. (A
 * `JSON.stringify` replacer would check too, but calls back into JS for every value: dearer than
 * the serialization itself.)
 */
const jsonSafe = new WeakSet<object>();

/**
 * Checks a document (just opened) for values JSON cannot carry and writes its parts' text when
 * the page is idle, so the first autosave after opening a big model finds both done.
 */
export function checkWhenIdle(doc: ModelDocument): void {
  const idle: IdleScheduler = 'requestIdleCallback' in globalThis
    ? (work) => requestIdleCallback((deadline) => work(() => deadline.timeRemaining()))
    : (work) => setTimeout(() => work(() => 0), 0);
  idle(() => {
    void lossyValue(doc);
    warmJsonText(doc, idle);
  });
}

/** The first value JSON cannot carry faithfully, as "path: what", or null. Paths are built only on failure. */
function lossyValue(value: unknown): string | null {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? null : `: ${value}`;
    case 'function':
    case 'symbol':
    case 'bigint':
      return `: a ${typeof value}`;
    case 'object': {
      if (value === null || jsonSafe.has(value)) return null;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const found = lossyValue(value[i]);
          if (found) return `[${i}]${found}`;
        }
      } else {
        const record = value as Record<string, unknown>;
        for (const key in record) {
          const found = lossyValue(record[key]);
          if (found) return `.${key}${found}`;
        }
      }
      jsonSafe.add(value);
      return null;
    }
    default:
      return null;
  }
}

/** Rows of schema version 1 held the document object itself. */
interface StoredDocumentV1 {
  readonly id: string;
  readonly doc?: ModelDocument;
  json?: string;
}

export interface Setting {
  readonly key: string;
  readonly value: unknown;
}

export type ThreatloomDb = Dexie & {
  models: EntityTable<ModelMeta, 'id'>;
  documents: EntityTable<StoredDocument, 'id'>;
  settings: EntityTable<Setting, 'key'>;
};

export const DEFAULT_DB_NAME = 'threatloom';

/**
 * Opens (lazily, on first query) a database with the app's schema. Tests pass a unique name so
 * they never share state; the app uses `defaultDatabase()`.
 */
export function openDatabase(name: string = DEFAULT_DB_NAME): ThreatloomDb {
  const db = new Dexie(name) as ThreatloomDb;
  // Versions are never edited once released: a schema change adds the next one with an upgrade.
  db.version(1).stores({
    models: 'id, updatedAt, title',
    documents: 'id',
    settings: 'key',
  });
  // Version 2: documents are stored as JSON text (same key, same index).
  db.version(2)
    .stores({ documents: 'id' })
    .upgrade((tx) =>
      tx
        .table<StoredDocumentV1, string>('documents')
        .toCollection()
        .modify((row) => {
          row.json = documentText(row.doc);
          delete (row as { doc?: unknown }).doc;
        }),
    );
  return db;
}

/**
 * The text for a version-1 row. A row that cannot be stored faithfully (it never passed through
 * this app's validation) keeps what plain JSON can say of it, and one that cannot even be that
 * becomes empty text: either way loading it later names the problem, and the upgrade — which
 * would otherwise fail and lock the whole library — goes through.
 */
function documentText(doc: unknown): string {
  try {
    return documentJson(doc as ModelDocument);
  } catch {
    try {
      return JSON.stringify(doc) ?? '';
    } catch {
      return '';
    }
  }
}

let defaultDb: ThreatloomDb | undefined;

/** The app's one database, created on first use so importing this module has no side effects. */
export function defaultDatabase(): ThreatloomDb {
  defaultDb ??= openDatabase(DEFAULT_DB_NAME);
  return defaultDb;
}
