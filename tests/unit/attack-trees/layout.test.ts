import { describe, expect, it } from 'vitest';
import { fallbackLayout, layoutAttackTree, wrapLabel, type AttackTreeLayout, type LaidOutNode } from '../../../shared/attack-trees';
import { S, TREE, step, tree } from './fixtures';

const overlap = (a: LaidOutNode, b: LaidOutNode) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function expectWellFormed(layout: AttackTreeLayout, ids: string[]): void {
  expect(layout.nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
  for (const [i, a] of layout.nodes.entries()) {
    for (const b of layout.nodes.slice(i + 1)) expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.y).toBeGreaterThanOrEqual(0);
    expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
    expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
  }
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  for (const edge of layout.edges) {
    const from = byId.get(edge.from)!;
    const to = byId.get(edge.to)!;
    // Top-down: every child sits below its parent, and the edge runs from one to the other.
    expect(to.y).toBeGreaterThanOrEqual(from.y + from.height);
    expect(edge.points.length).toBeGreaterThanOrEqual(2);
    expect(edge.points[0]!.y).toBeCloseTo(from.y + from.height, 0);
    expect(edge.points.at(-1)!.y).toBeCloseTo(to.y, 0);
  }
}

describe('attack tree layout', () => {
  const ids = [TREE, ...Object.values(S)];

  it('lays the tree out top-down with ELK: every box placed, none overlapping', async () => {
    const layout = await layoutAttackTree(tree());
    expectWellFormed(layout, ids);
    expect(layout.edges).toHaveLength(7);
    expect(layout.nodes.find((n) => n.id === TREE)).toMatchObject({ kind: 'goal', lines: ['Steal the model'] });
    // Siblings keep document order left to right.
    const x = (id: string) => layout.nodes.find((n) => n.id === id)!.x;
    expect(x(S.weights)).toBeLessThan(x(S.extract));
    expect(x(S.queries)).toBeLessThan(x(S.train));
    // Parents sit over their children: each parent's centre lies within its children's centres.
    const centre = (id: string) => { const n = layout.nodes.find((m) => m.id === id)!; return n.x + n.width / 2; };
    for (const [parent, kids] of [[TREE, [S.weights, S.extract]], [S.weights, [S.registry, S.bucket]], [S.extract, [S.queries, S.train]]] as const) {
      const spots = kids.map(centre);
      expect(centre(parent)).toBeGreaterThanOrEqual(Math.min(...spots));
      expect(centre(parent)).toBeLessThanOrEqual(Math.max(...spots));
    }
  });

  it('the fallback layout is well formed too', () => {
    expectWellFormed(fallbackLayout(tree()), ids);
  });

  it('lays out a lone goal and a wide, long-labelled tree', async () => {
    const lone = await layoutAttackTree({ id: TREE, goal: 'Poison the fraud model', steps: [] });
    expect(lone.nodes).toHaveLength(1);
    expect(lone.edges).toEqual([]);
    const wide = {
      id: TREE,
      goal: 'Exfiltrate documents through the chatbot',
      steps: Array.from({ length: 12 }, (_, i) =>
        step(`00000000-0000-4000-8000-0000000003${String(i).padStart(2, '0')}`, `Step ${i} `.repeat(i + 1), null),
      ),
    };
    const layout = await layoutAttackTree(wide);
    expectWellFormed(layout, [TREE, ...wide.steps.map((s) => s.id)]);
    const tall = layout.nodes.find((n) => n.id === wide.steps[11]!.id)!;
    expect(tall.lines).toHaveLength(4);
    expect(tall.height).toBeGreaterThan(layout.nodes.find((n) => n.id === wide.steps[0]!.id)!.height);
  });
});

describe('wrapLabel', () => {
  it('wraps at word boundaries, breaks long words and ends cut labels with an ellipsis', () => {
    expect(wrapLabel('Phish the registry credentials', 16)).toEqual(['Phish the', 'registry', 'credentials']);
    expect(wrapLabel('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapLabel('one two three four five', 3, 2)).toEqual(['one', 'tw…']);
    expect(wrapLabel('   ', 10)).toEqual(['']);
  });
});
