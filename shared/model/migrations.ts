// Document migrations: one contiguous sequence of pure `up` steps from schemaVersion 1 (the first
// published shape) to CURRENT_SCHEMA_VERSION. A shape change bumps the version, appends an entry
// here and adds a golden `tests/fixtures/models/v{from}-*.json`; a meta-test fails without one.
import type { Problem } from './problems';
import { CURRENT_SCHEMA_VERSION } from './version';

export interface Migration {
  readonly from: number;
  readonly to: number;
  /** One line for the user, e.g. "boundaries gained a trust level". */
  readonly description: string;
  /** Pure: returns a new document and never mutates its argument. */
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    description: 'suggested threats can be dismissed with a reason (adds an empty dismissal list)',
    up: (doc) => ({ ...doc, dismissals: [] }),
  },
  {
    from: 2,
    to: 3,
    description: 'risk lifecycle: accepted risks record rationale and approver, reviews keep a checklist and a baseline',
    up: upgradeToRiskLifecycle,
  },
];

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; applied: string[] }
  | { ok: false; problem: Problem };

/**
 * Throws unless the registry is exactly 1→2, 2→3, …, (target-1)→target. A gap or a version bump
 * without its migration is a programming error, not something a user's file can cause.
 */
export function assertMigrationRegistry(registry: readonly Migration[], target: number): void {
  if (!Number.isInteger(target) || target < 1) throw new Error(`Invalid target schemaVersion ${target}`);
  registry.forEach((m, i) => {
    const from = i + 1;
    if (m.from !== from || m.to !== from + 1) {
      throw new Error(`Migration registry is not contiguous: entry ${i} is ${m.from}→${m.to}, expected ${from}→${from + 1}`);
    }
  });
  const reaches = registry.length + 1;
  if (reaches !== target) {
    throw new Error(`Migration registry ends at schemaVersion ${reaches} but the target is ${target}: a migration is missing`);
  }
}

export function migrateDocument(
  raw: Record<string, unknown>,
  registry: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  assertMigrationRegistry(registry, target);
  const version = raw['schemaVersion'];
  if (version === undefined) {
    return fail('missing: the file does not say which document version it was written in');
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(`must be a whole number of at least 1, got ${JSON.stringify(version) ?? typeof version}`);
  }
  if (version > target) {
    return fail(`made by a newer Threatloom (schemaVersion ${version}); this version reads up to ${target} — update Threatloom`);
  }

  let doc = raw;
  const applied: string[] = [];
  for (const m of registry.slice(version - 1)) {
    try {
      const next: unknown = m.up(doc);
      if (typeof next !== 'object' || next === null || Array.isArray(next)) throw new Error('it did not return an object');
      // The registry, not each `up`, owns the version number, so no step can forget to bump it.
      doc = { ...(next as Record<string, unknown>), schemaVersion: m.to };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail(`could not upgrade from schemaVersion ${m.from} to ${m.to}: ${reason}`);
    }
    applied.push(`schemaVersion ${m.from} → ${m.to}: ${m.description}`);
  }
  return { ok: true, doc, applied };
}

function fail(message: string): MigrationResult {
  return { ok: false, problem: { path: 'schemaVersion', message } };
}

type Json = Record<string, unknown>;
const records = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/**
 * 2 → 3. New fields get their empty values. A threat already marked accepted had no place for a
 * rationale: it keeps its status, with the gap said in the rationale rather than invented.
 */
function upgradeToRiskLifecycle(doc: Json): Json {
  const day = String(doc['updatedAt'] ?? '').slice(0, 10) || '1970-01-01';
  return {
    ...doc,
    threats: records(doc['threats']).map((t) => ({
      ...t,
      acceptance:
        t['status'] === 'accepted'
          ? { rationale: 'Accepted before Threatloom recorded a rationale.', approver: 'Not recorded', date: day, reviewBy: '' }
          : null,
      statusReason: t['status'] === 'not-applicable' ? 'Marked not applicable before Threatloom recorded a reason.' : '',
      owaspRisk: null,
    })),
    mitigations: records(doc['mitigations']).map((m) => ({
      ...m,
      rejectionReason: m['status'] === 'rejected' ? 'Rejected before Threatloom recorded a reason.' : '',
    })),
    reviews: records(doc['reviews']).map((r) => ({
      ...r,
      checklist: [],
      baseline: { elements: [], threats: {}, mitigations: {} },
    })),
    strideReviews: [],
  };
}
