// Threat Dragon threats ↔ ours. Real files disagree with Threat Dragon's schema (`id` or
// `threatId`, `NA` or `NotApplicable`, severities like "TBA"), so reading accepts every variant
// and keeps any value we cannot map in the threat's description, with one note per odd value.
import type { MitigationStatus, ThreatStatus } from '../model';
import type { DraftMitigation, DraftThreat } from './draft';
import type { NoteLog } from './notes';
import { severityRating, strideLetter } from './scales';
import { firstLine, obj, paragraphs, quote, str } from './text';

const STATUS_IN: Readonly<Record<string, ThreatStatus>> = {
  open: 'open',
  mitigated: 'mitigated',
  accepted: 'accepted',
  transferred: 'transferred',
  avoided: 'avoided',
  eliminated: 'avoided',
  notapplicable: 'not-applicable',
  na: 'not-applicable',
};

export const TD_STATUS: Readonly<Record<ThreatStatus, string>> = {
  open: 'Open',
  mitigated: 'Mitigated',
  accepted: 'Accepted',
  transferred: 'Transferred',
  avoided: 'Avoided',
  'not-applicable': 'NotApplicable',
};

export interface ReadThreat {
  readonly threat: DraftThreat;
  readonly mitigation?: DraftMitigation;
}

/** One Threat Dragon threat on the element with key `elementKey`. */
export function readThreat(raw: unknown, elementKey: string, index: number, notes: NoteLog): ReadThreat {
  const t = obj(raw);
  const foreignId = str(t['id']) || str(t['threatId']);
  const key = `${elementKey}/threat/${foreignId || index}`;
  const title = str(t['title']).trim() || 'Untitled threat';
  const extra: string[] = [];

  const statusText = str(t['status']);
  let status = STATUS_IN[statusText.toLowerCase().replace(/[^a-z]/g, '')];
  if (statusText.toLowerCase() === 'eliminated') {
    notes.changeOnce('threat status "Eliminated"', 'Threatloom has no such status; imported as avoided');
  }
  if (status === undefined) {
    status = 'open';
    if (statusText !== '') {
      extra.push(`Threat Dragon status: ${statusText}`);
      notes.changeOnce(`threat status ${quote(statusText)}`, 'not a Threat Dragon status; imported as open, the value is kept in the threat description');
    }
  }

  const severityText = str(t['severity']);
  let impact = severityRating(severityText);
  if (impact === undefined) {
    impact = null;
    extra.push(`Threat Dragon severity: ${severityText}`);
    notes.changeOnce(`threat severity ${quote(severityText)}`, 'not a Threat Dragon severity; impact left unrated, the value is kept in the threat description');
  }

  const typeText = str(t['type']).trim();
  const letter = strideLetter(typeText);
  if (!letter && typeText !== '') {
    const model = str(t['modelType']);
    extra.push(`Threat Dragon type: ${typeText}${model ? ` (${model})` : ''}`);
    notes.changeOnce(`threat type ${quote(typeText)}`, 'not a STRIDE category; kept in the threat description');
  }
  const score = str(t['score']).trim();
  if (score !== '') extra.push(`Threat Dragon score: ${score}`);

  const mitigationText = str(t['mitigation']).trim();
  const mitigation: DraftMitigation | undefined =
    mitigationText === ''
      ? undefined
      : {
          key: `${key}/mitigation`,
          title: firstLine(mitigationText) || 'Mitigation',
          description: mitigationText,
          status: mitigationStatus(status),
          effectiveness: 0.5,
        };

  return {
    threat: {
      key,
      title,
      description: paragraphs(str(t['description']), ...extra),
      elementKeys: [elementKey],
      stride: letter ? [letter] : [],
      status,
      likelihood: null,
      impact,
      mitigationKeys: mitigation ? [mitigation.key] : [],
    },
    mitigation,
  };
}

/** A mitigated threat's mitigation is in place; for any other status it is only proposed. */
export function mitigationStatus(status: ThreatStatus): MitigationStatus {
  return status === 'mitigated' ? 'implemented' : 'proposed';
}
