// (model, catalogs, options) → the report structure. Pure and synchronous: the same input gives
// the same structure, which the golden test pins down.
import type { CatalogIndex } from '../catalogs';
import type { ModelDocument } from '../model';
import { createContext, type ReportContext } from './context';
import { reportOptionProblems } from './options';
import { appendixBlocks } from './sections-appendix';
import { diagramBlocks, elementIndexBlocks, threatBlocks } from './sections-elements';
import { acceptedBlocks, attackTreeBlocks, complianceBlocks, roadmapBlocks } from './sections-plan';
import { scopeBlocks, summaryBlocks } from './sections-summary';
import type { Block, ReportOptions, ReportSection, ReportStructure } from './types';

export class ReportOptionsError extends Error {
  override readonly name = 'ReportOptionsError';

  constructor(readonly problems: readonly string[]) {
    super(problems.join(' '));
  }
}

interface SectionPlan {
  readonly id: string;
  readonly title: string;
  readonly include: boolean;
  readonly blocks: (ctx: ReportContext, number: string) => Block[];
}

function plan(options: ReportOptions): SectionPlan[] {
  return [
    { id: 'summary', title: 'Executive summary', include: true, blocks: summaryBlocks },
    { id: 'scope', title: 'Scope and assumptions', include: true, blocks: scopeBlocks },
    { id: 'diagrams', title: 'Diagrams', include: options.includeDiagrams, blocks: diagramBlocks },
    { id: 'elements', title: 'Element index', include: true, blocks: elementIndexBlocks },
    { id: 'threats', title: 'Threats by element', include: true, blocks: threatBlocks },
    { id: 'roadmap', title: 'Mitigation roadmap', include: true, blocks: roadmapBlocks },
    { id: 'accepted', title: 'Accepted risks', include: true, blocks: acceptedBlocks },
    { id: 'attack-trees', title: 'Attack trees', include: options.includeAttackTrees, blocks: attackTreeBlocks },
    { id: 'compliance', title: 'Compliance', include: true, blocks: complianceBlocks },
  ];
}

export function buildReportStructure(doc: ModelDocument, index: CatalogIndex, options: ReportOptions): ReportStructure {
  const problems = reportOptionProblems(options);
  if (problems.length) throw new ReportOptionsError(problems);
  const ctx = createContext(doc, index, options);
  const sections: ReportSection[] = plan(options)
    .filter((p) => p.include)
    .map((p, i) => ({ id: p.id, number: String(i + 1), title: p.title, blocks: p.blocks(ctx, String(i + 1)) }));
  if (options.includeAppendix) sections.push({ id: 'appendix', number: 'A', title: 'Appendix: rating method and catalogs', blocks: appendixBlocks(ctx) });

  const title = doc.title.trim() || 'Untitled threat model';
  const reviewers = doc.reviewers.map((r) => r.trim()).filter(Boolean);
  return {
    meta: {
      title: `${title} — threat model report`,
      subject: 'Threat model report',
      author: doc.owner.trim(),
      keywords: ['threat model', 'STRIDE', 'AI security', ...(options.classification ? [options.classification] : [])].join(', '),
      creator: 'Threatloom',
      creationDate: options.creationDate,
    },
    paper: options.paper,
    classification: options.classification.trim(),
    date: ctx.date,
    cover: {
      title,
      subtitle: 'Threat model report',
      fields: [
        { label: 'Owner', value: doc.owner.trim() || '—' },
        { label: 'Reviewers', value: reviewers.join(', ') || '—' },
        { label: 'Model version', value: doc.version.trim() || '—' },
        { label: 'Report date', value: ctx.date },
      ],
      classification: options.classification.trim(),
      logo: options.logo,
    },
    sections,
  };
}
