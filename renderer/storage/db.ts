// The IndexedDB schema (via Dexie). The document and its list metadata live in separate tables so
// the home screen lists models without deserializing every (possibly large) document.
import { Dexie, type EntityTable } from 'dexie';
import type { ModelDocument } from '../../shared/model';

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

export interface StoredDocument {
  readonly id: string;
  readonly doc: ModelDocument;
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
  // Version 1. A schema change adds `db.version(2).stores(...)` with an upgrade; never edit this one.
  db.version(1).stores({
    models: 'id, updatedAt, title',
    documents: 'id',
    settings: 'key',
  });
  return db;
}

let defaultDb: ThreatloomDb | undefined;

/** The app's one database, created on first use so importing this module has no side effects. */
export function defaultDatabase(): ThreatloomDb {
  defaultDb ??= openDatabase(DEFAULT_DB_NAME);
  return defaultDb;
}
