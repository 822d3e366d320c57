// Choosing our AI component type for a foreign element. Foreign formats know only process, store
// and external entity, so an element becomes the generic type of its kind unless its name (or
// stencil/type label) clearly names an AI building block of the same kind — never across kinds,
// which would change the STRIDE categories that apply. Our own exports leave a marker line in
// the description so a round trip restores the exact type.
import { AI_TYPES, componentType, type AiType, type DfdKind } from '../model';
import type { NoteLog } from './notes';

const GENERIC: Readonly<Record<DfdKind, AiType>> = {
  process: 'generic-process',
  store: 'generic-store',
  external: 'generic-external',
};

export function genericType(kind: DfdKind): AiType {
  return GENERIC[kind];
}

/** [type, pattern] by kind, most specific first. Patterns match whole words, case-insensitively. */
const RULES: Readonly<Record<DfdKind, readonly (readonly [AiType, RegExp])[]>> = {
  process: [
    ['embedding-model', /\bembedding(s)?\b|\bembedder\b/i],
    ['rag-retriever', /\brag\b|\bretriever\b|\bretrieval\b/i],
    ['guardrail', /\bguardrails?\b|\bsafety filter\b|\bcontent filter\b|\bmoderation\b/i],
    ['agent', /\b(ai|llm|autonomous)[ -]agents?\b|\bagentic\b/i],
    ['tool-server', /\bmcp\b/i],
    ['llm', /\bllms?\b|\blarge language models?\b|\bgpt(-?\d[\w.-]*)?\b|\bchatgpt\b|\bclaude\b|\bllama\b|\bopenai\b/i],
    ['training-pipeline', /\bmodel training\b|\btraining (job|pipeline)s?\b|\bfine-?tun(e|ing)\b/i],
    ['inference-api', /\binference\b|\bmodel serving\b|\bmodel endpoint\b/i],
    ['labeling-service', /\blabell?ing\b|\bannotation service\b/i],
    ['experiment-tracking', /\bjupyter\b|\bnotebooks?\b|\bmlflow\b|\bexperiment tracking\b/i],
  ],
  store: [
    ['vector-db', /\bvector\b|\bembeddings? (store|db|database|index)\b|\bpinecone\b|\bweaviate\b|\bpgvector\b|\bfaiss\b|\bchroma(db)?\b|\bqdrant\b|\bmilvus\b/i],
    ['model-registry', /\bmodel (registry|store|artifacts?)\b|\bmodel weights\b/i],
    ['feature-store', /\bfeature store\b/i],
    ['prompt-store', /\b(system )?prompt (store|templates?|library)\b|\bsystem prompts?\b/i],
    ['agent-memory', /\bagent memory\b|\bconversation (history|memory)\b/i],
    ['raw-dataset', /\btraining data(set)?\b|\bdatasets?\b|\bdata lake\b/i],
  ],
  external: [
    ['model-hub', /\bhugging ?face\b|\bmodel (hub|zoo)\b/i],
    ['data-source', /\bdata (source|feed)s?\b/i],
  ],
};

/** The AI type the texts clearly name for an element of this kind, if any. */
export function guessAiType(kind: DfdKind, ...texts: readonly string[]): AiType | undefined {
  const haystack = texts.join(' \n ');
  return RULES[kind].find(([, pattern]) => pattern.test(haystack))?.[0];
}

const MARKER = /(?:^|\n+)Threatloom type: [^\n]*\(([a-z-]+)\)[ \t]*$/;

/** Appends the marker line our exports use to keep the AI type: `Threatloom type: LLM (llm)`. */
export function withTypeMarker(description: string, aiType: AiType): string {
  const line = `Threatloom type: ${componentType(aiType).label} (${aiType})`;
  return description.trim() === '' ? line : `${description}\n\n${line}`;
}

/** The AI type named by a marker line, and the description without it. */
export function readTypeMarker(description: string): { aiType?: AiType; description: string } {
  const match = MARKER.exec(description);
  const value = match?.[1];
  if (!match || !value || !(AI_TYPES as readonly string[]).includes(value)) return { description };
  return { aiType: value as AiType, description: description.slice(0, match.index).trimEnd() };
}

export interface TypeChoice {
  readonly aiType: AiType;
  readonly description: string;
}

/**
 * Marker first (our own export coming back), then a clear name, then the generic type.
 * `label` names the element in the report, e.g. `Threat Dragon process "LLM gateway"`.
 */
export function chooseAiType(
  kind: DfdKind,
  name: string,
  description: string,
  label: string,
  notes: NoteLog,
  hints: readonly string[] = [],
): TypeChoice {
  const marked = readTypeMarker(description);
  if (marked.aiType && componentType(marked.aiType).kind === kind) {
    return { aiType: marked.aiType, description: marked.description };
  }
  const guessed = guessAiType(kind, name, ...hints);
  if (guessed) {
    notes.change(label, `imported as ${componentType(guessed).label} because its name says so`);
    return { aiType: guessed, description };
  }
  return { aiType: genericType(kind), description };
}
