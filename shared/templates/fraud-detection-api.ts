// Template: fraud scoring offered to merchants as a service (MLaaS), with OAuth and audit logging.
import { TemplateBuilder } from './builder';
import { cell, span } from './grid';
import { reviewTemplate } from './review';

export function fraudDetectionApi() {
  const t = new TemplateBuilder({
    id: 'fraud-detection-api',
    title: 'Fraud-detection ML API (MLaaS)',
    summary: 'Merchants score card transactions through an OAuth-protected API; decisions are logged for audit and analysts investigate alerts.',
    icon: 'inference-api',
    description:
      'A payment processor sells real-time fraud scoring. Merchants authenticate with OAuth client credentials through an API gateway; the scoring service combines the request with online features and returns a risk score. Every decision is written to an audit log. Models are retrained monthly on transactions labelled by chargebacks.',
    owner: 'Fraud ML team',
    reviewers: ['Application security', 'Model risk management', 'PCI compliance'],
    scope: {
      inScope: 'The API gateway and authorization server, the scoring service, the online feature store, the decision audit log, case management, the transaction data lake, training and the model registry.',
      outOfScope: 'Merchants’ systems; the card networks; the chargeback provider’s systems; the data warehouse that feeds the lake.',
      assumptions: 'Merchants are onboarded and contractually bound; client secrets are rotated every 90 days. Card numbers are tokenised before they reach the scoring service.',
      businessObjectives: 'Block fraud at checkout within 150 ms; keep false declines under 0.5%; explain every decline to regulators and merchants on request.',
    },
  });

  t.boundary('API edge', 'low', span(1, 0, 1, 1), 'Internet-facing gateway zone (WAF, TLS termination).', 'Platform security');
  t.boundary('Scoring zone', 'high', span(2, 0, 3, 1), 'PCI-scoped network of the scoring service.');
  t.boundary('Fraud operations', 'medium', span(4, 0, 4, 1), 'Case management used by fraud analysts.', 'Fraud operations');
  t.boundary('ML environment', 'high', span(1, 2, 3, 2), 'Training project; read-only copies of production data.');

  const merchant = t.node('generic-external', 'Merchant backend', cell(0, 0), {}, { description: 'Merchant checkout servers; one OAuth client per merchant.', owner: 'Merchant integration' });
  const gateway = t.node('generic-process', 'API gateway', cell(1, 0), {}, { description: 'WAF, token validation, per-merchant quotas and request logging.' });
  const authz = t.node('generic-process', 'Authorization server', cell(1, 1), {}, { description: 'Issues short-lived OAuth tokens for the client-credentials grant.' });
  const scoring = t.node('inference-api', 'Fraud scoring service', cell(2, 0), {
    authentication: 'oauth', rateLimited: true, inputValidation: true, exposure: 'partner', returnsConfidenceScores: true,
  }, { description: 'Gradient-boosted model; returns a 0–999 risk score and the top reason codes.' });
  const audit = t.node('monitoring', 'Decision audit log', cell(2, 1), { logsPrompts: false, piiRedaction: true, alerting: true, retentionDays: 2555 }, {
    description: 'Append-only store of every request, score and model version, kept seven years.',
  });
  const features = t.node('feature-store', 'Online feature store', cell(3, 0), { encryptedAtRest: true, accessControl: 'role-based', containsPii: true, onlineServing: true }, {
    description: 'Card and device velocity features, updated on every request.',
  });
  const analyst = t.node('operator', 'Fraud analyst', cell(4, 0), { privilege: 'operator', mfa: true });
  const cases = t.node('output-consumer', 'Case management', cell(4, 1), { rendersMarkup: false, executesOutput: false, humanReviewed: true });
  const chargebacks = t.node('data-source', 'Chargeback feed', cell(0, 2), { provenance: 'partner', integrityVerified: false, containsPii: true }, {
    description: 'Daily file of disputed transactions from the chargeback provider.',
  });
  const lake = t.node('raw-dataset', 'Transaction data lake', cell(1, 2), {
    encryptedAtRest: true, accessControl: 'role-based', containsPii: true, versioned: true, provenanceTracked: true,
  });
  const training = t.node('training-pipeline', 'Monthly training pipeline', cell(2, 2), { trainingKind: 'classical-ml', isolatedCompute: true, dataValidation: true, reproducible: true });
  const registry = t.node('model-registry', 'Model registry', cell(3, 2), { encryptedAtRest: true, accessControl: 'role-based', signedArtifacts: true, serializationFormat: 'onnx' });

  const mtls = { protocol: 'mTLS', encrypted: true, authenticated: true } as const;
  t.flow(merchant, gateway, 'Transaction, risk score', { protocol: 'HTTPS', encrypted: true, authenticated: true, publicNetwork: true, bidirectional: true, carries: ['pii'] });
  t.flow(merchant, authz, 'Client-credentials grant', { protocol: 'HTTPS', encrypted: true, authenticated: true, publicNetwork: true, carries: ['secrets'] });
  t.flow(gateway, authz, 'Token introspection', { ...mtls, bidirectional: true });
  t.flow(gateway, scoring, 'Scoring request, score', { ...mtls, bidirectional: true, carries: ['pii'] });
  t.flow(gateway, audit, 'Access log', mtls);
  t.flow(authz, audit, 'Token issuance log', mtls);
  t.flow(scoring, audit, 'Decision record', { ...mtls, carries: ['pii'] });
  t.flow(scoring, features, 'Features, velocity updates', { ...mtls, bidirectional: true, carries: ['pii'] });
  t.flow(scoring, cases, 'High-risk alerts', { ...mtls, carries: ['pii'] });
  t.flow(analyst, cases, 'Investigation', { ...mtls, bidirectional: true });
  t.flow(chargebacks, lake, 'Chargeback labels', { protocol: 'SFTP', encrypted: true, authenticated: true, publicNetwork: true, carries: ['training-data', 'pii'] });
  t.flow(lake, training, 'Labelled transactions', { ...mtls, carries: ['training-data', 'pii'] });
  t.flow(training, registry, 'Candidate model', { ...mtls, carries: ['model-weights'] });
  t.flow(registry, scoring, 'Approved model', { ...mtls, carries: ['model-weights'] });

  t.asset('Fraud model', 'model-weights', [4, 5, 4], [registry, scoring], 'A copy lets fraudsters test transactions offline until they pass.');
  t.asset('Cardholder transaction data', 'pii', [5, 5, 4], [lake, features], 'Tokenised card data with amounts, merchants and device fingerprints (PCI DSS scope).');
  t.asset('Merchant client credentials', 'credentials', [5, 4, 3], [authz, merchant], 'OAuth client secrets; a stolen one lets an attacker score at the merchant’s expense and probe the model.');
  t.asset('Decision audit trail', 'custom', [3, 5, 3], [audit], 'Evidence for disputes, regulators and model risk reviews.');

  return reviewTemplate(t, {
    decisions: {
      'external-denies-sending@Merchant backend': { status: 'mitigated' },
      'process-input-tampering@API gateway': { status: 'mitigated' },
      'process-data-to-lower-trust@API gateway': { dismiss: 'Scores go back to the merchant that asked for them, over TLS; that is the service.' },
      'process-flooding@API gateway': { status: 'mitigated' },
      'process-flooding@Authorization server': { status: 'mitigated' },
      'inference-confidence-leakage@Fraud scoring service': {
        status: 'accepted',
        rationale: 'Merchants need the score and reason codes to decide and to explain declines to their customers. Scores are bucketed to ten points and per-client anomaly detection watches for extraction.',
        approver: 'Head of fraud risk',
        reviewBy: '2025-09-30',
      },
      'inference-black-box-evasion@Fraud scoring service': { likelihood: 4, impact: 5 },
      'monitoring-chaff-flooding@Decision audit log': { likelihood: 2 },
      'feature-store-online-outage@Online feature store': { status: 'mitigated' },
      'operator-deepfake-phishing@Fraud analyst': { likelihood: 2 },
      'data-source-spoofed-feed@Chargeback feed': { status: 'mitigated' },
      'training-memorises-personal-data@Monthly training pipeline': {
        status: 'not-applicable',
        reason: 'A gradient-boosted tree ensemble over numeric features cannot reproduce records, and card numbers are tokenised before training.',
      },
      'flow-model-output-feedback-into-training@Features, velocity updates': {
        dismiss: 'Velocity counters are meant to change with every request; the skew this can cause is the feedback-loop threat on Online feature store.',
      },
      'flow-model-weights-leave-boundary@Approved model': {
        dismiss: 'Deployment from the ML environment into our own scoring zone; the weights stay within the PCI-scoped estate.',
      },
    },
    mitigations: {
      'Bind credentials to the client': { status: 'planned', dueDate: '2025-06-30' },
      'Detect anomalous client behaviour': { status: 'in-progress', dueDate: '2025-04-30' },
      'Return less detail in outputs': { status: 'implemented' },
      'Detect adversarial inputs': { status: 'planned', dueDate: '2025-07-31' },
      'Agree data contracts': { status: 'implemented' },
    },
  });
}
