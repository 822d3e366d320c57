// The picker's card text and arrow-key movement (renderer/home/template-cards.ts).
import { describe, expect, it } from 'vitest';
import { diagramCounts, neighbour, threatCounts } from '../../../renderer/home/template-cards';
import type { TemplateSummary } from '../../../shared/templates';

const card = (counts: Partial<TemplateSummary['counts']>): TemplateSummary => ({
  id: 't',
  title: 'T',
  summary: 'S',
  icon: 'llm',
  counts: { nodes: 11, flows: 12, boundaries: 4, threats: 29, openThreats: 21, mitigations: 40, assets: 5, ...counts },
});

describe('card text', () => {
  it('counts components, flows and boundaries with the right plurals', () => {
    expect(diagramCounts(card({}))).toBe('11 components · 12 flows · 4 boundaries');
    expect(diagramCounts(card({ nodes: 1, flows: 1, boundaries: 1 }))).toBe('1 component · 1 flow · 1 boundary');
  });

  it('says how many threats were reviewed and how many are open', () => {
    expect(threatCounts(card({}))).toBe('29 threats reviewed, 21 open');
    expect(threatCounts(card({ threats: 1, openThreats: 0 }))).toBe('1 threat reviewed, 0 open');
  });
});

describe('neighbour', () => {
  // Eight cards, two columns: 0 1 / 2 3 / 4 5 / 6 7.
  it('moves right, left, down and up in the grid', () => {
    expect(neighbour(0, 'ArrowRight', 8, 2)).toBe(1);
    expect(neighbour(1, 'ArrowRight', 8, 2)).toBe(2);
    expect(neighbour(3, 'ArrowLeft', 8, 2)).toBe(2);
    expect(neighbour(1, 'ArrowDown', 8, 2)).toBe(3);
    expect(neighbour(5, 'ArrowUp', 8, 2)).toBe(3);
    expect(neighbour(5, 'Home', 8, 2)).toBe(0);
    expect(neighbour(2, 'End', 8, 2)).toBe(7);
  });

  it('stops at the edges and ignores other keys', () => {
    expect(neighbour(0, 'ArrowLeft', 8, 2)).toBeNull();
    expect(neighbour(0, 'ArrowUp', 8, 2)).toBeNull();
    expect(neighbour(7, 'ArrowRight', 8, 2)).toBeNull();
    expect(neighbour(6, 'ArrowDown', 8, 2)).toBeNull();
    expect(neighbour(3, 'Enter', 8, 2)).toBeNull();
  });

  it('follows a one-column layout on narrow windows', () => {
    expect(neighbour(3, 'ArrowDown', 8, 1)).toBe(4);
  });
});
