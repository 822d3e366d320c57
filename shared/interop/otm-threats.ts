// OTM threat and mitigation catalogues plus the instances on components and dataflows → our
// threats and mitigations. One threat per catalogue entry, holding every element that references
// it; when those references disagree on the state, one threat per state (and the report says so).
import { ASSET_KINDS, type AssetKind, type MitigationStatus, type Rating, type StrideLetter, type ThreatStatus } from '../model';
import { MAX_RECORDS, type DraftAsset, type DraftMitigation, type DraftThreat } from './draft';
import type { NoteLog } from './notes';
import { attr, jsonAttr, leastAdvanced, mitigationStatusOf, threatStatusOf } from './otm-common';
import { percentRating, strideLetter } from './scales';
import { list, num, obj, paragraphs, quote, str, type Obj } from './text';

export interface OtmElement {
  readonly key: string;
  readonly label: string;
  readonly raw: Obj;
}

interface Instance {
  readonly elementKey: string;
  readonly status: ThreatStatus;
  readonly state: string;
  readonly mitigations: readonly { id: string; state: string }[];
}

export function readOtmCatalogs(
  data: Obj,
  elements: readonly OtmElement[],
  notes: NoteLog,
): { threats: DraftThreat[]; mitigations: DraftMitigation[]; assets: DraftAsset[] } {
  const catalog = byId(data['threats'], 'threat', notes);
  const mitigationCatalog = byId(data['mitigations'], 'mitigation', notes);

  const instances = new Map<string, Instance[]>();
  for (const el of elements) {
    for (const raw of list(el.raw['threats'])) {
      const ref = obj(raw);
      const id = str(ref['threat']);
      if (!catalog.has(id)) {
        notes.skip(`threat reference ${quote(id)} on ${el.label}`, 'no threat with this id in the file');
        continue;
      }
      const state = str(ref['state']);
      const status = threatStatusOf(state) ?? 'open';
      if (threatStatusOf(state) === undefined && state !== '') {
        notes.changeOnce(`threat state ${quote(state)}`, 'not a state Threatloom knows; imported as open, the value is kept in the threat description');
      }
      const mitigations = list(ref['mitigations']).map((m) => ({ id: str(obj(m)['mitigation']), state: str(obj(m)['state']) }));
      const found = instances.get(id) ?? [];
      found.push({ elementKey: el.key, status, state, mitigations });
      instances.set(id, found);
    }
  }

  const threats: DraftThreat[] = [];
  const mitigationStates = new Map<string, MitigationStatus[]>();
  for (const [id, t] of catalog) {
    const title = str(t['name']) || 'Untitled threat';
    const label = `threat ${quote(title)}`;
    const own = instances.get(id) ?? [];
    const groups = new Map<ThreatStatus, Instance[]>();
    for (const i of own) groups.set(i.status, [...(groups.get(i.status) ?? []), i]);
    if (groups.size > 1) notes.change(label, `the elements that reference it give it ${groups.size} different states; imported as one threat per state`);
    if (groups.size === 0) {
      const status = threatStatusOf(str(attr(t, 'status'))) ?? 'open';
      groups.set(status, []);
      if (attr(t, 'status') === undefined) notes.change(label, 'no component or dataflow references it; imported without elements');
    }
    const stride: StrideLetter[] = [];
    const otherCategories: string[] = [];
    for (const c of list(t['categories']).map(str).filter(Boolean)) {
      const letter = strideLetter(c);
      if (letter) stride.push(letter);
      else otherCategories.push(c);
    }
    const risk = obj(t['risk']);
    const likelihood = rating(risk['likelihood']);
    const impact = attr(t, 'impact') === 'unrated' ? null : rating(risk['impact']);
    let first = true;
    for (const [status, group] of groups) {
      const mitigationIds = [...new Set(group.flatMap((i) => i.mitigations.map((m) => m.id)))];
      for (const i of group) {
        for (const m of i.mitigations) {
          if (!mitigationCatalog.has(m.id)) continue;
          const s = mitigationStatusOf(m.state);
          if (s) mitigationStates.set(m.id, [...(mitigationStates.get(m.id) ?? []), s]);
        }
      }
      for (const m of mitigationIds) if (!mitigationCatalog.has(m)) notes.skip(`mitigation reference ${quote(m)} on ${label}`, 'no mitigation with this id in the file');
      const oddStates = [...new Set(group.filter((i) => threatStatusOf(i.state) === undefined && i.state !== '').map((i) => i.state))];
      threats.push({
        key: first ? `t:${id}` : `t:${id}:${status}`,
        title,
        description: paragraphs(
          str(t['description']),
          otherCategories.length > 0 ? `OTM categories: ${otherCategories.join(', ')}` : '',
          list(t['cwes']).map(str).filter(Boolean).length > 0 ? `CWEs: ${list(t['cwes']).map(str).filter(Boolean).join(', ')}` : '',
          oddStates.length > 0 ? `OTM state: ${oddStates.join(', ')}` : '',
        ),
        elementKeys: group.map((i) => i.elementKey),
        stride,
        refs: list(jsonAttr(t, 'refs')).map(str).filter(Boolean),
        status,
        likelihood,
        impact,
        owner: str(attr(t, 'owner')),
        mitigationKeys: mitigationIds.filter((m) => mitigationCatalog.has(m)).map((m) => `m:${m}`),
      });
      first = false;
    }
    if (otherCategories.length > 0) notes.changeOnce(`threat categories ${quote(otherCategories.join(', '))}`, 'not STRIDE categories; kept in the threat description');
  }

  const mitigations: DraftMitigation[] = [...mitigationCatalog].map(([id, m]) => {
    const title = str(m['name']) || 'Untitled mitigation';
    const states = mitigationStates.get(id) ?? [];
    let status = mitigationStatusOf(str(attr(m, 'status')));
    if (status === undefined) {
      status = leastAdvanced(states);
      if (new Set(states).size > 1) notes.change(`mitigation ${quote(title)}`, `its references give it different states; kept the least advanced, ${status}`);
    }
    const reduction = num(m['riskReduction']);
    return {
      key: `m:${id}`,
      title,
      description: str(m['description']),
      status,
      effectiveness: reduction === undefined ? 0.5 : Math.min(100, Math.max(0, reduction)) / 100,
      owner: str(attr(m, 'owner')),
      refs: list(jsonAttr(m, 'refs')).map(str).filter(Boolean),
      dueDate: str(attr(m, 'dueDate')),
      phase: str(attr(m, 'phase')),
    };
  });

  return { threats, mitigations, assets: readAssets(data, elements, notes) };
}

