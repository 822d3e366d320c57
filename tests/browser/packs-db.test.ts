// Imported packs against Chromium's real IndexedDB: the store, and the catalog service that layers
// stored packs over the bundled catalogs and rules. One fresh database per test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_FORMAT } from '../../shared/catalogs';
import { bundledRules } from '../../shared/rules';
import { openPacksDatabase, PackStore, type PacksDb, type StoredPack } from '../../renderer/storage/packs-db';
import { CatalogService } from '../../renderer/catalogs/catalog-service.svelte';
import rulePack from '../fixtures/packs/rules-synthetic.json';
import deck from '../fixtures/packs/plot4ai-synthetic-deck.json';

let db: PacksDb;
let store: PackStore;

beforeEach(() => {
  db = openPacksDatabase(`threatloom-packs-test-${crypto.randomUUID()}`);
  store = new PackStore(db);
});

afterEach(async () => {
  db.close();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await db.delete();
});

const record = (id: string, importedAt: string, kind: StoredPack['kind'] = 'catalog'): StoredPack => ({ id, kind, name: id, edition: '1', importedAt, json: '{}' });

const catalog = (id: string, name: string) =>
  JSON.stringify({
    format: CATALOG_FORMAT, formatVersion: 1, id, namespace: 'acme', title: 'ACME threats', edition: '1', publisher: 'ACME',
    source: 'https://acme.example/', licence: { name: 'Proprietary', note: 'Internal.' }, kind: 'threats',
    entries: [{ id: 'A1', name, kind: 'risk', summary: 'Our words.' }],
  });

describe('PackStore', () => {
  it('lists packs oldest import first, keyed by kind and id', async () => {
    await store.put(record('b', '2025-02-01T00:00:00.000Z'));
    await store.put(record('a', '2025-03-01T00:00:00.000Z'));
    await store.put(record('a', '2025-01-01T00:00:00.000Z', 'rules'));
    expect((await store.list()).map((p) => `${p.kind}:${p.id}`)).toEqual(['rules:a', 'catalog:b', 'catalog:a']);
    expect((await store.get('rules', 'a'))?.importedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(await store.get('rules', 'b')).toBeNull();
  });

  it('replaces a pack with the same kind and id, and deletes one', async () => {
    await store.put(record('a', '2025-01-01T00:00:00.000Z'));
    await store.put({ ...record('a', '2025-04-01T00:00:00.000Z'), edition: '2' });
    expect(await store.list()).toHaveLength(1);
    expect((await store.get('catalog', 'a'))?.edition).toBe('2');
    await store.remove('catalog', 'a');
    expect(await store.list()).toEqual([]);
  });
});

describe('CatalogService with stored packs', () => {
  it('imports a catalog: stored, indexed, searchable; deleting it restores the bundled index', async () => {
    const service = new CatalogService(store);
    await service.ready;
    const bundledIndex = service.index;
    const prepared = service.prepare(catalog('acme-1', 'Widget tampering'));
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    expect(service.existing(prepared)).toBeNull();
    await service.commit(prepared);
    expect(service.index).not.toBe(bundledIndex);
    expect(service.index.resolveRef('acme:A1')?.entry.name).toBe('Widget tampering');
    expect(service.isImported(service.index.catalog('acme-1')!)).toBe(true);
    expect((await store.list()).map((p) => p.id)).toEqual(['acme-1']);

    // The same id again is a replacement, which the caller confirms first.
    const newer = service.prepare(catalog('acme-1', 'Widget tampering, revised'));
    if (!newer.ok) throw new Error('refused');
    expect(service.existing(newer)?.id).toBe('acme-1');
    await service.commit(newer);
    expect(service.index.resolveRef('acme:A1')?.entry.name).toBe('Widget tampering, revised');

    await service.remove('catalog', 'acme-1');
    expect(service.index).toBe(bundledIndex);
    expect(await store.list()).toEqual([]);
  });

  it('a new service loads the stored packs: catalogs into the index, rules after the bundled ones', async () => {
    const first = new CatalogService(store);
    await first.ready;
    for (const text of [JSON.stringify(deck), JSON.stringify(rulePack)]) {
      const prepared = first.prepare(text);
      if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
      await first.commit(prepared);
    }
    const second = new CatalogService(store);
    await second.ready;
    expect(second.index.resolveRef('plot4ai:cybersecurity')?.entry.name).toBe('Cybersecurity');
    expect(second.rules.length).toBe(bundledRules().length + 2);
    expect(second.rules.slice(-2).map((r) => r.id)).toEqual(['synthetic-llm-unreviewed-output', 'synthetic-flow-plaintext']);
    expect(second.packs.map((p) => p.status)).toEqual(['loaded', 'loaded']);
  });

  it('a stored pack that no longer passes the checks is listed as broken, not loaded', async () => {
    await store.put({ ...record('bad', '2025-01-01T00:00:00.000Z'), json: '{"format":"threatloom-catalog"}' });
    const service = new CatalogService(store);
    await service.ready;
    expect(service.packs).toHaveLength(1);
    const broken = service.packs[0]!;
    expect(broken.status).toBe('broken');
    expect(broken.status === 'broken' && broken.problem).toMatch(/^Could not import “bad”: /);
    expect(service.index.catalog('bad')).toBeNull();
  });

  it('opens entries in the browser and goes back', () => {
    const service = new CatalogService(null);
    service.browse();
    expect(service.browsing).toEqual({ ref: null, back: [] });
    service.open('owasp-llm-2025:LLM01');
    service.open('atlas:AML.T0051');
    expect(service.browsing).toEqual({ ref: 'atlas:AML.T0051', back: ['owasp-llm-2025:LLM01'] });
    service.back();
    expect(service.browsing).toEqual({ ref: 'owasp-llm-2025:LLM01', back: [] });
    service.close();
    expect(service.browsing).toBeNull();
  });
});
