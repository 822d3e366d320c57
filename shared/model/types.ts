// The model document: one JSON document per threat model, the single source of truth.
// Records are plain read-only data; ids are UUIDs and never change once given.

export const MODEL_FORMAT = 'threatloom-model';

export type Uuid = string;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The three node kinds of a data-flow diagram (flows and boundaries are separate records). */
export type DfdKind = 'process' | 'store' | 'external';

export const AI_TYPES = [
  'actor',
  'operator',
  'data-source',
  'raw-dataset',
  'labeling-service',
  'feature-store',
  'training-pipeline',
  'experiment-tracking',
  'model-registry',
  'model-hub',
  'inference-api',
  'llm',
  'embedding-model',
  'vector-db',
  'rag-retriever',
  'prompt-store',
  'agent',
  'tool-server',
  'agent-memory',
  'guardrail',
  'output-consumer',
  'monitoring',
  'cicd-pipeline',
  'generic-process',
  'generic-store',
  'generic-external',
] as const;
export type AiType = (typeof AI_TYPES)[number];

export type PropertyValue = string | number | boolean;
export type Properties = Readonly<Record<string, PropertyValue>>;

export interface DfdNode {
  readonly id: Uuid;
  readonly kind: DfdKind;
  readonly aiType: AiType;
  readonly name: string;
  readonly description: string;
  readonly position: Point;
  readonly size: Size;
  readonly properties: Properties;
  readonly outOfScope: boolean;
  readonly outOfScopeReason: string;
}

