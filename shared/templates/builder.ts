// The diagram half of a template: boundaries, nodes, flows, assets and scope, made with the model
// factories and given name-derived ids so the generated file is the same on every run. Names are
// unique per template (node and flow names alike): review decisions and tests refer to elements
// by name.
import {
  CURRENT_SCHEMA_VERSION,
  MODEL_FORMAT,
  createBoxBoundary,
  createFlow,
  createNode,
  type AiType,
  type Asset,
  type AssetKind,
  type BoxBoundary,
  type DataCategory,
  type DfdNode,
  type Flow,
  type ModelDocument,
  type Point,
  type PropertyValue,
  type Rating,
  type Scope,
  type Size,
  type TrustLevel,
  type Uuid,
} from '../model';
import { nodeInBox } from '../geometry';
import { stableUuid } from './stable-id';

/** Every template is dated here, not "now", so regenerating it changes nothing. */
export const TEMPLATE_DATE = '2025-03-03';
export const TEMPLATE_TIMESTAMP = `${TEMPLATE_DATE}T09:00:00.000Z`;
/** Nodes are drawn larger than the palette default so two-line names and badges fit. */
export const TEMPLATE_NODE_SIZE: Size = { width: 200, height: 80 };

export interface TemplateInfo {
  /** Kebab-case; also the file name in catalogs/templates/. */
  readonly id: string;
  readonly title: string;
  /** One or two sentences for the picker card. */
  readonly summary: string;
  /** The component type whose icon stands for the template. */
  readonly icon: AiType;
  readonly description: string;
  readonly owner: string;
  readonly reviewers: readonly string[];
  readonly scope: Scope;
}

export interface BoxSpec {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface NodeOptions {
  readonly description?: string;
  /** Who owns threats on this node; by default the owner of the innermost boundary around it. */
  readonly owner?: string;
  /** Marks the node out of scope, with this reason. */
  readonly outOfScope?: string;
}

export interface FlowOptions {
  readonly protocol?: string;
  readonly encrypted?: boolean;
  readonly authenticated?: boolean;
  readonly publicNetwork?: boolean;
  readonly bidirectional?: boolean;
  readonly carries?: readonly DataCategory[];
  readonly description?: string;
  readonly vertices?: readonly Point[];
}

export class TemplateBuilder {
  readonly nodes: DfdNode[] = [];
  readonly flows: Flow[] = [];
  readonly boundaries: BoxBoundary[] = [];
  private readonly assets: Asset[] = [];
  private readonly boundaryOwners = new Map<Uuid, string>();
  private readonly nodeOwners = new Map<Uuid, string>();
  private readonly names = new Set<string>();

  constructor(readonly info: TemplateInfo) {}

  /** A stable id for a record of `kind` named `name`. */
  id(kind: string, name: string): Uuid {
    return stableUuid(`threatloom-template/${this.info.id}/${kind}`, name);
  }

  boundary(name: string, trustLevel: TrustLevel, box: BoxSpec, description: string, owner = this.info.owner): BoxBoundary {
    const boundary: BoxBoundary = {
      ...createBoxBoundary({ x: box.x, y: box.y }, name),
      id: this.id('boundary', name),
      description,
      trustLevel,
      size: { width: box.width, height: box.height },
    };
    this.boundaries.push(boundary);
    this.boundaryOwners.set(boundary.id, owner);
    return boundary;
  }

  node(aiType: AiType, name: string, at: Point, properties: Readonly<Record<string, PropertyValue>>, options: NodeOptions = {}): DfdNode {
    this.claim(name);
    const base = createNode(aiType, at, name);
    const node: DfdNode = {
      ...base,
      id: this.id('node', name),
      description: options.description ?? '',
      size: TEMPLATE_NODE_SIZE,
      properties: { ...base.properties, ...properties },
      outOfScope: options.outOfScope !== undefined,
      outOfScopeReason: options.outOfScope ?? '',
    };
    this.nodes.push(node);
    if (options.owner) this.nodeOwners.set(node.id, options.owner);
    return node;
  }

  flow(source: DfdNode, target: DfdNode, name: string, options: FlowOptions = {}): Flow {
    this.claim(name);
    const flow: Flow = {
      ...createFlow(source.id, target.id, name),
      id: this.id('flow', name),
      description: options.description ?? '',
      protocol: options.protocol ?? '',
      encrypted: options.encrypted ?? false,
      authenticated: options.authenticated ?? false,
      publicNetwork: options.publicNetwork ?? false,
      bidirectional: options.bidirectional ?? false,
      carries: [...(options.carries ?? [])],
      vertices: [...(options.vertices ?? [])],
    };
    this.flows.push(flow);
    return flow;
  }

  /** An asset worth protecting, rated confidentiality / integrity / availability 1–5. */
  asset(name: string, kind: AssetKind, [confidentiality, integrity, availability]: readonly [Rating, Rating, Rating], elements: readonly { id: Uuid }[], description: string): Asset {
    const asset: Asset = { id: this.id('asset', name), name, kind, description, confidentiality, integrity, availability, elementIds: elements.map((e) => e.id) };
    this.assets.push(asset);
    return asset;
  }

  /** Who owns threats on a node or flow (a flow's threats belong to the owner of its receiver). */
  ownerOf(elementId: Uuid): string {
    const flow = this.flows.find((f) => f.id === elementId);
    if (flow) return this.ownerOf(flow.target);
    const node = this.nodes.find((n) => n.id === elementId);
    if (!node) return this.info.owner;
    const explicit = this.nodeOwners.get(node.id);
    if (explicit) return explicit;
    const around = this.boundaries
      .filter((b) => nodeInBox(node, b))
      .sort((a, b) => a.size.width * a.size.height - b.size.width * b.size.height)[0];
    return (around && this.boundaryOwners.get(around.id)) ?? this.info.owner;
  }

  /** The document before any threat is reviewed. */
  document(): ModelDocument {
    const { info } = this;
    return {
      format: MODEL_FORMAT,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: this.id('model', info.id),
      title: info.title,
      description: info.description,
      owner: info.owner,
      reviewers: [...info.reviewers],
      version: '1.0',
      createdAt: TEMPLATE_TIMESTAMP,
      updatedAt: TEMPLATE_TIMESTAMP,
      scope: { ...info.scope },
      diagrams: [{ id: this.id('diagram', 'Main diagram'), name: 'Main diagram', nodes: [...this.nodes], flows: [...this.flows], boundaries: [...this.boundaries] }],
      assets: [...this.assets],
      threats: [],
      mitigations: [],
      attackTrees: [],
      reviews: [],
      dismissals: [],
      strideReviews: [],
      catalogVersions: {},
    };
  }

  private claim(name: string): void {
    if (this.names.has(name)) throw new Error(`template ${this.info.id}: the name “${name}” is used twice`);
    this.names.add(name);
  }
}
