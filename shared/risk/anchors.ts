// Written anchors for the 1–5 likelihood and impact scales. Two analysts rating the same threat
// should land on the same number; the anchors say what each level means for an AI/ML system, in
// terms a client can check (who can reach it, what tooling exists, what leaks or breaks).
import type { Rating } from '../model/types';

export interface Anchor {
  readonly label: string;
  readonly description: string;
}

export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

export const LIKELIHOOD_ANCHORS: Readonly<Record<Rating, Anchor>> = {
  1: {
    label: 'Rare',
    description:
      'Needs insider access plus research-grade skill (e.g. crafting a training-time backdoor); no public technique applies to this setup.',
  },
  2: {
    label: 'Unlikely',
    description:
      'Needs privileged or partner access, or a bespoke attack on this model; techniques are published but not packaged as tools.',
  },
  3: {
    label: 'Possible',
    description:
      'Reachable by authenticated users or through a supplier; known techniques (e.g. in MITRE ATLAS case studies) work with moderate effort.',
  },
  4: {
    label: 'Likely',
    description:
      'Reachable by any user of the product (e.g. anyone who can write a prompt or upload a file); public tooling or copy-paste payloads exist.',
  },
  5: {
    label: 'Expected',
    description: 'Exploited routinely, with public tooling, and reachable by anyone on the internet without an account.',
  },
};

export const IMPACT_ANCHORS: Readonly<Record<Rating, Anchor>> = {
  1: {
    label: 'Negligible',
    description: 'Cosmetic: a wrong or odd answer a user notices and ignores; no data leaves, no decision changes.',
  },
  2: {
    label: 'Minor',
    description:
      'Limited: degraded answers or a short outage for some users, or internal non-sensitive data (e.g. a system prompt without secrets) exposed.',
  },
  3: {
    label: 'Moderate',
    description:
      'Noticeable harm: confidential business data or a few people’s personal data exposed, wrong outputs that need manual correction, or hours of downtime.',
  },
  4: {
    label: 'Major',
    description:
      'Serious harm: model weights or training data stolen, credentials exposed, the model’s behaviour altered for many users, or a regulator would need to be told.',
  },
  5: {
    label: 'Severe',
    description:
      'Regulated data of many people leaks, or the model makes harmful decisions at scale (e.g. fraud approved, unsafe actions taken by an agent).',
  },
};

export function isRating(value: unknown): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}
