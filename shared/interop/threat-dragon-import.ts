// Threat Dragon v1 (JointJS, cells under diagramJson, properties on the cell) and v2 (AntV X6,
// cells under diagrams[].cells, properties under cell.data) → draft. Both are read by one walk:
// the differences are where a cell keeps its properties and how a flow names its ends.
import { componentType, type DfdKind, type Problem, type PropertyValue } from '../model';
import { chooseAiType } from './ai-types';
import { MAX_RECORDS, type Draft, type DraftBoundary, type DraftDiagram, type DraftFlow, type DraftMitigation, type DraftNode, type DraftThreat, type FlowEnd } from './draft';
import type { NoteLog } from './notes';
import { readTrustMarker } from './scales';
import { readThreat } from './threat-dragon-threats';
import { bool, isObj, list, obj, paragraphs, point, quote, size, str, type Obj } from './text';

type Role = DfdKind | 'flow' | 'box' | 'line' | 'text';

const ROLES: Readonly<Record<string, Role>> = {
  actor: 'external',
  'tm.Actor': 'external',
  process: 'process',
  'tm.Process': 'process',
  store: 'store',
  'tm.Store': 'store',
  flow: 'flow',
  'tm.Flow': 'flow',
  'trust-boundary-box': 'box',
  'tm.BoundaryBox': 'box',
  'trust-boundary-curve': 'line',
  'trust-broundary-curve': 'line',
  'tm.Boundary': 'line',
  'td-text-block': 'text',
  'tm.Text': 'text',
};

const FOREIGN: Readonly<Record<DfdKind, string>> = { process: 'process', store: 'store', external: 'actor' };

/** Threat Dragon flags Threatloom has no property for: kept as words in the description. */
const FLAGS: Readonly<Record<string, string>> = {
  providesAuthentication: 'provides authentication',
  handlesCardPayment: 'handles card payment',
  handlesGoodsOrServices: 'handles goods or services',
  isWebApplication: 'web application',
  isALog: 'is a log',
  isSigned: 'signed',
  storesCredentials: 'stores credentials',
  storesInventory: 'stores inventory',
};

