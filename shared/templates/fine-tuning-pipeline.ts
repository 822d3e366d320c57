// Template: fine-tuning an open-weight model from a public hub on company data, on rented GPUs.
import { TemplateBuilder } from './builder';
import { cell, span } from './grid';
import { reviewTemplate } from './review';

export function fineTuningPipeline() {
  const t = new TemplateBuilder({
    id: 'fine-tuning-pipeline',
    title: 'Third-party model fine-tuning pipeline',
    summary: 'An open-weight model from a public hub fine-tuned on scrubbed support transcripts and vendor preference labels, on a rented GPU cloud.',
    icon: 'training-pipeline',
    description:
      'Support transcripts are scrubbed of personal data and curated into a training set; a labelling vendor ranks answer pairs for preference tuning. The fine-tuning job runs in a GPU cloud tenancy, logs to a SaaS experiment tracker, and hands the weights back to the on-premises registry, where an evaluation harness gates release to the internal endpoint support agents use.',
    owner: 'Applied ML team',
    reviewers: ['Application security', 'Privacy office', 'Vendor risk'],
    scope: {
      inScope: 'Transcript store, PII scrubbing, the curated training set, the labelling hand-off, the base model download, the fine-tuning job and its GPU tenancy, experiment tracking, the registry, evaluation and the internal inference endpoint.',
      outOfScope: 'How the base model was pre-trained (only its provenance and files are assessed); the GPU provider’s hypervisor and facilities; the support desk tooling around the endpoint.',
      assumptions: 'The GPU tenancy is dedicated to this project and wiped after each run. The vendor sees scrubbed text only. The base model’s licence allows commercial fine-tuning.',
      businessObjectives: 'Draft support replies in the company’s voice; never reproduce a customer’s personal data from the transcripts; be able to show which data and base model produced each release.',
    },
  });

  t.boundary('Data platform', 'high', span(0, 0, 2, 0), 'On-premises data platform holding the transcripts.', 'Data platform team');
  t.boundary('Labelling vendor', 'low', span(3, 0), 'Preference-labelling company under contract.', 'Vendor management');
  t.boundary('GPU cloud tenancy', 'low', span(1, 1, 2, 1), 'Rented GPU project at a cloud provider.');
  t.boundary('Tracking SaaS', 'low', span(3, 1), 'Hosted experiment tracker shared by the ML organisation.');
  t.boundary('Model serving', 'high', span(1, 2, 3, 2), 'On-premises registry, evaluation and inference.');
  t.boundary('Support desk', 'medium', span(0, 2), 'Support agents’ workstations.', 'Support operations');

  const transcripts = t.node('raw-dataset', 'Support transcripts', cell(0, 0), {
    encryptedAtRest: true, accessControl: 'role-based', containsPii: true, versioned: true, provenanceTracked: true,
  });
  const scrubber = t.node('generic-process', 'PII scrubbing job', cell(1, 0), {}, { description: 'Named-entity recognition and rules that mask names, account numbers and addresses.' });
  const curated = t.node('raw-dataset', 'Curated training set', cell(2, 0), {
    encryptedAtRest: true, accessControl: 'role-based', containsPii: false, versioned: true, provenanceTracked: true,
  });
  const vendor = t.node('labeling-service', 'Preference labellers', cell(3, 0), { workforce: 'vendor', qualityReview: false });
  const hub = t.node('model-hub', 'Public model hub', cell(0, 1), { hub: 'Hugging Face Hub', pinnedRevision: true, signatureVerified: false, serializationFormat: 'pickle' }, {
    description: 'The chosen checkpoint ships PyTorch .bin files.',
    owner: 'Applied ML team',
  });
  const tuning = t.node('training-pipeline', 'Fine-tuning job', cell(2, 1), { trainingKind: 'fine-tuning', isolatedCompute: true, dataValidation: true, reproducible: false }, {
    description: 'LoRA supervised fine-tuning, then preference optimisation.',
  });
  const tracker = t.node('experiment-tracking', 'Experiment tracker', cell(3, 1), { notebookAccess: 'organisation', secretsInNotebooks: false });
  const agent = t.node('actor', 'Support agent', cell(0, 2), { population: 'employees', authenticated: true });
  const endpoint = t.node('llm', 'Support reply model', cell(1, 2), {
    hosting: 'self-hosted', provider: 'In-house', modelName: 'Mistral 7B, fine-tuned', fineTuned: true, providerRetainsData: false, contextWindowTokens: 32000,
  });
  const registry = t.node('model-registry', 'Model registry', cell(2, 2), { encryptedAtRest: true, accessControl: 'role-based', signedArtifacts: true, serializationFormat: 'safetensors' });
  const evaluation = t.node('generic-process', 'Evaluation harness', cell(3, 2), {}, { description: 'Quality, safety and memorisation tests that gate every release.' });

  const internal = { protocol: 'HTTPS', encrypted: true, authenticated: true } as const;
  t.flow(transcripts, scrubber, 'Raw transcripts', { ...internal, carries: ['pii', 'training-data'] });
  t.flow(scrubber, curated, 'Scrubbed examples', { ...internal, carries: ['training-data'] });
  t.flow(curated, vendor, 'Answer pairs, rankings', { protocol: 'SFTP', encrypted: true, authenticated: true, publicNetwork: true, bidirectional: true, carries: ['training-data'] });
  t.flow(curated, tuning, 'Training data upload', { ...internal, publicNetwork: true, carries: ['training-data'] });
  t.flow(hub, tuning, 'Base checkpoint', { protocol: 'HTTPS', encrypted: true, publicNetwork: true, carries: ['model-weights'] });
  t.flow(tuning, tracker, 'Metrics, sample outputs', { ...internal, publicNetwork: true });
  t.flow(tuning, registry, 'Tuned weights', { ...internal, publicNetwork: true, carries: ['model-weights'] });
  t.flow(registry, evaluation, 'Candidate, eval results', { ...internal, bidirectional: true, carries: ['model-weights'] });
  t.flow(registry, endpoint, 'Released model', { ...internal, carries: ['model-weights'] });
  t.flow(agent, endpoint, 'Ticket, draft reply', { ...internal, bidirectional: true, carries: ['pii'] });

  t.asset('Support transcripts', 'pii', [5, 4, 3], [transcripts], 'Years of customer conversations with names, accounts and complaints.');
  t.asset('Curated training set', 'training-data', [4, 5, 3], [curated, vendor], 'What the model learns from; poisoned examples become behaviour.');
  t.asset('Fine-tuned weights', 'model-weights', [4, 5, 3], [tuning, registry, endpoint], 'The release candidate and its lineage.');
  t.asset('Base model', 'model-weights', [1, 5, 3], [hub], 'Public, so confidentiality does not matter; integrity does.');

  return reviewTemplate(t, {
    decisions: {
      'process-no-audit-trail@PII scrubbing job': { dismiss: 'Runs inside the data platform, whose job scheduler records every run, input version and output version.' },
      'labeling-label-flipping@Preference labellers': { likelihood: 3, impact: 4 },
      'labeling-unattributed-labels@Preference labellers': { status: 'mitigated' },
      'hub-pickle-model@Public model hub': { likelihood: 3, impact: 5 },
      'training-tainted-base-model@Fine-tuning job': { likelihood: 2, impact: 5 },
      'notebook-broad-access@Experiment tracker': { status: 'mitigated' },
      'llm-jailbreak-no-guardrail@Support reply model': {
        status: 'accepted',
        rationale: 'Only our support agents reach the model, and every reply is a draft they edit before sending. A guardrail will come with any customer-facing use.',
        approver: 'Head of customer support',
        reviewBy: '2025-09-30',
      },
      'llm-fine-tuned-regurgitation@Support reply model': { likelihood: 3, impact: 5 },
      'llm-unbounded-consumption@Support reply model': {
        status: 'not-applicable',
        reason: 'Self-hosted on a fixed GPU allocation used by a few dozen agents: there is no per-token bill to run up, and overload only slows drafts down.',
      },
      'flow-training-data-from-external@Answer pairs, rankings': { likelihood: 3, impact: 4 },
      'flow-training-data-from-external@Base checkpoint': { dismiss: 'Recorded as the tainted base model threat on Fine-tuning job.' },
      'flow-unauthenticated-into-higher-trust@Base checkpoint': { dismiss: 'Public model downloads are anonymous; their integrity is the Public model hub threat.' },
    },
    mitigations: {
      'Load only safe artifact formats': { status: 'planned', dueDate: '2025-03-21', phase: 'Before the first run' },
      'Scan artifacts and dependencies': { status: 'implemented' },
      'Filter regurgitated data': { status: 'planned', dueDate: '2025-05-31' },
      'Clean fine-tuning data': { status: 'implemented' },
      'Review labels independently': { status: 'planned', dueDate: '2025-04-30' },
      'Share the minimum data': { status: 'implemented' },
    },
  });
}
