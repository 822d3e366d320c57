// Threat knowledge as data: one catalog file per catalog and edition, plus crosswalks between them.
// Bundled files live in catalogs/; user-imported packs have the same shape (catalogs/README.md).
// Entry ids and names are published facts; every summary is our own words.
import type { AiType, StrideLetter } from '../model';

export const CATALOG_FORMAT = 'threatloom-catalog';
export const CROSSWALK_FORMAT = 'threatloom-crosswalk';
export const CATALOG_FORMAT_VERSION = 1;

export const CATALOG_KINDS = ['threats', 'techniques', 'mitigations', 'framework', 'mixed'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** The ref namespaces of the bundled catalogs. A user pack may bring another, or replace one of these. */
export const KNOWN_NAMESPACES = [
  'stride-ai',
  'owasp-llm-2025',
  'owasp-ml-2023',
  'owasp-asi-2026',
  'owasp-agentic-threats',
  'atlas',
  'nist-ai-rmf',
  'eu-ai-act',
  'nist-ai-100-2',
] as const;

export interface CatalogLicence {
  /** SPDX identifier where one exists (`CC-BY-SA-4.0`, `Apache-2.0`), otherwise a plain name. */
  readonly name: string;
  readonly url?: string;
  /** How we use the source under this licence (what is copied, what is our own). */
  readonly note: string;
}

export interface CatalogEntry {
  /** As published: `LLM01`, `AML.T0051.000`, `MAP-4.1`, `Art-15`. Unique within the catalog. */
  readonly id: string;
  /** As published. */
  readonly name: string;
  /** e.g. risk, tactic, technique, sub-technique, mitigation, case-study, function, category,
   * subcategory, article, attack-class, stride-category, threat. */
  readonly kind: string;
  /** Our own words, 1–3 sentences. Absent only where we have not written one yet (ATLAS). */
  readonly summary?: string;
  /** Source text, kept verbatim, only in user-imported packs that chose to keep it. Never bundled. */
  readonly description?: string;
  readonly stride?: readonly StrideLetter[];
  readonly appliesTo?: readonly AiType[];
  /** `namespace:entryId` cross references into this or other catalogs. */
  readonly refs?: readonly string[];
  /** The official page of this entry. */
  readonly url?: string;
  /** Id of the parent entry in the same catalog (sub-technique → technique, subcategory → category). */
  readonly parent?: string;
  /** ATLAS: ids of the tactics a technique serves (sub-techniques inherit their parent's). */
  readonly tactics?: readonly string[];
  /** Short facts as `key:value`, e.g. `maturity:realized`, `category:Policy`. */
  readonly tags?: readonly string[];
  /** stride-category only: the security property the category violates. */
  readonly property?: string;
  /** stride-category only: what the category means for each AI component type. */
  readonly perComponent?: Readonly<Partial<Record<AiType, string>>>;
}

export interface CatalogFile {
  readonly format: typeof CATALOG_FORMAT;
  readonly formatVersion: number;
  /** Catalog id including its edition: `owasp-llm-2025`, `atlas-5.6.0`. */
  readonly id: string;
  /** What refs use: `atlas` for every ATLAS edition, so a newer pack can replace an older one. */
  readonly namespace: string;
  readonly title: string;
  readonly edition: string;
  readonly publisher: string;
  /** Where the facts come from (URL). */
  readonly source: string;
  readonly licence: CatalogLicence;
  readonly kind: CatalogKind;
  /** How the file was made when it was generated, e.g. from MITRE's ATLAS.yaml. */
  readonly generatedFrom?: string;
  readonly entries: readonly CatalogEntry[];
}

/** One row: which entries of other catalogs relate to a subject entry (a STRIDE-for-AI threat). */
export interface CrosswalkRow {
  /** The subject, e.g. `stride-ai:T-data-poisoning`. */
  readonly subject: string;
  /** ATLAS techniques and sub-techniques. */
  readonly techniques: readonly string[];
  /** Entries of the OWASP lists. */
  readonly owasp: readonly string[];
  /** ATLAS mitigations. */
  readonly mitigations: readonly string[];
  /** NIST AI RMF, EU AI Act and NIST AI 100-2 tags. */
  readonly frameworks: readonly string[];
  /** Our own words: why these belong together, where it is not obvious. */
  readonly note?: string;
}

export interface CrosswalkFile {
  readonly format: typeof CROSSWALK_FORMAT;
  readonly formatVersion: number;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly licence: CatalogLicence;
  readonly rows: readonly CrosswalkRow[];
}

/** The four relation columns of a crosswalk row, in display order. */
export const CROSSWALK_COLUMNS = ['techniques', 'owasp', 'mitigations', 'frameworks'] as const;
export type CrosswalkColumn = (typeof CROSSWALK_COLUMNS)[number];
