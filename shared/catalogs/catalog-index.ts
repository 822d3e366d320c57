// One index over every loaded catalog and crosswalk: resolve `namespace:id` refs, list a catalog,
// follow cross-links both ways, search. Catalogs given later win a shared namespace, so a user's
// newer ATLAS pack replaces the bundled one for `atlas:` refs while the old file stays listed.
import { parseRef } from './schema';
import { searchEntries, type SearchOptions, type SearchHit } from './search';
import type { CatalogEntry, CatalogFile, CrosswalkColumn, CrosswalkFile, CrosswalkRow } from './types';
import { CROSSWALK_COLUMNS } from './types';

export interface ResolvedRef {
  readonly catalog: CatalogFile;
  readonly entry: CatalogEntry;
  /** The ref in its canonical form, `namespace:entryId`. */
  readonly ref: string;
}

/** Who points at an entry, and how. */
export interface Backlink {
  /** Canonical ref of the entry or crosswalk subject that points here. */
  readonly from: string;
  readonly via: 'ref' | 'parent' | 'tactic' | 'crosswalk';
  /** For `crosswalk`: which crosswalk and column. */
  readonly crosswalkId?: string;
  readonly column?: CrosswalkColumn;
}

export class CatalogIndex {
  readonly catalogs: readonly CatalogFile[];
  readonly crosswalks: readonly CrosswalkFile[];
  /** namespace → the catalog that answers refs in it (the last one given). */
  private readonly active = new Map<string, CatalogFile>();
  private readonly byCatalogId = new Map<string, CatalogFile>();
  private readonly entryMaps = new Map<CatalogFile, Map<string, CatalogEntry>>();
  private backlinkMap: Map<string, Backlink[]> | null = null;
  private rowMap: Map<string, { crosswalk: CrosswalkFile; row: CrosswalkRow }[]> | null = null;

  constructor(catalogs: readonly CatalogFile[], crosswalks: readonly CrosswalkFile[] = []) {
    this.catalogs = catalogs;
    this.crosswalks = crosswalks;
    for (const catalog of catalogs) {
      this.active.set(catalog.namespace, catalog);
      this.byCatalogId.set(catalog.id, catalog);
      this.entryMaps.set(catalog, new Map(catalog.entries.map((e) => [e.id, e])));
    }
  }

  /** The catalogs that answer refs, one per namespace, in the order first given. */
  get activeCatalogs(): readonly CatalogFile[] {
    return this.catalogs.filter((c) => this.active.get(c.namespace) === c);
  }

  /** By namespace (`atlas`) or by catalog id (`atlas-5.6.0`). */
  catalog(namespaceOrId: string): CatalogFile | null {
    return this.active.get(namespaceOrId) ?? this.byCatalogId.get(namespaceOrId) ?? null;
  }

  /** `atlas:AML.T0051` (or `atlas-5.6.0:AML.T0051`) → its catalog and entry; null when it does not resolve. */
  resolveRef(ref: string): ResolvedRef | null {
    const parsed = typeof ref === 'string' ? parseRef(ref) : null;
    if (!parsed) return null;
    const catalog = this.catalog(parsed.namespace);
    const entry = catalog ? this.entryMaps.get(catalog)?.get(parsed.id) : undefined;
    return catalog && entry ? { catalog, entry, ref: `${catalog.namespace}:${entry.id}` } : null;
  }

  /** The entries of the catalog that answers this namespace (or catalog id); empty when none. */
  entriesFor(namespaceOrId: string): readonly CatalogEntry[] {
    return this.catalog(namespaceOrId)?.entries ?? [];
  }

  /** Entries whose `parent` is this one (sub-techniques, subcategories, threats of a category). */
  children(ref: string): ResolvedRef[] {
    const target = this.resolveRef(ref);
    if (!target) return [];
    return target.catalog.entries
      .filter((e) => e.parent === target.entry.id)
      .map((entry) => ({ catalog: target.catalog, entry, ref: `${target.catalog.namespace}:${entry.id}` }));
  }

