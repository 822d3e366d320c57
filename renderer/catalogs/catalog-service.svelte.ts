// The app's one source of threat knowledge: the bundled catalogs and rules plus the packs the user
// imported (IndexedDB, packs-db.ts). The index is rebuilt after every import or delete, so every
// view reading `service.index` follows. It also runs the catalog browser: which entry it shows,
// the way back, and the open model (when an editor is open) for "In this model".
import { getContext, setContext } from 'svelte';
import {
  CatalogIndex,
  bundledAtlasSummaries,
  bundledIds,
  bundledIndex,
  loadBundledCatalogs,
  type CatalogFile,
  type CrosswalkFile,
} from '../../shared/catalogs';
import type { ModelDocument } from '../../shared/model';
import { bundledRulePacks, bundledRules, type Rule, type RulePack } from '../../shared/rules';
import type { PackKind, PackStore, StoredPack } from '../storage/packs-db';
import { setCatalogs, type CatalogContext } from './catalog-context';
import { importPack, refusalMessage, type PackEnvironment, type PackImport, type PackImportResult, type PreparedPack } from './pack-import';

/** What the browser needs of an open editor. `doc` is read whenever an entry is shown. */
export interface ModelLink {
  readonly doc: ModelDocument;
  reveal(elementId: string): void;
}

/** A stored pack as loaded now: usable, or broken (it no longer passes today's checks). */
export type LoadedPack =
  | { readonly status: 'loaded'; readonly record: StoredPack; readonly pack: PreparedPack }
  | { readonly status: 'broken'; readonly record: StoredPack; readonly problem: string };

export class CatalogService implements CatalogContext {
  index: CatalogIndex = $state.raw(bundledIndex());
  /** Bundled rules, then the rules of imported packs. */
  rules: readonly Rule[] = $state.raw(bundledRules());
  packs: readonly LoadedPack[] = $state.raw([]);
  loading = $state(true);
  loadError = $state<string | null>(null);
  /** The catalog browser: null when closed; `ref` is the entry shown (null: none yet). */
  browsing = $state.raw<{ readonly ref: string | null; readonly back: readonly string[] } | null>(null);
  model = $state.raw<ModelLink | null>(null);
  /** Resolves when the stored packs have been loaded (or failed to). */
  readonly ready: Promise<void>;

  constructor(private readonly store: PackStore | null) {
    this.ready = this.reload();
  }

  /** CatalogContext: a ref chip was clicked. Opens the browser at the entry, or follows inside it. */
  open = (ref: string): void => {
    const current = this.browsing;
    this.browsing = current ? { ref, back: current.ref && current.ref !== ref ? [...current.back, current.ref].slice(-50) : current.back } : { ref, back: [] };
  };

  /** Opens the browser on its start page (or keeps it where it is). */
  browse = (): void => {
    this.browsing ??= { ref: null, back: [] };
  };

  back = (): void => {
    const current = this.browsing;
    if (!current || current.back.length === 0) return;
    this.browsing = { ref: current.back.at(-1)!, back: current.back.slice(0, -1) };
  };

  close = (): void => {
    this.browsing = null;
  };

  /** An editor registers its model while it is open; call the result when it closes. */
  attachModel(link: ModelLink): () => void {
    this.model = link;
    return () => {
      if (this.model === link) this.model = null;
    };
  }

  /** Detects and validates a file's text against what is loaded now. Stores nothing. */
  prepare(text: string): PackImportResult {
    return importPack(text, this.environment(this.index, this.rulePacks()));
  }

  /** The stored pack an import would replace, if any. */
  existing(prepared: PackImport): StoredPack | null {
    return this.packs.find((p) => p.record.kind === prepared.record.kind && p.record.id === prepared.record.id)?.record ?? null;
  }

  /** Stores a prepared pack (replacing one with the same kind and id) and rebuilds the index. */
  async commit(prepared: PackImport): Promise<void> {
    if (!this.store) throw new Error('imported packs cannot be stored here');
    await this.store.put({ ...prepared.record, importedAt: new Date().toISOString() });
    await this.reload();
  }

  async remove(kind: PackKind, id: string): Promise<void> {
    if (!this.store) return;
    await this.store.remove(kind, id);
    await this.reload();
  }

  /** Whether a catalog object came from an imported pack (bundled ones are read-only). */
  isImported(catalog: CatalogFile | CrosswalkFile): boolean {
    return this.packs.some((p) => p.status === 'loaded' && (p.pack.kind === 'catalog' ? p.pack.catalog : p.pack.kind === 'crosswalk' ? p.pack.crosswalk : null) === catalog);
  }

  /** Bundled then imported rule packs. */
  rulePacks(): RulePack[] {
    return [...bundledRulePacks(), ...this.packs.flatMap((p) => (p.status === 'loaded' && p.pack.kind === 'rules' ? [p.pack.pack] : []))];
  }

  private environment(index: CatalogIndex, rulePacks: readonly RulePack[]): PackEnvironment {
    const ruleOwners = new Map<string, string>();
    for (const pack of rulePacks) for (const rule of pack.rules) if (!ruleOwners.has(rule.id)) ruleOwners.set(rule.id, pack.id);
    return {
      index,
      bundledCatalogIds: bundledIds(),
      bundledRulePackIds: bundledRulePacks().map((p) => p.id),
      ruleOwners,
      atlasSummaries: bundledAtlasSummaries(),
    };
  }

  /** Reads every stored pack, validates it again (in import order) and rebuilds the index and rules. */
  private async reload(): Promise<void> {
    let stored: StoredPack[] = [];
    try {
      stored = this.store ? await this.store.list() : [];
      this.loadError = null;
    } catch (error) {
      this.loadError = `Imported packs could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
    const bundled = loadBundledCatalogs();
    const catalogs: CatalogFile[] = [...bundled.catalogs];
    const crosswalks: CrosswalkFile[] = [...bundled.crosswalks];
    const rulePacks: RulePack[] = [...bundledRulePacks()];
    const loaded: LoadedPack[] = [];
    for (const record of stored) {
      // Each pack is checked against the bundled ones and the packs loaded before it.
      const result = importPack(record.json, this.environment(new CatalogIndex(catalogs, crosswalks), rulePacks));
      if (!result.ok) {
        loaded.push({ status: 'broken', record, problem: refusalMessage(record.name, result.problems, 2) });
        continue;
      }
      loaded.push({ status: 'loaded', record, pack: result.pack });
      if (result.pack.kind === 'catalog') catalogs.push(result.pack.catalog);
      else if (result.pack.kind === 'crosswalk') crosswalks.push(result.pack.crosswalk);
      else rulePacks.push(result.pack.pack);
    }
    this.packs = loaded;
    this.index = loaded.some((p) => p.status === 'loaded' && p.pack.kind !== 'rules') ? new CatalogIndex(catalogs, crosswalks) : bundledIndex();
    this.rules = rulePacks.length === bundledRulePacks().length ? bundledRules() : Object.freeze(rulePacks.flatMap((p) => p.rules));
    this.loading = false;
  }
}

const KEY = Symbol('catalog-service');

/** Makes the service the app's catalog provider: RefChips and the browser read it through context. */
export function setCatalogService(service: CatalogService): void {
  setCatalogs(service);
  setContext(KEY, service);
}

export function getCatalogService(): CatalogService {
  const service = getContext<CatalogService | undefined>(KEY);
  if (!service) throw new Error('getCatalogService() used outside <App>');
  return service;
}
