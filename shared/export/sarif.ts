// The model's threats as a SARIF 2.1.0 log, so code-scanning dashboards and CI gates can show
// them next to static-analysis findings. A threat is a result; its rule is the Threatloom rule
// that suggested it, or one rule per manual threat. Locations are logical: the elements, named.
import type { CatalogIndex } from '../catalogs';
import { STRIDE, type ModelDocument, type Threat, type ThreatStatus } from '../model';
import { inherentRisk, residualRisk, type RiskBand } from '../risk';
import { STRIDE_NAMES } from '../report';
import { elementLabels } from './elements';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note' | 'none';
type Kind = 'fail' | 'pass' | 'informational' | 'notApplicable';

const LEVEL: Readonly<Record<RiskBand, Level>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** What a status means to a scanner: still a finding, dealt with, or not one at all. */
const KIND: Readonly<Record<ThreatStatus, Kind>> = {
  open: 'fail',
  accepted: 'fail',
  mitigated: 'pass',
  avoided: 'pass',
  transferred: 'informational',
  'not-applicable': 'notApplicable',
};

export interface SarifOptions {
  /** The app's version, for `tool.driver.version`. */
  readonly toolVersion?: string;
  /** Resolves catalog refs to help links and names. */
  readonly index?: CatalogIndex;
}

export function ruleIdOf(threat: Threat): string {
  return threat.origin.kind === 'rule' ? threat.origin.ruleId : `manual/${threat.id}`;
}

function text(value: string, fallback: string): { text: string } {
  return { text: value.trim() || fallback };
}

function rule(threat: Threat, index: CatalogIndex | undefined): Record<string, unknown> {
  const id = ruleIdOf(threat);
  const help = threat.refs.map((r) => index?.resolveRef(r)?.entry.url).find((u): u is string => typeof u === 'string');
  return {
    id,
    name: id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^./, (c) => c.toUpperCase()),
    shortDescription: text(threat.title, 'Untitled threat'),
    fullDescription: text(threat.description || threat.title, 'Untitled threat'),
    ...(help ? { helpUri: help } : {}),
    properties: { tags: ['security', 'threat-model', ...threat.stride.map((l) => STRIDE_NAMES[l]), ...threat.refs] },
  };
}

function suppressions(threat: Threat): Record<string, unknown>[] | undefined {
  if (threat.status === 'accepted') {
    const a = threat.acceptance;
    return [{ kind: 'external', status: 'accepted', justification: a ? `${a.rationale} (approved by ${a.approver}, ${a.date})` : 'Risk accepted' }];
  }
  return undefined;
}

export function sarifLog(doc: ModelDocument, options: SarifOptions = {}): Record<string, unknown> {
  const labels = elementLabels(doc);
  const rules: Record<string, unknown>[] = [];
  const ruleIndex = new Map<string, number>();
  const results = doc.threats.map((t) => {
    const id = ruleIdOf(t);
    if (!ruleIndex.has(id)) {
      ruleIndex.set(id, rules.length);
      rules.push(rule(t, options.index));
    }
    const residual = residualRisk(t, doc.mitigations);
    const inherent = inherentRisk(t);
    const kind = KIND[t.status];
    const located = t.elementIds.flatMap((e) => {
      const l = labels.get(e);
      return l ? [{ logicalLocations: [{ name: l.name, fullyQualifiedName: `${l.diagram}/${l.name}`, kind: l.type === 'flow' ? 'member' : 'module' }] }] : [];
    });
    const accepted = suppressions(t);
    return {
      ruleId: id,
      ruleIndex: ruleIndex.get(id)!,
      kind,
      level: kind === 'fail' ? (residual ? LEVEL[residual.band] : 'warning') : 'none',
      message: text(t.description ? `${t.title}: ${t.description}` : t.title, 'Untitled threat'),
      locations: located.length ? located : [{ logicalLocations: [{ name: doc.title.trim() || 'Threat model', kind: 'module' }] }],
      guid: t.id,
      partialFingerprints: { 'threatloom/threatId': t.id },
      ...(accepted ? { suppressions: accepted } : {}),
      properties: {
        status: t.status,
        stride: STRIDE.filter((l) => t.stride.includes(l)),
        likelihood: t.likelihood,
        impact: t.impact,
        inherentRisk: inherent ? { band: inherent.band, score: inherent.score } : null,
        residualRisk: residual ? { band: residual.band, score: residual.score } : null,
        owner: t.owner,
        refs: [...t.refs],
        ...(t.statusReason ? { statusReason: t.statusReason } : {}),
      },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Threatloom',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules,
          },
        },
        automationDetails: { id: `threatloom/${doc.id}/` },
        properties: { model: { id: doc.id, title: doc.title, version: doc.version } },
        results,
      },
    ],
  };
}
