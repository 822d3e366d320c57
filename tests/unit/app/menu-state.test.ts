// Which menu actions the app answers and which the editor does, and the menu state reported to
// the desktop shell (checked against the IPC schema main validates it with).
import { describe, expect, it } from 'vitest';
import { MENU_ACTIONS, checkArg } from '../../../shared/ipc';
import {
  APP_MENU_ACTIONS,
  composeMenuState,
  EDITOR_MENU_ACTIONS,
  editorMenuState,
  isAppMenuAction,
  menuLabel,
  type EditorMenuInput,
} from '../../../renderer/app/menu-state';

const input = (over: Partial<EditorMenuInput> = {}): EditorMenuInput => ({
  canUndo: true,
  canRedo: false,
  undoLabel: 'Add LLM',
  redoLabel: null,
  hasSelection: true,
  hasClipboard: false,
  diagramView: true,
  canExport: false,
  panels: { palette: true, properties: false, threats: true },
  ...over,
});

describe('menu routing', () => {
  it('splits every menu action between the app and the editor, none twice, none left out', () => {
    expect([...APP_MENU_ACTIONS, ...EDITOR_MENU_ACTIONS].sort()).toEqual([...MENU_ACTIONS].sort());
    for (const action of EDITOR_MENU_ACTIONS) expect(isAppMenuAction(action)).toBe(false);
    for (const action of APP_MENU_ACTIONS) expect(isAppMenuAction(action)).toBe(true);
  });

  it('leaves editing, file saving and panels to the editor', () => {
    for (const action of ['save', 'saveAs', 'export', 'undo', 'find', 'togglePalette', 'zoomIn'] as const) {
      expect(EDITOR_MENU_ACTIONS).toContain(action);
    }
  });
});

describe('editorMenuState', () => {
  it('enables what applies now and carries the panels and labels', () => {
    const state = editorMenuState(input());
    expect(state.enabled).toMatchObject({ undo: true, redo: false, copy: true, cut: true, delete: true, paste: false, find: true, export: false, save: true });
    expect(state.panels).toEqual({ palette: true, properties: false, threats: true });
    expect(state.undoLabel).toBe('Undo Add LLM');
    expect(state.redoLabel).toBeNull();
  });

  it('disables canvas actions while a model-wide view fills the editor, keeps undo and save', () => {
    const state = editorMenuState(input({ diagramView: false, hasClipboard: true }));
    for (const action of ['copy', 'cut', 'paste', 'delete', 'selectAll', 'find', 'zoomIn', 'fit', 'togglePalette'] as const) {
      expect(state.enabled[action], action).toBe(false);
    }
    expect(state.enabled.undo).toBe(true);
    expect(state.enabled.save).toBe(true);
  });

  it('enables export only when there is an export dialog to open', () => {
    expect(editorMenuState(input({ canExport: true })).enabled.export).toBe(true);
  });
});

describe('menuLabel', () => {
  it('keeps user text to one bounded line', () => {
    expect(menuLabel('Undo', 'Rename “a\nb\tc”')).toBe('Undo Rename “a b c”');
    const long = menuLabel('Undo', `Add asset “${'x'.repeat(500)}”`)!;
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('…')).toBe(true);
    expect(menuLabel('Redo', null)).toBeNull();
    expect(menuLabel('Redo', '\u0007 ')).toBeNull();
  });
});

describe('composeMenuState', () => {
  it('on the home screen: every editor item and Close disabled, the dark-mode check follows the theme', () => {
    const state = composeMenuState(null, { darkMode: true, typing: false });
    for (const action of EDITOR_MENU_ACTIONS) expect(state.enabled?.[action], action).toBe(false);
    expect(state.enabled?.close).toBe(false);
    expect(state.checked).toEqual({ togglePalette: false, toggleProperties: false, toggleThreats: false, toggleDarkMode: true });
    expect(state.undoLabel).toBeNull();
  });

  it('lets Edit-menu commands reach a focused text field on any screen', () => {
    const home = composeMenuState(null, { darkMode: false, typing: true });
    expect(home.enabled).toMatchObject({ cut: true, copy: true, paste: true, selectAll: true, undo: true, save: false, find: false });
    const editor = composeMenuState(editorMenuState(input({ hasSelection: false, canUndo: false })), { darkMode: false, typing: true });
    expect(editor.enabled).toMatchObject({ copy: true, paste: true, undo: true });
  });

  it('in the editor: its state, Close enabled, panel check marks', () => {
    const state = composeMenuState(editorMenuState(input()), { darkMode: false, typing: false });
    expect(state.enabled).toMatchObject({ close: true, undo: true, redo: false, copy: true });
    expect(state.checked).toEqual({ togglePalette: true, toggleProperties: false, toggleThreats: true, toggleDarkMode: false });
    expect(state.undoLabel).toBe('Undo Add LLM');
  });

  it('always produces a state the main process accepts', () => {
    const states = [
      composeMenuState(null, { darkMode: false, typing: false }),
      composeMenuState(editorMenuState(input({ undoLabel: `Set “${'\u0000'.repeat(3)}${'y'.repeat(400)}”` })), { darkMode: true, typing: true }),
    ];
    for (const state of states) expect(checkArg('menu:state', state)).toMatchObject({ ok: true });
  });
});
