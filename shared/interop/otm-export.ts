// Our model → Open Threat Model 0.2.0, valid against the OTM schema. Box boundaries become trust
// zones nested by geometry (positions relative to the parent zone, as IriusRisk writes them);
// nodes outside every box go into one "outside trust boundaries" zone, because OTM requires a
// parent. What OTM has no field for travels in `threatloom.*` attributes (see otm-common.ts).
import { diagramBounds, rectContainsRect, rectOf, type Rect } from '../geometry';
import type { BoxBoundary, Diagram, ModelDocument, Point, Uuid } from '../model';
import { documentLosses, locate, LossLog, type ExportReport } from './export-common';
import { ATTR, MITIGATION_STATE_OUT, OTM_VERSION, THREAT_STATE_OUT } from './otm-common';
import { STRIDE_NAMES, ratingPercent, trustPercent } from './scales';
import { quote } from './text';

type Json = Record<string, unknown>;

/** Parent of every node that lies in no box; one per document, marked so our importer drops it. */
export const OUTSIDE_ZONE_ID = 'threatloom-outside-boundaries';

export function exportOtm(doc: ModelDocument): Json {
  return exportOtmWithReport(doc).model;
}

export function exportOtmWithReport(doc: ModelDocument): ExportReport<Json> {
  const log = new LossLog();
  documentLosses(doc, 'Open Threat Model', log, { assets: true });
  const where = locate(doc);
  const mitigationById = new Map(doc.mitigations.map((m) => [m.id, m]));

  const instances = new Map<Uuid, Json[]>();
  for (const t of doc.threats) {
    for (const id of t.elementIds) {
      const found = where.get(id);
      if (!found) continue;
      if (found.type === 'boundary') {
        log.add(`threat ${quote(t.title)}`, 'OTM puts threats on components and dataflows, not on trust zones; its link to a boundary is not kept');
        continue;
      }
      const list = instances.get(id) ?? [];
      list.push({
        threat: t.id,
        state: THREAT_STATE_OUT[t.status],
        mitigations: t.mitigationIds.flatMap((m) => {
          const mitigation = mitigationById.get(m);
          return mitigation ? [{ mitigation: m, state: MITIGATION_STATE_OUT[mitigation.status] }] : [];
        }),
      });
      instances.set(id, list);
    }
  }
  const assetsOf = (id: Uuid) => doc.assets.filter((a) => a.elementIds.includes(id)).map((a) => a.id);

  let outsideUsed = false;
  const trustZones: Json[] = [];
  const components: Json[] = [];
  const dataflows: Json[] = [];
  for (const d of doc.diagrams) {
    const boxes = d.boundaries.filter((b): b is BoxBoundary => b.shape === 'box');
    const parentOf = (r: Rect, self?: Uuid) => smallestContaining(boxes, r, self);
    for (const b of d.boundaries) {
      const zone: Json = { id: b.id, name: b.name, description: b.description, risk: { trustRating: trustPercent(b.trustLevel) } };
      const attributes: Json = { [`${ATTR}trustLevel`]: b.trustLevel };
      if (b.shape === 'box') {
        const parent = parentOf(rectOf(b), b.id);
        if (parent) zone['parent'] = { trustZone: parent.id };
        zone['representations'] = [representation(d, b.id, rectOf(b), parent)];
      } else {
        const r = bounds(b.points);
        zone['representations'] = [representation(d, b.id, r, undefined)];
        Object.assign(attributes, { [`${ATTR}shape`]: 'line', [`${ATTR}points`]: JSON.stringify(b.points) });
        log.add('line trust boundaries', 'OTM trust zones are areas; lines are exported as zones with their points in attributes');
      }
      zone['attributes'] = attributes;
      trustZones.push(zone);
    }
    for (const n of d.nodes) {
      const parent = parentOf(rectOf(n));
      if (!parent) outsideUsed = true;
      const assets = assetsOf(n.id);
      components.push({
        id: n.id,
        name: n.name,
        type: n.aiType,
        description: n.description,
        parent: { trustZone: parent ? parent.id : OUTSIDE_ZONE_ID },
        representations: [representation(d, n.id, rectOf(n), parent)],
        ...(assets.length > 0 ? { assets: { processed: assets, stored: [] } } : {}),
        threats: instances.get(n.id) ?? [],
        tags: [n.kind],
        attributes: compact({
          aiType: n.aiType,
          properties: Object.keys(n.properties).length > 0 ? JSON.stringify(n.properties) : undefined,
          outOfScope: n.outOfScope || undefined,
          outOfScopeReason: n.outOfScopeReason || undefined,
        }),
      });
    }
    for (const f of d.flows) {
      const assets = assetsOf(f.id);
      dataflows.push({
        id: f.id,
        name: f.name,
        description: f.description,
        bidirectional: f.bidirectional,
        source: f.source,
        destination: f.target,
        ...(assets.length > 0 ? { assets } : {}),
        threats: instances.get(f.id) ?? [],
        attributes: compact({
          protocol: f.protocol || undefined,
          encrypted: f.encrypted || undefined,
          authenticated: f.authenticated || undefined,
          publicNetwork: f.publicNetwork || undefined,
          carries: f.carries.length > 0 ? JSON.stringify(f.carries) : undefined,
          vertices: f.vertices.length > 0 ? JSON.stringify(f.vertices) : undefined,
          outOfScope: f.outOfScope || undefined,
          outOfScopeReason: f.outOfScopeReason || undefined,
        }),
      });
    }
  }
  if (outsideUsed) {
    trustZones.push({
      id: OUTSIDE_ZONE_ID,
      name: 'Outside trust boundaries',
      description: 'Components that lie in no trust boundary in Threatloom.',
      risk: { trustRating: trustPercent('medium') },
      attributes: { [`${ATTR}implicit`]: true },
    });
  }

  return {
    model: {
      otmVersion: OTM_VERSION,
      project: { name: doc.title, id: doc.id, description: doc.description, owner: doc.owner },
      representations: doc.diagrams.map((d) => {
        const r = diagramBounds(d);
        return { name: d.name, id: d.id, type: 'diagram', size: { width: Math.max(1000, r ? r.x + r.width : 0), height: Math.max(800, r ? r.y + r.height : 0) } };
      }),
      assets: doc.assets.map((a) => ({
        id: a.id,
        name: a.name,
        description: a.description,
        risk: { confidentiality: ratingPercent(a.confidentiality), integrity: ratingPercent(a.integrity), availability: ratingPercent(a.availability) },
        attributes: { [`${ATTR}kind`]: a.kind },
      })),
      trustZones,
      components,
      dataflows,
      threats: doc.threats.map((t) => ({
        id: t.id,
        name: t.title,
        description: t.description,
        categories: t.stride.map((s) => STRIDE_NAMES[s]),
        risk: { likelihood: t.likelihood === null ? null : ratingPercent(t.likelihood), impact: t.impact === null ? 0 : ratingPercent(t.impact) },
        attributes: compact({
          status: t.status,
          impact: t.impact === null ? 'unrated' : undefined,
          refs: t.refs.length > 0 ? JSON.stringify(t.refs) : undefined,
          owner: t.owner || undefined,
        }),
      })),
      mitigations: doc.mitigations.map((m) => ({
        id: m.id,
        name: m.title,
        description: m.description,
        riskReduction: Math.round(m.effectiveness * 100),
        attributes: compact({
          status: m.status,
          owner: m.owner || undefined,
          refs: m.refs.length > 0 ? JSON.stringify(m.refs) : undefined,
          dueDate: m.dueDate || undefined,
          phase: m.phase || undefined,
        }),
      })),
    },
    lost: log.list,
  };
}

