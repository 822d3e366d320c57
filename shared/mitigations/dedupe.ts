// The one rule for "the model already has this mitigation": used when a suggested threat is
// accepted (its proposed mitigations link to existing ones instead of being copied) and when a
// user creates a mitigation by hand. Titles are compared, not catalog refs: rule packs give
// several different controls the same ATLAS mitigation (e.g. "Audit writes" and "Monitor drift"
// both cite AML.M0024), so merging on refs would fold distinct work items into one.
import type { Mitigation, ModelDocument } from '../model/types';

/** What the comparison looks at: case, surrounding and repeated spaces do not count. */
export function mitigationKindKey(title: string): string {
  return title.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The model's mitigation of the same kind as `proposal`, or null when there is none. */
export function sameKindMitigation(
  doc: Pick<ModelDocument, 'mitigations'>,
  proposal: { readonly title: string },
): Mitigation | null {
  const key = mitigationKindKey(proposal.title);
  if (!key) return null;
  return doc.mitigations.find((m) => mitigationKindKey(m.title) === key) ?? null;
}
