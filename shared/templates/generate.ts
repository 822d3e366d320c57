// What scripts/generate-templates.mjs writes to catalogs/templates/: one canonical model file per
// template and an index the picker reads without loading every template. Pure: the generator
// script writes these files and a unit test regenerates them and compares byte for byte.
//
// This module must not import catalogs/templates/ (index.ts does): the generator has to run when
// those files are missing or stale.
import { canonicalJson, serializeDocument, type AiType, type ModelDocument } from '../model';
import { contentModeration } from './content-moderation';
import { financialAssistant } from './financial-assistant';
import { fineTuningPipeline } from './fine-tuning-pipeline';
import { fraudDetectionApi } from './fraud-detection-api';
import { llmAgent } from './llm-agent';
import { mlopsPlatform } from './mlops-platform';
import { ragChatbot } from './rag-chatbot';
import type { BuiltTemplate } from './review';
import { sentimentApi } from './sentiment-api';

/** In the order the picker shows them: classic ML first, then LLM systems, then pipelines. */
export const TEMPLATE_BUILDERS: readonly (() => BuiltTemplate)[] = [
  sentimentApi,
  contentModeration,
  fraudDetectionApi,
  ragChatbot,
  llmAgent,
  financialAssistant,
  mlopsPlatform,
  fineTuningPipeline,
];

export interface TemplateCounts {
  readonly nodes: number;
  readonly flows: number;
  readonly boundaries: number;
  readonly threats: number;
  readonly openThreats: number;
  readonly mitigations: number;
  readonly assets: number;
}

/** One picker card: what a template is, without its document. */
export interface TemplateSummary {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** The component type whose icon stands for the template. */
  readonly icon: AiType;
  readonly counts: TemplateCounts;
}

export function templateCounts(doc: ModelDocument): TemplateCounts {
  const diagrams = doc.diagrams;
  return {
    nodes: diagrams.reduce((n, d) => n + d.nodes.length, 0),
    flows: diagrams.reduce((n, d) => n + d.flows.length, 0),
    boundaries: diagrams.reduce((n, d) => n + d.boundaries.length, 0),
    threats: doc.threats.length,
    openThreats: doc.threats.filter((t) => t.status === 'open').length,
    mitigations: doc.mitigations.length,
    assets: doc.assets.length,
  };
}

export interface GeneratedFile {
  /** File name inside catalogs/templates/. */
  readonly name: string;
  readonly text: string;
}

export const TEMPLATE_INDEX_FILE = 'index.json';

/** Every file of catalogs/templates/, built from the template modules. */
export function templateFiles(): GeneratedFile[] {
  const built = TEMPLATE_BUILDERS.map((build) => build());
  const summaries: TemplateSummary[] = built.map(({ info, doc }) => ({
    id: info.id,
    title: info.title,
    summary: info.summary,
    icon: info.icon,
    counts: templateCounts(doc),
  }));
  return [
    { name: TEMPLATE_INDEX_FILE, text: `${canonicalJson({ templates: summaries })}\n` },
    ...built.map(({ info, doc }) => ({ name: `${info.id}.json`, text: serializeDocument(doc) })),
  ];
}
