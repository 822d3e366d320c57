// The diagrams, the element index and the threats grouped by element.
import { containmentIndex, crossingFlows, nodesInBoundary } from '../geometry';
import { MITIGATION_STATUS_LABELS } from '../mitigations';
import { STRIDE, type Diagram, type Flow, type Threat, type Uuid } from '../model';
import { inherentRisk, residualRisk } from '../risk';
import { STRIDE_NAMES, THREAT_STATUS_LABELS, plural, refText, riskCell, shown, type ElementInfo, type ReportContext } from './context';
import { buildScene } from './scene';
import type { Block, TableColumn, TableRow } from './types';

export function diagramBlocks(ctx: ReportContext, number: string): Block[] {
  return ctx.doc.diagrams.map((diagram, i) => {
    const scene = buildScene(diagram, { includeOutOfScope: ctx.options.includeOutOfScope });
    const counts = [plural(scene.nodes.length, 'component'), plural(scene.flows.length, 'data flow'), plural(scene.boundaries.length, 'trust boundary', 'trust boundaries')];
    return {
      kind: 'diagram',
      title: `${number}.${i + 1} ${diagram.name.trim() || `Diagram ${i + 1}`}`,
      caption: `${counts.join(' · ')}. Orange flows cross a trust boundary; dashed shapes are out of scope.`,
      scene,
    };
  });
}

function flowDetails(flow: Flow): string {
  const flags = [flow.protocol.trim(), flow.encrypted ? 'encrypted' : 'not encrypted', flow.authenticated ? 'authenticated' : 'not authenticated'];
  if (flow.publicNetwork) flags.push('public network');
  if (flow.bidirectional) flags.push('both ways');
  if (flow.carries.length) flags.push(`carries ${flow.carries.join(', ')}`);
  return flags.filter(Boolean).join(' · ');
}

function threatCount(ctx: ReportContext, id: Uuid): string {
  const list = ctx.threatsByElement.get(id) ?? [];
  if (list.length === 0) return '0';
  const open = list.filter((t) => t.status === 'open').length;
  return `${list.length} (${open} open)`;
}

function elementRows(ctx: ReportContext, diagram: Diagram): TableRow[] {
  const inside = containmentIndex(diagram);
  const boxNames = new Map(diagram.boundaries.map((b) => [b.id, b.name.trim() || 'Trust boundary']));
  const rows: TableRow[] = [];
  const row = (e: ElementInfo | undefined, details: string): void => {
    if (!e || !shown(ctx, e.record.id)) return;
    const description = 'description' in e.record ? e.record.description.trim() : '';
    rows.push({ cells: [{ text: e.name, bold: true }, e.typeLabel, details, threatCount(ctx, e.record.id)], ...(description ? { note: description } : {}) });
  };
  for (const node of diagram.nodes) {
    const boxes = [...(inside.get(node.id) ?? [])].map((id) => boxNames.get(id) ?? id);
    const details = [boxes.length ? `inside ${boxes.join(', ')}` : '', node.outOfScope ? `out of scope: ${node.outOfScopeReason.trim() || 'no reason given'}` : '']
      .filter(Boolean)
      .join(' · ');
    row(ctx.elements.get(node.id), details || '—');
  }
  for (const flow of diagram.flows) row(ctx.elements.get(flow.id), flowDetails(flow));
  for (const boundary of diagram.boundaries) {
    const details = boundary.shape === 'box' ? `contains ${plural(nodesInBoundary(diagram, boundary.id).length, 'component')}` : '';
    const crossing = crossingFlows(diagram, boundary.id).length;
    row(ctx.elements.get(boundary.id), [details, `crossed by ${plural(crossing, 'flow')}`].filter(Boolean).join(' · '));
  }
  return rows;
}

export function elementIndexBlocks(ctx: ReportContext): Block[] {
  const columns: TableColumn[] = [{ header: 'Element', width: 3 }, { header: 'Type', width: 3.2 }, { header: 'Details', width: 4.5 }, { header: 'Threats', width: 1.5 }];
  return ctx.doc.diagrams.flatMap((diagram): Block[] => [
    { kind: 'heading', text: diagram.name.trim() || 'Diagram', toc: false },
    { kind: 'table', columns, rows: elementRows(ctx, diagram), empty: 'This diagram is empty.' },
  ]);
}

