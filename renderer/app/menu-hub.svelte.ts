// Routes menu actions to whoever answers them — the app, or the editor while one is open — and
// holds the editor's reported state so the app can send the whole menu state at once. Used by
// the native menu in the desktop app and by the app's own Help buttons everywhere.
import { getContext, setContext } from 'svelte';
import type { MenuAction } from '../../shared/ipc';
import { isAppMenuAction, type AppMenuAction, type EditorMenuAction, type EditorMenuState } from './menu-state';

type EditorHandler = (action: EditorMenuAction) => void;

export class MenuHub {
  /** Null while no editor is open: its menu items are then disabled. */
  editorState = $state.raw<EditorMenuState | null>(null);
  #editor: EditorHandler | null = null;
  readonly #app: (action: AppMenuAction) => void;

  constructor(app: (action: AppMenuAction) => void) {
    this.#app = app;
  }

  dispatch = (action: MenuAction): void => {
    if (isAppMenuAction(action)) this.#app(action);
    else this.#editor?.(action);
  };

  /**
   * The open editor answers editor actions and reports its state until it detaches. Reports
   * from an editor that is no longer the attached one are ignored ({#key} mounts the next
   * editor before the old one goes).
   */
  attachEditor(handler: EditorHandler): EditorAttachment {
    this.#editor = handler;
    const current = () => this.#editor === handler;
    return {
      report: (state) => {
        if (current()) this.editorState = state;
      },
      detach: () => {
        if (!current()) return;
        this.#editor = null;
        this.editorState = null;
      },
    };
  }
}

export interface EditorAttachment {
  report(state: EditorMenuState): void;
  detach(): void;
}

const KEY = Symbol('menu-hub');
export const setMenuHub = (hub: MenuHub) => setContext(KEY, hub);
export function getMenuHub(): MenuHub {
  const hub = getContext<MenuHub | undefined>(KEY);
  if (!hub) throw new Error('getMenuHub() used outside <App>');
  return hub;
}
