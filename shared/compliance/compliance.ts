// Which parts of the AI governance frameworks (NIST AI RMF subcategories, EU AI Act articles) the
// model's threats and mitigations address, and which have nothing yet — a table for reports.
//
// A threat or mitigation addresses a framework entry when one of these holds:
// 1. it cites the entry (or an entry of the framework below it, e.g. a paragraph of an article);
// 2. an entry it cites points at it: the cited entry's own refs, or the crosswalk row whose
//    subject it is (`CatalogIndex.refsOf`), e.g. `stride-ai:T-data-poisoning` → `eu-ai-act:Art-10`;
// 3. the framework entry points at something it cites, e.g. Article 15(5) names `atlas:AML.T0020`.
// A mitigation also addresses what the threats it mitigates address: it is the control that
// answers that requirement for that risk. Rejected mitigations address nothing.
// Links are followed one hop only, so every claim can be explained in one line (`via`).
import type { CatalogEntry, CatalogIndex } from '../catalogs';
import type { Mitigation, ModelDocument, Threat, Uuid } from '../model';

export interface ComplianceFramework {
  /** The catalog namespace, as in refs: `nist-ai-rmf`, `eu-ai-act`. */
  readonly namespace: string;
  /** Entry kinds that get a row of the table. */
  readonly kinds: readonly string[];
  /** What one row is, for summaries: "subcategory", "provision" (an article, paragraph or annex). */
  readonly unit: string;
  readonly units: string;
}

export const COMPLIANCE_FRAMEWORKS: readonly ComplianceFramework[] = [
  { namespace: 'nist-ai-rmf', kinds: ['subcategory'], unit: 'subcategory', units: 'subcategories' },
  { namespace: 'eu-ai-act', kinds: ['article', 'paragraph', 'annex'], unit: 'provision', units: 'provisions' },
];

export interface Addresser {
  readonly kind: 'threat' | 'mitigation';
  readonly id: Uuid;
  readonly title: string;
  /** The refs the link goes through, e.g. `['stride-ai:T-data-poisoning']`; empty when cited directly. */
  readonly via: readonly string[];
  /** For a mitigation that addresses the entry through a threat it mitigates. */
  readonly throughThreat: { readonly id: Uuid; readonly title: string } | null;
}

export interface ComplianceRow {
  /** `namespace:id`. */
  readonly ref: string;
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly threats: readonly Addresser[];
  readonly mitigations: readonly Addresser[];
}

export interface ComplianceTable {
  readonly framework: ComplianceFramework;
  /** The catalog's title and edition, e.g. "NIST AI Risk Management Framework" "1.0". */
  readonly title: string;
  readonly edition: string;
  readonly rows: readonly ComplianceRow[];
  /** Rows addressed by at least one threat or mitigation. */
  readonly addressed: number;
}

/** Framework ref → the refs (chains) through which a record reaches it. */
type Reach = Map<string, string[]>;

function add(reach: Reach, ref: string, via: string[]): void {
  const known = reach.get(ref);
  if (!known || via.length < known.length) reach.set(ref, via);
}

/** Every ref a record with these refs reaches in one hop, each with the shortest chain. */
function reachOf(refs: readonly string[], index: CatalogIndex): Reach {
  const reach: Reach = new Map();
  for (const raw of refs) {
    const resolved = index.resolveRef(raw);
    const ref = resolved?.ref ?? raw;
    add(reach, ref, []);
    if (!resolved) continue;
    for (const target of index.refsOf(resolved)) add(reach, index.canonical(target) ?? target, [ref]);
    for (const link of index.backlinks(ref)) if (link.via === 'ref') add(reach, link.from, [ref]);
  }
  return reach;
}

interface Row {
  readonly entry: CatalogEntry;
  readonly ref: string;
  readonly threats: Map<Uuid, Addresser>;
  readonly mitigations: Map<Uuid, Addresser>;
}

/** Row refs a reached ref lands on: itself when it is a row, and its parents that are rows. */
function rowsFor(ref: string, rows: ReadonlyMap<string, Row>, index: CatalogIndex): string[] {
  const out: string[] = [];
  let current = index.resolveRef(ref);
  for (let hops = 0; current && hops < 10; hops++) {
    if (rows.has(current.ref)) out.push(current.ref);
    const parent = current.entry.parent;
    current = parent === undefined ? null : index.resolveRef(`${current.catalog.namespace}:${parent}`);
  }
  return out;
}

/** Lower is a more direct explanation: own refs before a threat's, shorter chains first. */
const rank = (a: Addresser) => (a.throughThreat ? 100 : 0) + a.via.length;

function record(rows: ReadonlyMap<string, Row>, reach: Reach, index: CatalogIndex, addresser: (via: string[]) => Addresser): void {
  for (const [ref, via] of reach) {
    for (const rowRef of rowsFor(ref, rows, index)) {
      const row = rows.get(rowRef)!;
      const a = addresser(rowRef === ref ? via : [...via, ref]);
      const list = a.kind === 'threat' ? row.threats : row.mitigations;
      const known = list.get(a.id);
      if (!known || rank(a) < rank(known)) list.set(a.id, a);
    }
  }
}

export function complianceTable(
  doc: Pick<ModelDocument, 'threats' | 'mitigations'>,
  index: CatalogIndex,
  frameworks: readonly ComplianceFramework[] = COMPLIANCE_FRAMEWORKS,
): ComplianceTable[] {
  const tables = frameworks.flatMap((framework) => {
    const catalog = index.catalog(framework.namespace);
    if (!catalog) return [];
    const rows = catalog.entries
      .filter((e) => framework.kinds.includes(e.kind))
      .map((entry): Row => ({ entry, ref: `${catalog.namespace}:${entry.id}`, threats: new Map(), mitigations: new Map() }));
    return [{ framework, catalog, rows }];
  });
  const rows = new Map(tables.flatMap((t) => t.rows.map((r) => [r.ref, r] as const)));

  const threatRows = new Map<Uuid, { threat: Threat; reach: Reach }>();
  for (const threat of doc.threats) {
    const reach = reachOf(threat.refs, index);
    threatRows.set(threat.id, { threat, reach });
    record(rows, reach, index, (via) => ({ kind: 'threat', id: threat.id, title: threat.title, via, throughThreat: null }));
  }
  const mitigatedBy = new Map<Uuid, Threat[]>();
  for (const threat of doc.threats) for (const id of threat.mitigationIds) mitigatedBy.set(id, [...(mitigatedBy.get(id) ?? []), threat]);
  for (const m of doc.mitigations.filter((x: Mitigation) => x.status !== 'rejected')) {
    record(rows, reachOf(m.refs, index), index, (via) => ({ kind: 'mitigation', id: m.id, title: m.title, via, throughThreat: null }));
    for (const threat of mitigatedBy.get(m.id) ?? []) {
      const through = { id: threat.id, title: threat.title };
      record(rows, threatRows.get(threat.id)!.reach, index, (via) => ({ kind: 'mitigation', id: m.id, title: m.title, via, throughThreat: through }));
    }
  }

  return tables.map(({ framework, catalog, rows: list }) => {
    const out = list.map((r) => ({
      ref: r.ref,
      id: r.entry.id,
      name: r.entry.name,
      kind: r.entry.kind,
      threats: [...r.threats.values()],
      mitigations: [...r.mitigations.values()],
    }));
    return {
      framework,
      title: catalog.title,
      edition: catalog.edition,
      rows: out,
      addressed: out.filter((r) => r.threats.length + r.mitigations.length > 0).length,
    };
  });
}
