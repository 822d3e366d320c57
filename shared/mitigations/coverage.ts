// Which threats each mitigation answers (the many-to-many link is stored on threats as
// `mitigationIds`), and the reverse view for one threat.
import type { Mitigation, ModelDocument, Threat, Uuid } from '../model/types';

/** Mitigation id → the threats that link it, in document order. Every mitigation has an entry. */
export function coverage(doc: Pick<ModelDocument, 'mitigations' | 'threats'>): ReadonlyMap<Uuid, readonly Threat[]> {
  const map = new Map<Uuid, Threat[]>(doc.mitigations.map((m) => [m.id, []]));
  for (const threat of doc.threats) {
    for (const id of new Set(threat.mitigationIds)) map.get(id)?.push(threat);
  }
  return map;
}

export function threatsLinkedTo(doc: Pick<ModelDocument, 'threats'>, mitigationId: Uuid): Threat[] {
  return doc.threats.filter((t) => t.mitigationIds.includes(mitigationId));
}

/** The threat's mitigations in link order; ids that name no mitigation are skipped. */
export function linkedMitigations(doc: Pick<ModelDocument, 'mitigations'>, threat: Pick<Threat, 'mitigationIds'>): Mitigation[] {
  const byId = new Map(doc.mitigations.map((m) => [m.id, m]));
  return [...new Set(threat.mitigationIds)].flatMap((id) => byId.get(id) ?? []);
}

/** Mitigations no threat links: planned work that answers nothing on record. */
export function unlinkedMitigations(doc: Pick<ModelDocument, 'mitigations' | 'threats'>): Mitigation[] {
  const map = coverage(doc);
  return doc.mitigations.filter((m) => map.get(m.id)!.length === 0);
}
