// Desktop keyboard conventions → editor actions. Pure, so the mapping is testable and the
// desktop shell's menu accelerators can name the same actions.
export type EditorAction =
  | 'undo' | 'redo' | 'copy' | 'cut' | 'paste' | 'duplicate' | 'delete' | 'selectAll' | 'deselect'
  | 'save' | 'open' | 'zoomIn' | 'zoomOut' | 'actualSize' | 'fit' | 'rename'
  | 'nudgeLeft' | 'nudgeRight' | 'nudgeUp' | 'nudgeDown';

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Actions that still apply while the user types in a text field. */
export const ACTIONS_WHILE_TYPING: ReadonlySet<EditorAction> = new Set(['save', 'open']);

export function actionForKey(e: KeyInput): EditorAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (mod) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (e.shiftKey) return key === '!' || key === '1' ? 'fit' : null;
    const withMod: Record<string, EditorAction> = {
      c: 'copy', x: 'cut', v: 'paste', d: 'duplicate', a: 'selectAll', s: 'save', o: 'open',
      '=': 'zoomIn', '+': 'zoomIn', '-': 'zoomOut', '0': 'actualSize',
    };
    return withMod[key] ?? null;
  }
  const plain: Record<string, EditorAction> = {
    Delete: 'delete', Backspace: 'delete', Escape: 'deselect', F2: 'rename',
    ArrowLeft: 'nudgeLeft', ArrowRight: 'nudgeRight', ArrowUp: 'nudgeUp', ArrowDown: 'nudgeDown',
  };
  return plain[key] ?? null;
}

export function isTextInput(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type);
}
