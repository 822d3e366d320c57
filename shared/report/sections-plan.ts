// What is being done about the threats: the mitigation roadmap by phase, the accepted risks with
// who signed them off, the attack trees, and the compliance tables.
import { evaluateAttackTree, orderedSteps } from '../attack-trees';
import { complianceTable } from '../compliance';
import { MITIGATION_STATUS_LABELS, coverage, effectivenessLabel, roadmap } from '../mitigations';
import { residualRisk } from '../risk';
import { elementNames, plural, refText, riskCell, type ReportContext } from './context';
import type { Block, TableRow, TreeLine } from './types';

export function roadmapBlocks(ctx: ReportContext): Block[] {
  const columns = roadmap(ctx.doc, ctx.date);
  if (columns.length === 0) return [{ kind: 'paragraph', text: 'No mitigations are recorded.', tone: 'muted' }];
  const linked = coverage(ctx.doc);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      tone: 'muted',
      text: 'Mitigations by phase, in the order the team set; within a phase by status, then due date. Overdue means the due date has passed before the report date and the work is not implemented.',
    },
  ];
  for (const column of columns) {
    const rows: TableRow[] = column.groups.flatMap((g) =>
      g.cards.map(({ mitigation: m, overdue }) => ({
        cells: [
          { text: m.title.trim() || 'Untitled mitigation', bold: true },
          MITIGATION_STATUS_LABELS[m.status],
          m.owner.trim() || '—',
          overdue ? { text: `${m.dueDate} (overdue)`, band: 'high' as const } : m.dueDate || '—',
          (linked.get(m.id) ?? []).map((t) => t.title.trim() || 'Untitled threat').join('\n') || 'None',
          effectivenessLabel(m.effectiveness),
          m.refs.map((r) => refText(ctx.index, r)).join('\n') || '—',
        ],
        ...(m.status === 'rejected' && m.rejectionReason.trim() ? { note: `Rejected: ${m.rejectionReason.trim()}` } : m.description.trim() ? { note: m.description.trim() } : {}),
      })),
    );
    const overdue = column.overdue ? `, ${column.overdue} overdue` : '';
    blocks.push({ kind: 'heading', text: `${column.label} (${plural(column.total, 'mitigation')}${overdue})`, toc: false });
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Mitigation', width: 4 },
        { header: 'Status', width: 1.7 },
        { header: 'Owner', width: 2 },
        { header: 'Due', width: 1.8 },
        { header: 'Threats addressed', width: 3.5 },
        { header: 'Effect', width: 1.2, align: 'right' },
        { header: 'Controls', width: 2.6 },
      ],
      rows,
      empty: '',
    });
  }
  return blocks;
}

export function acceptedBlocks(ctx: ReportContext): Block[] {
  const accepted = ctx.doc.threats.filter((t) => t.status === 'accepted');
  const rows: TableRow[] = accepted.map((t) => ({
    cells: [
      { text: t.title.trim() || 'Untitled threat', bold: true },
      elementNames(ctx, t.elementIds),
      riskCell(residualRisk(t, ctx.doc.mitigations)),
      t.acceptance?.approver.trim() || '—',
      t.acceptance?.date || '—',
      t.acceptance?.reviewBy || '—',
    ],
    note: `Rationale: ${t.acceptance?.rationale.trim() || 'none recorded'}`,
  }));
  return [
    { kind: 'paragraph', tone: 'muted', text: 'Risks the owner chose to carry, with the residual risk that was accepted and who approved it.' },
    {
      kind: 'table',
      columns: [
        { header: 'Threat', width: 4 },
        { header: 'Element', width: 2.8 },
        { header: 'Residual risk', width: 2 },
        { header: 'Approver', width: 2.2 },
        { header: 'Accepted', width: 1.8 },
        { header: 'Review by', width: 1.8 },
      ],
      rows,
      empty: 'No risk has been accepted.',
    },
  ];
}

