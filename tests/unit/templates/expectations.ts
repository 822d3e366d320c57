// What an experienced reviewer expects of each template, written down independently of the
// builders: the threats the engine must suggest (by rule and element name) and where every node
// belongs (the innermost trust boundary around it; nodes not listed sit outside every box).
export interface TemplateExpectation {
  /** `ruleId@element name` — each must be suggested and recorded as a threat. */
  readonly threats: readonly string[];
  /** Boundary name → the nodes whose innermost box it is. */
  readonly zones: Readonly<Record<string, readonly string[]>>;
  readonly outside: readonly string[];
}

export const EXPECTED: Readonly<Record<string, TemplateExpectation>> = {
  'sentiment-api': {
    threats: [
      'inference-evasion-inputs@Sentiment API',
      'inference-confidence-leakage@Sentiment API',
      'inference-stolen-api-key@Sentiment API',
      'data-source-open-collection-poisoning@Public product reviews',
      'flow-training-data-from-external@Scraped reviews',
      'labeling-label-flipping@Annotation team',
      'registry-unsafe-deserialisation@Model registry',
      'flow-model-output-feedback-into-training@Corrected labels',
      'output-unreviewed-integrity@Support ticket router',
    ],
    zones: {
      'Serving cluster': ['Sentiment API', 'Drift and usage monitor'],
      'Support systems': ['Support ticket router'],
      'ML training environment': ['Model registry', 'Weekly training job', 'Labelled review corpus'],
      'Annotation vendor': ['Annotation team'],
    },
    outside: ['Partner application', 'Public product reviews'],
  },
  'content-moderation': {
    threats: [
      'inference-evasion-inputs@Moderation API',
      'inference-unbounded-consumption@Moderation API',
      'training-tainted-base-model@Fine-tuning job',
      'hub-unverified-poisoned-model@Public model hub',
      'hub-unpinned-model@Public model hub',
      'flow-model-output-feedback-into-training@Verdict labels',
      'registry-unsigned-artifacts@Model registry',
      'process-flooding@Web app',
    ],
    zones: {
      'Production platform': ['Web app', 'Upload storage', 'Moderation API', 'Moderator console'],
      'Moderator devices': ['Trust and safety moderator'],
      'ML environment': ['Model registry', 'Fine-tuning job', 'Labelled image set'],
    },
    outside: ['Community member', 'Image CDN', 'Public model hub'],
  },
  'fraud-detection-api': {
    threats: [
      'inference-black-box-evasion@Fraud scoring service',
      'inference-confidence-leakage@Fraud scoring service',
      'inference-stolen-client-credentials@Fraud scoring service',
      'data-source-unverified-partner-tampering@Chargeback feed',
      'flow-training-data-from-external@Chargeback labels',
      'feature-store-feedback-loop-skew@Online feature store',
      'external-denies-sending@Merchant backend',
    ],
    zones: {
      'API edge': ['API gateway', 'Authorization server'],
      'Scoring zone': ['Fraud scoring service', 'Decision audit log', 'Online feature store'],
      'Fraud operations': ['Fraud analyst', 'Case management'],
      'ML environment': ['Transaction data lake', 'Monthly training pipeline', 'Model registry'],
    },
    outside: ['Merchant backend', 'Chargeback feed'],
  },
  'rag-chatbot': {
    threats: [
      // Indirect prompt injection through retrieved documents.
      'rag-indirect-prompt-injection@Document retriever',
      // Vector-store poisoning, through the documents anyone can edit.
      'vectordb-rag-poisoning@Document vector index',
      'data-source-open-collection-poisoning@Document repositories',
      // Permission-blind retrieval.
      'rag-permission-blind-retriever@Document retriever',
      'vectordb-permission-blind-retrieval@Document vector index',
      // System prompt leakage, sensitive data in responses, unbounded consumption.
      'llm-system-prompt-extraction@Hosted LLM',
      'llm-sensitive-information-disclosure@Hosted LLM',
      'llm-unbounded-consumption@Hosted LLM',
      // Exfiltration through rendered links, data sent to the provider, prompts in logs.
      'output-markup-exfiltration@Chat UI (browser)',
      'flow-prompts-to-third-party-llm@Screened prompt',
      'monitoring-prompts-unredacted@Conversation audit log',
    ],
    zones: {
      'Employee devices': ['Employee', 'Chat UI (browser)'],
      'Document SaaS': ['Document repositories'],
      'Assistant VPC': [
        'System prompt store',
        'Chat backend',
        'Conversation audit log',
        'Prompt guard',
        'Document retriever',
        'Document vector index',
        'Document sync job',
        'Embedding service',
      ],
      'LLM provider': ['Hosted LLM'],
    },
    outside: [],
  },
  'llm-agent': {
    threats: [
      'agent-goal-hijack@Agent orchestrator',
      'tool-poisoned-results@Web search tool',
      'tool-poisoned-results@Ticketing MCP server',
      'tool-poisoned-definition@Cloud ops MCP server',
      'tool-unsandboxed-write@Cloud ops MCP server',
      'tool-credential-harvesting@Cloud ops MCP server',
      'flow-agent-privileged-tool-call@Cloud operations',
      'flow-secrets-into-model-context@Cloud operations',
      'memory-persistent-poisoning@Agent memory',
      'agent-exfiltration-via-tools@Agent orchestrator',
      'agent-code-execution@Agent orchestrator',
      'agent-runaway-loop@Agent orchestrator',
      'llm-system-prompt-extraction@Hosted LLM',
    ],
    zones: {
      'LLM provider': ['Hosted LLM'],
      'Agent platform': ['Chat front end', 'Agent orchestrator', 'Agent trace log', 'Agent memory'],
      'Tool runtime': ['Web search tool', 'Ticketing MCP server', 'Code sandbox'],
      'Community MCP server': ['Cloud ops MCP server'],
    },
    outside: ['Engineer', 'Public web', 'Issue tracker'],
  },
  'financial-assistant': {
    threats: [
      'llm-prompt-injection@Bank-hosted LLM',
      'guardrail-classifier-evasion@Safety and compliance filter',
      'llm-sensitive-information-disclosure@Bank-hosted LLM',
      'llm-fine-tuned-regurgitation@Bank-hosted LLM',
      'llm-system-prompt-extraction@Bank-hosted LLM',
      'llm-unbounded-consumption@Bank-hosted LLM',
      // Misinformation (OWASP LLM09) acted on by customers.
      'output-unreviewed-integrity@Mobile banking app',
      'output-markup-exfiltration@Mobile banking app',
      'agent-goal-hijack@Assistant orchestrator',
      // Excessive agency: the assistant can prepare payments.
      'flow-agent-privileged-tool-call@Transfer request',
    ],
    zones: {
      'Customer device': ['Bank customer', 'Mobile banking app'],
      'Assistant platform': [
        'Assistant instructions',
        'Safety and compliance filter',
        'Bank-hosted LLM',
        'Assistant orchestrator',
        'Product retriever',
        'Product docs index',
        'Conversation memory',
        'Accounts tool',
        'Compliance archive',
      ],
      'Payments zone': ['Payments tool'],
    },
    outside: [],
  },
  'mlops-platform': {
    threats: [
      'registry-unsafe-deserialisation@Model registry',
      'registry-unsigned-artifacts@Model registry',
      'cicd-unpinned-dependencies@CI/CD pipeline',
      'cicd-deploys-to-production@CI/CD pipeline',
      'notebook-credentials-stored@Notebook server',
      'notebook-unreviewed-promotion@Notebook server',
      'training-shared-compute@Shared training cluster',
      'training-tainted-base-model@Shared training cluster',
      'training-credentials-in-job@Shared training cluster',
      'dataset-untraceable-changes@Data lake',
      'monitoring-no-alerting@Model monitoring',
    ],
    zones: {
      'Developer workspace': ['Notebook server', 'Source repository'],
      'Build system': ['CI/CD pipeline'],
      'ML platform': ['Shared training cluster', 'Model registry', 'Data lake', 'Feature store'],
      'Production serving': ['Model serving', 'Model monitoring'],
    },
    outside: ['Data scientist', 'Public package index', 'Public model hub', 'Product services'],
  },
  'fine-tuning-pipeline': {
    threats: [
      'training-tainted-base-model@Fine-tuning job',
      'hub-pickle-model@Public model hub',
      'hub-unverified-poisoned-model@Public model hub',
      'labeling-label-flipping@Preference labellers',
      'flow-training-data-to-lower-trust@Training data upload',
      'flow-training-data-to-lower-trust@Answer pairs, rankings',
      'flow-model-weights-leave-boundary@Tuned weights',
      'llm-fine-tuned-regurgitation@Support reply model',
      'training-not-reproducible@Fine-tuning job',
      'notebook-broad-access@Experiment tracker',
    ],
    zones: {
      'Data platform': ['Support transcripts', 'PII scrubbing job', 'Curated training set'],
      'Labelling vendor': ['Preference labellers'],
      'GPU cloud tenancy': ['Fine-tuning job'],
      'Tracking SaaS': ['Experiment tracker'],
      'Model serving': ['Support reply model', 'Model registry', 'Evaluation harness'],
      'Support desk': ['Support agent'],
    },
    outside: ['Public model hub'],
  },
};
