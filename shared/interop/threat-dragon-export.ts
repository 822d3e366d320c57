// Our model → Threat Dragon v2 JSON that validates against Threat Dragon's published v2 schema
// and looks like what Threat Dragon itself writes (X6 cells, threats under cell.data). AI types
// map to process/store/actor, with the exact type kept in a last description line that our
// importer reads back.
import { genericType, withTypeMarker } from './ai-types';
import type { Boundary, DfdNode, Flow, ModelDocument, Point, Threat, Uuid } from '../model';
import { documentLosses, locate, LossLog, type ExportReport } from './export-common';
import { STRIDE_NAMES, ratingSeverity, withTrustMarker } from './scales';
import { TD_STATUS } from './threat-dragon-threats';
import { quote } from './text';

export const TD_VERSION = '2.3.0';

type Cell = Record<string, unknown>;

export function exportThreatDragonV2(doc: ModelDocument): Record<string, unknown> {
  return exportThreatDragonV2WithReport(doc).model;
}

export function exportThreatDragonV2WithReport(doc: ModelDocument): ExportReport<Record<string, unknown>> {
  const log = new LossLog();
  documentLosses(doc, 'Threat Dragon', log);
  const where = locate(doc);
  const threatsOn = new Map<Uuid, Cell[]>();
  doc.threats.forEach((t, i) => {
    const home = t.elementIds.find((id) => where.has(id));
    if (home === undefined) return log.add(`threat ${quote(t.title)}`, 'it is on no element, and Threat Dragon keeps threats on elements');
    if (where.get(home)!.type === 'boundary') log.add(`threat ${quote(t.title)}`, 'it is on a trust boundary; Threat Dragon keeps it but does not show it');
    const list = threatsOn.get(home) ?? [];
    list.push(threatCell(t, i, doc, where, log));
    threatsOn.set(home, list);
  });
  if (doc.threats.some((t) => t.likelihood !== null)) log.add('threat likelihood', 'Threat Dragon has only a severity, taken from the impact');
  if (doc.mitigations.length > 0) log.add('mitigations', 'Threat Dragon keeps mitigation text on each threat; statuses, owners and due dates are not kept');

  const diagrams = doc.diagrams.map((d, i) => {
    let z = 0;
    const open = (id: Uuid) => (threatsOn.get(id) ?? []).some((t) => t['status'] === 'Open');
    const cells: Cell[] = [
      ...d.boundaries.filter((b) => b.shape === 'box').map((b) => boundaryCell(b, -1, threatsOn)),
      ...d.nodes.map((n) => nodeCell(n, ++z, threatsOn.get(n.id) ?? [], open(n.id))),
      ...d.flows.map((f) => flowCell(f, ++z, threatsOn.get(f.id) ?? [], open(f.id), log)),
      ...d.boundaries.filter((b) => b.shape === 'line').map((b) => boundaryCell(b, ++z, threatsOn)),
    ];
    return { id: i, title: d.name, description: '', diagramType: 'STRIDE', placeholder: '', thumbnail: './public/content/images/thumbnail.stride.jpg', version: TD_VERSION, cells };
  });

  return {
    model: {
      version: TD_VERSION,
      summary: { title: doc.title, owner: doc.owner, description: doc.description, id: 0 },
      detail: {
        contributors: [],
        diagrams,
        diagramTop: diagrams.length,
        reviewer: doc.reviewers.join(', '),
        threatTop: doc.threats.length,
      },
    },
    lost: log.list,
  };
}

const SHAPES = { process: 'process', store: 'store', external: 'actor' } as const;
const TYPES = { process: 'tm.Process', store: 'tm.Store', external: 'tm.Actor' } as const;

function stroke(hasOpenThreats: boolean, outOfScope: boolean) {
  return { stroke: hasOpenThreats ? 'red' : '#333333', strokeWidth: hasOpenThreats ? 2.5 : 1, strokeDasharray: outOfScope ? '4 3' : '' };
}

function nodeCell(n: DfdNode, zIndex: number, threats: Cell[], hasOpenThreats: boolean): Cell {
  const line = stroke(hasOpenThreats, n.outOfScope);
  const flag = (key: string) => n.properties[key] === true;
  const specific =
    n.kind === 'process'
      ? { handlesCardPayment: false, handlesGoodsOrServices: false, isWebApplication: false, privilegeLevel: '' }
      : n.kind === 'store'
        ? { isALog: false, isEncrypted: flag('encryptedAtRest'), isSigned: flag('signedArtifacts'), storesCredentials: flag('containsSecrets'), storesInventory: false }
        : { providesAuthentication: false };
  return {
    position: { x: n.position.x, y: n.position.y },
    size: { width: Math.max(10, n.size.width), height: Math.max(10, n.size.height) },
    attrs: n.kind === 'store' ? { text: { text: n.name }, topLine: line, bottomLine: line } : { text: { text: n.name }, body: line },
    visible: true,
    shape: SHAPES[n.kind],
    zIndex,
    ports: ports(n.id),
    id: n.id,
    data: {
      name: n.name,
      description: n.aiType === genericType(n.kind) ? n.description : withTypeMarker(n.description, n.aiType),
      type: TYPES[n.kind],
      isTrustBoundary: false,
      outOfScope: n.outOfScope,
      reasonOutOfScope: n.outOfScopeReason,
      threats,
      hasOpenThreats,
      ...specific,
    },
  };
}

