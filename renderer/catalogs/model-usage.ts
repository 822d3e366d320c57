// "In this model": which threats and mitigations of the open model cite a catalog entry (or one of
// its children, e.g. a sub-technique of a technique), and which diagram elements they concern.
// Refs are compared in canonical form, so `atlas-5.6.0:AML.T0051` and `atlas:AML.T0051` match.
import type { CatalogIndex } from '../../shared/catalogs';
import type { ModelDocument } from '../../shared/model';

export interface UsedElement {
  readonly id: string;
  readonly name: string;
  readonly kind: 'node' | 'flow' | 'boundary';
  readonly diagram: string;
}

export interface UsageItem {
  readonly id: string;
  readonly title: string;
  /** The ref the item cites (the entry itself or a child of it), canonical. */
  readonly via: string;
  readonly elements: readonly UsedElement[];
}

export interface ModelUsage {
  readonly threats: readonly UsageItem[];
  readonly mitigations: readonly UsageItem[];
  /** Every element concerned, once, in first-seen order. */
  readonly elements: readonly UsedElement[];
}

const EMPTY: ModelUsage = { threats: [], mitigations: [], elements: [] };

export function modelUsage(index: CatalogIndex, doc: ModelDocument, ref: string): ModelUsage {
  const target = index.canonical(ref);
  if (target === null) return EMPTY;
  const wanted = new Set([target, ...index.children(target).map((c) => c.ref)]);
  const cited = (refs: readonly string[]) => {
    for (const r of refs) {
      const canonical = index.canonical(r);
      if (canonical !== null && wanted.has(canonical)) return canonical;
    }
    return null;
  };

  const elements = new Map<string, UsedElement>();
  for (const d of doc.diagrams) {
    for (const n of d.nodes) elements.set(n.id, { id: n.id, name: n.name, kind: 'node', diagram: d.name });
    for (const f of d.flows) elements.set(f.id, { id: f.id, name: f.name, kind: 'flow', diagram: d.name });
    for (const b of d.boundaries) elements.set(b.id, { id: b.id, name: b.name, kind: 'boundary', diagram: d.name });
  }
  const resolve = (ids: Iterable<string>) => [...new Set(ids)].flatMap((id) => elements.get(id) ?? []);

  const threats: UsageItem[] = doc.threats.flatMap((t) => {
    const via = cited(t.refs);
    return via === null ? [] : [{ id: t.id, title: t.title, via, elements: resolve(t.elementIds) }];
  });
  const mitigations: UsageItem[] = doc.mitigations.flatMap((m) => {
    const via = cited(m.refs);
    if (via === null) return [];
    const concerned = doc.threats.filter((t) => t.mitigationIds.includes(m.id)).flatMap((t) => t.elementIds);
    return [{ id: m.id, title: m.title, via, elements: resolve(concerned) }];
  });
  const all = new Map<string, UsedElement>();
  for (const item of [...threats, ...mitigations]) for (const e of item.elements) all.set(e.id, e);
  return { threats, mitigations, elements: [...all.values()] };
}
