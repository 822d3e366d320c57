// Template: a bank's customer-facing assistant that answers, looks up accounts and prepares transfers.
import { TemplateBuilder } from './builder';
import { cell, span } from './grid';
import { reviewTemplate } from './review';

export function financialAssistant() {
  const t = new TemplateBuilder({
    id: 'financial-assistant',
    title: 'Customer-facing LLM financial assistant',
    summary: 'A mobile-banking assistant on a fine-tuned, bank-hosted LLM that explains products, looks up balances and prepares transfers the customer confirms.',
    icon: 'llm',
    description:
      'Customers chat with the assistant in the mobile app. The orchestrator screens every prompt and answer, retrieves product documentation, reads accounts with the customer’s own delegated token and prepares transfers that the customer must confirm with a second factor. Every conversation is archived for compliance.',
    owner: 'Digital banking AI team',
    reviewers: ['Application security', 'Compliance', 'Model risk management'],
    scope: {
      inScope: 'The assistant in the mobile app, orchestrator, safety filter, bank-hosted LLM, product retrieval, conversation memory, account and payment tools, and the compliance archive.',
      outOfScope: 'Mobile app login and device binding (existing controls); the core banking systems behind the tools; the model’s original pre-training.',
      assumptions: 'The customer is logged in with device binding and biometrics. Tools act with the customer’s delegated OAuth token, never a service-wide one. Transfers need confirmation with a second factor outside the chat.',
      businessObjectives: 'Answer routine questions without waiting for an agent; never give personalised investment advice; never move money without the customer’s explicit confirmation; meet record-keeping duties for customer communications.',
    },
  });

  t.boundary('Customer device', 'low', span(0, 1, 1, 1), 'The customer’s phone running the banking app.', 'Mobile banking team');
  t.boundary('Assistant platform', 'high', { x: 820, y: 60, width: 1080, height: 880 }, 'Bank data centre hosting the assistant and its model.');
  t.boundary('Payments zone', 'privileged', span(3, 3), 'Network segment allowed to initiate payments.', 'Payments engineering');

  const customer = t.node('actor', 'Bank customer', cell(0, 1), { population: 'customers', authenticated: true });
  const app = t.node('output-consumer', 'Mobile banking app', cell(1, 1), { rendersMarkup: true, executesOutput: false, humanReviewed: false }, {
    description: 'Renders answers as formatted text with links; shows transfer confirmations.',
  });
  const prompts = t.node('prompt-store', 'Assistant instructions', cell(2, 0), { accessControl: 'role-based', versioned: true, containsSecrets: false });
  const filter = t.node('guardrail', 'Safety and compliance filter', cell(3, 0), { direction: 'both', technique: 'llm-judge', failMode: 'closed' }, {
    description: 'Blocks jailbreaks, advice the bank may not give, and other customers’ data in answers.',
  });
  const llm = t.node('llm', 'Bank-hosted LLM', cell(4, 0), {
    hosting: 'self-hosted', provider: 'In-house', modelName: 'Llama 3.1 70B, fine-tuned', fineTuned: true, providerRetainsData: false, contextWindowTokens: 128000,
  }, { description: 'Fine-tuned on anonymised support transcripts.' });
  const agent = t.node('agent', 'Assistant orchestrator', cell(2, 1), { autonomy: 'human-approval', maxSteps: 12, canExecuteCode: false });
  const retriever = t.node('rag-retriever', 'Product retriever', cell(3, 1), { documentLevelAcl: true, sourceTrust: 'curated', topK: 5 });
  const index = t.node('vector-db', 'Product docs index', cell(4, 1), { encryptedAtRest: true, accessControl: 'role-based', tenantIsolation: 'namespace', containsPii: false });
  const memory = t.node('agent-memory', 'Conversation memory', cell(2, 2), { persistence: 'session', encryptedAtRest: true, containsPii: true });
  const accounts = t.node('tool-server', 'Accounts tool', cell(3, 2), { toolKind: 'api', permissions: 'read-only', sandboxed: true, authentication: 'oauth' });
  const archive = t.node('monitoring', 'Compliance archive', cell(4, 2), { logsPrompts: true, piiRedaction: false, alerting: true, retentionDays: 2555 }, {
    description: 'Write-once archive of every conversation, kept for the regulatory retention period.',
  });
  const payments = t.node('tool-server', 'Payments tool', cell(3, 3), { toolKind: 'api', permissions: 'privileged', sandboxed: false, authentication: 'oauth' }, {
    description: 'Prepares a transfer; the bank’s payment system executes it only after the customer confirms.',
  });

  const internal = { protocol: 'HTTPS', encrypted: true, authenticated: true } as const;
  t.flow(customer, app, 'Chat, advice', { authenticated: true, bidirectional: true });
  t.flow(app, agent, 'Chat session', { ...internal, publicNetwork: true, bidirectional: true, carries: ['pii'] });
  t.flow(prompts, agent, 'System prompt', { ...internal, carries: ['prompts'] });
  t.flow(agent, filter, 'Prompt, draft answer', { ...internal, bidirectional: true, carries: ['prompts', 'pii'] });
  t.flow(filter, llm, 'Screened prompt, completion', { ...internal, bidirectional: true, carries: ['prompts', 'pii'] });
  t.flow(agent, retriever, 'Product question, passages', { ...internal, bidirectional: true });
  t.flow(retriever, index, 'Passage search', { ...internal, bidirectional: true });
  t.flow(agent, memory, 'Session context', { ...internal, bidirectional: true, carries: ['pii'] });
  t.flow(agent, accounts, 'Balance lookup', { ...internal, bidirectional: true, carries: ['pii'] });
  t.flow(agent, payments, 'Transfer request', { ...internal, bidirectional: true, carries: ['pii'] });
  t.flow(agent, archive, 'Conversation record', { ...internal, carries: ['prompts', 'pii'] });

  t.asset('Customer financial data', 'pii', [5, 5, 4], [accounts, memory, archive], 'Balances, transactions and payees of the customer in the conversation.');
  t.asset('Payment initiation', 'infrastructure', [3, 5, 4], [payments], 'The ability to prepare transfers on a customer’s behalf.');
  t.asset('Fine-tuned model', 'model-weights', [4, 5, 4], [llm], 'Tuned on support transcripts; may have memorised fragments of them.');
  t.asset('Assistant instructions', 'prompts', [3, 5, 3], [prompts], 'The rules that keep the assistant within regulated boundaries.');

  return reviewTemplate(t, {
    decisions: {
      'output-markup-exfiltration@Mobile banking app': { status: 'mitigated' },
      'output-cross-site-scripting@Mobile banking app': { status: 'mitigated' },
      'output-unreviewed-integrity@Mobile banking app': { likelihood: 4, impact: 4 },
      'guardrail-availability@Safety and compliance filter': {
        status: 'accepted',
        rationale: 'The filter fails closed: while it is slow or down, the assistant hands over to human agents. Availability of the assistant is not a regulatory requirement.',
        approver: 'Head of digital channels',
        reviewBy: '2025-12-31',
      },
      'llm-prompt-injection@Bank-hosted LLM': { likelihood: 4, impact: 4 },
      'llm-fine-tuned-regurgitation@Bank-hosted LLM': { likelihood: 2, impact: 5 },
      'agent-exfiltration-via-tools@Assistant orchestrator': { likelihood: 2, impact: 5 },
      'monitoring-prompts-unredacted@Compliance archive': {
        status: 'not-applicable',
        reason: 'Record-keeping rules require the full conversation. The archive is write-once, encrypted and readable only by compliance; this is its purpose, not a leak.',
      },
      'tool-unsandboxed-write@Payments tool': { likelihood: 2, impact: 5 },
      'tool-data-collection@Payments tool': { dismiss: 'The tool sees only the payee and amount the customer gave; account data is read by Accounts tool, recorded there.' },
      'flow-agent-privileged-tool-call@Transfer request': { likelihood: 3, impact: 5 },
    },
    mitigations: {
      'Require human approval for consequential actions': { status: 'verified' },
      'Limit tool permissions': { status: 'implemented' },
      'Restrict rendered URLs': { status: 'implemented' },
      'Review consequential outputs': {
        status: 'rejected',
        rejectionReason: 'A human reviewing every answer defeats the purpose; answers are limited to product information and the filter blocks personalised advice instead.',
      },
      'Filter regurgitated data': { status: 'in-progress', dueDate: '2025-04-30' },
      'Restrict tool use after reading untrusted data': { status: 'planned', dueDate: '2025-05-31' },
      'Detect probing': { status: 'planned', dueDate: '2025-06-30' },
      'Clean fine-tuning data': { status: 'implemented' },
      'Add input and output guardrails': { status: 'implemented' },
      'Redact before logging': { status: 'rejected', rejectionReason: 'Record-keeping rules require the complete conversation; the archive is protected instead.' },
    },
  });
}
