// Open Threat Model 0.1.0 / 0.2.0 (JSON or YAML, already parsed) → draft. Trust zones become box
// boundaries (nested zones nest), components become nodes in their zone, dataflows become flows.
// Positions come from diagram representations and are relative to the parent zone, as IriusRisk
// and startleft write them; without them the diagram is laid out automatically.
import { AI_TYPES, DATA_CATEGORIES, componentType, type AiType, type DataCategory, type DfdKind, type Point, type Problem, type PropertyValue, type Size } from '../model';
import { chooseAiType } from './ai-types';
import { MAX_RECORDS, type Draft, type DraftBoundary, type DraftDiagram, type DraftFlow, type DraftNode } from './draft';
import type { NoteLog } from './notes';
import { attr, jsonAttr } from './otm-common';
import { readOtmCatalogs, type OtmElement } from './otm-threats';
import { isTrustLevel, trustLevelOf } from './scales';
import { bool, isObj, list, num, obj, paragraphs, point, quote, size, str, type Obj } from './text';

interface Placed {
  readonly rep: string;
  readonly position: Point;
  readonly size?: Size;
}

interface Item {
  readonly id: string;
  readonly raw: Obj;
  readonly name: string;
  readonly parentZone?: string;
  readonly parentComponent?: string;
  readonly placed?: Placed;
}

