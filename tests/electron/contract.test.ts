// shared/ipc: one validator per channel, sizes enforced in UTF-8 bytes, strict objects.
import { describe, expect, it } from 'vitest';
import {
  ARG_SCHEMAS,
  CHANNEL_METHODS,
  checkArg,
  EVENT_CHANNELS,
  EVENT_SCHEMAS,
  fitsInBytes,
  INVOKE_CHANNELS,
  MAX_MODEL_TEXT_BYTES,
  MAX_NAME_LENGTH,
  MENU_ACTIONS,
  utf8ByteLength,
} from '../../shared/ipc';
import { DEFAULT_MAX_BYTES } from '../../shared/model';
import { EDITOR_ACTION_NAMES } from './editor-actions';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

describe('ipc contract', () => {
  it('has a method and a validator for every channel, and a payload schema for every event', () => {
    expect(Object.keys(CHANNEL_METHODS).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(EVENT_SCHEMAS).sort()).toEqual([...EVENT_CHANNELS].sort());
    expect(new Set(Object.values(CHANNEL_METHODS)).size).toBe(INVOKE_CHANNELS.length);
  });

  it('uses the model file limit of shared/model', () => {
    expect(MAX_MODEL_TEXT_BYTES).toBe(DEFAULT_MAX_BYTES);
  });

  it('names menu actions the way the editor names its keyboard actions', () => {
    const shared = MENU_ACTIONS.filter((a) => EDITOR_ACTION_NAMES.includes(a));
    expect(shared).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll', 'save', 'open', 'zoomIn', 'zoomOut', 'fit', 'actualSize']));
  });

  it('accepts well-formed arguments', () => {
    expect(checkArg('files:open', {})).toEqual({ ok: true, value: {} });
    expect(checkArg('files:save', { id: ID, text: '{}' }).ok).toBe(true);
    expect(checkArg('files:saveAs', { suggestedName: 'Payments – LLM.threatloom', text: '{"a":1}' }).ok).toBe(true);
    expect(checkArg('menu:state', { enabled: { undo: false, save: true }, checked: { toggleDarkMode: true }, undoLabel: 'Undo Move', redoLabel: null }).ok).toBe(true);
    expect(checkArg('app:busy', { busy: true }).ok).toBe(true);
  });

  it.each([
    ['files:open', undefined],
    ['files:open', null],
    ['files:open', 'x'],
    ['files:open', { extra: 1 }],
    ['files:openRecent', { id: 'not-a-uuid' }],
    ['files:openRecent', { id: 42 }],
    ['files:openRecent', { id: '/etc/passwd' }],
    ['files:save', { id: ID }],
    ['files:save', { id: ID, text: 5 }],
    ['files:save', { id: ID, text: 'x', path: '/tmp/x' }],
    ['files:saveAs', { suggestedName: '../escape.threatloom', text: '' }],
    ['files:saveAs', { suggestedName: 'C:\\Windows\\x', text: '' }],
    ['files:saveAs', { suggestedName: 'a\u0000b', text: '' }],
    ['files:saveAs', { suggestedName: '', text: '' }],
    ['files:saveAs', { suggestedName: '..', text: '' }],
    ['files:saveAs', { suggestedName: 'x'.repeat(MAX_NAME_LENGTH + 1), text: '' }],
    ['menu:state', { enabled: { launchMissiles: true } }],
    ['menu:state', { enabled: { undo: 'yes' } }],
    ['menu:state', { checked: { undo: true } }],
    ['menu:state', { undoLabel: 'x'.repeat(201) }],
    ['menu:state', { undoLabel: 'Undo\nMove' }],
    ['app:busy', { busy: 'true' }],
    ['app:busy', {}],
    ['edit:native', { command: 'openDevTools' }],
  ] as const)('%s refuses %j', (channel, arg) => {
    const result = checkArg(channel, arg);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.startsWith(`${channel}: `)).toBe(true);
  });

  it('measures model text in UTF-8 bytes, not characters', () => {
    expect(checkArg('files:save', { id: ID, text: 'a'.repeat(MAX_MODEL_TEXT_BYTES) }).ok).toBe(true);
    expect(checkArg('files:save', { id: ID, text: 'a'.repeat(MAX_MODEL_TEXT_BYTES + 1) }).ok).toBe(false);
    // 7 million three-byte characters: fewer characters than the limit, more bytes.
    const wide = '€'.repeat(7_000_000);
    expect(wide.length).toBeLessThan(MAX_MODEL_TEXT_BYTES);
    expect(checkArg('files:saveAs', { suggestedName: 'a.threatloom', text: wide }).ok).toBe(false);
  });

  it('counts UTF-8 bytes like Node does', () => {
    for (const text of ['', 'abc', 'é', '€', '😀', 'a😀b€é', '\ud800', '\udc00x', 'x\ud800']) {
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
    expect(fitsInBytes('😀', 4)).toBe(true);
    expect(fitsInBytes('😀', 3)).toBe(false);
  });

  it('validates event payloads', () => {
    expect(EVENT_SCHEMAS['menu:action'].safeParse({ action: 'undo' }).success).toBe(true);
    expect(EVENT_SCHEMAS['menu:action'].safeParse({ action: 'rm -rf' }).success).toBe(false);
    expect(EVENT_SCHEMAS['files:openRequested'].safeParse({ id: ID, name: 'a.threatloom' }).success).toBe(true);
    expect(EVENT_SCHEMAS['files:openRequested'].safeParse({ id: ID, name: 'a', path: '/x' }).success).toBe(false);
  });
});
