// Translations between foreign vocabularies and ours that several formats share: STRIDE category
// names, severities, 0–100 scores and trust levels.
import { STRIDE, TRUST_LEVELS, type Rating, type StrideLetter, type TrustLevel } from '../model';

export { STRIDE_NAMES } from '../model';

const STRIDE_BY_WORDS = new Map<string, StrideLetter>([
  ['spoofing', 'S'],
  ['tampering', 'T'],
  ['repudiation', 'R'],
  ['informationdisclosure', 'I'],
  ['denialofservice', 'D'],
  ['elevationofprivilege', 'E'],
  ['elevationofprivileges', 'E'],
]);

/** "Information Disclosure", "denial-of-service", "E" → the STRIDE letter; anything else → undefined. */
export function strideLetter(category: string): StrideLetter | undefined {
  const trimmed = category.trim();
  if ((STRIDE as readonly string[]).includes(trimmed)) return trimmed as StrideLetter;
  return STRIDE_BY_WORDS.get(trimmed.toLowerCase().replace(/[^a-z]/g, ''));
}

/** Severity or priority words → impact rating; null for "not rated yet"; undefined when unknown. */
export function severityRating(severity: string): Rating | null | undefined {
  switch (severity.trim().toLowerCase()) {
    case '':
    case 'tbd':
    case 'none':
      return null;
    case 'low':
      return 2;
    case 'medium':
      return 3;
    case 'high':
      return 4;
    case 'critical':
      return 5;
    default:
      return undefined;
  }
}

export function ratingSeverity(rating: Rating | null): 'TBD' | 'Low' | 'Medium' | 'High' | 'Critical' {
  if (rating === null) return 'TBD';
  return rating <= 2 ? 'Low' : rating === 3 ? 'Medium' : rating === 4 ? 'High' : 'Critical';
}

/** 0–100 → 1–5 in equal bands (0–19 → 1 … 80–100 → 5). */
export function percentRating(value: number): Rating {
  const clamped = Math.min(100, Math.max(0, value));
  return Math.min(5, Math.floor(clamped / 20) + 1) as Rating;
}

/** 1–5 → the middle of its band, so percentRating(ratingPercent(r)) === r. */
export function ratingPercent(rating: Rating): number {
  return rating * 20 - 10;
}

const TRUST_PERCENT: Readonly<Record<TrustLevel, number>> = { untrusted: 10, low: 30, medium: 50, high: 75, privileged: 100 };

/** OTM trustRating 0–100 → trust level. */
export function trustLevelOf(rating: number): TrustLevel {
  if (rating < 20) return 'untrusted';
  if (rating < 40) return 'low';
  if (rating < 60) return 'medium';
  if (rating < 90) return 'high';
  return 'privileged';
}

export function trustPercent(level: TrustLevel): number {
  return TRUST_PERCENT[level];
}

export function isTrustLevel(value: unknown): value is TrustLevel {
  return typeof value === 'string' && (TRUST_LEVELS as readonly string[]).includes(value);
}

/** Formats without trust levels: a boundary named after the internet is untrusted, others medium. */
export function trustLevelFromName(name: string): TrustLevel {
  return /\b(internet|untrusted)\b/i.test(name) ? 'untrusted' : 'medium';
}

const TRUST_MARKER = /(?:^|\n+)Threatloom trust level: ([a-z]+)[ \t]*$/;

/** Formats without trust levels keep ours in a last line, unless the name already implies it. */
export function withTrustMarker(description: string, name: string, level: TrustLevel): string {
  if (trustLevelFromName(name) === level) return description;
  const line = `Threatloom trust level: ${level}`;
  return description.trim() === '' ? line : `${description}\n\n${line}`;
}

/** The trust level a marker line names (else the name's), and the description without the line. */
export function readTrustMarker(description: string, name: string): { trustLevel: TrustLevel; description: string; guessed: boolean } {
  const match = TRUST_MARKER.exec(description);
  if (match && isTrustLevel(match[1])) return { trustLevel: match[1], description: description.slice(0, match.index).trimEnd(), guessed: false };
  return { trustLevel: trustLevelFromName(name), description, guessed: true };
}
