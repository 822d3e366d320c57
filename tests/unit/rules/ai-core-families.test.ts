// Each rule family of the bundled pack on a document where every rule of the family fires, and on a
// hardened version of it where they stay quiet (except rules that apply to the component regardless).
import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../../shared/model';
import { bundledRules, evaluateRules } from '../../../shared/rules';
import { build } from './fixtures';

const rules = bundledRules();

interface FamilyCase {
  /** Every rule of the family fires somewhere in this document. */
  readonly positive: () => ModelDocument;
  /** A hardened version: only these (often none) of the family's rules fire. */
  readonly negative: () => ModelDocument;
  readonly stillFires?: readonly string[];
}

const familyIds = (family: string) => rules.filter((r) => r.family === family).map((r) => r.id);
const fired = (doc: ModelDocument, family: string) => {
  const ids = new Set(evaluateRules(doc, rules).map((s) => s.ruleId));
  return familyIds(family).filter((id) => ids.has(id));
};

const FAMILIES: Record<string, FamilyCase> = {
  data: {
    positive: () => {
      const b = build();
      b.node('data-source', 'Scraper', { provenance: 'public-web', integrityVerified: false });
      b.node('data-source', 'Partner feed', { provenance: 'partner', integrityVerified: false });
      const raw = b.node('raw-dataset', 'Lake', { accessControl: 'shared-credentials', containsPii: true, encryptedAtRest: false, versioned: false });
      const lab = b.node('labeling-service', 'Crowd labels', { workforce: 'crowd', qualityReview: false });
      const fs = b.node('feature-store', 'Features', { accessControl: 'none', containsPii: true, encryptedAtRest: false, onlineServing: true });
      const user = b.node('actor', 'Shopper');
      b.flow(raw, lab, { carries: ['pii'] });
      b.flow(user, fs, { name: 'Clicks' });
      return b.doc();
    },
    negative: () => {
      const b = build();
      b.node('data-source', 'Own sensors', { provenance: 'first-party', integrityVerified: true });
      const raw = b.node('raw-dataset', 'Lake', { accessControl: 'role-based', containsPii: true, encryptedAtRest: true, versioned: true, provenanceTracked: true });
      const lab = b.node('labeling-service', 'Labels', { workforce: 'internal', qualityReview: true });
      const train = b.node('training-pipeline', 'Feature job');
      const fs = b.node('feature-store', 'Features', { accessControl: 'role-based', containsPii: false, onlineServing: false });
      b.flow(raw, lab, { carries: ['pii'] });
      b.flow(train, fs);
      return b.doc();
    },
  },
  training: {
    positive: () => {
      const b = build();
      const hub = b.node('model-hub', 'Hub', { pinnedRevision: true, signatureVerified: true });
      const raw = b.node('raw-dataset', 'Lake');
      const train = b.node('training-pipeline', 'Fine-tune', { dataValidation: false, isolatedCompute: false, reproducible: false });
      const nb = b.node('experiment-tracking', 'Notebooks', { secretsInNotebooks: true, notebookAccess: 'public-link' });
      const reg = b.node('model-registry', 'Registry');
      const ci = b.node('cicd-pipeline', 'CI', { pinnedDependencies: false, secretsManagement: 'plaintext', signedBuilds: false });
      b.flow(hub, train);
      b.flow(raw, train, { carries: ['pii', 'secrets'] });
      b.flow(hub, nb);
      b.flow(nb, reg);
      b.flow(ci, reg);
      return b.doc();
    },
    negative: () => {
      const b = build();
      const raw = b.node('raw-dataset', 'Lake');
      const train = b.node('training-pipeline', 'Train', { dataValidation: true, isolatedCompute: true, reproducible: true });
      const nb = b.node('experiment-tracking', 'Notebooks', { secretsInNotebooks: false, notebookAccess: 'individual' });
      const ci = b.node('cicd-pipeline', 'CI', { pinnedDependencies: true, secretsManagement: 'vault', signedBuilds: true });
      const app = b.node('generic-process', 'Docs site');
      b.flow(raw, train, { carries: ['training-data'] });
      b.flow(nb, train);
      b.flow(ci, app);
      return b.doc();
    },
  },
  models: {
    positive: () => {
      const b = build();
      const hub = b.node('model-hub', 'Hub', { pinnedRevision: false, signatureVerified: false, serializationFormat: 'pickle' });
      const reg = b.node('model-registry', 'Registry', { serializationFormat: 'pickle', signedArtifacts: false, accessControl: 'shared-credentials' });
      b.flow(hub, reg);
      return b.doc();
    },
    negative: () => {
      const b = build();
      const hub = b.node('model-hub', 'Hub', { pinnedRevision: true, signatureVerified: true, serializationFormat: 'safetensors' });
      const reg = b.node('model-registry', 'Registry', { serializationFormat: 'safetensors', signedArtifacts: true, accessControl: 'role-based', encryptedAtRest: true });
      b.flow(hub, reg);
      return b.doc();
    },
  },
  serving: {
    positive: () => {
      const b = build();
      b.node('inference-api', 'Open API', { authentication: 'none', inputValidation: false, returnsConfidenceScores: true, rateLimited: false, exposure: 'internet' });
      b.node('inference-api', 'Keyed API', { authentication: 'api-key', exposure: 'internet' });
      b.node('inference-api', 'Partner API', { authentication: 'oauth', inputValidation: true, rateLimited: true, exposure: 'partner' });
      return b.doc();
    },
    negative: () => {
      const b = build();
      b.node('inference-api', 'API', { authentication: 'oauth', rateLimited: true, inputValidation: true, exposure: 'internal', returnsConfidenceScores: false });
      return b.doc();
    },
  },
  llm: {
    positive: () => {
      const b = build();
      const prompts = b.node('prompt-store', 'Prompts');
      const llm = b.node('llm', 'Assistant', { fineTuned: true, hosting: 'third-party-api', providerRetainsData: true });
      const out = b.node('output-consumer', 'Portal', { humanReviewed: false });
      b.flow(prompts, llm);
      b.flow(llm, out);
      return b.doc();
    },
    negative: () => {
      const b = build();
      const guard = b.node('guardrail', 'Guard');
      const llm = b.node('llm', 'Assistant', { fineTuned: false, hosting: 'self-hosted', providerRetainsData: false });
      const out = b.node('output-consumer', 'Analyst', { humanReviewed: true });
      b.flow(guard, llm);
      b.flow(llm, out);
      return b.doc();
    },
    // Every LLM can be injected, can disclose what is in its context and costs money per call.
    stillFires: ['llm-prompt-injection', 'llm-sensitive-information-disclosure', 'llm-unbounded-consumption'],
  },
  rag: {
    positive: () => {
      const b = build();
      const hub = b.node('model-hub', 'Hub');
      const emb = b.node('embedding-model', 'Embedder', { hosting: 'third-party-api' });
      const vdb = b.node('vector-db', 'Index', { accessControl: 'none', tenantIsolation: 'none', containsPii: true, encryptedAtRest: false });
      const src = b.node('data-source', 'Wiki export');
      const ret = b.node('rag-retriever', 'Retriever', { sourceTrust: 'open-web', documentLevelAcl: false, topK: 100 });
      b.flow(hub, emb);
      b.flow(emb, vdb);
      b.flow(src, vdb, { carries: ['secrets'] });
      b.flow(vdb, ret);
      return b.doc();
    },
    negative: () => {
      const b = build();
      const emb = b.node('embedding-model', 'Classifier embedder', { hosting: 'self-hosted' });
      const store = b.node('generic-store', 'Scores');
      const ingest = b.node('generic-process', 'Ingest');
      const vdb = b.node('vector-db', 'Index', { accessControl: 'role-based', tenantIsolation: 'per-tenant-index', containsPii: false, encryptedAtRest: true });
      const ret = b.node('rag-retriever', 'Retriever', { sourceTrust: 'curated', documentLevelAcl: true, topK: 5 });
      b.flow(emb, store);
      b.flow(ingest, vdb, { carries: ['training-data'] });
      b.flow(vdb, ret);
      return b.doc();
    },
  },
  prompts: {
    positive: () => {
      const b = build();
      b.node('prompt-store', 'Prompts', { containsSecrets: true, accessControl: 'shared-credentials', versioned: false });
      return b.doc();
    },
    negative: () => {
      const b = build();
      b.node('prompt-store', 'Prompts', { containsSecrets: false, accessControl: 'role-based', versioned: true });
      return b.doc();
    },
  },
  agent: {
    positive: () => {
      const b = build();
      const user = b.node('actor', 'User');
      const a1 = b.node('agent', 'Autopilot', { autonomy: 'fully-autonomous', canExecuteCode: true, maxSteps: 0 });
      const a2 = b.node('agent', 'Helper', { autonomy: 'human-approval', canExecuteCode: true });
      const tool = b.node('tool-server', 'Files', { permissions: 'read-write' });
      b.flow(user, a1, { carries: ['pii'] });
      b.flow(a1, tool);
      b.flow(a1, a2, { authenticated: true });
      b.flow(a2, a1);
      return b.doc();
    },
    negative: () => {
      const b = build();
      const user = b.node('actor', 'User');
      const a = b.node('agent', 'Assistant', { autonomy: 'human-approval', canExecuteCode: false, maxSteps: 20 });
      const tool = b.node('tool-server', 'Search', { permissions: 'read-only' });
      const mon = b.node('monitoring', 'Traces');
      b.flow(user, a, { authenticated: true });
      b.flow(a, tool, { authenticated: true });
      b.flow(a, mon, { authenticated: true });
      return b.doc();
    },
    stillFires: ['agent-goal-hijack'],
  },
  tool: {
    positive: () => {
      const b = build();
      const web = b.node('generic-external', 'Web');
      const t1 = b.node('tool-server', 'Shell MCP', { authentication: 'none', toolKind: 'mcp-server', sandboxed: false, permissions: 'privileged' });
      b.node('tool-server', 'CRM', { authentication: 'api-key', toolKind: 'api', permissions: 'read-only' });
      b.flow(web, t1);
      return b.doc();
    },
    negative: () => {
      const b = build();
      const a = b.node('agent', 'Agent');
      const t = b.node('tool-server', 'Calculator', { authentication: 'mtls', toolKind: 'function', sandboxed: true, permissions: 'read-only' });
      b.flow(a, t);
      return b.doc();
    },
  },
  'agent-memory': {
    positive: () => {
      const b = build();
      b.node('agent-memory', 'Shared memory', { persistence: 'shared-across-users', containsPii: true, encryptedAtRest: false });
      return b.doc();
    },
    negative: () => {
      const b = build();
      b.node('agent-memory', 'Scratchpad', { persistence: 'session', containsPii: true, encryptedAtRest: true });
      return b.doc();
    },
  },
  guardrail: {
    positive: () => {
      const b = build();
      b.node('guardrail', 'Keyword filter', { failMode: 'open', technique: 'rules', direction: 'input' });
      b.node('guardrail', 'Judge', { technique: 'llm-judge' });
      return b.doc();
    },
    negative: () => {
      const b = build();
      b.node('guardrail', 'Classifier', { failMode: 'closed', technique: 'classifier', direction: 'both' });
      return b.doc();
    },
    // Any classifier can be probed and evaded, and a fail-closed filter is a way to stop the service.
    stillFires: ['guardrail-classifier-evasion', 'guardrail-availability'],
  },
  output: {
    positive: () => {
      const b = build();
      const llm = b.node('llm', 'Model');
      const out = b.node('output-consumer', 'Chat UI', { rendersMarkup: true, executesOutput: true, humanReviewed: false });
      b.flow(llm, out);
      return b.doc();
    },
    negative: () => {
      const b = build();
      const llm = b.node('llm', 'Model');
      const out = b.node('output-consumer', 'Report', { rendersMarkup: false, executesOutput: false, humanReviewed: true });
      b.flow(llm, out);
      return b.doc();
    },
  },
  monitoring: {
    positive: () => {
      const b = build();
      const app = b.node('generic-process', 'App');
      const mon = b.node('monitoring', 'Logs', { logsPrompts: true, piiRedaction: false, alerting: false, retentionDays: 3 });
      b.flow(app, mon);
      return b.doc();
    },
    negative: () => {
      const b = build();
      const app = b.node('generic-process', 'App');
      const mon = b.node('monitoring', 'Logs', { logsPrompts: true, piiRedaction: true, alerting: true, retentionDays: 365 });
      b.flow(app, mon, { authenticated: true });
      return b.doc();
    },
  },
  people: {
    positive: () => {
      const b = build();
      const user = b.node('actor', 'Visitor', { population: 'public', authenticated: false });
      const llm = b.node('llm', 'Chat');
      b.node('operator', 'Admin', { mfa: false, privilege: 'administrator' });
      b.flow(user, llm);
      return b.doc();
    },
    negative: () => {
      const b = build();
      const user = b.node('actor', 'Staff', { population: 'employees', authenticated: true });
      const app = b.node('generic-process', 'Intranet');
      b.node('operator', 'Auditor', { mfa: true, privilege: 'read-only' });
      b.flow(user, app, { authenticated: true });
      return b.doc();
    },
  },
  generic: {
    positive: () => {
      const b = build();
      const ext = b.node('generic-external', 'Partner', {}, { at: { x: 0, y: 0 } });
      const proc = b.node('generic-process', 'Orders', {}, { at: { x: 400, y: 0 } });
      const store = b.node('generic-store', 'Orders DB', { accessControl: 'none', encryptedAtRest: false }, { at: { x: 800, y: 0 } });
      b.box('App zone', 'high', proc, store);
      b.flow(ext, proc, { publicNetwork: true, encrypted: true });
      b.flow(proc, ext, { carries: ['pii'], authenticated: true, encrypted: true });
      b.flow(ext, store, { encrypted: true });
      return b.doc();
    },
    negative: () => {
      const b = build();
      const ext = b.node('generic-external', 'Partner', {}, { at: { x: 0, y: 0 } });
      const proc = b.node('generic-process', 'Orders', {}, { at: { x: 400, y: 0 } });
      const store = b.node('generic-store', 'Orders DB', { accessControl: 'role-based', encryptedAtRest: true }, { at: { x: 800, y: 0 } });
      const mon = b.node('monitoring', 'Audit log', {}, { at: { x: 1200, y: 0 } });
      b.box('App zone', 'high', ext, proc, store, mon);
      b.flow(ext, proc, { authenticated: true, encrypted: true });
      b.flow(proc, store, { authenticated: true, encrypted: true });
      b.flow(proc, mon, { authenticated: true });
      b.flow(store, mon, { authenticated: true });
      return b.doc();
    },
  },
  'boundary-flow': {
    positive: () => {
      const b = build();
      const api = b.node('inference-api', 'Scoring API', {}, { at: { x: 0, y: 0 } });
      const reg = b.node('model-registry', 'Registry', {}, { at: { x: 300, y: 0 } });
      const train = b.node('training-pipeline', 'Retrain', {}, { at: { x: 600, y: 0 } });
      const app = b.node('generic-process', 'Web app', {}, { at: { x: 900, y: 0 } });
      b.box('Production', 'high', api, reg, train, app);
      const at = (i: number) => ({ at: { x: i * 300, y: 600 } });
      const user = b.node('actor', 'Customer', {}, at(0));
      const partner = b.node('generic-external', 'Reseller', {}, { ...at(1), outOfScope: true });
      const src = b.node('data-source', 'Open data', {}, at(2));
      const llm = b.node('llm', 'Hosted LLM', { hosting: 'third-party-api' }, at(3));
      const a1 = b.node('agent', 'Planner', {}, at(4));
      const a2 = b.node('agent', 'Worker', {}, at(5));
      const tool = b.node('tool-server', 'Admin tool', { permissions: 'privileged' }, at(6));
      const ret = b.node('rag-retriever', 'Web search', { sourceTrust: 'open-web' }, at(7));
      b.flow(user, api, { name: 'Score request', encrypted: true });
      b.flow(src, train, { name: 'Open data feed', encrypted: true });
      b.flow(reg, partner, { name: 'Weights export', carries: ['model-weights'], authenticated: true, encrypted: true });
      b.flow(user, app, { name: 'Sign-up', carries: ['pii'], publicNetwork: true });
      b.flow(app, llm, { name: 'Prompt', carries: ['secrets'], authenticated: true, encrypted: true });
      b.flow(a1, tool, { name: 'Admin call', authenticated: true, encrypted: true });
      b.flow(ret, llm, { name: 'Search results', authenticated: true, encrypted: true });
      b.flow(a1, a2, { name: 'Hand-off' });
      b.flow(api, train, { name: 'Predictions', authenticated: true, encrypted: true });
      b.flow(train, src, { name: 'Sample export', carries: ['training-data'], authenticated: true, encrypted: true });
      return b.doc();
    },
    negative: () => {
      const b = build();
      const api = b.node('inference-api', 'Scoring API', {}, { at: { x: 0, y: 0 } });
      const reg = b.node('model-registry', 'Registry', {}, { at: { x: 300, y: 0 } });
      const train = b.node('training-pipeline', 'Retrain', {}, { at: { x: 600, y: 0 } });
      const app = b.node('generic-process', 'Web app', {}, { at: { x: 900, y: 0 } });
      const raw = b.node('raw-dataset', 'Curated data', {}, { at: { x: 1200, y: 0 } });
      const llm = b.node('llm', 'Private LLM', { hosting: 'self-hosted' }, { at: { x: 1500, y: 0 } });
      b.box('Production', 'high', api, reg, train, app, raw, llm);
      const at = (i: number) => ({ at: { x: i * 300, y: 600 } });
      const user = b.node('actor', 'Customer', {}, at(0));
      const a1 = b.node('agent', 'Planner', {}, at(1));
      const a2 = b.node('agent', 'Worker', {}, at(2));
      const tool = b.node('tool-server', 'Search tool', { permissions: 'read-only' }, at(3));
      const ret = b.node('rag-retriever', 'Docs search', { sourceTrust: 'curated' }, at(4));
      const out = b.node('output-consumer', 'Dashboard', {}, at(5));
      const secure = { authenticated: true, encrypted: true };
      b.flow(user, api, secure);
      b.flow(raw, train, { ...secure, carries: ['training-data'] });
      b.flow(reg, api, { ...secure, carries: ['model-weights'] });
      b.flow(user, app, { ...secure, carries: ['pii'], publicNetwork: true });
      b.flow(app, llm, { ...secure, carries: ['prompts'] });
      b.flow(a1, tool, secure);
      b.flow(ret, a1, secure);
      b.flow(a1, a2, secure);
      b.flow(api, out, secure);
      return b.doc();
    },
  },
};