export function attackTreeBlocks(ctx: ReportContext): Block[] {
  if (ctx.doc.attackTrees.length === 0) return [{ kind: 'paragraph', text: 'No attack trees are recorded.', tone: 'muted' }];
  const threats = new Map(ctx.doc.threats.map((t) => [t.id, t]));
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      tone: 'muted',
      text: 'Each goal is reached through any of the steps under it. AND: every step below is needed; OR: any one is enough. A step is blocked when all its mitigations are implemented or verified, or when its children block it.',
    },
  ];
  for (const tree of ctx.doc.attackTrees) {
    const evaluation = evaluateAttackTree(tree, ctx.doc.mitigations);
    const steps = orderedSteps(tree);
    const hasChildren = new Set(steps.flatMap((s) => (s.parentId ? [s.parentId] : [])));
    const lines: TreeLine[] = steps.map(({ step, depth }) => {
      const state = evaluation.steps.get(step.id);
      const linkedThreats = step.threatIds.flatMap((id) => threats.get(id)?.title ?? []);
      const linkedMitigations = step.mitigationIds.flatMap((id) => ctx.mitigationsById.get(id)?.title ?? []);
      const detail = [
        state?.blocked ? 'BLOCKED' : '',
        linkedThreats.length ? `threats: ${linkedThreats.join('; ')}` : '',
        linkedMitigations.length ? `mitigations: ${linkedMitigations.join('; ')}` : '',
      ]
        .filter(Boolean)
        .join(' · ');
      return { depth, gate: hasChildren.has(step.id) ? (step.gate === 'and' ? 'AND' : 'OR') : '', label: step.label.trim() || 'Unnamed step', detail };
    });
    const status = evaluation.goalBlocked ? 'blocked' : `${plural(evaluation.openPaths, 'open path')}`;
    const blocked = steps.filter(({ step }) => evaluation.steps.get(step.id)?.blocked).map(({ step }) => step.id);
    blocks.push({ kind: 'tree', goal: `${tree.goal.trim() || 'Unnamed goal'} (${status})`, lines, drawing: { tree, blocked, gated: [...hasChildren] } });
  }
  return blocks;
}

export function complianceBlocks(ctx: ReportContext): Block[] {
  const tables = complianceTable(ctx.doc, ctx.index);
  if (tables.length === 0) return [{ kind: 'paragraph', text: 'No compliance framework catalog is loaded.', tone: 'muted' }];
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      tone: 'muted',
      text: 'Which framework requirements the model’s threats and mitigations address, directly or through one catalog link. A requirement with nothing recorded is not necessarily unmet: the model simply says nothing about it.',
    },
  ];
  for (const table of tables) {
    const addressed = table.rows.filter((r) => r.threats.length + r.mitigations.length > 0);
    const silent = table.rows.filter((r) => r.threats.length + r.mitigations.length === 0);
    const rows: TableRow[] = addressed.map((r) => ({
      cells: [
        { text: r.id, bold: true },
        r.name,
        r.threats.map((a) => a.title).join('\n') || '—',
        r.mitigations.map((a) => a.title).join('\n') || '—',
      ],
    }));
    blocks.push({ kind: 'heading', text: `${table.title} ${table.edition} — ${table.addressed} of ${plural(table.rows.length, table.framework.unit, table.framework.units)} addressed`, toc: false });
    blocks.push({
      kind: 'table',
      columns: [{ header: 'Requirement', width: 1.6 }, { header: 'Title', width: 4 }, { header: 'Threats', width: 3.5 }, { header: 'Mitigations', width: 3.5 }],
      rows,
      empty: 'Nothing in the model addresses this framework yet.',
    });
    if (silent.length) blocks.push({ kind: 'paragraph', tone: 'muted', text: `Nothing recorded for ${silent.length}: ${silent.map((r) => r.id).join(', ')}.` });
  }
  return blocks;
}
