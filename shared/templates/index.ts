// The public entry of shared/templates: the bundled "New from template" models. TEMPLATES is small
// and bundled; each template document is loaded only when chosen (a separate chunk per file).
import templateIndex from '../../catalogs/templates/index.json';
import type { ModelDocument } from '../model';
import type { TemplateSummary } from './generate';
import { instantiateTemplate, type TemplateSource } from './load';

export { TEMPLATE_BUILDERS, TEMPLATE_INDEX_FILE, templateCounts, templateFiles, type GeneratedFile, type TemplateCounts, type TemplateSummary } from './generate';
export { TEMPLATE_DATE, TEMPLATE_TIMESTAMP, TemplateBuilder, type TemplateInfo } from './builder';
export { decisionKey, reviewTemplate, type BuiltTemplate, type Decision, type ReviewPlan } from './review';
export { instantiateTemplate, shiftDates } from './load';
export { stableUuid } from './stable-id';

/** The bundled templates, in picker order (written by scripts/generate-templates.mjs). */
export const TEMPLATES: readonly TemplateSummary[] = (templateIndex as { templates: TemplateSummary[] }).templates;

// One literal import per file, so the bundler can split each template into its own chunk.
const SOURCES: Readonly<Record<string, TemplateSource>> = {
  'sentiment-api': () => import('../../catalogs/templates/sentiment-api.json').then((m) => m.default),
  'content-moderation': () => import('../../catalogs/templates/content-moderation.json').then((m) => m.default),
  'fraud-detection-api': () => import('../../catalogs/templates/fraud-detection-api.json').then((m) => m.default),
  'rag-chatbot': () => import('../../catalogs/templates/rag-chatbot.json').then((m) => m.default),
  'llm-agent': () => import('../../catalogs/templates/llm-agent.json').then((m) => m.default),
  'financial-assistant': () => import('../../catalogs/templates/financial-assistant.json').then((m) => m.default),
  'mlops-platform': () => import('../../catalogs/templates/mlops-platform.json').then((m) => m.default),
  'fine-tuning-pipeline': () => import('../../catalogs/templates/fine-tuning-pipeline.json').then((m) => m.default),
};

/** Ids of the templates with a bundled file (a test checks they match TEMPLATES). */
export const TEMPLATE_SOURCE_IDS: readonly string[] = Object.keys(SOURCES);

/**
 * A new model from the template: validated, with fresh ids for every record, created and updated
 * `now`, and the recorded review's dates moved to match. Rejects for an unknown id.
 */
export async function loadTemplate(id: string, now: string = new Date().toISOString()): Promise<ModelDocument> {
  const source = SOURCES[id];
  const summary = TEMPLATES.find((t) => t.id === id);
  if (!source || !summary) throw new Error(`There is no template “${id}”.`);
  return instantiateTemplate(await source(), summary, now);
}
