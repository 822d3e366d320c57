// The laid-out drawing of one attack tree, kept up to date as the tree changes. ELK runs only when
// something that moves boxes changes (steps, parents, labels, the goal), not when a link or a
// mitigation status does, and a late result for an older shape never replaces a newer one.
import { untrack } from 'svelte';
import type { AttackTree, Mitigation, Uuid } from '../../shared/model';
import { evaluateAttackTree, layoutAttackTree, orderedSteps, type AttackTreeLayout, type TreeEvaluation } from '../../shared/attack-trees';

export class DiagramState {
  layout = $state.raw<AttackTreeLayout | null>(null);
  private readonly source: () => { tree: AttackTree; mitigations: readonly Mitigation[] };

  constructor(source: () => { tree: AttackTree; mitigations: readonly Mitigation[] }) {
    this.source = source;
    $effect(() => {
      void this.shape;
      const tree = untrack(() => this.source().tree);
      let current = true;
      void layoutAttackTree(tree).then((layout) => {
        if (current) this.layout = layout;
      });
      return () => {
        current = false;
      };
    });
  }

  tree: AttackTree = $derived.by(() => this.source().tree);
  evaluation: TreeEvaluation = $derived.by(() => evaluateAttackTree(this.tree, this.source().mitigations));
  /** Everything the layout depends on, as one comparable string. */
  private shape = $derived(JSON.stringify([this.tree.id, this.tree.goal, this.tree.steps.map((s) => [s.id, s.parentId, s.label])]));

  /** Keyboard order: the goal, then the steps depth first. */
  order: readonly Uuid[] = $derived([this.tree.id, ...orderedSteps(this.tree).map((o) => o.step.id)]);
  info = $derived(new Map(orderedSteps(this.tree).map((o) => [o.step.id, o])));

  hasChildren = (id: Uuid): boolean => this.tree.steps.some((s) => (s.parentId ?? this.tree.id) === id && s.id !== id);

  /** Where an arrow key moves from `id`: Up/Down through the order, Left to the parent, Right to the first child. */
  neighbour = (id: Uuid, key: string): Uuid | null => {
    const i = this.order.indexOf(id);
    if (key === 'ArrowDown') return this.order[i + 1] ?? null;
    if (key === 'ArrowUp') return i > 0 ? this.order[i - 1]! : null;
    if (key === 'Home') return this.order[0] ?? null;
    if (key === 'End') return this.order.at(-1) ?? null;
    if (key === 'ArrowLeft') return id === this.tree.id ? null : (this.info.get(id)?.parentId ?? this.tree.id);
    if (key === 'ArrowRight') return this.order.find((x) => x !== this.tree.id && (this.info.get(x)?.parentId ?? this.tree.id) === id) ?? null;
    return null;
  };
}
