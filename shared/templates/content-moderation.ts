// Template: an image classifier that screens user uploads of a community web app.
import { TemplateBuilder } from './builder';
import { cell, span } from './grid';
import { reviewTemplate } from './review';

export function contentModeration() {
  const t = new TemplateBuilder({
    id: 'content-moderation',
    title: 'Image-classifier content moderation',
    summary: 'A community web app whose uploads are screened by a fine-tuned image classifier, with human moderators for flagged items.',
    icon: 'guardrail',
    description:
      'Members upload images; the web app asks the moderation API for a verdict before publishing. Uncertain or flagged images go to trust-and-safety moderators, whose decisions become training labels for the next fine-tuning run of a pretrained vision model.',
    owner: 'Trust and safety engineering',
    reviewers: ['Application security', 'Legal (online safety)'],
    scope: {
      inScope: 'Upload and publication path, the moderation API and its classifier, the moderator console, the labelled dataset, fine-tuning and the model registry.',
      outOfScope: 'The CDN that serves published images (vendor-operated); account registration and login; members’ devices.',
      assumptions: 'Every upload is classified before it is visible to anyone else. Moderators work on managed workstations with MFA. The pretrained backbone comes from a public model hub.',
      businessObjectives: 'Keep illegal and policy-violating images off the platform within the legally required time; keep false positives low enough that members trust the platform; protect moderators from unnecessary exposure.',
    },
  });

  t.boundary('Production platform', 'medium', span(1, 0, 2, 1), 'Application cluster serving members.', 'Platform engineering');
  t.boundary('Moderator devices', 'high', span(3, 1), 'Managed, locked-down devices of the trust-and-safety team.', 'Trust and safety operations');
  t.boundary('ML environment', 'high', span(0, 2, 3, 2), 'Training project with the labelled data and the model registry.', 'ML engineering');

  const member = t.node('actor', 'Community member', cell(0, 0), { population: 'public', authenticated: true });
  const web = t.node('generic-process', 'Web app', cell(1, 0), {}, { description: 'Accepts uploads and publishes them once the moderation verdict allows.' });
  const storage = t.node('generic-store', 'Upload storage', cell(2, 0), { encryptedAtRest: true, accessControl: 'role-based' });
  const cdn = t.node('generic-external', 'Image CDN', cell(3, 0), {}, { outOfScope: 'Operated by the CDN provider; covered by the vendor security review.' });
  const api = t.node('inference-api', 'Moderation API', cell(1, 1), {
    authentication: 'mtls', rateLimited: false, inputValidation: false, exposure: 'internal', returnsConfidenceScores: true,
  }, { description: 'Vision transformer returning per-policy scores (nudity, violence, hate symbols).' });
  const console_ = t.node('output-consumer', 'Moderator console', cell(2, 1), { rendersMarkup: false, executesOutput: false, humanReviewed: true });
  const moderator = t.node('operator', 'Trust and safety moderator', cell(3, 1), { privilege: 'operator', mfa: true });
  const registry = t.node('model-registry', 'Model registry', cell(1, 2), { encryptedAtRest: true, accessControl: 'role-based', signedArtifacts: false, serializationFormat: 'safetensors' });
  const tuning = t.node('training-pipeline', 'Fine-tuning job', cell(2, 2), { trainingKind: 'fine-tuning', isolatedCompute: true, dataValidation: false, reproducible: true });
  const labelled = t.node('raw-dataset', 'Labelled image set', cell(3, 2), {
    encryptedAtRest: true, accessControl: 'role-based', containsPii: true, versioned: true, provenanceTracked: true,
  });
  const hub = t.node('model-hub', 'Public model hub', cell(2, 3), { hub: 'Hugging Face Hub', pinnedRevision: false, signatureVerified: false, serializationFormat: 'safetensors' });

  const https = { protocol: 'HTTPS', encrypted: true, authenticated: true } as const;
  t.flow(member, web, 'Uploads, feed', { ...https, publicNetwork: true, bidirectional: true, carries: ['pii'] });
  t.flow(web, storage, 'Uploaded images', { ...https, carries: ['pii'] });
  t.flow(storage, cdn, 'Published images', { ...https, publicNetwork: true, carries: ['pii'] });
  t.flow(web, api, 'Image, verdict', { protocol: 'gRPC (mTLS)', encrypted: true, authenticated: true, bidirectional: true, carries: ['pii'] });
  t.flow(api, console_, 'Flagged uploads', { ...https, carries: ['pii'] });
  t.flow(moderator, console_, 'Review decisions', { ...https, bidirectional: true });
  t.flow(console_, labelled, 'Verdict labels', { ...https, carries: ['training-data', 'pii'] });
  t.flow(labelled, tuning, 'Training images', { ...https, carries: ['training-data', 'pii'] });
  t.flow(tuning, registry, 'Fine-tuned classifier', { ...https, carries: ['model-weights'] });
  t.flow(registry, api, 'Released classifier', { ...https, carries: ['model-weights'] });
  t.flow(hub, tuning, 'Pretrained backbone', { protocol: 'HTTPS', encrypted: true, publicNetwork: true, carries: ['model-weights'] });

  t.asset('Moderation classifier', 'model-weights', [3, 5, 4], [registry, api], 'Knowing its weights makes crafting evasive images easy; tampering lets abuse through.');
  t.asset('Member uploads', 'pii', [4, 4, 3], [storage, web], 'Photos of people, some never meant to be published.');
  t.asset('Labelled moderation dataset', 'training-data', [5, 5, 3], [labelled], 'Includes policy-violating material kept under legal hold; access is restricted and logged.');
  t.asset('Moderation service', 'infrastructure', [2, 5, 5], [api, web], 'If it is down, uploads queue; if it fails open, abuse is published.');

  return reviewTemplate(t, {
    decisions: {
      'actor-account-takeover@Community member': {
        status: 'transferred',
        reason: 'Member account security (MFA, breached-password checks, session handling) is owned by the identity team and assessed in its own model.',
      },
      'process-data-to-lower-trust@Web app': { dismiss: 'The feed shows published images to members by design; unpublished uploads never leave the platform.' },
      'process-flooding@Web app': { status: 'mitigated' },
      'store-no-change-history@Upload storage': { status: 'mitigated' },
      'inference-evasion-inputs@Moderation API': { likelihood: 4, impact: 5 },
      'inference-confidence-leakage@Moderation API': {
        dismiss: 'Scores go only to the web app and the moderator console; members see published or rejected, never a score.',
      },
      'operator-deepfake-phishing@Trust and safety moderator': { likelihood: 2 },
      'training-tainted-base-model@Fine-tuning job': { likelihood: 3, impact: 5 },
      'training-memorises-personal-data@Fine-tuning job': {
        status: 'accepted',
        rationale: 'The classifier outputs policy labels only, never images or identities, so regurgitating faces from training images is not a realistic path. Training images are deleted with the member’s content.',
        approver: 'Data protection officer',
        reviewBy: '2026-03-01',
      },
      'flow-sensitive-data-to-out-of-scope@Published images': {
        status: 'not-applicable',
        reason: 'Only images members chose to publish reach the CDN; they are public by intent.',
      },
      'flow-training-data-from-external@Verdict labels': {
        dismiss: 'The console is our own tool (drawn as an external consumer of model output); the feedback risk is the feedback-loop threat on this flow.',
      },
      'flow-model-weights-leave-boundary@Released classifier': { dismiss: 'Deployment to our own production cluster; the weights do not leave the company.' },
      'flow-training-data-from-external@Pretrained backbone': { dismiss: 'Recorded as the tainted base model threat on Fine-tuning job.' },
      'flow-unauthenticated-into-higher-trust@Pretrained backbone': {
        dismiss: 'Public model downloads are anonymous by nature; their integrity is the subject of the Public model hub threats.',
      },
    },
    mitigations: {
      'Pin reviewed revisions': { status: 'planned', dueDate: '2025-03-31' },
      'Detect adversarial inputs': { status: 'in-progress', dueDate: '2025-06-30' },
      'Gate feedback data': { status: 'planned', dueDate: '2025-05-15' },
      'Harden the model': { status: 'planned', dueDate: '2025-09-30', phase: 'Next fine-tuning cycle' },
    },
  });
}
