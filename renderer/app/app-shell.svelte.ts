// The app-wide parts of the shell, kept out of App.svelte: the colour theme, menu routing (native
// menu in the desktop app, Help buttons everywhere), Import…, the Help dialogs, and the desktop
// wiring (open requests, menu state).
import type { MenuState } from '../../shared/ipc';
import { isTextInput } from '../editor/shortcuts';
import { ImportFlow } from '../interop/import-flow.svelte';
import { connectDesktop } from './desktop-wiring';
import { MenuHub } from './menu-hub.svelte';
import { composeMenuState, type AppMenuAction } from './menu-state';
import { openModelFile } from './open-model-file';
import type { Services } from './services';
import { ThemeState } from './theme.svelte';

export type HelpDialog = 'shortcuts' | 'about' | 'licences';

export interface AppShellDeps {
  readonly services: Services;
  readonly theme?: ThemeState;
  /** Shows a stored model. */
  open(id: string): void;
  goHome(): void;
  /** The catalog browser, when the app has one. */
  browseCatalogs?(): void;
  inform(message: string): void;
  fail(message: string): void;
  /** A new attempt starts: messages about an earlier one no longer apply. */
  clearMessages?(): void;
}

export class AppShell {
  help = $state<HelpDialog | null>(null);
  /** File ▸ New from Template… shows the template picker over whatever screen is open. */
  pickingTemplate = $state(false);
  /** A text field has focus (Edit-menu commands then act on it). */
  typing = $state(false);
  readonly theme: ThemeState;
  readonly hub: MenuHub;
  readonly importer: ImportFlow;
  readonly #deps: AppShellDeps;

  constructor(deps: AppShellDeps) {
    this.#deps = deps;
    this.theme = deps.theme ?? new ThemeState();
    this.hub = new MenuHub(this.runAppAction);
    this.importer = new ImportFlow(deps.services, { open: deps.open, inform: deps.inform, fail: deps.fail, begin: deps.clearMessages });
  }

  runAppAction = (action: AppMenuAction): void => {
    const deps = this.#deps;
    switch (action) {
      case 'new':
        void this.createModel();
        return;
      case 'newFromTemplate':
        this.pickingTemplate = true;
        return;
      case 'open':
        void this.openFile();
        return;
      case 'import':
        void this.importer.pick();
        return;
      case 'close':
        deps.goHome();
        return;
      case 'showCatalogs':
        if (deps.browseCatalogs) deps.browseCatalogs();
        else this.help = 'licences';
        return;
      case 'showShortcuts':
        this.help = 'shortcuts';
        return;
      case 'showAbout':
        this.help = 'about';
        return;
      case 'toggleDarkMode':
        this.theme.toggle();
        return;
    }
  };

  /** Closes the help dialog if it is still one of `which` (a late close event must not close the next one). */
  closeHelp = (...which: HelpDialog[]): void => {
    if (this.help && which.includes(this.help)) this.help = null;
  };

  createModel = async (): Promise<void> => {
    try {
      const doc = await this.#deps.services.library.createModel('Untitled threat model');
      this.#deps.open(doc.id);
    } catch (error) {
      this.#deps.fail(`Could not create a model: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  /** Open…: a Threatloom model file (other tools' files go through Import…). */
  openFile = async (): Promise<void> => {
    const result = await openModelFile(this.#deps.services);
    if (!result) return;
    if (!result.ok) return this.#deps.fail(result.message);
    if (result.notes.length) this.#deps.inform(result.notes.join(' '));
    this.#deps.open(result.id);
  };

  /** In the desktop app: menu clicks and open requests. Returns the disconnect function. */
  connect(): () => void {
    const desktop = this.#deps.services.desktop;
    if (!desktop) return () => undefined;
    return connectDesktop(desktop, {
      dispatch: this.hub.dispatch,
      openFile: (file) => this.importer.start(file),
      report: this.#deps.fail,
    });
  }

  menuState(): MenuState {
    return composeMenuState(this.hub.editorState, { darkMode: this.theme.effective === 'dark', typing: this.typing });
  }

  /** Sends the menu state to the desktop shell (App runs this in an $effect, so it follows every change). */
  reportMenu(): void {
    this.#deps.services.desktop?.menu.setState(this.menuState());
  }

  /** focusin / focusout on the document. */
  trackFocus = (event: FocusEvent): void => {
    this.typing = isTextInput(event.type === 'focusout' ? event.relatedTarget : event.target);
  };
}
