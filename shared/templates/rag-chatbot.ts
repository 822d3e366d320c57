// Template: an internal assistant answering employees' questions from confidential documents.
import { TemplateBuilder } from './builder';
import { reviewTemplate } from './review';
import { cell, span } from './grid';

export function ragChatbot() {
  const t = new TemplateBuilder({
    id: 'rag-chatbot',
    title: 'RAG chatbot over confidential documents',
    summary: 'An internal assistant that answers employees from SharePoint and Confluence content through a hosted LLM.',
    icon: 'rag-retriever',
    description:
      'Employees ask questions in a web chat; the backend retrieves matching chunks of internal documents from a vector index and asks a hosted LLM to answer with citations. Documents are synchronised nightly from the collaboration suite.',
    owner: 'Knowledge assistant team',
    reviewers: ['Application security', 'Data protection officer'],
    scope: {
      inScope: 'The chat front end and backend, the guardrail, retrieval (retriever, embedding service, vector index), document synchronisation, the system prompt store, conversation logging, and the data sent to the LLM provider.',
      outOfScope: 'The collaboration suite itself and its permission model; the LLM provider’s internal infrastructure (covered by the vendor assessment); employee identity management (corporate SSO).',
      assumptions: 'Employees sign in through corporate SSO with MFA. The LLM provider does not retain prompts or train on them (contractual zero-retention). The vector index is reachable only inside the VPC.',
      businessObjectives: 'Cut time spent searching policies, contracts and runbooks; never show an employee a document they could not open themselves; keep confidential content inside contractually approved processors.',
    },
  });

  t.boundary('Employee devices', 'medium', span(0, 0, 0, 1), 'Managed laptops on the corporate network or VPN.', 'IT workplace');
  t.boundary('Document SaaS', 'medium', span(0, 3), 'SaaS tenant holding the source documents.', 'IT collaboration');
  t.boundary('Assistant VPC', 'high', span(1, 0, 2, 3), 'Private cloud network of the assistant; no inbound internet access except the HTTPS ingress.');
  t.boundary('LLM provider', 'low', span(3, 1), 'Hosted model endpoint of a third-party provider (private endpoint).', 'Vendor management');

  const employee = t.node('actor', 'Employee', cell(0, 0), { population: 'employees', authenticated: true });
  const ui = t.node('output-consumer', 'Chat UI (browser)', cell(0, 1), { rendersMarkup: true, executesOutput: false, humanReviewed: true }, {
    description: 'Single-page app that renders answers as Markdown with links to the cited documents.',
  });
  const prompts = t.node('prompt-store', 'System prompt store', cell(1, 0), { accessControl: 'role-based', versioned: true, containsSecrets: false });
  const backend = t.node('generic-process', 'Chat backend', cell(1, 1), {}, {
    description: 'Orchestrates a turn: checks the SSO session, retrieves context, builds the prompt, calls the LLM through the guardrail.',
  });
  const audit = t.node('monitoring', 'Conversation audit log', cell(2, 0), { logsPrompts: true, piiRedaction: false, alerting: true, retentionDays: 365 });
  const guard = t.node('guardrail', 'Prompt guard', cell(2, 1), { direction: 'both', technique: 'classifier', failMode: 'closed' }, {
    description: 'Screens prompts for injection and answers for leaked secrets and personal data; holds the LLM API key.',
  });
  const llm = t.node('llm', 'Hosted LLM', cell(3, 1), {
    hosting: 'third-party-api', provider: 'Azure OpenAI', modelName: 'gpt-4o', fineTuned: false, providerRetainsData: false, contextWindowTokens: 128000,
  }, { owner: 'Knowledge assistant team' });
  const retriever = t.node('rag-retriever', 'Document retriever', cell(1, 2), { documentLevelAcl: false, sourceTrust: 'mixed', topK: 8 }, {
    description: 'Hybrid search over the index. Queries run under the service account, not the asking employee.',
  });
  const index = t.node('vector-db', 'Document vector index', cell(2, 2), { encryptedAtRest: true, accessControl: 'role-based', tenantIsolation: 'none', containsPii: true });
  const sync = t.node('generic-process', 'Document sync job', cell(1, 3), {}, { description: 'Nightly job: fetches changed documents, splits them into chunks, sends them for embedding.' });
  const embed = t.node('embedding-model', 'Embedding service', cell(2, 3), { hosting: 'self-hosted', modelName: 'bge-large-en-v1.5' });
  const docs = t.node('data-source', 'Document repositories', cell(0, 3), { provenance: 'user-generated', integrityVerified: false, containsPii: true }, {
    description: 'SharePoint sites and Confluence spaces; any employee can create and edit pages, some spaces hold documents shared by partners.',
  });

  const internal = { protocol: 'gRPC', encrypted: true, authenticated: true } as const;
  t.flow(employee, ui, 'Types question, reads answer', { bidirectional: true });
  t.flow(ui, backend, 'Chat turn', { protocol: 'HTTPS', encrypted: true, authenticated: true, bidirectional: true, carries: ['pii'] });
  t.flow(prompts, backend, 'System prompt', { ...internal, carries: ['prompts'] });
  t.flow(backend, audit, 'Conversation record', { ...internal, carries: ['prompts', 'pii'] });
  t.flow(backend, guard, 'Prompt, answer', { ...internal, bidirectional: true, carries: ['prompts', 'pii'] });
  t.flow(guard, llm, 'Screened prompt', { protocol: 'HTTPS', encrypted: true, authenticated: true, bidirectional: true, carries: ['prompts', 'pii'] });
  t.flow(backend, retriever, 'Search query, context', { ...internal, bidirectional: true });
  t.flow(retriever, index, 'Similarity search', { ...internal, bidirectional: true });
  t.flow(retriever, embed, 'Query embedding', { ...internal, bidirectional: true });
  t.flow(docs, sync, 'Document changes', { protocol: 'HTTPS', encrypted: true, authenticated: true, publicNetwork: true, carries: ['pii'] });
  t.flow(sync, embed, 'Chunks to embed', internal);
  t.flow(embed, index, 'Chunks with vectors', internal);

  t.asset('Confidential documents', 'intellectual-property', [5, 4, 3], [docs, index], 'Contracts, HR policies, incident reports and designs, each readable only by the people the source permissions allow.');
  t.asset('Document chunks and embeddings', 'embeddings', [5, 4, 3], [index, embed], 'Indexed copies of the documents: reading them is reading the documents.');
  t.asset('System prompt', 'prompts', [3, 4, 3], [prompts], 'Instructions that keep answers grounded, cited and within policy.');
  t.asset('Employee conversations', 'pii', [4, 3, 2], [audit, backend], 'Questions and answers, which often contain personal and confidential details.');
  t.asset('LLM API credentials', 'credentials', [4, 4, 4], [guard], 'Key for the private LLM endpoint; abuse costs money and leaks prompts.');

  return reviewTemplate(t, {
    decisions: {
      'actor-denies-actions@Employee': { status: 'mitigated' },
      'output-cross-site-scripting@Chat UI (browser)': { status: 'mitigated' },
      'output-markup-exfiltration@Chat UI (browser)': { likelihood: 4, impact: 5 },
      'process-data-to-lower-trust@Chat backend': {
        dismiss: 'Answers go back to the employee who asked, over TLS. Showing them more than they may read is the permission-blind retrieval threat.',
      },
      'guardrail-availability@Prompt guard': {
        status: 'accepted',
        rationale: 'Failing closed is intended: the assistant is unavailable rather than unscreened while the guard is down. Employees can still search the repositories directly.',
        approver: 'Head of digital workplace',
        reviewBy: '2025-09-01',
      },
      'llm-system-prompt-extraction@Hosted LLM': { status: 'mitigated' },
      'rag-indirect-prompt-injection@Document retriever': { likelihood: 4, impact: 4 },
      'rag-permission-blind-retriever@Document retriever': { likelihood: 4, impact: 5 },
      'vectordb-permission-blind-retrieval@Document vector index': { likelihood: 4, impact: 5 },
      'vectordb-cross-tenant-leak@Document vector index': {
        status: 'not-applicable',
        reason: 'One company, one tenant: the index holds no other organisation’s data. Separation between departments is covered by the permission-blind retrieval threats.',
      },
      'process-input-tampering@Document sync job': {
        dismiss: 'The job copies documents as they are; tampered content is covered by the poisoning threats on Document repositories and Document vector index.',
      },
      'process-flooding@Document sync job': { dismiss: 'Batch job pulling on its own schedule: a flood of changed documents delays the nightly run and nothing else.' },
      'embedding-inversion@Embedding service': { likelihood: 2 },
      'data-source-spoofed-feed@Document repositories': { status: 'mitigated' },
      'flow-prompts-to-third-party-llm@Screened prompt': {
        status: 'transferred',
        reason: 'Handled under the data-processing agreement with the LLM provider (zero retention, EU data residency); vendor management reviews it every year.',
      },
    },
    mitigations: {
      'Restrict rendered URLs': { status: 'planned', dueDate: '2025-04-15' },
      'Filter retrieval by the caller\'s permissions': { status: 'in-progress', dueDate: '2025-05-30' },
      'Enforce document permissions at retrieval': { status: 'in-progress', dueDate: '2025-05-30' },
      'Redact before logging': { status: 'planned', dueDate: '2025-04-30' },
      'Cap tokens and time': { status: 'implemented' },
      'Screen retrieved content': { status: 'planned', dueDate: '2025-06-30' },
      'Re-rank and diversify results': {
        status: 'rejected',
        rejectionReason: 'Lowers answer quality on a small corpus; provenance filtering addresses the same risk.',
      },
    },
  });
}
