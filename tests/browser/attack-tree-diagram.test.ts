// The read-only attack tree drawing the report can reuse: SVG boxes laid out by ELK, AND/OR and
// blocked states written out, no focusable items; and the interactive mode's keyboard walk.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import AttackTreeDiagram from '../../renderer/attack-trees/AttackTreeDiagram.svelte';
import { S, TREE, mitigations, tree } from '../unit/attack-trees/fixtures';

let host: HTMLDivElement | undefined;
let app: ReturnType<typeof mount> | undefined;

function render(props: Record<string, unknown>): HTMLDivElement {
  host = document.createElement('div');
  document.body.append(host);
  app = mount(AttackTreeDiagram, { target: host, props: { tree: tree(), mitigations: mitigations({ mfa: 'implemented' }), ...props } });
  flushSync();
  return host;
}

afterEach(() => {
  if (app) void unmount(app);
  host?.remove();
  app = host = undefined;
});

const laidOut = async (el: HTMLElement) => {
  await vi.waitFor(() => expect(el.querySelectorAll('[data-node]')).toHaveLength(8));
};

describe('AttackTreeDiagram', () => {
  it('draws a read-only tree: an image with every box, its gate and its blocked state in SVG text', async () => {
    const el = render({});
    await laidOut(el);
    const svg = el.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Attack tree: Steal the model');
    expect(el.querySelectorAll('[tabindex], [role="treeitem"]')).toHaveLength(0);
    // The SVG texts of a box (tag, blocked mark, label lines), and its tooltip.
    const text = (id: string) => [...el.querySelectorAll(`[data-node="${id}"] text`)].map((t) => t.textContent!.trim()).join(' | ');
    expect(text(TREE)).toBe('GOAL · ANY OF | Steal the model');
    expect(el.querySelector(`[data-node="${S.creds}"] title`)!.textContent).toBe('Step: Phish registry credentials (blocked)');
    expect(text(S.registry)).toContain('AND · ALL OF');
    expect(text(S.registry)).toContain('✓ BLOCKED');
    expect(text(S.creds)).toContain('✓ BLOCKED');
    expect(text(S.bucket)).not.toContain('BLOCKED');
    expect(text(S.weights)).toContain('OR · ANY OF');
    // Elements are real SVG, so they have a size on screen.
    const box = el.querySelector(`[data-node="${S.weights}"] rect`)!.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(100);
    expect(el.querySelector('[data-node] text')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('squeezes a line that measures wider than its box, and only that one', async () => {
    const el = render({ tree: { ...tree(), goal: `${'W'.repeat(24)} ok` } });
    await laidOut(el);
    const [wide, short] = [...el.querySelectorAll<SVGTSpanElement>(`[data-node="${TREE}"] tspan`)];
    expect(wide!.textContent).toBe('W'.repeat(24));
    expect(wide!.getAttribute('textLength')).toBe('200');
    expect(wide!.getComputedTextLength()).toBeLessThanOrEqual(200.5);
    expect(short!.hasAttribute('textLength')).toBe(false);
  });

  it('in interactive mode, steps are tree items and the arrow keys move the selection', async () => {
    const onselect = vi.fn();
    const el = render({ selectedId: S.queries, onselect });
    await laidOut(el);
    expect(el.querySelector('svg')!.getAttribute('role')).toBe('tree');
    const focused = el.querySelector<SVGGElement>(`[data-node="${S.queries}"]`)!;
    expect(focused.getAttribute('tabindex')).toBe('0');
    expect(el.querySelectorAll('[role="treeitem"][tabindex="-1"]')).toHaveLength(7);
    focused.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(onselect).toHaveBeenLastCalledWith(S.extract);
    focused.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(onselect).toHaveBeenLastCalledWith(S.train);
    focused.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    expect(onselect).toHaveBeenLastCalledWith(TREE);
  });
});