export function readThreatDragon(data: Obj, version: 1 | 2, notes: NoteLog): { draft: Draft } | { problems: Problem[] } {
  const summary = data['summary'];
  const detail = data['detail'];
  const problems: Problem[] = [];
  if (!isObj(summary)) problems.push({ path: 'summary', message: 'required: Threat Dragon keeps the model title here' });
  else if (typeof summary['title'] !== 'string') problems.push({ path: 'summary.title', message: 'required: the model title' });
  if (!isObj(detail)) problems.push({ path: 'detail', message: 'required: Threat Dragon keeps the diagrams here' });
  else if (!Array.isArray(detail['diagrams'])) problems.push({ path: 'detail.diagrams', message: 'required: the list of diagrams' });
  if (!isObj(detail) || !Array.isArray(detail['diagrams'])) {
    const keys = (o: unknown) => (isObj(o) ? Object.keys(o).slice(0, 12).map((k) => JSON.stringify(k)).join(', ') || 'nothing' : 'nothing');
    problems.unshift({
      path: '',
      message: `not a readable Threat Dragon v${version} model: it has ${keys(data)} at the top level and ${keys(detail)} in "detail"`,
    });
    return { problems };
  }
  const s = obj(summary);
  if (typeof s['title'] !== 'string') notes.change('model title', 'the file has none; named "Imported Threat Dragon model"');

  const threats: DraftThreat[] = [];
  const mitigations: DraftMitigation[] = [];
  const texts: string[] = [];
  let budget = MAX_RECORDS;
  let guessedTrust = false;
  const cellLists = list(detail['diagrams']).map((raw) => list(version === 2 ? obj(raw)['cells'] : obj(obj(raw)['diagramJson'])['cells']));
  const ids = new Ids(cellLists);
  const diagrams = list(detail['diagrams']).map((raw, d): DraftDiagram => {
    const diagram = obj(raw);
    const name = str(diagram['title']).trim() || `Diagram ${d + 1}`;
    const cells = cellLists[d]!;
    if (cells.length > budget) notes.skip(`${cells.length - Math.max(0, budget)} cells of diagram ${quote(name)}`, `more than ${MAX_RECORDS} records in one file`);
    const kept = cells.slice(0, Math.max(0, budget));
    budget -= kept.length;
    const out = { name, nodes: [] as DraftNode[], flows: [] as DraftFlow[], boundaries: [] as DraftBoundary[] };
    kept.forEach((rawCell, c) => {
      const cell = obj(rawCell);
      const props = version === 2 ? obj(cell['data']) : cell;
      const shape = str(cell['shape']) || str(cell['type']) || str(props['type']);
      const role = ROLES[shape] ?? ROLES[str(props['type'])];
      const key = ids.key(d, str(cell['id']) || `cell-${d}-${c}`);
      const cellName = nameOf(cell, props);
      const cellThreats = [...list(props['threats']), ...(props === cell ? [] : list(cell['threats']))];
      if ((!role || role === 'text') && cellThreats.length > 0) {
        notes.skip(`${cellThreats.length} threats on cell ${quote(cellName || str(cell['id']))}`, 'the cell itself cannot be imported');
      }
      if (!role) return notes.skip(`cell ${quote(cellName || str(cell['id']) || `#${c + 1}`)} of diagram ${quote(name)}`, `its shape ${quote(shape)} is not a Threat Dragon element type`);
      if (role === 'text') {
        if (cellName.trim() !== '') texts.push(cellName.trim());
        return notes.change(`text block ${quote(cellName)}`, 'Threatloom has no free-text shapes; its text was added to the model description');
      }
      const description = str(props['description']);
      const outOfScope = bool(props['outOfScope']);
      const outOfScopeReason = str(props['reasonOutOfScope']);
      if (role === 'flow') {
        out.flows.push({
          key,
          source: end(cell['source'], d, ids),
          target: end(cell['target'], d, ids),
          name: cellName,
          description,
          bidirectional: bool(props['isBidirectional']),
          protocol: str(props['protocol']),
          encrypted: bool(props['isEncrypted']),
          authenticated: false,
          publicNetwork: bool(props['isPublicNetwork']),
          vertices: vertices(cell),
          outOfScope,
          outOfScopeReason,
        });
      } else if (role === 'box') {
        const { trustLevel, description: rest, guessed } = readTrustMarker(description, cellName);
        guessedTrust ||= guessed;
        out.boundaries.push({ key, shape: 'box', name: cellName, description: rest, trustLevel, position: point(cell['position']), size: size(cell['size']) });
      } else if (role === 'line') {
        const points = [point(cell['source']), ...vertices(cell), point(cell['target'])].filter((p) => p !== undefined);
        const { trustLevel, description: rest, guessed } = readTrustMarker(description, cellName);
        guessedTrust ||= guessed;
        out.boundaries.push({ key, shape: 'line', name: cellName, description: rest, trustLevel, points });
      } else {
        out.nodes.push(node(role, key, cellName, description, props, cell, outOfScope, outOfScopeReason, notes));
      }
      cellThreats.forEach((t, i) => {
        const read = readThreat(t, key, i, notes);
        threats.push(read.threat);
        if (read.mitigation) mitigations.push(read.mitigation);
      });
    });
    return out;
  });

  if (guessedTrust) {
    notes.changeOnce('trust boundaries', 'Threat Dragon has no trust levels: boundaries named after the internet are untrusted, the others medium');
  }
  const contributors = list(detail['contributors']).map((c) => str(obj(c)['name'])).filter(Boolean);
  return {
    draft: {
      title: typeof s['title'] === 'string' ? s['title'] : 'Imported Threat Dragon model',
      description: paragraphs(
        str(s['description']),
        contributors.length > 0 ? `Contributors: ${contributors.join(', ')}` : '',
        ...texts.map((t) => `Diagram note: ${t}`),
      ),
      owner: str(s['owner']),
      reviewers: str(detail['reviewer']) ? [str(detail['reviewer'])] : [],
      diagrams,
      threats,
      mitigations,
    },
  };
}

function node(kind: DfdKind, key: string, name: string, description: string, props: Obj, cell: Obj, outOfScope: boolean, reason: string, notes: NoteLog): DraftNode {
  const choice = chooseAiType(kind, name, description, `Threat Dragon ${FOREIGN[kind]} ${quote(name)}`, notes);
  const defined = new Set(componentType(choice.aiType).properties.map((p) => p.key));
  const properties: Record<string, PropertyValue> = {};
  const words: string[] = [];
  if ('isEncrypted' in props) {
    if (defined.has('encryptedAtRest')) properties['encryptedAtRest'] = bool(props['isEncrypted']);
    else if (bool(props['isEncrypted'])) words.push('encrypted');
  }
  for (const [flag, word] of Object.entries(FLAGS)) if (bool(props[flag])) words.push(word);
  const privilege = str(props['privilegeLevel']).trim();
  if (privilege !== '') words.push(`privilege level ${privilege}`);
  if (words.length > 0) notes.changeOnce('Threat Dragon element properties', 'kept as words in element descriptions where Threatloom has no matching property');
  return {
    key,
    kind,
    aiType: choice.aiType,
    name,
    description: paragraphs(choice.description, words.length > 0 ? `Threat Dragon: ${words.join(', ')}.` : ''),
    properties,
    position: point(cell['position']),
    size: size(cell['size']),
    outOfScope,
    outOfScopeReason: reason,
  };
}

/**
 * Keys are the cell ids, which Threat Dragon makes UUIDs; only an id used on several diagrams is
 * qualified with its diagram, so the import report can quote ids as they are in the file.
 */
class Ids {
  private readonly diagramsOf = new Map<string, Set<number>>();

  constructor(cellLists: readonly unknown[][]) {
    cellLists.forEach((cells, d) => {
      for (const cell of cells) {
        const id = str(obj(cell)['id']);
        if (id !== '') this.diagramsOf.set(id, (this.diagramsOf.get(id) ?? new Set()).add(d));
      }
    });
  }

  key(diagram: number, id: string): string {
    return (this.diagramsOf.get(id)?.size ?? 0) > 1 ? `${diagram}/${id}` : id;
  }

  /** A flow end on this diagram if the id is here, else wherever the id is (for a clear report). */
  ref(diagram: number, id: string): string {
    const where = this.diagramsOf.get(id);
    if (!where || where.size <= 1) return id;
    return this.key(where.has(diagram) ? diagram : [...where][0]!, id);
  }
}

/** v2 `{cell, port}` or v1 `{id}`: a node key; `{x, y}`: a loose point. */
function end(value: unknown, diagram: number, ids: Ids): FlowEnd {
  const o = obj(value);
  const id = str(o['cell']) || str(o['id']);
  if (id !== '') return { key: ids.ref(diagram, id) };
  const p = point(o);
  return p ? { point: p } : null;
}

function vertices(cell: Obj) {
  return list(cell['vertices'])
    .map(point)
    .filter((p) => p !== undefined);
}

/** The name wherever this cell's version of Threat Dragon put it. */
function nameOf(cell: Obj, props: Obj): string {
  const attrs = obj(cell['attrs']);
  const candidates = [props['name'], obj(attrs['text'])['text'], obj(attrs['label'])['text'], obj(attrs['labelText'])['text']];
  for (const label of list(cell['labels'])) {
    const la = obj(obj(label)['attrs']);
    candidates.push(obj(la['labelText'])['text'], obj(la['label'])['text'], obj(la['text'])['text']);
  }
  return candidates.map(str).find((s) => s.trim() !== '') ?? '';
}