function flowCell(f: Flow, zIndex: number, threats: Cell[], hasOpenThreats: boolean, log: LossLog): Cell {
  if (f.authenticated || f.carries.length > 0) log.add('flow properties "authenticated" and "carries"', 'Threat Dragon flows have no such fields');
  const line = stroke(hasOpenThreats, f.outOfScope);
  return {
    shape: 'flow',
    attrs: { line: { ...line, targetMarker: { name: 'block' }, sourceMarker: f.bidirectional ? { name: 'block' } : '' } },
    width: 200,
    height: 100,
    zIndex,
    labels: [label(f.name)],
    connector: 'smooth',
    data: {
      type: 'tm.Flow',
      name: f.name,
      description: f.description,
      outOfScope: f.outOfScope,
      reasonOutOfScope: f.outOfScopeReason,
      hasOpenThreats,
      isBidirectional: f.bidirectional,
      isEncrypted: f.encrypted,
      isPublicNetwork: f.publicNetwork,
      protocol: f.protocol,
      threats,
      isTrustBoundary: false,
    },
    id: f.id,
    source: { cell: f.source },
    target: { cell: f.target },
    vertices: f.vertices.map((v) => ({ x: v.x, y: v.y })),
  };
}

function boundaryCell(b: Boundary, zIndex: number, threatsOn: Map<Uuid, Cell[]>): Cell {
  const data = {
    type: b.shape === 'box' ? 'tm.BoundaryBox' : 'tm.Boundary',
    name: b.name,
    description: withTrustMarker(b.description, b.name, b.trustLevel),
    isTrustBoundary: true,
    hasOpenThreats: false,
    ...(threatsOn.has(b.id) ? { threats: threatsOn.get(b.id) } : {}),
  };
  if (b.shape === 'box') {
    return {
      position: { x: b.position.x, y: b.position.y },
      size: { width: Math.max(10, b.size.width), height: Math.max(10, b.size.height) },
      attrs: { label: { text: b.name } },
      visible: true,
      shape: 'trust-boundary-box',
      id: b.id,
      zIndex,
      data,
    };
  }
  const whole = (p: Point) => ({ x: Math.round(p.x), y: Math.round(p.y) });
  return {
    shape: 'trust-boundary-curve',
    attrs: { line: { targetMarker: '', sourceMarker: '' } },
    width: 200,
    height: 100,
    zIndex,
    labels: [label(b.name)],
    connector: 'smooth',
    data,
    id: b.id,
    source: whole(b.points[0]!),
    target: whole(b.points[b.points.length - 1]!),
    vertices: b.points.slice(1, -1).map(whole),
  };
}

function threatCell(t: Threat, index: number, doc: ModelDocument, where: ReturnType<typeof locate>, log: LossLog): Cell {
  const others = t.elementIds.slice(1).flatMap((id) => {
    const found = where.get(id);
    return found ? [found.record.name || 'unnamed'] : [];
  });
  if (others.length > 0) log.add(`threat ${quote(t.title)}`, 'Threat Dragon puts a threat on one element; the others are named in its description');
  if (t.stride.length > 1) log.add(`threat ${quote(t.title)}`, 'Threat Dragon gives a threat one type; the other STRIDE categories are named in its description');
  const mitigations = t.mitigationIds.flatMap((id) => doc.mitigations.filter((m) => m.id === id));
  const description = [
    t.description,
    others.length > 0 ? `Also applies to: ${others.join(', ')}.` : '',
    t.stride.length > 1 ? `Also: ${t.stride.slice(1).map((s) => STRIDE_NAMES[s]).join(', ')}.` : '',
  ].filter(Boolean);
  return {
    id: t.id,
    title: t.title,
    status: TD_STATUS[t.status],
    severity: ratingSeverity(t.impact),
    type: t.stride[0] ? STRIDE_NAMES[t.stride[0]] : '',
    description: description.join('\n\n'),
    mitigation: mitigations
      .map((m) => (m.description === '' ? m.title : m.description.startsWith(m.title) ? m.description : `${m.title}\n\n${m.description}`))
      .join('\n\n'),
    modelType: 'STRIDE',
    number: index + 1,
    score: '',
  };
}

function label(text: string) {
  return {
    markup: [
      { tagName: 'ellipse', selector: 'labelBody' },
      { tagName: 'text', selector: 'labelText' },
    ],
    attrs: {
      labelText: { text, textAnchor: 'middle', textVerticalAnchor: 'middle' },
      labelBody: { ref: 'labelText', refRx: '50%', refRy: '60%', fill: '#fff', strokeWidth: 0 },
    },
    position: 0.5,
  };
}

const PORT_ATTRS = { circle: { r: 4, magnet: true, stroke: '#5F95FF', strokeWidth: 1, fill: '#fff', style: { visibility: 'hidden' } } };
const SIDES = ['top', 'right', 'bottom', 'left'] as const;

/** Threat Dragon's four connection ports; ids derive from the node id so exports are repeatable. */
function ports(nodeId: Uuid) {
  return {
    groups: Object.fromEntries(SIDES.map((side) => [side, { position: side, attrs: PORT_ATTRS }])),
    items: SIDES.map((side) => ({ group: side, id: `${nodeId}-${side}` })),
  };
}
