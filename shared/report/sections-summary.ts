// The executive summary (what a manager reads in two minutes) and the scope section.
import { ASSET_KINDS, THREAT_STATUSES, type Threat } from '../model';
import { BANDS_BY_SEVERITY, RISK_BAND_LABELS, bandCounts, heatMap, inherentRisk, residualRisk, statusCounts, type RiskRating } from '../risk';
import { EFFECTIVE_MITIGATION_STATUSES } from '../risk';
import { THREAT_STATUS_LABELS, brief, elementNames, plural, riskCell, type ReportContext } from './context';
import type { Block, TableRow } from './types';

const TOP_RISKS = 10;
/** Statuses still carrying their risk: nothing settled them away. */
const LIVE_STATUSES = new Set<Threat['status']>(['open', 'accepted']);

const score = (r: RiskRating | null) => r?.score ?? 0;

/** The threats still carrying risk, worst residual risk first (then inherent, then document order). */
export function topRisks(ctx: ReportContext, limit = TOP_RISKS): Threat[] {
  const mitigations = ctx.doc.mitigations;
  return ctx.threats
    .map((threat, i) => ({ threat, i, residual: score(residualRisk(threat, mitigations)), inherent: score(inherentRisk(threat)) }))
    .filter((x) => LIVE_STATUSES.has(x.threat.status) && x.inherent > 0)
    .sort((a, b) => b.residual - a.residual || b.inherent - a.inherent || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.threat);
}

function keyFigures(ctx: ReportContext): Block {
  const { doc } = ctx;
  const nodes = doc.diagrams.reduce((n, d) => n + d.nodes.length, 0);
  const flows = doc.diagrams.reduce((n, d) => n + d.flows.length, 0);
  const boundaries = doc.diagrams.reduce((n, d) => n + d.boundaries.length, 0);
  const working = doc.mitigations.filter((m) => EFFECTIVE_MITIGATION_STATUSES.includes(m.status)).length;
  const statuses = statusCounts(doc);
  return {
    kind: 'fields',
    items: [
      { label: 'Diagrams', value: String(doc.diagrams.length) },
      { label: 'Elements', value: `${nodes + flows + boundaries} (${plural(nodes, 'component')}, ${plural(flows, 'data flow')}, ${plural(boundaries, 'trust boundary', 'trust boundaries')})` },
      { label: 'Assets', value: String(doc.assets.length) },
      { label: 'Threats', value: `${doc.threats.length} (${statuses.open} open)` },
      { label: 'Mitigations', value: `${doc.mitigations.length} (${working} implemented or verified)` },
      { label: 'Accepted risks', value: String(statuses.accepted) },
    ],
  };
}

function countTables(ctx: ReportContext): Block[] {
  const inherent = bandCounts(ctx.doc, 'inherent');
  const residual = bandCounts(ctx.doc, 'residual');
  const bandRows: TableRow[] = [...BANDS_BY_SEVERITY, 'unrated' as const].map((band) => ({
    cells: [{ text: band === 'unrated' ? 'Unrated' : RISK_BAND_LABELS[band], band }, String(inherent[band]), String(residual[band])],
  }));
  bandRows.push({ cells: [{ text: 'Total', bold: true }, { text: String(ctx.doc.threats.length), bold: true }, { text: String(ctx.doc.threats.length), bold: true }] });
  const statuses = statusCounts(ctx.doc);
  const statusRows: TableRow[] = THREAT_STATUSES.map((s) => ({ cells: [THREAT_STATUS_LABELS[s], String(statuses[s])] }));
  return [
    { kind: 'heading', text: 'Threats by risk band', toc: false },
    {
      kind: 'table',
      columns: [{ header: 'Risk band', width: 3 }, { header: 'Inherent', width: 2, align: 'right' }, { header: 'Residual', width: 2, align: 'right' }],
      rows: bandRows,
      empty: '',
      width: 0.55,
    },
    { kind: 'heading', text: 'Threats by status', toc: false },
    { kind: 'table', columns: [{ header: 'Status', width: 3 }, { header: 'Threats', width: 2, align: 'right' }], rows: statusRows, empty: '', width: 0.4 },
  ];
}

function heatMaps(ctx: ReportContext): Block {
  const map = (kind: 'inherent' | 'residual', title: string) => {
    const h = heatMap(ctx.doc, kind);
    return { title, counts: h.cells.map((row) => row.map((ids) => ids.length)), unrated: h.unrated.length };
  };
  return { kind: 'heat-maps', maps: [map('inherent', 'Inherent risk'), map('residual', 'Residual risk')] };
}

