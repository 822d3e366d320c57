// What a threat's or mitigation's status requires of the record: an accepted risk names its
// rationale and approver, a not-applicable threat says why, a rejected mitigation says why.
// The same check guards commands (refused with these messages) and documents (validation).
import type { Problem } from './problems';
import type { Mitigation, ModelDocument, Threat } from './types';

/** Problems with one threat's status fields; `at` prefixes the paths. */
export function threatStatusProblems(t: Pick<Threat, 'status' | 'acceptance' | 'statusReason'>, at = ''): Problem[] {
  const problems: Problem[] = [];
  const path = (field: string) => (at ? `${at}.${field}` : field);
  if (t.status === 'accepted') {
    if (!t.acceptance) problems.push({ path: path('acceptance'), message: 'an accepted risk needs a rationale, an approver and a date' });
    else {
      if (!t.acceptance.rationale.trim()) problems.push({ path: path('acceptance.rationale'), message: 'an accepted risk needs a rationale' });
      if (!t.acceptance.approver.trim()) problems.push({ path: path('acceptance.approver'), message: 'an accepted risk needs the name of who approved it' });
    }
  } else if (t.acceptance) {
    problems.push({ path: path('acceptance'), message: `only an accepted risk has acceptance details; this threat is ${t.status}` });
  }
  if (t.status === 'not-applicable' && !t.statusReason.trim()) {
    problems.push({ path: path('statusReason'), message: 'say why the threat does not apply' });
  }
  return problems;
}

export function mitigationStatusProblems(m: Pick<Mitigation, 'status' | 'rejectionReason'>, at = ''): Problem[] {
  return m.status === 'rejected' && !m.rejectionReason.trim()
    ? [{ path: at ? `${at}.rejectionReason` : 'rejectionReason', message: 'say why the mitigation was rejected' }]
    : [];
}

export function lifecycleProblems(doc: ModelDocument): Problem[] {
  return [
    ...doc.threats.flatMap((t, i) => threatStatusProblems(t, `threats[${i}]`)),
    ...doc.mitigations.flatMap((m, i) => mitigationStatusProblems(m, `mitigations[${i}]`)),
  ];
}