export const DATA_CATEGORIES = ['pii', 'secrets', 'model-weights', 'prompts', 'training-data'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export interface Flow {
  readonly id: Uuid;
  readonly source: Uuid;
  readonly target: Uuid;
  readonly name: string;
  readonly description: string;
  readonly bidirectional: boolean;
  readonly protocol: string;
  readonly encrypted: boolean;
  readonly authenticated: boolean;
  readonly publicNetwork: boolean;
  readonly carries: readonly DataCategory[];
  readonly vertices: readonly Point[];
  readonly outOfScope: boolean;
  readonly outOfScopeReason: string;
}

export const TRUST_LEVELS = ['untrusted', 'low', 'medium', 'high', 'privileged'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

interface BoundaryBase {
  readonly id: Uuid;
  readonly name: string;
  readonly description: string;
  readonly trustLevel: TrustLevel;
}

/** A box boundary encloses the nodes inside it. */
export interface BoxBoundary extends BoundaryBase {
  readonly shape: 'box';
  readonly position: Point;
  readonly size: Size;
}

/** A line boundary is a polyline; a flow whose path intersects it crosses it. */
export interface LineBoundary extends BoundaryBase {
  readonly shape: 'line';
  readonly points: readonly Point[];
}

export type Boundary = BoxBoundary | LineBoundary;

export interface Diagram {
  readonly id: Uuid;
  readonly name: string;
  readonly nodes: readonly DfdNode[];
  readonly flows: readonly Flow[];
  readonly boundaries: readonly Boundary[];
}

export const ASSET_KINDS = [
  'training-data',
  'model-weights',
  'feature-store',
  'inference-api',
  'prompts',
  'embeddings',
  'credentials',
  'pii',
  'intellectual-property',
  'infrastructure',
  'custom',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** Confidentiality / integrity / availability rating, 1 (low) to 5 (critical). */
export type Rating = 1 | 2 | 3 | 4 | 5;

export interface Asset {
  readonly id: Uuid;
  readonly name: string;
  readonly kind: AssetKind;
  readonly description: string;
  readonly confidentiality: Rating;
  readonly integrity: Rating;
  readonly availability: Rating;
  readonly elementIds: readonly Uuid[];
}

export const STRIDE = ['S', 'T', 'R', 'I', 'D', 'E'] as const;
export type StrideLetter = (typeof STRIDE)[number];

export const THREAT_STATUSES = ['open', 'mitigated', 'accepted', 'transferred', 'avoided', 'not-applicable'] as const;
export type ThreatStatus = (typeof THREAT_STATUSES)[number];

/** Who accepted a risk, why, and when it must be looked at again. Required for status `accepted`. */
export interface RiskAcceptance {
  readonly rationale: string;
  readonly approver: string;
  /** ISO date (YYYY-MM-DD). */
  readonly date: string;
  /** ISO date, or empty when no review date was set. */
  readonly reviewBy: string;
}

/** The OWASP Risk Rating Methodology's sixteen factors, each 0–9. */
export const OWASP_RISK_FACTORS = [
  'skillLevel', 'motive', 'opportunity', 'size',
  'easeOfDiscovery', 'easeOfExploit', 'awareness', 'intrusionDetection',
  'lossOfConfidentiality', 'lossOfIntegrity', 'lossOfAvailability', 'lossOfAccountability',
  'financialDamage', 'reputationDamage', 'nonCompliance', 'privacyViolation',
] as const;
export type OwaspRiskFactor = (typeof OWASP_RISK_FACTORS)[number];
export type OwaspRiskFactors = Readonly<Record<OwaspRiskFactor, number>>;

export type ThreatOrigin =
  | { readonly kind: 'manual' }
  | { readonly kind: 'rule'; readonly ruleId: string; readonly facts: readonly string[] };

export interface Threat {
  readonly id: Uuid;
  readonly title: string;
  readonly description: string;
  readonly elementIds: readonly Uuid[];
  readonly stride: readonly StrideLetter[];
  /** `catalogId:entryId`, e.g. `owasp-llm-2025:LLM01`, `atlas:AML.T0051`. */
  readonly refs: readonly string[];
  readonly origin: ThreatOrigin;
  readonly status: ThreatStatus;
  readonly likelihood: Rating | null;
  readonly impact: Rating | null;
  readonly owner: string;
  readonly mitigationIds: readonly Uuid[];
  /** Set when (and only when) the status is `accepted`. */
  readonly acceptance: RiskAcceptance | null;
  /** Why the threat is not applicable, to whom it was transferred, or how it is avoided. */
  readonly statusReason: string;
  /** Optional OWASP Risk Rating factors, for users who rate that way. */
  readonly owaspRisk: OwaspRiskFactors | null;
}

export const MITIGATION_STATUSES = ['proposed', 'planned', 'in-progress', 'implemented', 'verified', 'rejected'] as const;
export type MitigationStatus = (typeof MITIGATION_STATUSES)[number];

export interface Mitigation {
  readonly id: Uuid;
  readonly title: string;
  readonly description: string;
  readonly status: MitigationStatus;
  readonly owner: string;
  /** ISO date (YYYY-MM-DD) or empty. */
  readonly dueDate: string;
  readonly phase: string;
  readonly refs: readonly string[];
  /** Fraction of likelihood removed when implemented, 0..1. */
  readonly effectiveness: number;
  /** Why it was rejected (status `rejected`). */
  readonly rejectionReason: string;
}

export interface AttackTreeStep {
  readonly id: Uuid;
  readonly label: string;
  readonly parentId: Uuid | null;
  readonly gate: 'and' | 'or';
  readonly threatIds: readonly Uuid[];
  readonly mitigationIds: readonly Uuid[];
}

export interface AttackTree {
  readonly id: Uuid;
  readonly goal: string;
  readonly steps: readonly AttackTreeStep[];
}

export interface ReviewCheck {
  /** Stable kebab-case key of the checklist item. */
  readonly id: string;
  readonly label: string;
  readonly done: boolean;
}

/** What the model held when a review was signed off, so the next review can list changes. */
export interface ReviewBaseline {
  readonly elements: readonly Uuid[];
  readonly threats: Readonly<Record<Uuid, ThreatStatus>>;
  readonly mitigations: Readonly<Record<Uuid, MitigationStatus>>;
}

export interface Review {
  readonly id: Uuid;
  readonly reviewer: string;
  /** ISO date (YYYY-MM-DD). */
  readonly date: string;
  readonly notes: string;
  readonly checklist: readonly ReviewCheck[];
  readonly baseline: ReviewBaseline;
}

/** An element whose STRIDE panel someone went through (question 2 of the four questions). */
export interface ElementReview {
  readonly elementId: Uuid;
  /** ISO 8601 timestamp. */
  readonly date: string;
}

/** A rule's suggestion the user decided does not apply, and why. Kept so it stays dismissed. */
export interface Dismissal {
  /** `ruleId@elementId`, the suggestion's stable key. */
  readonly key: string;
  readonly ruleId: string;
  readonly elementId: Uuid;
  readonly reason: string;
  /** ISO 8601 timestamp. */
  readonly date: string;
}

export interface Scope {
  readonly inScope: string;
  readonly outOfScope: string;
  readonly assumptions: string;
  readonly businessObjectives: string;
}

export interface ModelDocument {
  readonly format: typeof MODEL_FORMAT;
  readonly schemaVersion: number;
  readonly id: Uuid;
  readonly title: string;
  readonly description: string;
  readonly owner: string;
  readonly reviewers: readonly string[];
  readonly version: string;
  /** ISO 8601 timestamps. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly scope: Scope;
  readonly diagrams: readonly Diagram[];
  readonly assets: readonly Asset[];
  readonly threats: readonly Threat[];
  readonly mitigations: readonly Mitigation[];
  readonly attackTrees: readonly AttackTree[];
  readonly reviews: readonly Review[];
  readonly dismissals: readonly Dismissal[];
  readonly strideReviews: readonly ElementReview[];
  /** Catalog id → edition the model was built against. */
  readonly catalogVersions: Readonly<Record<string, string>>;
}

/** Anything on a diagram that can be selected. */
export type DiagramElement =
  | { readonly type: 'node'; readonly record: DfdNode }
  | { readonly type: 'flow'; readonly record: Flow }
  | { readonly type: 'boundary'; readonly record: Boundary };