  /** Crosswalk rows whose subject is this entry. */
  crosswalkRows(ref: string): { crosswalk: CrosswalkFile; row: CrosswalkRow }[] {
    const canonical = this.canonical(ref);
    return canonical === null ? [] : (this.rows().get(canonical) ?? []);
  }

  /** Everything an entry points at: its own refs, then the crosswalk relations where it is the subject. */
  refsOf(target: string | ResolvedRef): string[] {
    const resolved = typeof target === 'string' ? this.resolveRef(target) : target;
    if (!resolved) return [];
    const out = new Set(resolved.entry.refs ?? []);
    for (const { row } of this.crosswalkRows(resolved.ref)) for (const column of CROSSWALK_COLUMNS) for (const r of row[column]) out.add(r);
    return [...out];
  }

  /** Who points at this entry: other entries' refs, children (parent), techniques (tactic), crosswalk rows. */
  backlinks(ref: string): Backlink[] {
    const canonical = this.canonical(ref);
    return canonical === null ? [] : [...(this.backlinksMap().get(canonical) ?? [])];
  }

  /** Ranked search over ids, names, summaries and tags of the active catalogs. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const exact = this.resolveRef(query.trim());
    const hits = searchEntries(this.activeCatalogs, query, options);
    if (!exact || hits[0]?.ref === exact.ref) return hits;
    return [{ ...exact, score: Number.MAX_SAFE_INTEGER }, ...hits.filter((h) => h.ref !== exact.ref)].slice(0, options.limit ?? 50);
  }

  /** `namespace:id` for refs that resolve (also catalog-id refs); null otherwise. */
  canonical(ref: string): string | null {
    return this.resolveRef(ref)?.ref ?? null;
  }

  private rows(): Map<string, { crosswalk: CrosswalkFile; row: CrosswalkRow }[]> {
    if (this.rowMap) return this.rowMap;
    const map = new Map<string, { crosswalk: CrosswalkFile; row: CrosswalkRow }[]>();
    for (const crosswalk of this.crosswalks) {
      for (const row of crosswalk.rows) {
        const key = this.canonical(row.subject) ?? row.subject;
        map.set(key, [...(map.get(key) ?? []), { crosswalk, row }]);
      }
    }
    this.rowMap = map;
    return map;
  }

  private backlinksMap(): Map<string, Backlink[]> {
    if (this.backlinkMap) return this.backlinkMap;
    const map = new Map<string, Backlink[]>();
    const add = (to: string, link: Backlink) => {
      const key = this.canonical(to);
      if (key === null) return;
      const list = map.get(key);
      if (list) list.push(link);
      else map.set(key, [link]);
    };
    for (const catalog of this.activeCatalogs) {
      const ns = catalog.namespace;
      for (const e of catalog.entries) {
        const from = `${ns}:${e.id}`;
        for (const r of e.refs ?? []) add(r, { from, via: 'ref' });
        if (e.parent !== undefined) add(`${ns}:${e.parent}`, { from, via: 'parent' });
        for (const t of e.tactics ?? []) add(`${ns}:${t}`, { from, via: 'tactic' });
      }
    }
    for (const crosswalk of this.crosswalks) {
      for (const row of crosswalk.rows) {
        const from = this.canonical(row.subject) ?? row.subject;
        for (const column of CROSSWALK_COLUMNS) for (const r of row[column]) add(r, { from, via: 'crosswalk', crosswalkId: crosswalk.id, column });
      }
    }
    this.backlinkMap = map;
    return map;
  }
}

/** The refs that do not resolve in this index, each once, in first-seen order. For catalogs,
 * crosswalks, rules and templates alike: `expect(unresolvedRefs(index, refs)).toEqual([])`. */
export function unresolvedRefs(index: CatalogIndex, refs: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const ref of refs) if (!index.resolveRef(ref)) out.add(ref);
  return [...out];
}

/** Every ref a catalog or crosswalk file contains (entry refs; crosswalk subjects and columns). */
export function refsIn(file: CatalogFile | CrosswalkFile): string[] {
  if ('entries' in file) return file.entries.flatMap((e) => e.refs ?? []);
  return file.rows.flatMap((row) => [row.subject, ...CROSSWALK_COLUMNS.flatMap((c) => row[c])]);
}
