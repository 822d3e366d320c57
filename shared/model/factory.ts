// Constructors for new records with every field filled, so documents are always complete.
import { componentType, defaultNodeSize, defaultProperties } from './component-types';
import { newId } from './ids';
import { CURRENT_SCHEMA_VERSION } from './version';
import {
  MODEL_FORMAT,
  type AiType,
  type BoxBoundary,
  type DfdNode,
  type Diagram,
  type Flow,
  type LineBoundary,
  type Asset,
  type Mitigation,
  type Threat,
  type ModelDocument,
  type Point,
  type Uuid,
} from './types';

export function createModel(title: string, now: string = new Date().toISOString()): ModelDocument {
  return {
    format: MODEL_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: newId(),
    title,
    description: '',
    owner: '',
    reviewers: [],
    version: '1.0',
    createdAt: now,
    updatedAt: now,
    scope: { inScope: '', outOfScope: '', assumptions: '', businessObjectives: '' },
    diagrams: [createDiagram('Main diagram')],
    assets: [],
    threats: [],
    mitigations: [],
    attackTrees: [],
    reviews: [],
    dismissals: [],
    strideReviews: [],
    catalogVersions: {},
  };
}

export function createDiagram(name: string): Diagram {
  return { id: newId(), name, nodes: [], flows: [], boundaries: [] };
}

export function createNode(aiType: AiType, position: Point, name?: string): DfdNode {
  const type = componentType(aiType);
  return {
    id: newId(),
    kind: type.kind,
    aiType,
    name: name ?? type.shortLabel,
    description: '',
    position,
    size: defaultNodeSize(type.kind),
    properties: defaultProperties(aiType),
    outOfScope: false,
    outOfScopeReason: '',
  };
}

export function createFlow(source: Uuid, target: Uuid, name = 'Data flow'): Flow {
  return {
    id: newId(),
    source,
    target,
    name,
    description: '',
    bidirectional: false,
    protocol: '',
    encrypted: false,
    authenticated: false,
    publicNetwork: false,
    carries: [],
    vertices: [],
    outOfScope: false,
    outOfScopeReason: '',
  };
}

export function createBoxBoundary(position: Point, name = 'Trust boundary'): BoxBoundary {
  return {
    id: newId(),
    shape: 'box',
    name,
    description: '',
    trustLevel: 'medium',
    position,
    size: { width: 360, height: 240 },
  };
}

export function createLineBoundary(from: Point, name = 'Trust boundary'): LineBoundary {
  return {
    id: newId(),
    shape: 'line',
    name,
    description: '',
    trustLevel: 'medium',
    points: [from, { x: from.x, y: from.y + 240 }],
  };
}

/** A threat with every field at its neutral value; `fields` fills in what the caller knows. */
export function createThreat(fields: Partial<Threat> & Pick<Threat, 'title'>): Threat {
  return {
    id: newId(),
    description: '',
    elementIds: [],
    stride: [],
    refs: [],
    origin: { kind: 'manual' },
    status: 'open',
    likelihood: 3,
    impact: 3,
    owner: '',
    mitigationIds: [],
    acceptance: null,
    statusReason: '',
    owaspRisk: null,
    ...fields,
  };
}

export function createMitigation(fields: Partial<Mitigation> & Pick<Mitigation, 'title'>): Mitigation {
  return {
    id: newId(),
    description: '',
    status: 'proposed',
    owner: '',
    dueDate: '',
    phase: '',
    refs: [],
    effectiveness: 0.5,
    rejectionReason: '',
    ...fields,
  };
}

/** An asset rated 3 (moderate) on each of C, I and A until the user says otherwise. */
export function createAsset(fields: Partial<Asset> & Pick<Asset, 'name'>): Asset {
  return {
    id: newId(),
    kind: 'custom',
    description: '',
    confidentiality: 3,
    integrity: 3,
    availability: 3,
    elementIds: [],
    ...fields,
  };
}
