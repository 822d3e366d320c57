// Packs the user imported (catalogs, crosswalks, rule packs), in their own IndexedDB database so
// the model library's schema and this one evolve apart. Bundled catalogs are never stored here:
// they ship with the app and are read-only. Packs are stored as validated JSON text and validated
// again when loaded, so a pack written by an older app version cannot slip past today's checks.
import { Dexie, type Table } from 'dexie';

/** `catalog` holds catalog and crosswalk files; `rules` holds rule packs. */
export type PackKind = 'catalog' | 'rules';

export interface StoredPack {
  /** The pack's own id (`plot4ai`, `atlas-5.6.0-import`, `acme-rules`); unique per kind. */
  readonly id: string;
  readonly kind: PackKind;
  /** What the list shows: the catalog title or rule pack name. */
  readonly name: string;
  readonly edition: string;
  /** ISO 8601. */
  readonly importedAt: string;
  /** The pack in our own JSON format (an imported ATLAS.yaml or deck.json is stored converted). */
  readonly json: string;
}

export type PacksDb = Dexie & { packs: Table<StoredPack, [PackKind, string]> };

export const DEFAULT_PACKS_DB_NAME = 'threatloom-packs';

/** Opens (lazily) a packs database; tests pass a unique name. */
export function openPacksDatabase(name: string = DEFAULT_PACKS_DB_NAME): PacksDb {
  const db = new Dexie(name) as PacksDb;
  // Version 1. A schema change adds `db.version(2)` with an upgrade; never edit this one.
  db.version(1).stores({ packs: '[kind+id], importedAt' });
  return db;
}

/** The operations the catalog service needs; one transaction each. */
export class PackStore {
  constructor(private readonly db: PacksDb) {}

  /** Every stored pack, oldest import first (the order they are layered over the bundled ones). */
  async list(): Promise<StoredPack[]> {
    return this.db.packs.orderBy('importedAt').toArray();
  }

  async get(kind: PackKind, id: string): Promise<StoredPack | null> {
    return (await this.db.packs.get([kind, id])) ?? null;
  }

  /** Adds the pack, or replaces the one with the same kind and id (the caller asked first). */
  async put(pack: StoredPack): Promise<void> {
    await this.db.packs.put(pack);
  }

  async remove(kind: PackKind, id: string): Promise<void> {
    await this.db.packs.delete([kind, id]);
  }
}

let defaultStore: PackStore | undefined;

/** The app's one pack store, created on first use so importing this module has no side effects. */
export function defaultPackStore(): PackStore {
  defaultStore ??= new PackStore(openPacksDatabase());
  return defaultStore;
}
