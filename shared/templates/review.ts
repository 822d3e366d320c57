// The threat half of a template: the real rule engine runs over the template's diagram and every
// suggestion is decided the way a reviewer would in the app — accepted through `acceptThreat`
// (the same mitigation dedupe), moved through its lifecycle with `setThreatLifecycle`, or
// dismissed with a reason. A template leaves no suggestion undecided, and a decision that matches
// no suggestion is an error, so a rule change that affects a template shows up at generation.
import { loadBundledCatalogs, parseRef } from '../catalogs';
import {
  acceptThreat,
  dismissSuggestion,
  emptyHistory,
  execute,
  markElementReviewed,
  rateThreat,
  setThreatLifecycle,
  updateMitigation,
  type Command,
  type MitigationChanges,
} from '../editing';
import { remapIds, type Mitigation, type MitigationStatus, type ModelDocument, type Rating, type Uuid } from '../model';
import { bundledRulePacks, bundledRules, evaluateRules, threatFromSuggestion, type SuggestedThreat } from '../rules';
import { TEMPLATE_DATE, TEMPLATE_TIMESTAMP, type TemplateBuilder, type TemplateInfo } from './builder';

/** Who owns an accepted suggestion (default: the element's owner) and how it is rated (default: the rule's). */
interface Recorded {
  readonly owner?: string;
  readonly likelihood?: Rating;
  readonly impact?: Rating;
}

/** What the reviewer did with one suggestion. Without a decision a suggestion is accepted as open. */
export type Decision =
  | { readonly dismiss: string }
  | (Recorded & { readonly status?: 'open' | 'mitigated' })
  | (Recorded & { readonly status: 'accepted'; readonly rationale: string; readonly approver: string; readonly reviewBy: string })
  | (Recorded & { readonly status: 'not-applicable' | 'transferred' | 'avoided'; readonly reason: string });

/** Follow-up on a mitigation the accepted threats created, by its title. */
export interface MitigationPlan {
  readonly status: MitigationStatus;
  readonly owner?: string;
  readonly dueDate?: string;
  readonly phase?: string;
  readonly rejectionReason?: string;
}

export interface ReviewPlan {
  /** By suggestion: `ruleId@element name`. */
  readonly decisions: Readonly<Record<string, Decision>>;
  readonly mitigations?: Readonly<Record<string, MitigationPlan>>;
}

/** `ruleId@element name`: how plans and tests name a suggestion. */
export function decisionKey(builder: TemplateBuilder, s: Pick<SuggestedThreat, 'ruleId' | 'elementId'>): string {
  const element = [...builder.nodes, ...builder.flows].find((e) => e.id === s.elementId);
  return `${s.ruleId}@${element?.name ?? s.elementId}`;
}

const run = (doc: ModelDocument, command: Command) => execute(doc, emptyHistory, command, TEMPLATE_TIMESTAMP).doc;

/** A generated template: what the picker shows about it, and the document. */
export interface BuiltTemplate {
  readonly info: TemplateInfo;
  readonly doc: ModelDocument;
}