function readAssets(data: Obj, elements: readonly OtmElement[], notes: NoteLog): DraftAsset[] {
  return [...byId(data['assets'], 'asset', notes)].map(([id, a]) => {
    const risk = obj(a['risk']);
    const cia = (field: string): Rating => {
      const r = rating(risk[field]);
      if (r === null) notes.changeOnce(`asset ${quote(str(a['name']))}`, `has no ${field} rating; set to 3 (medium)`);
      return r ?? 3;
    };
    const holds = (raw: Obj) =>
      [...list(obj(raw['assets'])['processed']), ...list(obj(raw['assets'])['stored']), ...(Array.isArray(raw['assets']) ? raw['assets'] : [])].map(str).includes(id);
    const kind = attr(a, 'kind');
    return {
      key: `a:${id}`,
      name: str(a['name']) || 'Untitled asset',
      kind: (ASSET_KINDS as readonly unknown[]).includes(kind) ? (kind as AssetKind) : 'custom',
      description: str(a['description']),
      confidentiality: cia('confidentiality'),
      integrity: cia('integrity'),
      availability: cia('availability'),
      elementKeys: elements.filter((e) => holds(e.raw)).map((e) => e.key),
    };
  });
}

function rating(value: unknown): Rating | null {
  const n = num(value);
  return n === undefined ? null : percentRating(n);
}

function byId(value: unknown, what: string, notes: NoteLog): Map<string, Obj> {
  const found = new Map<string, Obj>();
  list(value).slice(0, MAX_RECORDS).forEach((raw, i) => {
    const o = obj(raw);
    const id = str(o['id']);
    if (id === '' || found.has(id)) notes.skip(`${what} ${quote(str(o['name']) || `#${i + 1}`)}`, id === '' ? 'it has no id' : `another ${what} already has the id ${quote(id)}`);
    else found.set(id, o);
  });
  return found;
}
