// Draft → model document: the one place where foreign records become ours. Everything a valid
// document needs is settled here, so importers only translate vocabulary.
import {
  LIMITS,
  createDiagram,
  createModel,
  newId,
  type Asset,
  type Diagram,
  type Mitigation,
  type ModelDocument,
  type Threat,
  type Uuid,
} from '../model';
import { Bounder } from './bounded';
import { buildDiagram, type BuildContext } from './build-diagram';
import { MAX_RECORDS, type Draft } from './draft';
import type { NoteLog } from './notes';
import { quote } from './text';

const REF = /^[^\s:]+:\S+$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export async function buildDocument(input: Draft, notes: NoteLog, now: string): Promise<ModelDocument> {
  const cap = <T>(records: readonly T[] | undefined, what: string): readonly T[] => {
    if (!records || records.length <= MAX_RECORDS) return records ?? [];
    notes.skip(`${records.length - MAX_RECORDS} ${what}`, `more than ${MAX_RECORDS} in one file`);
    return records.slice(0, MAX_RECORDS);
  };
  const draft: Draft = {
    ...input,
    threats: cap(input.threats, 'threats'),
    mitigations: cap(input.mitigations, 'mitigations'),
    assets: cap(input.assets, 'assets'),
  };
  const bound = new Bounder(notes);
  const allNodes = new Set(draft.diagrams.flatMap((d) => d.nodes.map((n) => n.key)));
  const ctx: BuildContext = { notes, bound, ids: new Map(), allNodes, skipped: new Map() };

  const diagrams: Diagram[] = [];
  for (const d of draft.diagrams) diagrams.push(await buildDiagram(d, ctx));
  if (diagrams.length === 0) {
    diagrams.push(createDiagram('Main diagram'));
    notes.change('diagrams', 'the file has no diagram; an empty one was added');
  }

  const mitigationIds = new Map<string, Uuid>();
  const mitigations: Mitigation[] = draft.mitigations.map((m) => {
    const what = () => `mitigation ${quote(m.title)}`;
    const id = newId();
    if (!mitigationIds.has(m.key)) mitigationIds.set(m.key, id);
    return {
      id,
      title: bound.name(m.title, what),
      description: bound.text(m.description, what),
      status: m.status,
      owner: bound.name(m.owner ?? '', what),
      dueDate: isIsoDate(m.dueDate) ? m.dueDate : '',
      phase: bound.name(m.phase ?? '', what),
      refs: refs(m.refs, what, notes),
      effectiveness: Math.min(1, Math.max(0, m.effectiveness)),
      rejectionReason: m.status === 'rejected' ? 'Rejected in the imported file, which records no reason.' : '',
    };
  });

  const threats: Threat[] = draft.threats.map((t) => {
    const what = () => `threat ${quote(t.title)}`;
    const elementIds = unique(
      t.elementKeys.flatMap((key) => {
        const id = ctx.ids.get(key);
        if (id === undefined) {
          const skipped = ctx.skipped.get(key);
          notes.change(what(), `${skipped ? `its ${skipped} was skipped` : `its element ${quote(key)} is not in the file`}; the threat was kept without it`);
        }
        return id === undefined ? [] : [id];
      }),
    );
    return {
      id: newId(),
      title: bound.name(t.title, what),
      description: bound.text(t.description, what),
      elementIds,
      stride: unique(t.stride),
      refs: refs(t.refs, what, notes),
      origin: { kind: 'manual' },
      status: t.status,
      likelihood: t.likelihood,
      impact: t.impact,
      owner: bound.name(t.owner ?? '', what),
      mitigationIds: unique(t.mitigationKeys.flatMap((k) => (mitigationIds.has(k) ? [mitigationIds.get(k)!] : []))),
      // Foreign formats record an accepted or not-applicable status without our required
      // details; the gap is said in the record, and in the summary, rather than invented.
      acceptance:
        t.status === 'accepted'
          ? { rationale: 'Accepted in the imported file, which records no rationale.', approver: 'Not recorded in the source', date: now.slice(0, 10), reviewBy: '' }
          : null,
      statusReason:
        t.status === 'not-applicable' ? bound.text(t.statusReason?.trim() || 'Marked not applicable in the imported file.', what) : '',
      owaspRisk: null,
    };
  });

  const assets: Asset[] = (draft.assets ?? []).map((a) => {
    const what = () => `asset ${quote(a.name)}`;
    return {
      id: newId(),
      name: bound.name(a.name, what),
      kind: a.kind,
      description: bound.text(a.description, what),
      confidentiality: a.confidentiality,
      integrity: a.integrity,
      availability: a.availability,
      elementIds: unique(a.elementKeys.flatMap((k) => (ctx.ids.has(k) ? [ctx.ids.get(k)!] : []))),
    };
  });

  const title = draft.title.trim() === '' ? 'Imported model' : draft.title;
  // Starting from a fresh model keeps any field added to the document later at its default.
  const fresh = createModel(bound.name(title, () => 'model title'), now);
  return {
    ...fresh,
    description: bound.text(draft.description, () => 'model description'),
    owner: bound.name(draft.owner, () => 'model owner'),
    reviewers: unique(draft.reviewers.map((r) => bound.name(r, () => 'reviewer')).filter((r) => r.trim() !== '')).slice(0, LIMITS.list),
    scope: { ...fresh.scope, assumptions: bound.text(draft.assumptions ?? '', () => 'assumptions') },
    diagrams,
    assets,
    threats,
    mitigations,
  };
}

function isIsoDate(value: string | undefined): value is string {
  if (value === undefined || !ISO_DATE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function refs(values: readonly string[] | undefined, what: () => string, notes: NoteLog): string[] {
  return unique(
    (values ?? []).filter((r) => {
      const ok = r.length <= LIMITS.ref && REF.test(r);
      if (!ok) notes.skip(`${what()}: reference ${quote(r)}`, 'not of the form catalogId:entryId');
      return ok;
    }),
  );
}
