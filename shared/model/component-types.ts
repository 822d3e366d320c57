// The AI building blocks: for each component type its DFD kind, palette group, icon and
// the typed security properties a user can set on it. Rules (later) read these properties.
import type { AiType, DfdKind, PropertyValue, Properties } from './types';

export type PropertyDef =
  | { readonly key: string; readonly label: string; readonly type: 'boolean'; readonly default: boolean }
  | { readonly key: string; readonly label: string; readonly type: 'text'; readonly default: string }
  | { readonly key: string; readonly label: string; readonly type: 'number'; readonly min: number; readonly max: number; readonly default: number }
  | {
      readonly key: string;
      readonly label: string;
      readonly type: 'enum';
      readonly options: readonly { readonly value: string; readonly label: string }[];
      readonly default: string;
    };

export const PALETTE_GROUPS = [
  { id: 'data', label: 'Data' },
  { id: 'training', label: 'Training' },
  { id: 'serving', label: 'Serving' },
  { id: 'genai', label: 'GenAI' },
  { id: 'agents', label: 'Agents' },
  { id: 'generic', label: 'Generic' },
] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number]['id'];

export interface ComponentType {
  readonly aiType: AiType;
  readonly label: string;
  /** The label's first alternative ("Model registry" of "Model registry / artifact store"):
   * the default name of a new node and the caption drawn on it. */
  readonly shortLabel: string;
  /** Words the palette search also matches. */
  readonly keywords: readonly string[];
  readonly summary: string;
  readonly kind: DfdKind;
  readonly group: PaletteGroup;
  readonly properties: readonly PropertyDef[];
}

// Option labels where turning hyphens into spaces would read wrongly.
const OPTION_LABELS: Readonly<Record<string, string>> = {
  'third-party-api': 'Third-party API',
  'self-hosted': 'Self-hosted',
  'cloud-managed': 'Cloud-managed',
  'role-based': 'Role-based',
  'attribute-based': 'Attribute-based',
  'first-party': 'First-party',
  'user-generated': 'User-generated',
  'classical-ml': 'Classical ML',
  'fine-tuning': 'Fine-tuning',
  rlhf: 'RLHF',
  'per-tenant-index': 'Per-tenant index',
  'llm-judge': 'LLM as judge',
  'mcp-server': 'MCP server',
  api: 'API',
  'api-key': 'API key',
  oauth: 'OAuth',
  mtls: 'Mutual TLS',
  'read-only': 'Read-only',
  'read-write': 'Read-write',
  'long-term': 'Long-term',
  'ci-secrets': 'CI secrets',
};
const opts = (...values: string[]) =>
  values.map((value) => ({ value, label: OPTION_LABELS[value] ?? value.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) }));

const bool = (key: string, label: string, value = false): PropertyDef => ({ key, label, type: 'boolean', default: value });
const text = (key: string, label: string): PropertyDef => ({ key, label, type: 'text', default: '' });
const choice = (key: string, label: string, values: string[], value = values[0]!): PropertyDef => ({
  key,
  label,
  type: 'enum',
  options: opts(...values),
  default: value,
});
const count = (key: string, label: string, min: number, max: number, value: number): PropertyDef => ({
  key,
  label,
  type: 'number',
  min,
  max,
  default: value,
});

// Properties several component types share, defined once.
const encryptedAtRest = bool('encryptedAtRest', 'Encrypted at rest');
const accessControl = choice('accessControl', 'Access control', ['none', 'shared-credentials', 'role-based', 'attribute-based'], 'role-based');
const containsPii = bool('containsPii', 'Contains personal data');
const hosting = choice('hosting', 'Hosting', ['self-hosted', 'cloud-managed', 'third-party-api'], 'self-hosted');
const authentication = choice('authentication', 'Authentication', ['none', 'api-key', 'oauth', 'mtls'], 'api-key');
const serializationFormat = choice('serializationFormat', 'Artifact format', ['safetensors', 'onnx', 'pickle', 'other'], 'safetensors');

