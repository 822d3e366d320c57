// The menu: every item the issue lists, with its accelerator; items send actions; enabled
// flags, check marks and undo/redo labels follow the renderer's state.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_ACTIONS, type MenuState } from '../../shared/ipc';
import { ACCELERATORS, buildMenuTemplate, escapeLabel, flattenMenu, type MenuContext } from '../../electron/menu';

function build(overrides: Partial<MenuContext> = {}) {
  const send = vi.fn();
  const openRecent = vi.fn();
  const clearRecent = vi.fn();
  const template = buildMenuTemplate({ platform: 'linux', appName: 'Threatloom', state: {}, recent: [], send, openRecent, clearRecent, ...overrides });
  const items = flattenMenu(template);
  const byId = (id: string) => {
    const item = items.find((i) => i.id === id);
    if (!item) throw new Error(`no menu item ${id}`);
    return item;
  };
  const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();
  return { template, items, byId, click, send, openRecent, clearRecent };
}

const submenuLabels = (item: MenuItemConstructorOptions) =>
  (item.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator').map((i) => i.label ?? i.role);

describe('application menu', () => {
  it('has File, Edit, View and Help with the items of the issue', () => {
    const { template } = build();
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(submenuLabels(template[0]!)).toEqual(['New Model', 'New from Template…', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Import…', 'Export…', 'Close Model', 'Quit']);
    expect(submenuLabels(template[1]!)).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Delete', 'Select All', 'Find…']);
    expect(submenuLabels(template[2]!)).toEqual(['Zoom In', 'Zoom Out', 'Zoom to Fit', 'Actual Size', 'Palette', 'Properties Panel', 'Threats Panel', 'Dark Mode', 'Full Screen']);
    expect(submenuLabels(template[3]!)).toEqual(['Catalogs and Licences', 'Keyboard Shortcuts', 'About Threatloom']);
  });

  it('puts About and Quit in the application menu on macOS, and adds the Window menu', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template.map((m) => m.label ?? m.role)).toEqual(['Threatloom', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
    expect(submenuLabels(template[0]!)).toContain('About Threatloom');
    expect((template[0]!.submenu as MenuItemConstructorOptions[]).some((i) => i.role === 'quit')).toBe(true);
    expect(submenuLabels(template[1]!)).not.toContain('Quit');
  });

  it.each([
    ['undo', 'CmdOrCtrl+Z'],
    ['redo', 'Shift+CmdOrCtrl+Z'],
    ['save', 'CmdOrCtrl+S'],
    ['saveAs', 'Shift+CmdOrCtrl+S'],
    ['open', 'CmdOrCtrl+O'],
    ['new', 'CmdOrCtrl+N'],
    ['cut', 'CmdOrCtrl+X'],
    ['copy', 'CmdOrCtrl+C'],
    ['paste', 'CmdOrCtrl+V'],
    ['selectAll', 'CmdOrCtrl+A'],
    ['find', 'CmdOrCtrl+F'],
    ['zoomIn', 'CmdOrCtrl+='],
    ['zoomOut', 'CmdOrCtrl+-'],
    ['actualSize', 'CmdOrCtrl+0'],
    ['fit', 'Shift+CmdOrCtrl+1'],
    ['close', 'CmdOrCtrl+W'],
  ])('%s has the accelerator %s', (id, accelerator) => {
    expect(build().byId(id).accelerator).toBe(accelerator);
  });

  it('has no accelerator twice', () => {
    const accelerators = build().items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(Object.keys(ACCELERATORS).every((a) => (MENU_ACTIONS as readonly string[]).includes(a))).toBe(true);
  });

  it('has an item for every menu action, and clicking it sends that action', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const { byId, click, send } = build({ platform });
      for (const action of MENU_ACTIONS) {
        click(byId(action));
        expect(send).toHaveBeenLastCalledWith(action);
      }
      expect(send).toHaveBeenCalledTimes(MENU_ACTIONS.length);
    }
  });

  it('leaves full screen and quit to Electron roles', () => {
    const { items } = build();
    expect(items.some((i) => i.role === 'togglefullscreen')).toBe(true);
    expect(items.some((i) => i.role === 'quit')).toBe(true);
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(build({ devTools: true }).items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('enables everything until the renderer says otherwise', () => {
    const { items } = build();
    expect(items.filter((i) => MENU_ACTIONS.includes(i.id as never)).every((i) => i.enabled === true)).toBe(true);
  });

  it('follows the renderer state: enabled flags, check marks, undo and redo labels', () => {
    const state: MenuState = {
      enabled: { undo: true, redo: false, save: false, cut: false },
      checked: { toggleDarkMode: true, togglePalette: false },
      undoLabel: 'Undo Move 3 Elements',
      redoLabel: null,
    };
    const { byId } = build({ state });
    expect(byId('undo')).toMatchObject({ enabled: true, label: 'Undo Move 3 Elements' });
    expect(byId('redo')).toMatchObject({ enabled: false, label: 'Redo' });
    expect(byId('save').enabled).toBe(false);
    expect(byId('cut').enabled).toBe(false);
    expect(byId('copy').enabled).toBe(true);
    expect(byId('toggleDarkMode')).toMatchObject({ type: 'checkbox', checked: true });
    expect(byId('togglePalette')).toMatchObject({ type: 'checkbox', checked: false });
  });

  it('shows an ampersand in a label literally instead of as a mnemonic', () => {
    expect(build({ state: { undoLabel: 'Undo Rename R&D' } }).byId('undo').label).toBe('Undo Rename R&&D');
    expect(build({ platform: 'darwin', state: { undoLabel: 'Undo Rename R&D' } }).byId('undo').label).toBe('Undo Rename R&D');
    expect(escapeLabel('a&b&c', 'win32')).toBe('a&&b&&c');
  });

  it('lists recent files, opens one by id, and can clear them', () => {
    const recent = [
      { id: '11111111-1111-4111-8111-111111111111', label: '~/models/a.threatloom' },
      { id: '22222222-2222-4222-8222-222222222222', label: '~/R&D/b.threatloom' },
    ];
    const { byId, click, openRecent, clearRecent } = build({ recent });
    expect(submenuLabels(byId('openRecent'))).toEqual(['~/models/a.threatloom', '~/R&&D/b.threatloom', 'Clear Recently Opened']);
    click(byId(`recent:${recent[1]!.id}`));
    expect(openRecent).toHaveBeenCalledWith(recent[1]!.id);
    click(byId('clearRecent'));
    expect(clearRecent).toHaveBeenCalled();
  });

  it('shows a disabled placeholder when there are no recent files', () => {
    expect(build().byId('noRecent')).toMatchObject({ enabled: false, label: 'No Recent Files' });
  });
});