export function readOtm(data: Obj, notes: NoteLog): { draft: Draft } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const version = data['otmVersion'];
  if (version === undefined) {
    problems.push({ path: 'otmVersion', message: 'required: an Open Threat Model file states its version (0.1.0 or 0.2.0); this one has none' });
  } else if (typeof version !== 'string') problems.push({ path: 'otmVersion', message: 'must be text such as "0.2.0"' });
  const project = data['project'];
  if (!isObj(project)) problems.push({ path: 'project', message: 'required: the project name and id' });
  if (problems.length > 0) return { problems };
  if (!/^0\.[12]\.\d+$/.test(String(version))) notes.change(`otmVersion ${quote(String(version))}`, 'Threatloom knows 0.1.0 and 0.2.0; read as 0.2.0');
  const p = obj(project);
  if (str(p['name']).trim() === '') notes.change('model title', 'the project has no name; named "Imported Open Threat Model"');

  const reps = list(data['representations']).map(obj);
  const notDiagram = new Set(reps.filter((r) => str(r['type']) !== 'diagram').map((r) => str(r['id'])));
  const repNames = new Map(reps.map((r) => [str(r['id']), str(r['name'])]));
  const zones = items(data['trustZones'], 'trust zone', notDiagram, notes);
  const components = items(data['components'], 'component', notDiagram, notes);
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const componentById = new Map(components.map((c) => [c.id, c]));

  // Diagrams: one per diagram representation that positions something, else one for everything.
  const declared = reps.filter((r) => str(r['type']) === 'diagram').map((r) => str(r['id']));
  const used = [...new Set([...declared, ...[...zones, ...components].flatMap((i) => (i.placed ? [i.placed.rep] : []))])];
  const diagramOf = (i: Item) => Math.max(0, i.placed ? used.indexOf(i.placed.rep) : 0);
  const implicit = (zoneId: string) => attr(zoneById.get(zoneId)?.raw ?? {}, 'implicit') === true;

  const zoneOf = (c: Item): string | undefined => {
    let current: Item | undefined = c;
    for (let hops = 0; current && hops <= components.length; hops++) {
      if (current.parentZone !== undefined) return current.parentZone;
      current = current.parentComponent !== undefined ? componentById.get(current.parentComponent) : undefined;
    }
    return undefined;
  };
  const ancestorsOf = (zoneId: string | undefined): string[] => {
    const chain: string[] = [];
    for (let z = zoneId; z !== undefined && zoneById.has(z) && !chain.includes(z); z = zoneById.get(z)!.parentZone) chain.push(z);
    return chain;
  };

  const count = Math.max(1, used.length);
  const zonesIn: Set<string>[] = Array.from({ length: count }, () => new Set());
  for (const c of components) for (const z of ancestorsOf(zoneOf(c))) zonesIn[diagramOf(c)]!.add(z);
  for (const z of zones) if (z.placed) for (const a of ancestorsOf(z.id)) zonesIn[diagramOf(z)]!.add(a);
  for (const z of zones) if (!zonesIn.some((s) => s.has(z.id))) for (const a of ancestorsOf(z.id)) zonesIn[0]!.add(a);

  const diagrams = Array.from({ length: count }, (_, d): DraftDiagram & { nodes: DraftNode[]; flows: DraftFlow[]; boundaries: DraftBoundary[] } => ({
    name: repNames.get(used[d] ?? '') || str(p['name']) || `Diagram ${d + 1}`,
    nodes: [],
    flows: [],
    boundaries: [],
    explicitZones: true,
  }));
  const zoneKey = (d: number, id: string) => `z:${d}:${id}`;

  // Absolute position in diagram d: relative positions add up through the parents.
  const absolute = (item: Item, d: number, depth = 0): Point | undefined => {
    if (!item.placed || used.indexOf(item.placed.rep) !== Math.max(0, d) || depth > zones.length + components.length) return undefined;
    const parent =
      item.parentZone !== undefined
        ? zoneById.get(item.parentZone)
        : item.parentComponent !== undefined
          ? componentById.get(item.parentComponent)
          : undefined;
    if (!parent || implicit(parent.id)) return item.placed.position;
    const origin = absolute(parent, d, depth + 1);
    return origin && { x: origin.x + item.placed.position.x, y: origin.y + item.placed.position.y };
  };

  zonesIn.forEach((set, d) => {
    for (const z of zones) {
      if (!set.has(z.id) || implicit(z.id)) continue;
      const base = { key: zoneKey(d, z.id), name: z.name, description: str(z.raw['description']), trustLevel: trustOf(z.raw) };
      const points = list(jsonAttr(z.raw, 'points')).map(point).filter((q) => q !== undefined);
      if (attr(z.raw, 'shape') === 'line' && points.length >= 2) {
        diagrams[d]!.boundaries.push({ ...base, shape: 'line', points });
        continue;
      }
      const parent = z.parentZone !== undefined && zoneById.has(z.parentZone) && !implicit(z.parentZone) ? zoneKey(d, z.parentZone) : undefined;
      if (z.parentComponent !== undefined) notes.change(`trust zone ${quote(z.name)}`, 'is inside a component, which Threatloom cannot draw; placed at the top level');
      diagrams[d]!.boundaries.push({ ...base, shape: 'box', position: absolute(z, d), size: z.placed?.size, zone: parent });
    }
  });

  const otmElements: OtmElement[] = [];
  for (const c of components) {
    const d = diagramOf(c);
    const zone = zoneOf(c);
    const label = `component ${quote(c.name)}`;
    if (c.parentComponent !== undefined) notes.change(label, 'is nested in another component, which Threatloom cannot draw; placed beside it in the same trust zone');
    if (zone !== undefined && !zoneById.has(zone)) notes.change(label, `its trust zone ${quote(zone)} is not in the file; placed outside any boundary`);
    const inZone = zone !== undefined && zoneById.has(zone) && !implicit(zone);
    diagrams[d]!.nodes.push(component(c, `c:${c.id}`, absolute(c, d), inZone ? zoneKey(d, zone) : undefined, notes));
    otmElements.push({ key: `c:${c.id}`, label, raw: c.raw });
  }

  for (const [i, raw] of list(data['dataflows']).slice(0, MAX_RECORDS).entries()) {
    const f = obj(raw);
    const id = str(f['id']) || `dataflow-${i}`;
    const label = `dataflow ${quote(str(f['name']) || id)}`;
    const ends = (['source', 'destination'] as const).map((which) => {
      const ref = str(f[which]);
      if (componentById.has(ref)) return { key: `c:${ref}` };
      notes.skip(label, ref === '' ? `it has no ${which}` : zoneById.has(ref) ? `its ${which} is a trust zone, not a component` : `its ${which} ${quote(ref)} is not in the file`);
      return undefined;
    });
    const [source, target] = ends;
    if (!source || !target) continue;
    const d = diagramOf(componentById.get(str(f['source']))!);
    diagrams[d]!.flows.push({
      key: `f:${id}`,
      source,
      target,
      name: str(f['name']),
      description: str(f['description']),
      bidirectional: bool(f['bidirectional']),
      protocol: str(attr(f, 'protocol')),
      encrypted: bool(attr(f, 'encrypted')),
      authenticated: bool(attr(f, 'authenticated')),
      publicNetwork: bool(attr(f, 'publicNetwork')),
      carries: list(jsonAttr(f, 'carries')).filter((c): c is DataCategory => (DATA_CATEGORIES as readonly unknown[]).includes(c)),
      vertices: list(jsonAttr(f, 'vertices')).map(point).filter((q) => q !== undefined),
      outOfScope: bool(attr(f, 'outOfScope')),
      outOfScopeReason: str(attr(f, 'outOfScopeReason')),
    });
    otmElements.push({ key: `f:${id}`, label, raw: f });
  }

  const catalogs = readOtmCatalogs(data, otmElements, notes);
  return {
    draft: {
      title: str(p['name']).trim() || 'Imported Open Threat Model',
      description: str(p['description']),
      owner: str(p['owner']),
      reviewers: [],
      diagrams,
      ...catalogs,
    },
  };
}

