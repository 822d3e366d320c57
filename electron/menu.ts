// The application menu as a pure function of the renderer's reported state, so it can be tested
// without Electron. Items send action names to the renderer (see shared/ipc MENU_ACTIONS); only
// window-level things (full screen, quit, hide) use Electron roles.
//
// Keys: the page sees a keydown first, and Electron runs a menu accelerator only when the page
// did not handle it (preventDefault). The editor handles its own keys (renderer/editor/shortcuts.ts),
// so a shortcut fires once either way; the accelerators also serve screens that do not.
import type { MenuItemConstructorOptions } from 'electron';
import type { CheckableAction, MenuAction, MenuState } from '../shared/ipc';
import { CHECKABLE_ACTIONS } from '../shared/ipc';

export const ACCELERATORS: Readonly<Partial<Record<MenuAction, string>>> = {
  new: 'CmdOrCtrl+N',
  newFromTemplate: 'Shift+CmdOrCtrl+N',
  open: 'CmdOrCtrl+O',
  save: 'CmdOrCtrl+S',
  saveAs: 'Shift+CmdOrCtrl+S',
  import: 'CmdOrCtrl+I',
  export: 'CmdOrCtrl+E',
  close: 'CmdOrCtrl+W',
  undo: 'CmdOrCtrl+Z',
  redo: 'Shift+CmdOrCtrl+Z',
  cut: 'CmdOrCtrl+X',
  copy: 'CmdOrCtrl+C',
  paste: 'CmdOrCtrl+V',
  delete: 'Delete',
  selectAll: 'CmdOrCtrl+A',
  find: 'CmdOrCtrl+F',
  zoomIn: 'CmdOrCtrl+=',
  zoomOut: 'CmdOrCtrl+-',
  fit: 'Shift+CmdOrCtrl+1',
  actualSize: 'CmdOrCtrl+0',
  togglePalette: 'Alt+CmdOrCtrl+1',
  toggleProperties: 'Alt+CmdOrCtrl+2',
  toggleThreats: 'Alt+CmdOrCtrl+3',
  toggleDarkMode: 'Shift+CmdOrCtrl+D',
  showShortcuts: 'CmdOrCtrl+/',
};

export const LABELS: Readonly<Record<MenuAction, string>> = {
  new: 'New Model',
  newFromTemplate: 'New from Template…',
  open: 'Open…',
  save: 'Save',
  saveAs: 'Save As…',
  import: 'Import…',
  export: 'Export…',
  close: 'Close Model',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  delete: 'Delete',
  selectAll: 'Select All',
  find: 'Find…',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fit: 'Zoom to Fit',
  actualSize: 'Actual Size',
  togglePalette: 'Palette',
  toggleProperties: 'Properties Panel',
  toggleThreats: 'Threats Panel',
  toggleDarkMode: 'Dark Mode',
  showCatalogs: 'Catalogs and Licences',
  showShortcuts: 'Keyboard Shortcuts',
  showAbout: 'About Threatloom',
};

export interface RecentMenuEntry {
  readonly id: string;
  /** Shown in the native menu only (the full path is fine there: it never reaches the page). */
  readonly label: string;
}

export interface MenuContext {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  readonly state: MenuState;
  readonly recent: readonly RecentMenuEntry[];
  /** Adds Reload and Toggle Developer Tools (development builds only). */
  readonly devTools?: boolean;
  send(action: MenuAction): void;
  openRecent(id: string): void;
  clearRecent(): void;
}

const isCheckable = (action: MenuAction): action is CheckableAction => (CHECKABLE_ACTIONS as readonly string[]).includes(action);

/** On Windows and Linux `&` marks a mnemonic: text from elsewhere must double it. */
export const escapeLabel = (text: string, platform: NodeJS.Platform) => (platform === 'darwin' ? text : text.replace(/&/g, '&&'));

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const top = (label: string) => (mac ? label : `&${label}`);

  const item = (action: MenuAction): MenuItemConstructorOptions => {
    let label = LABELS[action];
    if (action === 'undo' && ctx.state.undoLabel) label = escapeLabel(ctx.state.undoLabel, ctx.platform);
    if (action === 'redo' && ctx.state.redoLabel) label = escapeLabel(ctx.state.redoLabel, ctx.platform);
    const accelerator = ACCELERATORS[action];
    return {
      id: action,
      label,
      ...(accelerator ? { accelerator } : {}),
      enabled: ctx.state.enabled?.[action] ?? true,
      ...(isCheckable(action) ? { type: 'checkbox' as const, checked: ctx.state.checked?.[action] ?? false } : {}),
      click: () => ctx.send(action),
    };
  };

  const recentItems: MenuItemConstructorOptions[] = ctx.recent.length
    ? [
        ...ctx.recent.map((entry) => ({ id: `recent:${entry.id}`, label: escapeLabel(entry.label, ctx.platform), click: () => ctx.openRecent(entry.id) })),
        sep,
        { id: 'clearRecent', label: 'Clear Recently Opened', click: () => ctx.clearRecent() },
      ]
    : [{ id: 'noRecent', label: 'No Recent Files', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: top('File'),
    submenu: [
      item('new'),
      item('newFromTemplate'),
      sep,
      item('open'),
      { id: 'openRecent', label: 'Open Recent', submenu: recentItems },
      sep,
      item('save'),
      item('saveAs'),
      sep,
      item('import'),
      item('export'),
      sep,
      item('close'),
      ...(mac ? [] : [sep, { role: 'quit' as const, label: 'Quit', accelerator: 'CmdOrCtrl+Q' }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: top('Edit'),
    submenu: [item('undo'), item('redo'), sep, item('cut'), item('copy'), item('paste'), item('delete'), item('selectAll'), sep, item('find')],
  };
  const view: MenuItemConstructorOptions = {
    label: top('View'),
    submenu: [
      item('zoomIn'),
      item('zoomOut'),
      item('fit'),
      item('actualSize'),
      sep,
      item('togglePalette'),
      item('toggleProperties'),
      item('toggleThreats'),
      sep,
      item('toggleDarkMode'),
      { role: 'togglefullscreen', label: 'Full Screen' },
      ...(ctx.devTools ? [sep, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: top('Help'),
    role: 'help',
    submenu: [item('showCatalogs'), item('showShortcuts'), ...(mac ? [] : [sep, item('showAbout')])],
  };
  if (!mac) return [file, edit, view, help];
  const appMenu: MenuItemConstructorOptions = {
    label: ctx.appName,
    submenu: [
      item('showAbout'),
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' },
    ],
  };
  return [appMenu, file, edit, view, { role: 'windowMenu' }, help];
}

/** Every item of a template, depth first (tests and state lookups). */
export function flattenMenu(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((entry) => [entry, ...(Array.isArray(entry.submenu) ? flattenMenu(entry.submenu) : [])]);
}