// Where the first alternative of a label alone would be vague on a node.
const SHORT_LABELS: Partial<Record<AiType, string>> = {
  'training-pipeline': 'Training pipeline',
  'tool-server': 'Tool / MCP server',
  'prompt-store': 'Prompt store',
  'model-hub': 'Model hub',
  'experiment-tracking': 'Experiment tracker',
};

const type = (
  aiType: AiType,
  label: string,
  kind: DfdKind,
  group: PaletteGroup,
  summary: string,
  keywords: string[],
  properties: PropertyDef[],
): ComponentType => ({
  aiType,
  label,
  shortLabel: SHORT_LABELS[aiType] ?? label.split(' / ')[0]!,
  kind,
  group,
  summary,
  keywords,
  properties,
});

export const COMPONENT_TYPES: readonly ComponentType[] = [
  type('data-source', 'Data source / feed', 'external', 'data', 'Where raw data comes from: partners, sensors, scrapes, user uploads.', ['feed', 'ingest', 'scrape'], [
    choice('provenance', 'Provenance', ['first-party', 'partner', 'public-web', 'user-generated']),
    bool('integrityVerified', 'Integrity verified (signatures or checksums)'),
    containsPii,
  ]),
  type('raw-dataset', 'Raw dataset store', 'store', 'data', 'Bucket, lake or table holding collected data before processing.', ['bucket', 'data lake', 's3', 'corpus'], [
    encryptedAtRest,
    accessControl,
    containsPii,
    bool('versioned', 'Versioned snapshots'),
    bool('provenanceTracked', 'Provenance tracked per record'),
  ]),
  type('labeling-service', 'Labeling service', 'process', 'data', 'Human or automated annotation of training examples.', ['annotation', 'labelling', 'crowd'], [
    choice('workforce', 'Workforce', ['internal', 'vendor', 'crowd', 'automated']),
    bool('qualityReview', 'Labels reviewed by a second annotator'),
  ]),
  type('feature-store', 'Feature store', 'store', 'data', 'Computed features served to training and inference.', ['features', 'feast'], [
    encryptedAtRest,
    accessControl,
    containsPii,
    bool('onlineServing', 'Serves features online to inference'),
  ]),
  type('training-pipeline', 'Training / fine-tuning pipeline', 'process', 'training', 'Jobs that train or fine-tune a model from data.', ['train', 'fine-tune', 'finetune', 'rlhf', 'job'], [
    choice('trainingKind', 'Training kind', ['classical-ml', 'pretraining', 'fine-tuning', 'rlhf']),
    bool('isolatedCompute', 'Runs on isolated compute'),
    bool('dataValidation', 'Validates and sanitises training data'),
    bool('reproducible', 'Reproducible (pinned data, code, seeds)'),
  ]),
  type('experiment-tracking', 'Experiment tracking / notebook', 'process', 'training', 'Notebooks and trackers data scientists work in.', ['jupyter', 'mlflow', 'notebook', 'wandb'], [
    choice('notebookAccess', 'Who can open it', ['individual', 'team', 'organisation', 'public-link'], 'team'),
    bool('secretsInNotebooks', 'Credentials stored in notebooks'),
  ]),
  type('model-registry', 'Model registry / artifact store', 'store', 'training', 'Versioned store of trained model artifacts.', ['artifact', 'registry', 'weights'], [
    encryptedAtRest,
    accessControl,
    bool('signedArtifacts', 'Artifacts signed and verified on load'),
    serializationFormat,
  ]),
  type('model-hub', 'Third-party model hub', 'external', 'training', 'Public or vendor hub where pretrained models are downloaded from.', ['hugging face', 'huggingface', 'pretrained', 'download'], [
    text('hub', 'Hub'),
    bool('pinnedRevision', 'Pinned to a reviewed revision'),
    bool('signatureVerified', 'Signature or hash verified'),
    serializationFormat,
  ]),
  type('cicd-pipeline', 'CI/CD pipeline', 'process', 'training', 'Builds, tests and deploys models and the code around them.', ['build', 'deploy', 'mlops', 'github actions'], [
    bool('signedBuilds', 'Builds signed (provenance attested)'),
    bool('pinnedDependencies', 'Dependencies pinned and scanned'),
    choice('secretsManagement', 'Secrets kept in', ['vault', 'ci-secrets', 'environment-variables', 'plaintext'], 'ci-secrets'),
  ]),
  type('inference-api', 'Inference API / model serving', 'process', 'serving', 'Endpoint that runs a model for callers.', ['serving', 'endpoint', 'predict', 'api'], [
    authentication,
    bool('rateLimited', 'Rate limited'),
    bool('inputValidation', 'Validates inputs'),
    choice('exposure', 'Exposure', ['internal', 'partner', 'internet']),
    bool('returnsConfidenceScores', 'Returns confidence scores'),
  ]),
  type('output-consumer', 'Output consumer / downstream app', 'external', 'serving', 'Application or person that acts on model output.', ['downstream', 'client', 'consumer'], [
    bool('rendersMarkup', 'Renders model output as HTML or Markdown'),
    bool('executesOutput', 'Executes model output (code, queries, commands)'),
    bool('humanReviewed', 'A human reviews output before it is acted on'),
  ]),
  type('monitoring', 'Monitoring / logging', 'process', 'serving', 'Logs, metrics, drift and abuse detection.', ['logs', 'observability', 'drift', 'siem'], [
    bool('logsPrompts', 'Logs prompts and completions'),
    bool('piiRedaction', 'Redacts personal data from logs'),
    bool('alerting', 'Alerts on anomalies'),
    count('retentionDays', 'Retention (days)', 0, 3650, 30),
  ]),
  type('llm', 'LLM', 'process', 'genai', 'Large language model, hosted by a provider or self-hosted.', ['gpt', 'claude', 'llama', 'language model', 'foundation model'], [
    hosting,
    text('provider', 'Provider'),
    text('modelName', 'Model'),
    bool('fineTuned', 'Fine-tuned on our data'),
    bool('providerRetainsData', 'Provider retains prompts'),
    count('contextWindowTokens', 'Context window (tokens)', 0, 10_000_000, 128_000),
  ]),
  type('embedding-model', 'Embedding model', 'process', 'genai', 'Turns text or images into vectors for search.', ['embeddings', 'encoder', 'vectorize'], [
    hosting,
    text('modelName', 'Model'),
  ]),
  type('vector-db', 'Vector database', 'store', 'genai', 'Stores embeddings and the chunks they came from.', ['pinecone', 'weaviate', 'pgvector', 'embeddings store', 'index'], [
    encryptedAtRest,
    accessControl,
    choice('tenantIsolation', 'Tenant isolation', ['none', 'namespace', 'per-tenant-index'], 'none'),
    containsPii,
  ]),
  type('rag-retriever', 'RAG retriever', 'process', 'genai', 'Finds context for a prompt in a document or vector store.', ['retrieval', 'rag', 'search', 'context'], [
    bool('documentLevelAcl', 'Enforces the caller’s document permissions'),
    choice('sourceTrust', 'Sources', ['curated', 'mixed', 'open-web']),
    count('topK', 'Chunks retrieved (top-k)', 1, 1000, 5),
  ]),
  type('prompt-store', 'Prompt template / system prompt store', 'store', 'genai', 'System prompts and templates the application sends.', ['system prompt', 'template', 'prompt'], [
    accessControl,
    bool('versioned', 'Versioned and reviewed'),
    bool('containsSecrets', 'Prompts contain secrets or internal details'),
  ]),
  type('guardrail', 'Guardrail / safety filter', 'process', 'genai', 'Screens inputs or outputs for abuse, leakage and policy.', ['filter', 'moderation', 'safety', 'firewall'], [
    choice('direction', 'Screens', ['input', 'output', 'both'], 'both'),
    choice('technique', 'Technique', ['rules', 'classifier', 'llm-judge'], 'classifier'),
    choice('failMode', 'On error', ['closed', 'open']),
  ]),
  type('agent', 'Agent / orchestrator', 'process', 'agents', 'Plans and calls tools on a model’s behalf.', ['orchestrator', 'planner', 'langchain', 'autonomous'], [
    choice('autonomy', 'Autonomy', ['suggest-only', 'human-approval', 'fully-autonomous'], 'human-approval'),
    count('maxSteps', 'Step limit per task', 0, 10_000, 20),
    bool('canExecuteCode', 'Can execute code'),
  ]),
  type('tool-server', 'Tool / plugin / MCP server', 'process', 'agents', 'A capability an agent can invoke: API, plugin, MCP server.', ['mcp', 'plugin', 'function', 'tool'], [
    choice('toolKind', 'Kind', ['mcp-server', 'plugin', 'function', 'api']),
    choice('permissions', 'Permissions', ['read-only', 'read-write', 'privileged']),
    bool('sandboxed', 'Sandboxed'),
    authentication,
  ]),
  type('agent-memory', 'Agent memory store', 'store', 'agents', 'What an agent remembers across steps or sessions.', ['memory', 'conversation history', 'scratchpad'], [
    choice('persistence', 'Persistence', ['session', 'long-term', 'shared-across-users'], 'session'),
    encryptedAtRest,
    containsPii,
  ]),
  type('actor', 'User / actor', 'external', 'generic', 'A person or system that uses the AI system.', ['user', 'customer', 'person', 'human'], [
    choice('population', 'Who', ['public', 'customers', 'employees', 'partners'], 'customers'),
    bool('authenticated', 'Authenticated'),
  ]),
  type('operator', 'Operator / admin', 'external', 'generic', 'A person who runs, configures or administers the system.', ['admin', 'administrator', 'ops', 'sre'], [
    choice('privilege', 'Privilege', ['read-only', 'operator', 'administrator'], 'administrator'),
    bool('mfa', 'Uses multi-factor authentication', true),
  ]),
  type('generic-process', 'Process', 'process', 'generic', 'Any other running code or service.', ['service', 'application', 'app', 'backend'], []),
  type('generic-store', 'Data store', 'store', 'generic', 'Any other database, file or queue.', ['database', 'db', 'file', 'queue', 'cache'], [encryptedAtRest, accessControl]),
  type('generic-external', 'External entity', 'external', 'generic', 'Anything outside the system you do not control.', ['third party', 'partner', 'external'], []),
];

const byType = new Map(COMPONENT_TYPES.map((t) => [t.aiType, t]));

export function componentType(aiType: AiType): ComponentType {
  const found = byType.get(aiType);
  if (!found) throw new Error(`Unknown AI component type: ${aiType}`);
  return found;
}

export function defaultProperties(aiType: AiType): Properties {
  const props: Record<string, PropertyValue> = {};
  for (const def of componentType(aiType).properties) props[def.key] = def.default;
  return props;
}

/** Default node size by DFD kind; stores are flatter, like the classic parallel-line symbol. */
export function defaultNodeSize(kind: DfdKind): { width: number; height: number } {
  return kind === 'store' ? { width: 180, height: 64 } : { width: 180, height: 72 };
}

/** Palette search: matches label, keywords, summary and group, case-insensitively. */
export function searchComponentTypes(query: string): readonly ComponentType[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return COMPONENT_TYPES;
  return COMPONENT_TYPES.filter((t) => {
    const haystack = [t.label, t.aiType, t.group, t.summary, ...t.keywords].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
