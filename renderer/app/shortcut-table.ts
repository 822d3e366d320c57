// The keyboard shortcuts dialog's rows, read off the editor's real key mapping
// (renderer/editor/shortcuts.ts) by trying every key it could use: the dialog can never list a
// shortcut that does not work, nor miss one that does.
import { actionForKey, type EditorAction, type KeyInput } from '../editor/shortcuts';

export const ACTION_LABELS: Readonly<Record<EditorAction, string>> = {
  undo: 'Undo',
  redo: 'Redo',
  copy: 'Copy the selection',
  cut: 'Cut the selection',
  paste: 'Paste',
  duplicate: 'Duplicate the selection',
  delete: 'Delete the selection',
  selectAll: 'Select everything in the diagram',
  deselect: 'Clear the selection',
  save: 'Save the model to a file',
  open: 'Open a model file',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  actualSize: 'Actual size (100%)',
  fit: 'Zoom to fit the diagram',
  rename: 'Rename the selected element',
  nudgeLeft: 'Move the selection left',
  nudgeRight: 'Move the selection right',
  nudgeUp: 'Move the selection up',
  nudgeDown: 'Move the selection down',
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SYMBOLS = ['=', '+', '-', '!', '/', '?', ',', '.'];
const NAMED = ['Delete', 'Backspace', 'Escape', 'Enter', 'Tab', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];
const FUNCTION_KEYS = Array.from({ length: 12 }, (_, i) => `F${i + 1}`);
const KEYS = [...LETTERS, ...SYMBOLS, ...NAMED, ...FUNCTION_KEYS];

const SHOWN_KEY: Readonly<Record<string, string>> = {
  ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc', Delete: 'Del', Backspace: 'Backspace',
};

export interface ShortcutRow {
  readonly action: EditorAction;
  readonly label: string;
  /** Key combinations as shown, e.g. `Ctrl+Shift+Z`; the first is the main one. */
  readonly keys: readonly string[];
}

/** `mac` shows ⌘ for the command key (the mapping accepts Ctrl and ⌘ alike). */
export function shortcutTable(mac = false): ShortcutRow[] {
  const mod = mac ? '⌘' : 'Ctrl';
  const found = new Map<EditorAction, string[]>();
  const combos: { shown: (key: string) => string; input: (key: string) => KeyInput }[] = [
    { shown: (k) => k, input: (k) => keyInput(k, false, false) },
    { shown: (k) => `${mod}+${k}`, input: (k) => keyInput(k, true, false) },
    { shown: (k) => `${mod}+Shift+${k}`, input: (k) => keyInput(k, true, true) },
  ];
  for (const combo of combos) {
    for (const key of KEYS) {
      const action = actionForKey(combo.input(key));
      if (!action) continue;
      // With Shift held the browser reports the shifted character ("!" for 1): show the key cap.
      const cap = key === '!' ? '1' : key === '+' ? '=' : key;
      const text = combo.shown(SHOWN_KEY[cap] ?? (cap.length === 1 ? cap.toUpperCase() : cap));
      const list = found.get(action) ?? [];
      if (!list.includes(text)) list.push(text);
      found.set(action, list);
    }
  }
  return (Object.keys(ACTION_LABELS) as EditorAction[])
    .filter((action) => found.has(action))
    .map((action) => ({ action, label: ACTION_LABELS[action], keys: found.get(action)! }));
}

function keyInput(key: string, mod: boolean, shiftKey: boolean): KeyInput {
  return { key, ctrlKey: mod, metaKey: false, shiftKey, altKey: false };
}
