// Rules added or widened for what reviewers expect of the bundled templates: poisoning of a vector
// index fed from untrusted content, evasion and stolen credentials on partner-facing scoring APIs,
// and training data handed to a less trusted zone. Each with the case that fires and the near
// misses that must not.
import { describe, expect, it } from 'vitest';
import { bundledRules } from '../../../shared/rules';
import { build, firesOn } from './fixtures';

const rule = (id: string) => {
  const found = bundledRules().find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

describe('vectordb-rag-poisoning', () => {
  const poisoning = rule('vectordb-rag-poisoning');

  it('fires for an index fed through an ingestion step from an outside source', () => {
    const b = build();
    const docs = b.node('data-source', 'Wiki');
    const ingest = b.node('generic-process', 'Ingest');
    const index = b.node('vector-db', 'Index');
    b.flow(docs, ingest);
    b.flow(ingest, index);
    expect(firesOn(b.doc(), poisoning)).toEqual(['Index']);
  });

  it('fires for an index whose retriever says its sources are not all trusted', () => {
    const b = build();
    const index = b.node('vector-db', 'Index');
    const retriever = b.node('rag-retriever', 'Retriever', { sourceTrust: 'mixed' });
    b.flow(retriever, index, { bidirectional: true });
    expect(firesOn(b.doc(), poisoning)).toEqual(['Index']);
  });

  it('stays quiet for curated sources written by an internal job, and for the query path', () => {
    const b = build();
    const job = b.node('generic-process', 'Internal job');
    const index = b.node('vector-db', 'Index');
    const retriever = b.node('rag-retriever', 'Retriever', { sourceTrust: 'curated' });
    const user = b.node('actor', 'User');
    b.flow(job, index);
    b.flow(user, retriever);
    b.flow(retriever, index, { bidirectional: true });
    expect(firesOn(b.doc(), poisoning)).toEqual([]);
  });
});

describe('inference-black-box-evasion', () => {
  const evasion = rule('inference-black-box-evasion');

  it('fires for a validated API that partners or the internet can query', () => {
    const b = build();
    b.node('inference-api', 'Partner API', { exposure: 'partner', inputValidation: true });
    b.node('inference-api', 'Public API', { exposure: 'internet', inputValidation: true });
    expect(firesOn(b.doc(), evasion)).toEqual(['Partner API', 'Public API']);
  });

  it('leaves internal APIs, and unvalidated ones (inference-evasion-inputs covers those), alone', () => {
    const b = build();
    b.node('inference-api', 'Internal API', { exposure: 'internal', inputValidation: true });
    b.node('inference-api', 'Raw API', { exposure: 'internet', inputValidation: false });
    expect(firesOn(b.doc(), evasion)).toEqual([]);
  });
});

describe('inference-stolen-client-credentials', () => {
  const stolen = rule('inference-stolen-client-credentials');

  it('fires for OAuth or mTLS clients outside the organisation', () => {
    const b = build();
    b.node('inference-api', 'OAuth API', { authentication: 'oauth', exposure: 'partner' });
    b.node('inference-api', 'mTLS API', { authentication: 'mtls', exposure: 'internet' });
    expect(firesOn(b.doc(), stolen)).toEqual(['OAuth API', 'mTLS API']);
  });

  it('leaves internal APIs and API keys (inference-stolen-api-key) alone', () => {
    const b = build();
    b.node('inference-api', 'Internal', { authentication: 'oauth', exposure: 'internal' });
    b.node('inference-api', 'Keyed', { authentication: 'api-key', exposure: 'internet' });
    expect(firesOn(b.doc(), stolen)).toEqual([]);
  });
});

describe('flow-training-data-to-lower-trust', () => {
  const exposed = rule('flow-training-data-to-lower-trust');

  it('fires when training data moves into a less trusted zone, not into a more trusted one', () => {
    const b = build();
    const lake = b.node('raw-dataset', 'Lake', {}, { at: { x: 0, y: 0 } });
    const gpu = b.node('training-pipeline', 'Rented GPUs', {}, { at: { x: 400, y: 0 } });
    b.box('Data centre', 'high', lake);
    b.box('GPU cloud', 'low', gpu);
    b.flow(lake, gpu, { name: 'Upload', carries: ['training-data'] });
    b.flow(gpu, lake, { name: 'Results back', carries: ['training-data'] });
    b.flow(lake, gpu, { name: 'Metrics only' });
    expect(firesOn(b.doc(), exposed)).toEqual(['Upload']);
  });
});