function items(value: unknown, what: string, notDiagram: ReadonlySet<string>, notes: NoteLog): Item[] {
  const seen = new Set<string>();
  const all = list(value);
  if (all.length > MAX_RECORDS) notes.skip(`${all.length - MAX_RECORDS} ${what}s`, `more than ${MAX_RECORDS} in one file`);
  return all.slice(0, MAX_RECORDS).flatMap((entry, i) => {
    const raw = obj(entry);
    const id = str(raw['id']);
    const name = str(raw['name']);
    if (id === '' || seen.has(id)) {
      notes.skip(`${what} ${quote(name || `#${i + 1}`)}`, id === '' ? 'it has no id' : `another ${what} already has the id ${quote(id)}`);
      return [];
    }
    seen.add(id);
    const parent = obj(raw['parent']);
    const placed = list(raw['representations'])
      .map(obj)
      .flatMap((r): Placed[] => {
        const position = point(r['position']);
        const rep = str(r['representation']);
        return position && !notDiagram.has(rep) ? [{ rep, position, size: size(r['size']) }] : [];
      })[0];
    const parentZone = str(parent['trustZone']) || undefined;
    const parentComponent = str(parent['component']) || undefined;
    return [{ id, raw, name, parentZone, parentComponent, placed }];
  });
}

function trustOf(zone: Obj) {
  const level = attr(zone, 'trustLevel');
  if (isTrustLevel(level)) return level;
  const rating = num(obj(zone['risk'])['trustRating']);
  return rating === undefined ? 'medium' : trustLevelOf(rating);
}

/** OTM component types are free text ("web-service", "postgresql"): the DFD kind is inferred from it. */
function kindOf(type: string, name: string): DfdKind {
  const text = `${type} ${name}`.toLowerCase();
  if (/database|\bdb\b|-db\b|sql|storage|bucket|\bs3\b|store|cache|queue|redis|mongo|dynamo|blob|vault|file|\blog/.test(text)) return 'store';
  if (/client|browser|user|actor|device|mobile|android|ios|external|third-party|partner|internet|person/.test(text)) return 'external';
  return 'process';
}

function component(c: Item, key: string, position: Point | undefined, zone: string | undefined, notes: NoteLog): DraftNode {
  const type = str(c.raw['type']);
  const marked = attr(c.raw, 'aiType');
  let aiType: AiType;
  let description = str(c.raw['description']);
  if (typeof marked === 'string' && (AI_TYPES as readonly string[]).includes(marked)) aiType = marked as AiType;
  else if ((AI_TYPES as readonly string[]).includes(type)) aiType = type as AiType;
  else {
    const kind = kindOf(type, c.name);
    const choice = chooseAiType(kind, c.name, description, `component ${quote(c.name)}`, notes, [type]);
    ({ aiType, description } = choice);
    if (choice.aiType.startsWith('generic-')) {
      notes.changeOnce(`component type ${quote(type)}`, `imported as ${componentType(aiType).label}: OTM types carry no data-flow kind, so it was inferred from the type name`);
    }
  }
  const props = jsonAttr(c.raw, 'properties');
  const properties: Record<string, PropertyValue> = {};
  if (isObj(props)) {
    for (const [k, v] of Object.entries(props)) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') properties[k] = v;
  }
  const tags = list(c.raw['tags']).map(str).filter(Boolean);
  const outOfScope = bool(attr(c.raw, 'outOfScope')) || bool(obj(c.raw['attributes'])['Out Of Scope']);
  return {
    key,
    kind: componentType(aiType).kind,
    aiType,
    name: c.name,
    description: paragraphs(description, tags.length > 0 ? `OTM tags: ${tags.join(', ')}` : ''),
    properties,
    position,
    size: position ? c.placed?.size : undefined,
    zone,
    outOfScope,
    outOfScopeReason: str(attr(c.raw, 'outOfScopeReason')) || str(obj(c.raw['attributes'])['Reason For Out Of Scope']),
  };
}
