// What every importer produces: the foreign model translated to our vocabulary but not yet a
// document. Records are keyed by the foreign ids (made unique by the importer); build.ts gives
// them UUIDs, resolves references, bounds text, lays out what has no coordinates and validates.
import type {
  AiType,
  AssetKind,
  DataCategory,
  DfdKind,
  MitigationStatus,
  Point,
  PropertyValue,
  Rating,
  Size,
  StrideLetter,
  ThreatStatus,
  TrustLevel,
} from '../model';

export interface DraftNode {
  readonly key: string;
  readonly kind: DfdKind;
  readonly aiType: AiType;
  readonly name: string;
  readonly description: string;
  /** Only keys of the AI type's property definitions survive the build. */
  readonly properties?: Readonly<Record<string, PropertyValue>>;
  readonly position?: Point;
  readonly size?: Size;
  /** Key of the box boundary that contains this node, when the format says so explicitly (OTM). */
  readonly zone?: string;
  readonly outOfScope: boolean;
  readonly outOfScopeReason: string;
}

/** A flow end: a node key, or a loose point (a flow drawn to nowhere), or nothing at all. */
export type FlowEnd = { readonly key: string } | { readonly point: Point } | null;

export interface DraftFlow {
  readonly key: string;
  readonly source: FlowEnd;
  readonly target: FlowEnd;
  readonly name: string;
  readonly description: string;
  readonly bidirectional: boolean;
  readonly protocol: string;
  readonly encrypted: boolean;
  readonly authenticated: boolean;
  readonly publicNetwork: boolean;
  readonly carries?: readonly DataCategory[];
  readonly vertices: readonly Point[];
  readonly outOfScope: boolean;
  readonly outOfScopeReason: string;
}

interface DraftBoundaryBase {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly trustLevel: TrustLevel;
}

export interface DraftBox extends DraftBoundaryBase {
  readonly shape: 'box';
  readonly position?: Point;
  readonly size?: Size;
  /** Key of the enclosing box, when the format says so explicitly (OTM nested trust zones). */
  readonly zone?: string;
}

export interface DraftLine extends DraftBoundaryBase {
  readonly shape: 'line';
  readonly points: readonly Point[];
}

export type DraftBoundary = DraftBox | DraftLine;

export interface DraftDiagram {
  readonly name: string;
  readonly nodes: readonly DraftNode[];
  readonly flows: readonly DraftFlow[];
  readonly boundaries: readonly DraftBoundary[];
  /** True when membership in boxes is given by `zone` keys rather than by geometry. */
  readonly explicitZones?: boolean;
}

export interface DraftThreat {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  /** Keys of nodes, flows or boundaries in any diagram. */
  readonly elementKeys: readonly string[];
  readonly stride: readonly StrideLetter[];
  readonly refs?: readonly string[];
  readonly status: ThreatStatus;
  readonly likelihood: Rating | null;
  readonly impact: Rating | null;
  readonly owner?: string;
  readonly mitigationKeys: readonly string[];
  /** The source's justification or reason for the status, when it has one (TMT does). */
  readonly statusReason?: string;
}

export interface DraftMitigation {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly status: MitigationStatus;
  readonly effectiveness: number;
  readonly owner?: string;
  readonly refs?: readonly string[];
  /** ISO date or ''. */
  readonly dueDate?: string;
  readonly phase?: string;
}

export interface DraftAsset {
  readonly key: string;
  readonly name: string;
  readonly kind: AssetKind;
  readonly description: string;
  readonly confidentiality: Rating;
  readonly integrity: Rating;
  readonly availability: Rating;
  readonly elementKeys: readonly string[];
}

export interface Draft {
  readonly title: string;
  readonly description: string;
  readonly owner: string;
  readonly reviewers: readonly string[];
  readonly assumptions?: string;
  readonly diagrams: readonly DraftDiagram[];
  readonly threats: readonly DraftThreat[];
  readonly mitigations: readonly DraftMitigation[];
  readonly assets?: readonly DraftAsset[];
}

/** Records read from one file at most; the rest are counted in the report, not imported. */
export const MAX_RECORDS = 20_000;
