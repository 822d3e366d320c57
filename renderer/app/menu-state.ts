// Who answers each native menu item, and what the menu shows. Pure, so routing and the reported
// state are tested without Electron or Svelte. The app answers what works on every screen (new,
// open, help, dark mode); the open editor answers the rest, and while no editor is open those
// items are reported disabled.
import { MENU_ACTIONS, MAX_LABEL_LENGTH, type MenuAction, type MenuState } from '../../shared/ipc';

export const APP_MENU_ACTIONS = [
  'new', 'newFromTemplate', 'open', 'import', 'close', 'showCatalogs', 'showShortcuts', 'showAbout', 'toggleDarkMode',
] as const satisfies readonly MenuAction[];
export type AppMenuAction = (typeof APP_MENU_ACTIONS)[number];
export type EditorMenuAction = Exclude<MenuAction, AppMenuAction>;

export const isAppMenuAction = (action: MenuAction): action is AppMenuAction => (APP_MENU_ACTIONS as readonly string[]).includes(action);

/** Every action the editor answers, in menu order. */
export const EDITOR_MENU_ACTIONS: readonly EditorMenuAction[] = MENU_ACTIONS.filter((a): a is EditorMenuAction => !isAppMenuAction(a));

export type PanelName = 'palette' | 'properties' | 'threats';

/** What the open editor reports about itself. */
export interface EditorMenuInput {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** The command names from the history, e.g. "Add LLM" (without "Undo"). */
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
  readonly hasSelection: boolean;
  readonly hasClipboard: boolean;
  /** The diagram (not a model-wide view) fills the editor: canvas actions apply. */
  readonly diagramView: boolean;
  /** An export dialog exists to open. */
  readonly canExport: boolean;
  readonly panels: Readonly<Record<PanelName, boolean>>;
}

export interface EditorMenuState {
  readonly enabled: Readonly<Record<EditorMenuAction, boolean>>;
  readonly panels: Readonly<Record<PanelName, boolean>>;
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
}

/** Menu labels come from user text (element names): one line, bounded, valid for the IPC schema. */
export function menuLabel(verb: string, name: string | null): string | null {
  if (!name) return null;
  const line = name.replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!line) return null;
  const max = Math.min(80, MAX_LABEL_LENGTH) - verb.length - 1;
  return `${verb} ${line.length > max ? `${line.slice(0, max - 1)}…` : line}`;
}

export function editorMenuState(input: EditorMenuInput): EditorMenuState {
  const onDiagram = input.diagramView;
  const selected = onDiagram && input.hasSelection;
  const enabled: Record<EditorMenuAction, boolean> = {
    save: true,
    saveAs: true,
    export: input.canExport,
    undo: input.canUndo,
    redo: input.canRedo,
    cut: selected,
    copy: selected,
    paste: onDiagram && input.hasClipboard,
    delete: selected,
    selectAll: onDiagram,
    find: onDiagram,
    zoomIn: onDiagram,
    zoomOut: onDiagram,
    fit: onDiagram,
    actualSize: onDiagram,
    togglePalette: onDiagram,
    toggleProperties: onDiagram,
    toggleThreats: onDiagram,
  };
  return {
    enabled,
    panels: input.panels,
    undoLabel: input.canUndo ? menuLabel('Undo', input.undoLabel) : null,
    redoLabel: input.canRedo ? menuLabel('Redo', input.redoLabel) : null,
  };
}

export interface AppMenuInput {
  readonly darkMode: boolean;
  /** A text field has focus: Edit-menu commands then act on it natively (see DesktopMenu). */
  readonly typing: boolean;
}

/** Edit commands a focused text field carries out natively, on any screen. */
const TEXT_EDIT_ACTIONS = ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'] as const satisfies readonly EditorMenuAction[];

/**
 * The whole menu state: the editor's part (on the home screen, every editor item disabled),
 * the edit commands a focused text field answers, and the app's own check marks.
 */
export function composeMenuState(editor: EditorMenuState | null, app: AppMenuInput): MenuState {
  const enabled: Partial<Record<MenuAction, boolean>> = {};
  for (const action of EDITOR_MENU_ACTIONS) enabled[action] = editor ? editor.enabled[action] : false;
  if (app.typing) for (const action of TEXT_EDIT_ACTIONS) enabled[action] = true;
  enabled.close = editor !== null;
  return {
    enabled,
    checked: {
      togglePalette: editor?.panels.palette ?? false,
      toggleProperties: editor?.panels.properties ?? false,
      toggleThreats: editor?.panels.threats ?? false,
      toggleDarkMode: app.darkMode,
    },
    undoLabel: editor?.undoLabel ?? null,
    redoLabel: editor?.redoLabel ?? null,
  };
}
