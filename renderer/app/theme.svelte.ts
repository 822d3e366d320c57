// The page's colour theme: applies the preference as `data-theme` on <html> (theme.css keys its
// variables on it) and follows the OS while the preference is System.
import { getContext, setContext } from 'svelte';
import { effectiveTheme, loadPreference, savePreference, toggledPreference, type PreferenceStore, type ThemePreference } from './theme';

export interface ThemeEnvironment {
  readonly root: HTMLElement;
  readonly store: PreferenceStore | null;
  /** `(prefers-color-scheme: dark)`, or null where matchMedia is missing. */
  readonly media: Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'> | null;
}

export function browserThemeEnvironment(): ThemeEnvironment {
  let store: PreferenceStore | null = null;
  try {
    store = window.localStorage;
  } catch {
    store = null; // storage disabled: not remembered
  }
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  return { root: document.documentElement, store, media };
}

export class ThemeState {
  preference = $state<ThemePreference>('system');
  systemDark = $state(false);
  effective = $derived(effectiveTheme(this.preference, this.systemDark));
  readonly #env: ThemeEnvironment;
  readonly #onSystemChange = (event: { matches: boolean }) => {
    this.systemDark = event.matches;
    this.#apply();
  };

  constructor(env: ThemeEnvironment = browserThemeEnvironment()) {
    this.#env = env;
    this.preference = loadPreference(env.store);
    this.systemDark = env.media?.matches ?? false;
    env.media?.addEventListener('change', this.#onSystemChange);
    this.#apply();
  }

  set = (preference: ThemePreference) => {
    this.preference = preference;
    savePreference(this.#env.store, preference);
    this.#apply();
  };

  toggle = () => this.set(toggledPreference(this.effective));

  dispose(): void {
    this.#env.media?.removeEventListener('change', this.#onSystemChange);
  }

  // Applied directly rather than from an $effect so the first paint already has the right colours.
  #apply(): void {
    const theme = effectiveTheme(this.preference, this.systemDark);
    this.#env.root.dataset['theme'] = theme;
    this.#env.root.style.colorScheme = theme;
  }
}

const KEY = Symbol('theme');
export const setTheme = (theme: ThemeState) => setContext(KEY, theme);
export function getTheme(): ThemeState {
  const theme = getContext<ThemeState | undefined>(KEY);
  if (!theme) throw new Error('getTheme() used outside <App>');
  return theme;
}
