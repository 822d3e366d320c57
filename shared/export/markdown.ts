// The report as Markdown (GitHub flavour), from the same structure as the PDF: the same sections
// and tables, heat maps as tables, diagrams as Mermaid flowcharts. User text is escaped so a
// threat title cannot turn into a heading, a link or a broken table.
import { rectContainsRect } from '../geometry';
import type { Block, Cell, ReportStructure, Scene, TableRow } from '../report';

/** Escapes characters Markdown would read as syntax; newlines become `<br>` inside tables. */
export function escapeMarkdown(text: string, inTable = false): string {
  // Emphasis, code, links, tables and HTML anywhere; headings, lists and rules only at a line start.
  const escaped = text.replace(/[\\`*_[\]|<>~]/g, (c) => `\\${c}`).replace(/^(\s*)([#+=-]|\d+\.)/gm, (_, s: string, m: string) => `${s}\\${m}`);
  return inTable ? escaped.replace(/\r?\n/g, '<br>') : escaped;
}

const cellText = (c: Cell) => (typeof c === 'string' ? c : c.bold ? `**${escapeMarkdown(c.text, true)}**` : escapeMarkdown(c.text, true));

function table(block: Extract<Block, { kind: 'table' }>): string[] {
  if (block.rows.length === 0) return block.empty ? [`_${escapeMarkdown(block.empty)}_`, ''] : [];
  const head = `| ${block.columns.map((c) => escapeMarkdown(c.header, true)).join(' | ')} |`;
  const rule = `| ${block.columns.map((c) => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---')).join(' | ')} |`;
  const row = (r: TableRow) => {
    const cells = block.columns.map((_, i) => (r.cells[i] === undefined ? '' : cellText(r.cells[i]!)));
    if (r.note) cells[0] = `${cells[0]}<br>_${escapeMarkdown(r.note, true)}_`;
    return `| ${cells.join(' | ')} |`;
  };
  return [head, rule, ...block.rows.map(row), ''];
}

/** Mermaid label text: quotes and `#` become entity codes, newlines line breaks. */
function mermaidLabel(text: string): string {
  return text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;')).replace(/\r?\n/g, '<br/>');
}

export function sceneToMermaid(scene: Scene): string[] {
  const ids = new Map(scene.nodes.map((node, i) => [node.id, `n${i + 1}`]));
  const shape = (kind: string, label: string) => (kind === 'store' ? `[("${label}")]` : kind === 'process' ? `("${label}")` : `["${label}"]`);
  const boxes = scene.boundaries.flatMap((b) => (b.shape === 'box' ? [b] : []));
  // Each node goes into the smallest box holding it (Mermaid subgraphs here are not nested).
  const home = new Map<string, string>();
  for (const node of scene.nodes) {
    const holding = boxes.filter((b) => rectContainsRect(b.rect, node.rect)).sort((a, b) => a.rect.width * a.rect.height - b.rect.width * b.rect.height);
    if (holding[0]) home.set(node.id, holding[0].id);
  }
  const lines = ['```mermaid', 'flowchart LR'];
  const nodeLine = (node: Scene['nodes'][number], indent: string) => `${indent}${ids.get(node.id)}${shape(node.kind, mermaidLabel(node.name))}`;
  for (const node of scene.nodes) if (!home.has(node.id)) lines.push(nodeLine(node, '  '));
  boxes.forEach((b, i) => {
    const inside = scene.nodes.filter((node) => home.get(node.id) === b.id);
    if (inside.length === 0) return;
    lines.push(`  subgraph b${i + 1}["${mermaidLabel(b.label)}"]`, ...inside.map((node) => nodeLine(node, '    ')), '  end');
  });
  for (const f of scene.flows) {
    const from = ids.get(f.source);
    const to = ids.get(f.target);
    if (!from || !to) continue;
    const arrow = f.arrowStart ? '<-->' : '-->';
    const label = f.label.length ? `|"${mermaidLabel(f.label.join(' '))}"|` : '';
    lines.push(`  ${from} ${arrow}${label} ${to}`);
  }
  return [...lines, '```', ''];
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      return [`### ${escapeMarkdown(b.text)}`, ''];
    case 'paragraph':
      return [b.tone === 'muted' ? `_${escapeMarkdown(b.text)}_` : escapeMarkdown(b.text), ''];
    case 'fields':
      return [...b.items.map((i) => `- **${escapeMarkdown(i.label)}:** ${escapeMarkdown(i.value)}`), ''];
    case 'table':
      return table(b);
    case 'heat-maps':
      return b.maps.flatMap((m) => [
        `**${escapeMarkdown(m.title)}** (rows: likelihood 5 → 1; columns: impact 1 → 5)`,
        '',
        '| Likelihood | 1 | 2 | 3 | 4 | 5 |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        ...[5, 4, 3, 2, 1].map((l) => `| ${l} | ${(m.counts[l - 1] ?? []).join(' | ')} |`),
        '',
        ...(m.unrated ? [`Not rated yet: ${m.unrated}`, ''] : []),
      ]);
    case 'diagram':
      return [`### ${escapeMarkdown(b.title)}`, '', `_${escapeMarkdown(b.caption)}_`, '', ...sceneToMermaid(b.scene)];
    case 'tree':
      return [
        `**Goal: ${escapeMarkdown(b.goal)}**`,
        '',
        ...b.lines.map((l) => `${'  '.repeat(l.depth - 1)}- ${l.gate ? `**${l.gate}** ` : ''}${escapeMarkdown(l.label)}${l.detail ? ` — _${escapeMarkdown(l.detail)}_` : ''}`),
        '',
      ];
  }
}

export function reportToMarkdown(report: ReportStructure): string {
  const lines = [
    `# ${escapeMarkdown(report.cover.title)}`,
    '',
    `_${escapeMarkdown(report.cover.subtitle)}${report.classification ? ` · ${escapeMarkdown(report.classification.toUpperCase())}` : ''}_`,
    '',
    ...report.cover.fields.map((f) => `- **${escapeMarkdown(f.label)}:** ${escapeMarkdown(f.value)}`),
    '',
    '## Contents',
    '',
    ...report.sections.map((s) => `- ${s.number} ${escapeMarkdown(s.title)}`),
    '',
  ];
  for (const section of report.sections) lines.push(`## ${section.number} ${escapeMarkdown(section.title)}`, '', ...section.blocks.flatMap(block));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
