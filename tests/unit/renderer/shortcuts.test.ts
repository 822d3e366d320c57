// Desktop keyboard conventions map to the editor's actions (the menu accelerators use the same names).
import { describe, expect, it } from 'vitest';
import { actionForKey, type EditorAction } from '../../../renderer/editor/shortcuts';

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) =>
  actionForKey({ key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt });

describe('actionForKey', () => {
  it.each<[string, ReturnType<typeof key>, EditorAction]>([
    ['Ctrl+Z', key('z', { ctrl: true }), 'undo'],
    ['Cmd+Z', key('z', { meta: true }), 'undo'],
    ['Ctrl+Shift+Z', key('Z', { ctrl: true, shift: true }), 'redo'],
    ['Ctrl+Y', key('y', { ctrl: true }), 'redo'],
    ['Ctrl+C', key('c', { ctrl: true }), 'copy'],
    ['Ctrl+X', key('x', { ctrl: true }), 'cut'],
    ['Ctrl+V', key('v', { ctrl: true }), 'paste'],
    ['Ctrl+D', key('d', { ctrl: true }), 'duplicate'],
    ['Ctrl+A', key('a', { ctrl: true }), 'selectAll'],
    ['Ctrl+S', key('s', { ctrl: true }), 'save'],
    ['Ctrl+O', key('o', { ctrl: true }), 'open'],
    ['Ctrl+=', key('=', { ctrl: true }), 'zoomIn'],
    ['Ctrl+-', key('-', { ctrl: true }), 'zoomOut'],
    ['Ctrl+0', key('0', { ctrl: true }), 'actualSize'],
    ['Ctrl+Shift+1', key('!', { ctrl: true, shift: true }), 'fit'],
    ['Delete', key('Delete'), 'delete'],
    ['Backspace', key('Backspace'), 'delete'],
    ['Escape', key('Escape'), 'deselect'],
    ['F2', key('F2'), 'rename'],
    ['ArrowLeft', key('ArrowLeft'), 'nudgeLeft'],
  ])('%s → %s', (_name, action, expected) => {
    expect(action).toBe(expected);
  });

  it('leaves other keys and Alt combinations to the browser', () => {
    expect(key('z')).toBeNull();
    expect(key('q', { ctrl: true })).toBeNull();
    expect(key('z', { ctrl: true, alt: true })).toBeNull();
  });
});