function topRiskTable(ctx: ReportContext): Block[] {
  const rows: TableRow[] = topRisks(ctx).map((t, i) => ({
    cells: [
      String(i + 1),
      { text: t.title || 'Untitled threat', bold: true },
      elementNames(ctx, t.elementIds),
      riskCell(inherentRisk(t)),
      riskCell(residualRisk(t, ctx.doc.mitigations)),
      THREAT_STATUS_LABELS[t.status],
      t.owner.trim() || '—',
    ],
  }));
  return [
    { kind: 'heading', text: 'Top risks', toc: false },
    {
      kind: 'table',
      columns: [
        { header: '#', width: 0.6, align: 'right' },
        { header: 'Threat', width: 5 },
        { header: 'Element', width: 3 },
        { header: 'Inherent', width: 2 },
        { header: 'Residual', width: 2 },
        { header: 'Status', width: 1.8 },
        { header: 'Owner', width: 2 },
      ],
      rows,
      empty: 'No open or accepted threat has a rating yet.',
    },
  ];
}

export function summaryBlocks(ctx: ReportContext): Block[] {
  const { doc } = ctx;
  const scopeText = doc.scope.inScope.trim() || doc.description.trim();
  const blocks: Block[] = [
    { kind: 'paragraph', text: scopeText ? brief(scopeText, 700) : 'The model does not state its scope yet.', tone: scopeText ? 'normal' : 'muted' },
    keyFigures(ctx),
  ];
  const left = [
    ctx.left.mitigated ? `${plural(ctx.left.mitigated, 'mitigated threat')}` : '',
    ctx.left.outOfScope ? `${plural(ctx.left.outOfScope, 'threat')} on out-of-scope elements` : '',
  ].filter(Boolean);
  blocks.push({
    kind: 'paragraph',
    tone: 'muted',
    text:
      `Counts and heat maps cover all ${plural(doc.threats.length, 'threat')} of the model. Inherent risk is likelihood × impact as rated; ` +
      'residual risk is what remains after implemented or verified mitigations.' +
      (left.length ? ` The threat lists leave out ${left.join(' and ')}.` : ''),
  });
  blocks.push(heatMaps(ctx), ...countTables(ctx), ...topRiskTable(ctx));
  return blocks;
}

const ASSET_KIND_LABELS: Readonly<Record<(typeof ASSET_KINDS)[number], string>> = {
  'training-data': 'Training data',
  'model-weights': 'Model weights',
  'feature-store': 'Feature store',
  'inference-api': 'Inference API',
  prompts: 'Prompts',
  embeddings: 'Embeddings',
  credentials: 'Credentials',
  pii: 'Personal data',
  'intellectual-property': 'Intellectual property',
  infrastructure: 'Infrastructure',
  custom: 'Other',
};

export function scopeBlocks(ctx: ReportContext): Block[] {
  const { scope } = ctx.doc;
  const part = (title: string, text: string): Block[] => [
    { kind: 'heading', text: title, toc: false },
    { kind: 'paragraph', text: text.trim() || 'Not stated.', tone: text.trim() ? 'normal' : 'muted' },
  ];
  const outOfScope = [...ctx.elements.values()].filter((e) => e.outOfScope);
  const assets: TableRow[] = ctx.doc.assets.map((a) => ({
    cells: [
      { text: a.name.trim() || 'Unnamed asset', bold: true },
      ASSET_KIND_LABELS[a.kind] ?? a.kind,
      `${a.confidentiality} / ${a.integrity} / ${a.availability}`,
      elementNames(ctx, a.elementIds),
    ],
    ...(a.description.trim() ? { note: a.description.trim() } : {}),
  }));
  return [
    ...part('In scope', scope.inScope),
    ...part('Out of scope', scope.outOfScope),
    ...part('Assumptions', scope.assumptions),
    ...part('Business objectives', scope.businessObjectives),
    { kind: 'heading', text: 'Out-of-scope elements', toc: false },
    {
      kind: 'table',
      columns: [{ header: 'Element', width: 3 }, { header: 'Type', width: 3 }, { header: 'Diagram', width: 2 }, { header: 'Reason', width: 4 }],
      rows: outOfScope.map((e) => ({ cells: [e.name, e.typeLabel, e.diagram.name, 'outOfScopeReason' in e.record ? e.record.outOfScopeReason.trim() || 'No reason given' : ''] })),
      empty: 'Every element of the diagrams is in scope.',
    },
    { kind: 'heading', text: 'Assets', toc: false },
    {
      kind: 'table',
      columns: [{ header: 'Asset', width: 3 }, { header: 'Kind', width: 2 }, { header: 'C / I / A', width: 1.4, align: 'center' }, { header: 'Held by', width: 4 }],
      rows: assets,
      empty: 'No assets are recorded.',
    },
  ];
}
