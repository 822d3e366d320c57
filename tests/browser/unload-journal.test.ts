import { afterEach, describe, expect, it } from 'vitest';
import { createModel } from '../../shared/model';
import { attachUnloadJournal, clearJournal, recoverFromJournal } from '../../renderer/storage/unload-journal';

const stored = createModel('Journal test', '2026-01-01T00:00:00.000Z');
const newer = { ...stored, title: 'Edited just before closing', updatedAt: '2026-01-01T00:00:05.000Z' };

afterEach(() => clearJournal(stored.id));

describe('unload journal', () => {
  it('writes the unsaved document on pagehide and recovers it when newer', () => {
    const detach = attachUnloadJournal(() => newer);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    detach();
    expect(recoverFromJournal(stored)).toEqual(newer);
    expect(recoverFromJournal(stored)).toBeNull(); // consumed
  });

  it('writes nothing when everything is saved', () => {
    const detach = attachUnloadJournal(() => null);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    detach();
    expect(recoverFromJournal(stored)).toBeNull();
  });

  it('ignores a journal that is older than the stored document or invalid', () => {
    const detach = attachUnloadJournal(() => stored);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    detach();
    expect(recoverFromJournal(newer)).toBeNull();
    localStorage.setItem(`threatloom:journal:${stored.id}`, '{ not json');
    expect(recoverFromJournal(stored)).toBeNull();
  });
});