describe('rule families', () => {
  const families = [...new Set(rules.map((r) => r.family))].sort();

  it('every family has a positive and a negative case', () => {
    expect(Object.keys(FAMILIES).sort()).toEqual(families);
  });

  describe.each(Object.entries(FAMILIES))('%s', (family, spec) => {
    it('positive document: every rule of the family fires', () => {
      expect(fired(spec.positive(), family)).toEqual(familyIds(family));
    });

    it('hardened document: the family stays quiet (except rules that apply regardless)', () => {
      expect(fired(spec.negative(), family)).toEqual(spec.stillFires ?? []);
    });
  });
});

describe('the reviewer view of a RAG chatbot', () => {
  // The template test of issue 3 will list what a reviewer expects; a first check of the pack.
  it('suggests indirect injection, poisoning, permission-blind retrieval, prompt leakage, data in responses and consumption', () => {
    const b = build();
    const user = b.node('actor', 'Employee', { population: 'employees', authenticated: true });
    const app = b.node('generic-process', 'Chat app');
    const prompts = b.node('prompt-store', 'System prompt');
    const llm = b.node('llm', 'LLM', { hosting: 'third-party-api' });
    const ret = b.node('rag-retriever', 'Retriever', { sourceTrust: 'mixed', documentLevelAcl: false });
    const vdb = b.node('vector-db', 'Document index', { containsPii: true });
    const ingest = b.node('generic-process', 'Ingestion');
    const docs = b.node('data-source', 'SharePoint', { provenance: 'user-generated' });
    b.flow(user, app, { authenticated: true, encrypted: true });
    b.flow(app, llm, { carries: ['prompts'], authenticated: true, encrypted: true });
    b.flow(prompts, llm);
    b.flow(app, ret);
    b.flow(ret, llm);
    b.flow(vdb, ret);
    b.flow(docs, ingest);
    b.flow(ingest, vdb);
    const ids = new Set(evaluateRules(b.doc(), rules).map((s) => s.ruleId));
    for (const expected of [
      'rag-indirect-prompt-injection',
      'flow-open-web-content-into-llm',
      'data-source-open-collection-poisoning',
      'vectordb-rag-poisoning',
      'rag-permission-blind-retriever',
      'vectordb-permission-blind-retrieval',
      'llm-system-prompt-extraction',
      'llm-sensitive-information-disclosure',
      'llm-unbounded-consumption',
      'vectordb-cross-tenant-leak',
    ]) {
      expect(ids, expected).toContain(expected);
    }
  });
});
