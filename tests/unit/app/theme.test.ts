// The colour theme preference: System follows the OS, the choice is remembered, storage that
// fails never stops the app.
import { describe, expect, it } from 'vitest';
import {
  effectiveTheme,
  loadPreference,
  parsePreference,
  savePreference,
  THEME_STORAGE_KEY,
  toggledPreference,
  type PreferenceStore,
} from '../../../renderer/app/theme';

function memoryStore(initial: Record<string, string> = {}): PreferenceStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

const broken: PreferenceStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('theme preference', () => {
  it('reads known values and treats anything else as System', () => {
    expect(parsePreference('dark')).toBe('dark');
    expect(parsePreference('light')).toBe('light');
    expect(parsePreference('system')).toBe('system');
    for (const odd of [null, undefined, '', 'Dark', 'sepia', '{"x":1}']) expect(parsePreference(odd)).toBe('system');
  });

  it('System follows the OS; Light and Dark do not', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(effectiveTheme('dark', false)).toBe('dark');
  });

  it('the Dark Mode menu item flips what is shown now', () => {
    expect(toggledPreference('dark')).toBe('light');
    expect(toggledPreference('light')).toBe('dark');
  });

  it('is remembered under one key', () => {
    const store = memoryStore();
    expect(loadPreference(store)).toBe('system');
    savePreference(store, 'dark');
    expect(store.data).toEqual({ [THEME_STORAGE_KEY]: 'dark' });
    expect(loadPreference(store)).toBe('dark');
    expect(loadPreference(memoryStore({ [THEME_STORAGE_KEY]: 'neon' }))).toBe('system');
  });

  it('survives missing or failing storage', () => {
    expect(loadPreference(null)).toBe('system');
    expect(loadPreference(broken)).toBe('system');
    expect(() => savePreference(broken, 'dark')).not.toThrow();
    expect(() => savePreference(null, 'dark')).not.toThrow();
  });
});
