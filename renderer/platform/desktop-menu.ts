// The native menu in the desktop app: runs the actions its items send, and reports the editor's
// state back (enabled items, undo/redo labels, check marks) so the menu follows the renderer.
import { NATIVE_EDIT_COMMANDS, type MenuAction, type MenuState, type NativeEditCommand } from '../../shared/ipc';
import { isTextInput } from '../editor/shortcuts';
import type { DesktopHost } from './desktop-host';

export interface FocusDocument {
  readonly activeElement: Element | null;
}

const isNativeEdit = (action: MenuAction): action is NativeEditCommand => (NATIVE_EDIT_COMMANDS as readonly string[]).includes(action);

/**
 * Runs a menu action. While the user types in a text field, Edit ▸ Copy (etc.) acts on the
 * field — as in any native app — instead of on the diagram selection: `native` asks the main
 * process to run it (webContents.copy() …), so the page never needs clipboard permissions.
 */
export function routeMenuAction(
  action: MenuAction,
  dispatch: (action: MenuAction) => void,
  native: (command: NativeEditCommand) => void,
  doc: FocusDocument = document,
): void {
  if (isNativeEdit(action) && isTextInput(doc.activeElement)) native(action);
  else dispatch(action);
}

export class DesktopMenu {
  readonly #desktop: DesktopHost;
  readonly #doc: FocusDocument | undefined;
  #pending: MenuState | null = null;
  #lastSent = '';

  constructor(desktop: DesktopHost, doc?: FocusDocument) {
    this.#desktop = desktop;
    this.#doc = doc;
  }

  /** Subscribes `dispatch` to menu clicks; returns the unsubscribe function. */
  onAction(dispatch: (action: MenuAction) => void): () => void {
    const native = (command: NativeEditCommand) => void this.#desktop.host.nativeEdit({ command }).catch(() => undefined);
    return this.#desktop.on('menu:action', ({ action }) => routeMenuAction(action, dispatch, native, this.#doc ?? document));
  }

  /** Reports the whole menu state; calls within one task are merged, repeats are not sent. */
  setState(state: MenuState): void {
    const first = this.#pending === null;
    this.#pending = state;
    if (!first) return;
    queueMicrotask(() => {
      const next = this.#pending!;
      this.#pending = null;
      const key = JSON.stringify(next);
      if (key === this.#lastSent) return;
      this.#lastSent = key;
      void this.#desktop.host.setMenuState(next).catch(() => undefined);
    });
  }
}
