// Light or dark: the user's preference (System follows the OS), remembered per machine. Pure, so
// the rules are unit-tested; theme.svelte.ts applies them to the page.
export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export type Theme = 'light' | 'dark';

export const THEME_LABELS: Readonly<Record<ThemePreference, string>> = { system: 'System', light: 'Light', dark: 'Dark' };

export const THEME_STORAGE_KEY = 'threatloom.theme';

export const isThemePreference = (value: unknown): value is ThemePreference =>
  typeof value === 'string' && (THEME_PREFERENCES as readonly string[]).includes(value);

/** Anything unknown (never set, cleared, written by a future build) means "follow the OS". */
export const parsePreference = (stored: string | null | undefined): ThemePreference => (isThemePreference(stored) ? stored : 'system');

export const effectiveTheme = (preference: ThemePreference, systemDark: boolean): Theme =>
  preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;

/** View ▸ Dark Mode flips what the user sees now, and from then on stays put (no longer System). */
export const toggledPreference = (current: Theme): ThemePreference => (current === 'dark' ? 'light' : 'dark');

export interface PreferenceStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

// Storage can be missing or throw (disabled storage, sandboxed origins): the theme then simply
// is not remembered, which must never stop the app from starting.
export function loadPreference(store: PreferenceStore | null): ThemePreference {
  try {
    return parsePreference(store?.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

export function savePreference(store: PreferenceStore | null, preference: ThemePreference): void {
  try {
    store?.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Not remembered; the choice still applies for this session.
  }
}