/** The template document: diagram, then every suggestion decided as the plan says. */
export function reviewTemplate(builder: TemplateBuilder, plan: ReviewPlan): BuiltTemplate {
  let doc = builder.document();
  const suggestions = evaluateRules(doc, bundledRules());
  const keys = new Set(suggestions.map((s) => decisionKey(builder, s)));
  const stray = Object.keys(plan.decisions).filter((k) => !keys.has(k));
  if (stray.length) throw new Error(`template ${builder.info.id}: decisions match no suggestion: ${stray.join(', ')}`);

  const mitigated: Uuid[] = [];
  for (const s of suggestions) {
    const key = decisionKey(builder, s);
    const decision = plan.decisions[key] ?? {};
    if ('dismiss' in decision) {
      doc = run(doc, dismissSuggestion(s.ruleId, s.elementId, decision.dismiss, TEMPLATE_TIMESTAMP));
      continue;
    }
    const { threat, mitigations } = threatFromSuggestion(s, builder.id('threat', key));
    doc = run(doc, acceptThreat({ ...threat, owner: decision.owner ?? builder.ownerOf(s.elementId) }, mitigations));
    if (decision.likelihood || decision.impact) {
      doc = run(doc, rateThreat(threat.id, decision.likelihood ?? threat.likelihood, decision.impact ?? threat.impact));
    }
    if (decision.status === 'mitigated') mitigated.push(threat.id);
    if (decision.status && decision.status !== 'open') doc = run(doc, setThreatLifecycle(threat.id, lifecycle(decision)));
  }
  doc = stableMitigationIds(builder, doc);
  for (const m of doc.mitigations) doc = run(doc, updateMitigation(m.id, followUp(builder, doc, m, plan, mitigated)));
  const unknown = Object.keys(plan.mitigations ?? {}).filter((title) => !doc.mitigations.some((m) => m.title === title));
  if (unknown.length) throw new Error(`template ${builder.info.id}: mitigation plans match no mitigation: ${unknown.join(', ')}`);

  // Every element the engine had something to say about was gone through in its STRIDE panel.
  for (const elementId of new Set(suggestions.map((s) => s.elementId))) doc = run(doc, markElementReviewed(elementId, TEMPLATE_TIMESTAMP));
  return { info: builder.info, doc: { ...doc, catalogVersions: catalogVersions(doc) } };
}

function lifecycle(decision: Exclude<Decision, { dismiss: string }>) {
  switch (decision.status) {
    case 'accepted':
      return {
        status: decision.status,
        acceptance: { rationale: decision.rationale, approver: decision.approver, date: TEMPLATE_DATE, reviewBy: decision.reviewBy },
      };
    case 'not-applicable':
    case 'transferred':
    case 'avoided':
      return { status: decision.status, statusReason: decision.reason };
    default:
      return { status: decision.status ?? 'open' };
  }
}

/** acceptThreat gives new mitigations random ids; a template names them by title instead. */
function stableMitigationIds(builder: TemplateBuilder, doc: ModelDocument): ModelDocument {
  const renamed = new Map(doc.mitigations.map((m) => [m.id, builder.id('mitigation', m.title.toLowerCase())]));
  return remapIds(doc, (id) => renamed.get(id) ?? id);
}

/**
 * A mitigation of a mitigated threat is implemented unless the plan says more; the plan sets the
 * rest. Its owner is the plan's, else the owner of the first threat that needs it.
 */
function followUp(builder: TemplateBuilder, doc: ModelDocument, m: Mitigation, plan: ReviewPlan, mitigated: readonly Uuid[]): MitigationChanges {
  const users = doc.threats.filter((t) => t.mitigationIds.includes(m.id));
  const byMitigatedThreat = users.some((t) => mitigated.includes(t.id));
  const p = plan.mitigations?.[m.title];
  const status = p?.status ?? (byMitigatedThreat ? 'implemented' : m.status);
  return {
    status,
    owner: p?.owner ?? users[0]?.owner ?? builder.info.owner,
    dueDate: p?.dueDate ?? '',
    phase: p?.phase ?? m.phase,
    rejectionReason: status === 'rejected' ? (p?.rejectionReason ?? '') : '',
  };
}

/** The edition of each catalog the template's references use, and the rule pack's version. */
function catalogVersions(doc: ModelDocument): Record<string, string> {
  const refs = [...doc.threats.flatMap((t) => t.refs), ...doc.mitigations.flatMap((m) => m.refs)];
  const used = new Set(refs.map((r) => parseRef(r)?.namespace));
  const versions: Record<string, string> = {};
  for (const c of loadBundledCatalogs().catalogs) if (used.has(c.namespace)) versions[c.namespace] = c.edition;
  for (const pack of bundledRulePacks()) versions[pack.id] = pack.version;
  return versions;
}
