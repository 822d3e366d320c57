// Template: an engineering assistant agent that plans with an LLM, remembers, and acts through
// tools and MCP servers.
import { TemplateBuilder } from './builder';
import { cell, span } from './grid';
import { reviewTemplate } from './review';

export function llmAgent() {
  const t = new TemplateBuilder({
    id: 'llm-agent',
    title: 'LLM agent with tools, MCP servers and memory',
    summary: 'An operations assistant with long-term memory that acts through web search, MCP servers and a code sandbox, asking before it changes anything.',
    icon: 'agent',
    description:
      'Engineers hand the agent tasks such as “find why the nightly job failed and open a ticket”. The orchestrator plans with a hosted LLM, recalls earlier findings from its memory, and calls tools; actions that change something wait for the engineer’s approval in the chat.',
    owner: 'Developer productivity team',
    reviewers: ['Application security', 'Cloud security'],
    scope: {
      inScope: 'Chat front end, agent orchestrator, memory, trace log, the four tools and MCP servers, and what flows between them and the LLM provider.',
      outOfScope: 'The LLM provider’s infrastructure; the public web; the issue tracker SaaS itself; the cloud accounts the cloud-ops server manages (their own controls apply).',
      assumptions: 'Engineers sign in with SSO and MFA. The agent runs with its own service identities, one per tool. Approval prompts show the exact tool call before it runs.',
      businessObjectives: 'Halve time spent on routine triage; never let the agent change production without a named engineer approving; be able to reconstruct every action it took.',
    },
  });

  t.boundary('LLM provider', 'low', span(2, 0), 'Hosted model API of a third-party provider.', 'Vendor management');
  t.boundary('Agent platform', 'high', span(1, 1, 2, 2), 'Namespace running the orchestrator, its memory and traces.');
  t.boundary('Tool runtime', 'medium', span(3.5, 0, 3.5, 2), 'Sandboxed containers hosting first-party tools.', 'Platform engineering');
  t.boundary('Community MCP server', 'low', span(3.5, 3), 'Community MCP server installed from a public registry.', 'Platform engineering');

  const engineer = t.node('actor', 'Engineer', cell(0, 1), { population: 'employees', authenticated: true });
  const chat = t.node('generic-process', 'Chat front end', cell(1, 1), {}, { description: 'Web chat that shows the plan, streams results and asks for approvals.' });
  const agent = t.node('agent', 'Agent orchestrator', cell(2, 1), { autonomy: 'human-approval', maxSteps: 100, canExecuteCode: true }, {
    description: 'Plans with the LLM, calls tools, and pauses for approval before any write.',
  });
  const llm = t.node('llm', 'Hosted LLM', cell(2, 0), {
    hosting: 'third-party-api', provider: 'Anthropic', modelName: 'claude-sonnet', fineTuned: false, providerRetainsData: false, contextWindowTokens: 200000,
  }, { owner: 'Developer productivity team' });
  const traces = t.node('monitoring', 'Agent trace log', cell(1, 2), { logsPrompts: true, piiRedaction: true, alerting: false, retentionDays: 30 });
  const memory = t.node('agent-memory', 'Agent memory', cell(2, 2), { persistence: 'long-term', encryptedAtRest: true, containsPii: true }, {
    description: 'Vector memory of past tasks and findings, shared by one engineer’s sessions.',
  });
  const search = t.node('tool-server', 'Web search tool', cell(3.5, 0), { toolKind: 'api', permissions: 'read-only', sandboxed: true, authentication: 'api-key' });
  const tickets = t.node('tool-server', 'Ticketing MCP server', cell(3.5, 1), { toolKind: 'mcp-server', permissions: 'read-write', sandboxed: true, authentication: 'oauth' });
  const sandbox = t.node('tool-server', 'Code sandbox', cell(3.5, 2), { toolKind: 'function', permissions: 'read-write', sandboxed: true, authentication: 'mtls' }, {
    description: 'Ephemeral container without network access that runs Python the agent writes.',
  });
  const cloudOps = t.node('tool-server', 'Cloud ops MCP server', cell(3.5, 3), { toolKind: 'mcp-server', permissions: 'privileged', sandboxed: false, authentication: 'api-key' }, {
    description: 'Community server that lists and restarts cloud resources with a long-lived API key.',
  });
  const web = t.node('generic-external', 'Public web', cell(4.5, 0), {}, { owner: 'Developer productivity team' });
  const tracker = t.node('generic-external', 'Issue tracker', cell(4.5, 1), {}, { description: 'SaaS issue tracker; tickets are written by anyone in the company and by customers.', owner: 'Developer productivity team' });

  const internal = { protocol: 'HTTPS', encrypted: true, authenticated: true } as const;
  t.flow(engineer, chat, 'Task, result', { ...internal, bidirectional: true });
  t.flow(chat, agent, 'Task, approvals', { ...internal, bidirectional: true });
  t.flow(agent, llm, 'Plan prompts, completions', { ...internal, bidirectional: true, carries: ['prompts', 'pii'] });
  t.flow(agent, memory, 'Recall, remember', { ...internal, bidirectional: true, carries: ['pii'] });
  t.flow(agent, traces, 'Agent traces', { ...internal, carries: ['prompts', 'pii'] });
  t.flow(agent, search, 'Search query, results', { ...internal, bidirectional: true });
  t.flow(agent, tickets, 'Ticket actions', { protocol: 'MCP', encrypted: true, authenticated: true, bidirectional: true });
  t.flow(agent, sandbox, 'Code to run, output', { ...internal, bidirectional: true });
  t.flow(agent, cloudOps, 'Cloud operations', { protocol: 'MCP stdio', encrypted: false, authenticated: false, bidirectional: true, carries: ['secrets'] });
  t.flow(web, search, 'Web pages', { protocol: 'HTTPS', encrypted: true, publicNetwork: true });
  t.flow(tracker, tickets, 'Issue API', { ...internal, publicNetwork: true, bidirectional: true });

  t.asset('Cloud credentials', 'credentials', [5, 5, 3], [cloudOps], 'API key of the cloud-ops server: it can restart or delete production resources.');
  t.asset('Agent memory', 'pii', [4, 5, 3], [memory], 'What the agent learnt about systems and people; it shapes every later task.');
  t.asset('System prompt and tool policy', 'prompts', [3, 5, 3], [agent], 'Instructions that tell the agent what it may do and when to ask.');
  t.asset('Action history', 'custom', [3, 5, 3], [traces], 'The only record of what the agent did and who approved it.');

  return reviewTemplate(t, {
    decisions: {
      'process-input-tampering@Chat front end': { dismiss: 'Engineers type tasks; what those tasks can make the agent do is the goal-hijack threat on Agent orchestrator.' },
      'process-no-audit-trail@Chat front end': { dismiss: 'Every task and approval is recorded by the orchestrator in Agent trace log.' },
      'process-flooding@Chat front end': { status: 'mitigated' },
      'agent-goal-hijack@Agent orchestrator': { likelihood: 4, impact: 5 },
      'agent-code-execution@Agent orchestrator': { status: 'mitigated' },
      'agent-spoofed-peer@Agent orchestrator': { likelihood: 2, impact: 5 },
      'agent-exfiltration-via-tools@Agent orchestrator': { likelihood: 4, impact: 4 },
      'llm-system-prompt-extraction@Hosted LLM': {
        status: 'accepted',
        rationale: 'The system prompt describes tools and approval rules but holds no secrets; users are employees, and the same information is in the internal wiki.',
        approver: 'Engineering manager, developer productivity',
        reviewBy: '2025-09-01',
      },
      'memory-persistent-poisoning@Agent memory': { likelihood: 3, impact: 5 },
      'tool-credential-harvesting@Web search tool': {
        status: 'not-applicable',
        reason: 'The search API key is held by the tool container, never passed to the agent, and can only run searches.',
      },
      'tool-poisoned-definition@Cloud ops MCP server': { likelihood: 3, impact: 5 },
      'external-impersonation@Public web': { dismiss: 'Anyone can publish on the web; what pages contain is the poisoned-results threat on Web search tool.' },
      'external-denies-sending@Public web': { dismiss: 'Nothing relies on the web standing behind what it says.' },
      'external-denies-sending@Issue tracker': { dismiss: 'The tracker keeps its own history of who wrote each ticket.' },
      'flow-prompts-to-third-party-llm@Plan prompts, completions': {
        status: 'transferred',
        reason: 'Covered by the enterprise agreement with the LLM provider (no training on our data, 30-day abuse retention); vendor management reviews it yearly.',
      },
      'flow-unauthenticated-into-higher-trust@Web pages': { dismiss: 'Public pages cannot be fetched with authentication; their content is the poisoned-results threat.' },
    },
    mitigations: {
      'Sandbox code execution': { status: 'verified' },
      'Require human approval for consequential actions': { status: 'implemented' },
      'Restrict tool use after reading untrusted data': { status: 'planned', dueDate: '2025-05-15' },
      'Pin and review tool versions': { status: 'in-progress', dueDate: '2025-03-31' },
      'Keep credentials out of the agent': { status: 'planned', dueDate: '2025-04-30' },
      'Budget steps, time and cost': { status: 'planned', dueDate: '2025-04-15' },
      'Harden agent memory': { status: 'planned', dueDate: '2025-06-30' },
    },
  });
}
