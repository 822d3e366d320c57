// What a mitigation record must satisfy before a command writes it. The messages name the field
// and say what is wrong, because commands show them to the user when they refuse a change.
import { mitigationStatusProblems } from '../model/lifecycle';
import type { Problem } from '../model/problems';
import type { Mitigation } from '../model/types';
import { MITIGATION_STATUSES } from '../model/types';
import { isIsoDay } from './schedule';

const REF = /^[^\s:]+:\S+$/;
const MAX_NAME = 500;

export function mitigationProblems(m: Mitigation): Problem[] {
  const problems: Problem[] = [];
  if (!m.title.trim()) problems.push({ path: 'title', message: 'a mitigation needs a title' });
  if (m.title.length > MAX_NAME) problems.push({ path: 'title', message: `the title is longer than ${MAX_NAME} characters` });
  if (!MITIGATION_STATUSES.includes(m.status)) problems.push({ path: 'status', message: `"${String(m.status)}" is not a mitigation status` });
  if (typeof m.effectiveness !== 'number' || !Number.isFinite(m.effectiveness) || m.effectiveness < 0 || m.effectiveness > 1) {
    problems.push({ path: 'effectiveness', message: 'effectiveness must be between 0 % and 100 %' });
  }
  if (m.dueDate !== '' && !isIsoDay(m.dueDate)) {
    problems.push({ path: 'dueDate', message: `the due date "${m.dueDate}" is not a date like 2025-01-31` });
  }
  m.refs.forEach((ref, i) => {
    if (!REF.test(ref)) problems.push({ path: `refs[${i}]`, message: `the reference "${ref}" must look like catalog:entry, e.g. atlas:AML.M0015` });
  });
  if (new Set(m.refs).size !== m.refs.length) problems.push({ path: 'refs', message: 'a reference is listed twice' });
  problems.push(...mitigationStatusProblems(m));
  return problems;
}

/** One sentence for a refused command, e.g. `Cannot save “Rate limits”: say why …`. */
export function refusal(what: string, problems: readonly Problem[]): string {
  return `${what}: ${problems.map((p) => p.message).join('; ')}.`;
}