const THREAT_COLUMNS: readonly TableColumn[] = [
  { header: 'Threat', width: 4 },
  { header: 'STRIDE', width: 1.6, align: 'center' },
  { header: 'Catalog refs', width: 3 },
  { header: 'L × I', width: 1.1, align: 'center' },
  { header: 'Risk (inherent → residual)', width: 2.4 },
  { header: 'Status', width: 1.7 },
  { header: 'Owner', width: 2.2 },
  { header: 'Mitigations', width: 3.2 },
];

function threatNote(ctx: ReportContext, t: Threat): string {
  const parts = [t.description.trim()];
  if (t.status === 'accepted' && t.acceptance) parts.push(`Accepted by ${t.acceptance.approver} on ${t.acceptance.date}: ${t.acceptance.rationale}`);
  else if (t.statusReason.trim()) parts.push(`${THREAT_STATUS_LABELS[t.status]}: ${t.statusReason.trim()}`);
  if (t.origin.kind === 'rule' && t.origin.facts.length) parts.push(`Suggested because: ${t.origin.facts.join('; ')}.`);
  return parts.filter(Boolean).join('\n');
}

export function threatRow(ctx: ReportContext, t: Threat): TableRow {
  const linked = [...new Set(t.mitigationIds)].flatMap((id) => {
    const m = ctx.mitigationsById.get(id);
    return m ? [`${m.title.trim() || 'Untitled'} (${MITIGATION_STATUS_LABELS[m.status].toLowerCase()})`] : [];
  });
  const inherent = inherentRisk(t);
  const residual = residualRisk(t, ctx.doc.mitigations);
  const risk = inherent && residual ? { ...riskCell(residual), text: `${riskCell(inherent).text.split(' ')[0]} → ${riskCell(residual).text}` } : riskCell(null);
  const note = threatNote(ctx, t);
  return {
    cells: [
      { text: t.title.trim() || 'Untitled threat', bold: true },
      t.stride.join(' ') || '—',
      t.refs.map((r) => refText(ctx.index, r)).join('\n') || '—',
      t.likelihood !== null && t.impact !== null ? `${t.likelihood} × ${t.impact}` : '—',
      risk,
      THREAT_STATUS_LABELS[t.status],
      t.owner.trim() || '—',
      linked.join('\n') || 'None',
    ],
    ...(note ? { note } : {}),
  };
}

export function threatBlocks(ctx: ReportContext): Block[] {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      tone: 'muted',
      text: `STRIDE: ${STRIDE.map((l) => `${l} ${STRIDE_NAMES[l].toLowerCase()}`).join(', ')}. L × I: likelihood × impact, each 1–5.`,
    },
  ];
  const listed = new Set<Uuid>();
  const kept = new Set(ctx.threats);
  for (const [id, e] of ctx.elements) {
    if (!shown(ctx, id)) continue;
    const threats = (ctx.threatsByElement.get(id) ?? []).filter((t) => kept.has(t));
    if (threats.length === 0) continue;
    threats.forEach((t) => listed.add(t.id));
    const where = ctx.doc.diagrams.length > 1 ? ` · ${e.diagram.name}` : '';
    blocks.push({ kind: 'heading', text: `${e.name} — ${e.typeLabel}${where}`, toc: false });
    blocks.push({ kind: 'table', columns: THREAT_COLUMNS, rows: threats.map((t) => threatRow(ctx, t)), empty: '' });
  }
  const loose = ctx.threats.filter((t) => !listed.has(t.id));
  if (loose.length) {
    blocks.push({ kind: 'heading', text: 'Threats not linked to a shown element', toc: false });
    blocks.push({ kind: 'table', columns: THREAT_COLUMNS, rows: loose.map((t) => threatRow(ctx, t)), empty: '' });
  }
  if (ctx.threats.length === 0) blocks.push({ kind: 'paragraph', text: 'No threats are recorded.', tone: 'muted' });
  return blocks;
}
