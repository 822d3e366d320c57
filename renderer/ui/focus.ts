// `autofocus` only works when nothing else has focus (Svelte's and the browser's rule), so a
// field revealed by clicking a button stays unfocused. This action focuses on mount regardless.
export function focusOnMount(node: HTMLInputElement | HTMLTextAreaElement, select = true): void {
  node.focus();
  if (select) node.select();
}
