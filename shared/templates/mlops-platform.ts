// Template: an in-house MLOps platform from notebook to production serving.
import { TemplateBuilder } from './builder';
import { cell, span } from './grid';
import { reviewTemplate } from './review';

export function mlopsPlatform() {
  const t = new TemplateBuilder({
    id: 'mlops-platform',
    title: 'MLOps platform',
    summary: 'Notebooks, CI/CD, a shared training cluster, feature store, model registry, serving and monitoring for many teams.',
    icon: 'cicd-pipeline',
    description:
      'Data scientists explore in hosted notebooks and commit pipeline code; CI/CD builds it, submits training runs to a shared GPU cluster and deploys promoted models to the serving layer. Features come from the data lake through a feature store; monitoring watches prediction drift.',
    owner: 'ML platform team',
    reviewers: ['Cloud security', 'Data governance'],
    scope: {
      inScope: 'Notebook server, source repository, CI/CD, training cluster, data lake, feature store, model registry, model serving, monitoring, and what they download from public package and model hubs.',
      outOfScope: 'The product applications that call the models (each team threat-models its own); the cloud provider’s control plane; corporate identity management.',
      assumptions: 'All platform users are employees with SSO and MFA. Teams share the cluster and registry; isolation between teams is by Kubernetes namespace and registry role.',
      businessObjectives: 'Let any team ship a model to production in days, with a reproducible lineage from data to deployment; keep one team’s mistake or compromise from reaching another team’s models.',
    },
  });

  t.boundary('Developer workspace', 'medium', span(1, 0, 2, 0), 'Hosted notebooks and the source repository.', 'Developer productivity');
  t.boundary('Build system', 'high', span(3, 0), 'CI runners with deployment rights.', 'Developer productivity');
  t.boundary('ML platform', 'high', span(1, 1, 3, 2), 'Kubernetes cluster and storage of the ML platform.');
  t.boundary('Production serving', 'medium', span(4, 1, 4, 2), 'Serving cluster and its monitoring, reachable by product services.', 'Site reliability engineering');

  const scientist = t.node('actor', 'Data scientist', cell(0, 0), { population: 'employees', authenticated: true });
  const notebooks = t.node('experiment-tracking', 'Notebook server', cell(1, 0), { notebookAccess: 'team', secretsInNotebooks: true }, {
    description: 'JupyterHub with per-team workspaces and an MLflow tracking server; training runs are submitted from here.',
  });
  const git = t.node('generic-store', 'Source repository', cell(2, 0), { encryptedAtRest: true, accessControl: 'role-based' });
  const ci = t.node('cicd-pipeline', 'CI/CD pipeline', cell(3, 0), { signedBuilds: false, pinnedDependencies: false, secretsManagement: 'ci-secrets' }, {
    description: 'Builds training images, runs tests and promotes approved models to production.',
  });
  const packages = t.node('generic-external', 'Public package index', cell(4, 0), {}, { description: 'PyPI and container registries the builds pull from.' });
  const hub = t.node('model-hub', 'Public model hub', cell(0, 1), { hub: 'Hugging Face Hub', pinnedRevision: true, signatureVerified: false, serializationFormat: 'safetensors' });
  const cluster = t.node('training-pipeline', 'Shared training cluster', cell(2, 1), { trainingKind: 'classical-ml', isolatedCompute: false, dataValidation: true, reproducible: false }, {
    description: 'GPU node pool shared by every team; jobs run as pods in team namespaces.',
  });
  const registry = t.node('model-registry', 'Model registry', cell(3, 1), { encryptedAtRest: true, accessControl: 'role-based', signedArtifacts: false, serializationFormat: 'pickle' }, {
    description: 'MLflow registry; most flavours store models as pickles.',
  });
  const lake = t.node('raw-dataset', 'Data lake', cell(1, 2), { encryptedAtRest: true, accessControl: 'role-based', containsPii: true, versioned: false, provenanceTracked: false });
  const features = t.node('feature-store', 'Feature store', cell(2, 2), { encryptedAtRest: true, accessControl: 'role-based', containsPii: true, onlineServing: true });
  const monitoring = t.node('monitoring', 'Model monitoring', cell(4, 2), { logsPrompts: false, piiRedaction: true, alerting: false, retentionDays: 30 }, {
    description: 'Drift and performance dashboards; no paging yet.',
  });
  const serving = t.node('inference-api', 'Model serving', cell(4, 1), { authentication: 'mtls', rateLimited: true, inputValidation: true, exposure: 'internal', returnsConfidenceScores: false });
  const product = t.node('output-consumer', 'Product services', cell(5, 1), { rendersMarkup: false, executesOutput: false, humanReviewed: false }, {
    description: 'Recommendation, pricing and search services that act on predictions automatically.',
    outOfScope: 'Each product team threat-models its own service and how it uses predictions.',
  });

  const internal = { protocol: 'HTTPS', encrypted: true, authenticated: true } as const;
  t.flow(scientist, notebooks, 'Notebook session', { ...internal, bidirectional: true });
  t.flow(notebooks, git, 'Pipeline code', { protocol: 'git over SSH', encrypted: true, authenticated: true });
  t.flow(git, ci, 'Build trigger', internal);
  t.flow(packages, ci, 'Dependencies', { protocol: 'HTTPS', encrypted: true, publicNetwork: true });
  t.flow(notebooks, cluster, 'Training run', { ...internal, carries: ['secrets'] });
  t.flow(notebooks, registry, 'Ad-hoc model upload', { ...internal, carries: ['model-weights'] });
  t.flow(ci, registry, 'Release promotion', internal);
  t.flow(hub, cluster, 'Pretrained weights', { protocol: 'HTTPS', encrypted: true, publicNetwork: true, carries: ['model-weights'] });
  t.flow(lake, features, 'Feature pipelines', { ...internal, carries: ['pii'] });
  t.flow(features, cluster, 'Offline features', { ...internal, carries: ['training-data', 'pii'] });
  t.flow(cluster, registry, 'Model artifacts', { ...internal, carries: ['model-weights'] });
  t.flow(registry, serving, 'Promoted model', { ...internal, carries: ['model-weights'] });
  t.flow(features, serving, 'Online features', { ...internal, carries: ['pii'] });
  t.flow(serving, monitoring, 'Prediction logs', { ...internal, carries: ['pii'] });
  t.flow(serving, product, 'Predictions', { protocol: 'gRPC (mTLS)', encrypted: true, authenticated: true, bidirectional: true });

  t.asset('Production models', 'model-weights', [4, 5, 4], [registry, serving], 'Every team’s released models and their lineage.');
  t.asset('Feature data', 'feature-store', [4, 5, 4], [features, lake], 'Customer behaviour features, some of them personal data.');
  t.asset('Pipeline code', 'intellectual-property', [3, 5, 3], [git, ci], 'Training and serving code of all teams.');
  t.asset('Cloud and deployment credentials', 'credentials', [5, 5, 3], [ci, notebooks], 'CI deploy tokens and cloud keys; whoever holds them controls production models.');
  t.asset('GPU cluster', 'infrastructure', [2, 4, 4], [cluster], 'Shared, expensive compute; an attractive target for cryptomining.');

  return reviewTemplate(t, {
    decisions: {
      'notebook-credentials-stored@Notebook server': { likelihood: 4, impact: 5 },
      'notebook-untrusted-code-execution@Notebook server': { status: 'mitigated' },
      'store-no-change-history@Source repository': { status: 'mitigated' },
      'cicd-unpinned-dependencies@CI/CD pipeline': { likelihood: 4, impact: 5 },
      'external-impersonation@Public package index': { dismiss: 'Typosquatted or hijacked packages are the unpinned-dependencies threat on CI/CD pipeline.' },
      'external-denies-sending@Public package index': { dismiss: 'Nothing relies on the package index standing behind what it serves.' },
      'training-shared-compute@Shared training cluster': {
        status: 'accepted',
        rationale: 'Dedicated GPU pools per team would triple the cost. Namespaces, network policies and per-team service accounts limit what a job can reach; cluster admission blocks privileged pods.',
        approver: 'Director of ML platform',
        reviewBy: '2025-10-01',
      },
      'training-memorises-personal-data@Shared training cluster': {
        status: 'not-applicable',
        reason: 'The platform runs classical models on aggregated features; teams that train generative models on personal data assess it in their own models.',
      },
      'registry-unsafe-deserialisation@Model registry': { likelihood: 3, impact: 5 },
      'flow-unauthenticated-into-higher-trust@Dependencies': { dismiss: 'Public packages are fetched anonymously; their integrity is the unpinned-dependencies threat on CI/CD pipeline.' },
      'flow-model-weights-leave-boundary@Ad-hoc model upload': {
        dismiss: 'The weights move from the workspace into the registry, a zone of higher trust; bypassing review is the unreviewed-promotion threat on Notebook server.',
      },
      'flow-training-data-from-external@Pretrained weights': { dismiss: 'Recorded as the tainted base model threat on Shared training cluster.' },
      'flow-unauthenticated-into-higher-trust@Pretrained weights': { dismiss: 'Public model downloads are anonymous; their integrity is the Public model hub threat.' },
      'flow-model-weights-leave-boundary@Promoted model': { dismiss: 'Deployment to our own serving cluster; the weights stay inside the company.' },
    },
    mitigations: {
      'Pin and verify dependencies': { status: 'in-progress', dueDate: '2025-04-30' },
      'Keep secrets out of notebooks': { status: 'planned', dueDate: '2025-04-15' },
      'Load only safe artifact formats': { status: 'planned', dueDate: '2025-06-30', phase: 'Registry v2' },
      'Sign promoted models': { status: 'planned', dueDate: '2025-06-30', phase: 'Registry v2' },
      'Use a secrets manager and short-lived tokens': { status: 'implemented' },
      'Alert on AI-specific signals': { status: 'planned', dueDate: '2025-05-31' },
    },
  });
}
