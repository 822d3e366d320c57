// Template: a classical text classifier offered as a REST API to partners and to an internal app.
import { TemplateBuilder } from './builder';
import { cell, span } from './grid';
import { reviewTemplate } from './review';

export function sentimentApi() {
  const t = new TemplateBuilder({
    id: 'sentiment-api',
    title: 'Sentiment-analysis REST API',
    summary: 'A text classifier trained on labelled product reviews, served over a public REST API with API keys.',
    icon: 'inference-api',
    description:
      'Partners and the internal support tooling send review or ticket text and get a sentiment label with a confidence score. The model is retrained weekly on scraped product reviews labelled by an annotation vendor and on corrections from support agents.',
    owner: 'Customer insights ML team',
    reviewers: ['Application security'],
    scope: {
      inScope: 'The public sentiment API, the drift monitor, the training environment (dataset, training job, registry), the annotation hand-off and the support ticket router’s use of the scores.',
      outOfScope: 'The review websites scraped for training data; partners’ own applications; the annotation vendor’s internal tooling.',
      assumptions: 'API keys are issued per partner through the developer portal and can be revoked within minutes. The serving cluster has no write access to the training environment.',
      businessObjectives: 'Sell sentiment scoring to partners with 99.9% availability; route angry customers to senior agents faster; keep the model’s accuracy above 90% on the monthly audit set.',
    },
  });

  t.boundary('Serving cluster', 'medium', span(1, 0, 2, 0), 'Kubernetes namespace behind the public API gateway.', 'Platform operations');
  t.boundary('Support systems', 'medium', span(0, 1.25), 'Internal customer-support applications.', 'Support engineering');
  t.boundary('ML training environment', 'high', span(1, 2, 2, 3), 'Isolated project with the training data and the model registry.');
  t.boundary('Annotation vendor', 'low', span(3, 3), 'External labelling company under a data-processing agreement.', 'Vendor management');

  const partner = t.node('generic-external', 'Partner application', cell(0, 0), {}, { description: 'Partners’ servers calling the API with their API key.', owner: 'Partner management' });
  const api = t.node('inference-api', 'Sentiment API', cell(1, 0), {
    authentication: 'api-key', rateLimited: true, inputValidation: false, exposure: 'internet', returnsConfidenceScores: true,
  }, { description: 'Returns a label (positive, neutral, negative) and per-class probabilities for up to 5,000 characters of text.' });
  const monitor = t.node('monitoring', 'Drift and usage monitor', cell(2, 0), { logsPrompts: false, piiRedaction: true, alerting: true, retentionDays: 90 });
  const router = t.node('output-consumer', 'Support ticket router', cell(0, 1.25), { rendersMarkup: false, executesOutput: false, humanReviewed: false }, {
    description: 'Sends tickets scored very negative straight to the senior queue.',
  });
  const registry = t.node('model-registry', 'Model registry', cell(1, 2), { encryptedAtRest: true, accessControl: 'role-based', signedArtifacts: false, serializationFormat: 'pickle' }, {
    description: 'Stores scikit-learn pipelines saved with joblib.',
  });
  const training = t.node('training-pipeline', 'Weekly training job', cell(2, 2), { trainingKind: 'classical-ml', isolatedCompute: true, dataValidation: false, reproducible: true });
  const scraped = t.node('data-source', 'Public product reviews', cell(0, 3), { provenance: 'public-web', integrityVerified: false, containsPii: true }, {
    description: 'Reviews collected from retail sites by a scraper.',
  });
  const dataset = t.node('raw-dataset', 'Labelled review corpus', cell(1, 3), {
    encryptedAtRest: true, accessControl: 'role-based', containsPii: true, versioned: true, provenanceTracked: false,
  });
  const vendor = t.node('labeling-service', 'Annotation team', cell(3, 3), { workforce: 'vendor', qualityReview: false });

  t.flow(partner, api, 'Text to score, label', { protocol: 'HTTPS', encrypted: true, authenticated: true, publicNetwork: true, bidirectional: true });
  t.flow(router, api, 'Ticket text, score', { protocol: 'HTTPS', encrypted: true, authenticated: true, bidirectional: true, carries: ['pii'] });
  t.flow(api, monitor, 'Request metrics', { protocol: 'OTLP', encrypted: true, authenticated: true });
  t.flow(registry, api, 'Released model', { protocol: 'HTTPS', encrypted: true, authenticated: true, carries: ['model-weights'] });
  t.flow(training, registry, 'Trained pipeline', { protocol: 'HTTPS', encrypted: true, authenticated: true, carries: ['model-weights'] });
  t.flow(dataset, training, 'Training split', { protocol: 'S3 API', encrypted: true, authenticated: true, carries: ['training-data', 'pii'] });
  t.flow(scraped, dataset, 'Scraped reviews', { protocol: 'HTTPS', encrypted: true, publicNetwork: true, carries: ['training-data', 'pii'] });
  t.flow(router, dataset, 'Corrected labels', { protocol: 'HTTPS', encrypted: true, authenticated: true, carries: ['training-data'] });
  t.flow(dataset, vendor, 'Samples, labels', { protocol: 'SFTP', encrypted: true, authenticated: true, publicNetwork: true, bidirectional: true, carries: ['training-data', 'pii'] });

  t.asset('Sentiment model', 'model-weights', [4, 5, 4], [registry, api], 'The trained pipeline; the product partners pay for.');
  t.asset('Labelled review corpus', 'training-data', [3, 5, 3], [dataset, vendor], 'Three years of labelled reviews; quality of every future model depends on it.');
  t.asset('Partner API keys', 'credentials', [4, 4, 3], [api, partner], 'Per-partner keys that meter and bill usage.');
  t.asset('Scoring service', 'inference-api', [2, 4, 5], [api], 'Contractual 99.9% availability.');

  return reviewTemplate(t, {
    decisions: {
      'external-denies-sending@Partner application': { status: 'mitigated' },
      'inference-confidence-leakage@Sentiment API': {
        status: 'accepted',
        rationale: 'Partners need calibrated probabilities to set their own thresholds. The model is trained on public reviews, so inferring membership reveals little; scores are rounded to two decimals.',
        approver: 'Product owner, Sentiment API',
        reviewBy: '2025-12-01',
      },
      'registry-unsafe-deserialisation@Model registry': { likelihood: 3, impact: 5 },
      'training-memorises-personal-data@Weekly training job': {
        status: 'not-applicable',
        reason: 'A logistic regression over word-frequency features keeps no text; it cannot reproduce the names that appear in reviews.',
      },
      'data-source-spoofed-feed@Public product reviews': {
        dismiss: 'Public web pages, not a feed: there is nothing to spoof. Fake reviews are recorded as poisoning of the same source.',
      },
      'data-source-open-collection-poisoning@Public product reviews': { likelihood: 4, impact: 4 },
      'labeling-workforce-sees-personal-data@Annotation team': { status: 'mitigated' },
      'labeling-unattributed-labels@Annotation team': { status: 'mitigated' },
      'flow-model-weights-leave-boundary@Released model': {
        dismiss: 'Deployment into our own serving cluster; the weights stay inside the company. Theft from serving is covered by the registry and API threats.',
      },
      'flow-unauthenticated-into-higher-trust@Scraped reviews': {
        dismiss: 'Public pages cannot be fetched with authentication. What they contain is the poisoning threat on Public product reviews.',
      },
      'flow-training-data-from-external@Corrected labels': {
        dismiss: 'The same risk as the feedback-loop threat on this flow, recorded there.',
      },
    },
    mitigations: {
      'Load only safe artifact formats': { status: 'planned', dueDate: '2025-05-31', phase: 'Convert the pipeline to ONNX' },
      'Prefer short-lived credentials': { status: 'planned', dueDate: '2025-06-30' },
      'Return less detail in outputs': { status: 'implemented' },
      'Gate feedback data': { status: 'in-progress', dueDate: '2025-04-30' },
    },
  });
}