/** The smallest box wholly containing `r` (ties: the earlier box), never `self`. */
function smallestContaining(boxes: readonly BoxBoundary[], r: Rect, self?: Uuid): BoxBoundary | undefined {
  let best: BoxBoundary | undefined;
  const area = (b: BoxBoundary) => b.size.width * b.size.height;
  const selfIndex = boxes.findIndex((b) => b.id === self);
  boxes.forEach((b, i) => {
    if (b.id === self || !rectContainsRect(rectOf(b), r)) return;
    // Equal rectangles contain each other: only an earlier one may be the parent, so no cycle.
    if (self !== undefined && area(b) === r.width * r.height && i > selfIndex) return;
    if (!best || area(b) < area(best)) best = b;
  });
  return best;
}

function representation(d: Diagram, id: Uuid, r: Rect, parent: BoxBoundary | undefined): Json {
  const origin: Point = parent ? parent.position : { x: 0, y: 0 };
  return {
    representation: d.id,
    id: `${id}-representation`,
    position: { x: r.x - origin.x, y: r.y - origin.y },
    size: { width: Math.max(1, r.width), height: Math.max(1, r.height) },
  };
}

function bounds(points: readonly Point[]): Rect {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/** `threatloom.*` attributes without the undefined ones. */
function compact(values: Record<string, string | number | boolean | undefined>): Json {
  return Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[`${ATTR}${k}`, v]])));
}
