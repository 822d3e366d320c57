// State of the catalog browser: the search, the kind filter, which catalog the list is narrowed
// to, and the import / delete flows. Which entry is shown lives in the service (RefChips anywhere
// in the app open it), so following a cross-link inside the browser is just another `open`.
import { MAX_PACK_BYTES, searchEntries, type CatalogFile, type CatalogIndex } from '../../shared/catalogs';
import { formatBytes } from '../../shared/model';
import { FileTooLargeError, type OpenedFile, type PlatformFiles } from '../platform/platform';
import type { StoredPack } from '../storage/packs-db';
import { isIdLike, refLabel } from './catalog-context';
import type { CatalogService } from './catalog-service.svelte';
import { countKinds, refusalMessage, type PackImport } from './pack-import';

/** The picker offers these first; the kind of pack is decided by content, never by name. */
export const PACK_EXTENSIONS = ['.json', '.yaml', '.yml'] as const;
/** More rows than this are not drawn: a narrower search is more useful than a longer list. */
export const MAX_ROWS = 300;

export interface CatalogRow {
  readonly catalog: CatalogFile;
  /** It answers its namespace's refs (false when a later pack with the same namespace replaced it). */
  readonly active: boolean;
  readonly imported: StoredPack | null;
  readonly counts: string;
}

export interface EntryRow {
  readonly ref: string;
  /** The id as people quote it; empty where it would only repeat the name. */
  readonly label: string;
  readonly name: string;
  readonly where: string;
}

export interface BrowserMessage {
  readonly tone: 'ok' | 'error';
  readonly text: string;
  readonly notes: readonly string[];
}

/** `namespace:id` where the catalog answers its namespace, else `catalogId:id` (still resolvable). */
export function refIn(index: CatalogIndex, catalog: CatalogFile, entryId: string): string {
  return index.activeCatalogs.includes(catalog) ? `${catalog.namespace}:${entryId}` : `${catalog.id}:${entryId}`;
}

export class CatalogBrowserState {
  query = $state('');
  /** Entry kind to show ('' = every kind). */
  kind = $state('');
  /** Catalog id the list is narrowed to (null = all catalogs). */
  scope = $state<string | null>(null);
  message = $state.raw<BrowserMessage | null>(null);
  replacing = $state.raw<{ readonly prepared: PackImport; readonly existing: StoredPack; readonly fileName: string } | null>(null);
  deleting = $state.raw<StoredPack | null>(null);
  busy = $state(false);

  constructor(
    private readonly service: CatalogService,
    private readonly files: PlatformFiles,
  ) {}

  catalogs: readonly CatalogRow[] = $derived.by(() => {
    const index = this.service.index;
    const imported = new Map<CatalogFile, StoredPack>();
    for (const p of this.service.packs) if (p.status === 'loaded' && p.pack.kind === 'catalog') imported.set(p.pack.catalog, p.record);
    return index.catalogs.map((catalog) => ({
      catalog,
      active: index.activeCatalogs.includes(catalog),
      imported: imported.get(catalog) ?? null,
      counts: countKinds(catalog.entries),
    }));
  });

  private scoped: CatalogFile | null = $derived.by(() => this.catalogs.find((r) => r.catalog.id === this.scope)?.catalog ?? null);

  /** Entry kinds in the catalogs searched, for the filter. */
  kinds: readonly string[] = $derived.by(() => {
    const pool = this.scoped ? [this.scoped] : this.service.index.activeCatalogs;
    return [...new Set(pool.flatMap((c) => c.entries.map((e) => e.kind)))].sort();
  });

  /** Search hits (ranked), or the narrowed catalog's entries in order; empty before either. */
  results: { readonly rows: readonly EntryRow[]; readonly more: boolean } = $derived.by(() => {
    const index = this.service.index;
    const kinds = this.kind ? [this.kind] : undefined;
    const scoped = this.scoped;
    let found: { catalog: CatalogFile; entryId: string; name: string }[];
    if (this.query.trim()) {
      const hits = scoped ? searchEntries([scoped], this.query, { kinds, limit: MAX_ROWS + 1 }) : index.search(this.query, { kinds, limit: MAX_ROWS + 1 });
      found = hits.map((h) => ({ catalog: h.catalog, entryId: h.entry.id, name: h.entry.name }));
    } else if (scoped) {
      found = scoped.entries.filter((e) => !kinds || kinds.includes(e.kind)).slice(0, MAX_ROWS + 1).map((e) => ({ catalog: scoped, entryId: e.id, name: e.name }));
    } else {
      return { rows: [], more: false };
    }
    const rows = found.slice(0, MAX_ROWS).map(({ catalog, entryId, name }) => {
      const ref = refIn(index, catalog, entryId);
      const label = refLabel(`${catalog.namespace}:${entryId}`);
      return { ref, label: isIdLike(label) ? label : '', name, where: `${catalog.title} ${catalog.edition}` };
    });
    return { rows, more: found.length > MAX_ROWS };
  });

  narrow = (catalogId: string | null): void => {
    this.scope = this.scope === catalogId ? null : catalogId;
    if (this.kind && !this.kinds.includes(this.kind)) this.kind = '';
  };

  /** Asks for a file, checks it, and stores it (after confirming a replacement). */
  importFile = async (): Promise<void> => {
    this.message = null;
    let file: OpenedFile | null;
    try {
      file = await this.files.openTextFile(PACK_EXTENSIONS);
    } catch (error) {
      this.message = { tone: 'error', text: readFailure(error), notes: [] };
      return;
    }
    if (!file) return;
    this.busy = true;
    // Let "Checking…" paint before validation, which can take a moment for a large pack.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const prepared = this.service.prepare(file.text);
    this.busy = false;
    if (!prepared.ok) {
      this.message = { tone: 'error', text: refusalMessage(file.name, prepared.problems), notes: [] };
      return;
    }
    const existing = this.service.existing(prepared);
    if (existing) this.replacing = { prepared, existing, fileName: file.name };
    else await this.store(prepared, file.name);
  };

  confirmReplace = async (): Promise<void> => {
    const pending = this.replacing;
    this.replacing = null;
    if (pending) await this.store(pending.prepared, pending.fileName);
  };

  confirmDelete = async (): Promise<void> => {
    const pack = this.deleting;
    this.deleting = null;
    if (!pack) return;
    try {
      await this.service.remove(pack.kind, pack.id);
      if (this.scope === pack.id) this.scope = null;
      this.message = { tone: 'ok', text: `Deleted the imported pack “${pack.name}”.`, notes: [] };
    } catch (error) {
      this.message = { tone: 'error', text: `Could not delete “${pack.name}”: ${error instanceof Error ? error.message : String(error)}`, notes: [] };
    }
  };

  private async store(prepared: PackImport, fileName: string): Promise<void> {
    this.busy = true;
    try {
      await this.service.commit(prepared);
      const later = prepared.record.kind === 'rules' ? ['The rules apply to models opened from now on.'] : [];
      this.message = { tone: 'ok', text: `Imported “${fileName}”: ${prepared.summary}.`, notes: [...later, ...prepared.notes] };
    } catch (error) {
      this.message = { tone: 'error', text: `Could not store “${fileName}”: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`, notes: [] };
    } finally {
      this.busy = false;
    }
  }
}

function readFailure(error: unknown): string {
  if (error instanceof FileTooLargeError) {
    return `Could not import “${error.fileName}”: the file is ${formatBytes(error.size)}; packs over ${formatBytes(MAX_PACK_BYTES)} are refused. Nothing was changed.`;
  }
  return `Could not read the file: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`;
}
