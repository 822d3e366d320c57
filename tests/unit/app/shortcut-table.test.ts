// The keyboard shortcuts dialog lists the editor's real mapping: every action, with keys that
// actionForKey really maps to it.
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, shortcutTable } from '../../../renderer/app/shortcut-table';
import { actionForKey } from '../../../renderer/editor/shortcuts';
import { EDITOR_ACTION_NAMES } from '../../electron/editor-actions';

/** Turns a shown combination ("Ctrl+Shift+Z", "Del", "←") back into a key event. */
function parse(shown: string) {
  const parts = shown.split('+');
  const cap = parts.at(-1)!;
  const named: Record<string, string> = { Del: 'Delete', Esc: 'Escape', '←': 'ArrowLeft', '→': 'ArrowRight', '↑': 'ArrowUp', '↓': 'ArrowDown' };
  const key = named[cap] ?? (cap.length === 1 ? cap.toLowerCase() : cap);
  return { key, ctrlKey: parts.includes('Ctrl'), metaKey: parts.includes('⌘'), shiftKey: parts.includes('Shift'), altKey: false };
}

describe('shortcutTable', () => {
  const rows = shortcutTable();

  it('lists every editor action once, with a label', () => {
    expect(rows.map((r) => r.action).sort()).toEqual([...EDITOR_ACTION_NAMES].sort());
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...EDITOR_ACTION_NAMES].sort());
  });

  it('shows keys that really do what the row says', () => {
    for (const row of rows) {
      expect(row.keys.length, row.action).toBeGreaterThan(0);
      for (const shown of row.keys) {
        // Shift+1 is typed as "!" (what the browser reports while Shift is held).
        const input = parse(shown);
        const action = actionForKey(input) ?? actionForKey({ ...input, key: input.key === '1' ? '!' : input.key });
        expect(action, shown).toBe(row.action);
      }
    }
  });

  it('names the usual desktop keys', () => {
    const keys = (action: string) => rows.find((r) => r.action === action)?.keys;
    expect(keys('undo')).toEqual(['Ctrl+Z']);
    expect(keys('redo')).toEqual(expect.arrayContaining(['Ctrl+Y', 'Ctrl+Shift+Z']));
    expect(keys('delete')).toEqual(['Del', 'Backspace']);
    expect(keys('fit')).toEqual(['Ctrl+Shift+1']);
    expect(shortcutTable(true).find((r) => r.action === 'save')?.keys).toEqual(['⌘+S']);
  });
});
