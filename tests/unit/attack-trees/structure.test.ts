import { describe, expect, it } from 'vitest';
import { childrenOf, isInSubtree, orderedSteps, subtreeIds } from '../../../shared/attack-trees';
import { S, tree } from './fixtures';

describe('attack tree structure', () => {
  it('lists steps depth first in document order, with depth and sibling position', () => {
    const order = orderedSteps(tree());
    expect(order.map((o) => [o.step.id, o.depth, o.position, o.siblings])).toEqual([
      [S.weights, 1, 1, 2],
      [S.registry, 2, 1, 2],
      [S.creds, 3, 1, 1],
      [S.bucket, 2, 2, 2],
      [S.extract, 1, 2, 2],
      [S.queries, 2, 1, 2],
      [S.train, 2, 2, 2],
    ]);
  });

  it('finds children, subtrees and descendants', () => {
    expect(childrenOf(tree(), null).map((s) => s.id)).toEqual([S.weights, S.extract]);
    expect(subtreeIds(tree(), S.weights)).toEqual([S.weights, S.registry, S.creds, S.bucket]);
    expect(subtreeIds(tree(), 'unknown')).toEqual([]);
    expect(isInSubtree(tree(), S.weights, S.creds)).toBe(true);
    expect(isInSubtree(tree(), S.weights, S.weights)).toBe(true);
    expect(isInSubtree(tree(), S.weights, S.train)).toBe(false);
  });
});
