// What a template card says, and how arrow keys move between cards. Plain functions, tested in
// tests/unit/templates/template-cards.test.ts.
import type { TemplateSummary } from '../../shared/templates';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "11 components · 12 flows · 4 boundaries". */
export function diagramCounts(t: TemplateSummary): string {
  return [plural(t.counts.nodes, 'component'), plural(t.counts.flows, 'flow'), plural(t.counts.boundaries, 'boundary', 'boundaries')].join(' · ');
}

/** "29 threats reviewed, 21 open". */
export function threatCounts(t: TemplateSummary): string {
  return `${plural(t.counts.threats, 'threat')} reviewed, ${t.counts.openThreats} open`;
}

/** The card that arrow keys move focus to, in a grid `columns` wide; null at the edges. */
export function neighbour(index: number, key: string, count: number, columns: number): number | null {
  const next =
    key === 'ArrowRight' ? index + 1 :
    key === 'ArrowLeft' ? index - 1 :
    key === 'ArrowDown' ? index + columns :
    key === 'ArrowUp' ? index - columns :
    key === 'Home' ? 0 :
    key === 'End' ? count - 1 : null;
  return next !== null && next >= 0 && next < count ? next : null;
}
