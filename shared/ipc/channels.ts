// The names that cross the process boundary, defined once. The preload refuses any channel or
// event not listed here, and the main process registers a handler for exactly these channels.
// No imports: the sandboxed preload bundles this module and nothing heavier.

/** Renderer → main requests (`ipcRenderer.invoke` / `ipcMain.handle`). */
export const INVOKE_CHANNELS = [
  'files:open',
  'files:openRecent',
  'files:listRecent',
  'files:save',
  'files:saveAs',
  'files:exportBytes',
  'menu:state',
  'edit:native',
  'app:ready',
  'app:busy',
  'app:quitReady',
] as const;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

/** Main → renderer notifications (`webContents.send` / `ipcRenderer.on`). */
export const EVENT_CHANNELS = ['menu:action', 'files:openRequested', 'app:closeRequested'] as const;
export type EventChannel = (typeof EVENT_CHANNELS)[number];

/**
 * What a menu item asks the renderer to do. Names shared with the editor's keyboard actions
 * (renderer/editor/shortcuts.ts) mean the same thing there: `undo`, `save`, `zoomIn`, `fit`, …
 */
export const MENU_ACTIONS = [
  // File
  'new', 'newFromTemplate', 'open', 'save', 'saveAs', 'import', 'export', 'close',
  // Edit
  'undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll', 'find',
  // View
  'zoomIn', 'zoomOut', 'fit', 'actualSize', 'togglePalette', 'toggleProperties', 'toggleThreats', 'toggleDarkMode',
  // Help
  'showCatalogs', 'showShortcuts', 'showAbout',
] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

/** Menu items drawn with a check mark; the renderer reports whether each is on. */
export const CHECKABLE_ACTIONS = ['togglePalette', 'toggleProperties', 'toggleThreats', 'toggleDarkMode'] as const satisfies readonly MenuAction[];
export type CheckableAction = (typeof CHECKABLE_ACTIONS)[number];

/** Edit commands the renderer can ask Chromium to run natively in a focused text field. */
export const NATIVE_EDIT_COMMANDS = ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'] as const satisfies readonly MenuAction[];
export type NativeEditCommand = (typeof NATIVE_EDIT_COMMANDS)[number];

export const isInvokeChannel = (value: unknown): value is InvokeChannel =>
  typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
export const isEventChannel = (value: unknown): value is EventChannel =>
  typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
