// shared/ipc: one validator per channel, sizes enforced in UTF-8 bytes, strict objects.
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  ARG_SCHEMAS,
  CHANNEL_METHODS,
  checkArg,
  EVENT_CHANNELS,
  EVENT_SCHEMAS,
  EXPORT_KIND_INFO,
  EXPORT_KINDS,
  fitsInBytes,
  INVOKE_CHANNELS,
  isByteArray,
  MAX_EXPORT_BYTES,
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
    expect(checkArg('files:open', { accept: { label: 'Threat models', extensions: ['.json', '.YAML', '.tm7'] } }).ok).toBe(true);
    expect(checkArg('files:exportBytes', { suggestedName: 'Payments – LLM.pdf', bytes: new Uint8Array([0x25, 0x50]), kind: 'pdf' }).ok).toBe(true);
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
    ['files:open', { accept: { label: 'Models', extensions: [] } }],
    ['files:open', { accept: { label: 'Models', extensions: ['json'] } }],
    ['files:open', { accept: { label: 'Models', extensions: ['.js;rm'] } }],
    ['files:open', { accept: { label: 'Models', extensions: ['.*'] } }],
    ['files:open', { accept: { label: 'Models', extensions: ['.tar.gz'] } }],
    ['files:open', { accept: { label: 'Models', extensions: ['.' + 'x'.repeat(16)] } }],
    ['files:open', { accept: { label: 'Models', extensions: Array.from({ length: 21 }, (_, i) => `.e${i}`) } }],
    ['files:open', { accept: { label: '', extensions: ['.json'] } }],
    ['files:open', { accept: { label: 'a\nb', extensions: ['.json'] } }],
    ['files:open', { accept: { label: 'x'.repeat(61), extensions: ['.json'] } }],
    ['files:open', { accept: { extensions: ['.json'] } }],
    ['files:open', { accept: ['.json'] }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: '%PDF-1.7', kind: 'pdf' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: { 0: 0x25, length: 1, byteLength: 1, buffer: {} }, kind: 'pdf' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: new ArrayBuffer(4), kind: 'pdf' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: new DataView(new ArrayBuffer(4)), kind: 'pdf' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: new Uint16Array(2), kind: 'pdf' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: new Uint8ClampedArray(2), kind: 'pdf' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: Object.create(Uint8Array.prototype), kind: 'pdf' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: null, kind: 'pdf' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: new Uint8Array(0), kind: 'pdf' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: new Uint8Array(1), kind: 'exe' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: new Uint8Array(1) }],
    ['files:exportBytes', { suggestedName: '../a.pdf', bytes: new Uint8Array(1), kind: 'pdf' }],
    ['files:exportBytes', { suggestedName: 'C:\\x.pdf', bytes: new Uint8Array(1), kind: 'pdf' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', bytes: new Uint8Array(1), kind: 'pdf', path: '/tmp/a.pdf' }],
    ['files:exportBytes', { suggestedName: 'a.pdf', text: 'x', kind: 'pdf' }],
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

  it('takes export bytes as a Uint8Array or a Node Buffer, passed on without a copy', () => {
    const bytes = new Uint8Array([0x00, 0xff]);
    const checked = checkArg('files:exportBytes', { suggestedName: 'a.png', bytes, kind: 'png' });
    expect(checked.ok && checked.value.bytes).toBe(bytes);
    expect(checkArg('files:exportBytes', { suggestedName: 'a.png', bytes: Buffer.from([1, 2]), kind: 'png' }).ok).toBe(true);
    expect(isByteArray(new Uint8Array(1).subarray(0, 1))).toBe(true);
  });

  it('accepts export bytes after the structured clone IPC applies to them', () => {
    const arg = { suggestedName: 'a.pdf', bytes: Uint8Array.from([0x25, 0x00, 0xff]), kind: 'pdf' };
    for (const copy of [structuredClone(arg), deserialize(serialize(arg)), deserialize(serialize({ ...arg, bytes: Buffer.from(arg.bytes) }))]) {
      const checked = checkArg('files:exportBytes', copy);
      expect(checked.ok && [...checked.value.bytes]).toEqual([0x25, 0x00, 0xff]);
    }
  });

  it('refuses export bytes over the limit by their byte length, naming the limit', () => {
    // The validator reads byteLength; an own property stands in for 256 MB without allocating it.
    const sized = (byteLength: number) => Object.defineProperty(new Uint8Array(1), 'byteLength', { value: byteLength });
    expect(checkArg('files:exportBytes', { suggestedName: 'a.pdf', bytes: sized(MAX_EXPORT_BYTES), kind: 'pdf' }).ok).toBe(true);
    expect(checkArg('files:exportBytes', { suggestedName: 'a.pdf', bytes: sized(MAX_EXPORT_BYTES + 1), kind: 'pdf' })).toEqual({
      ok: false,
      message: `files:exportBytes: bytes must be at most ${MAX_EXPORT_BYTES} bytes`,
    });
    expect(checkArg('files:exportBytes', { suggestedName: 'a.pdf', bytes: [1], kind: 'pdf' })).toEqual({ ok: false, message: 'files:exportBytes: bytes must be bytes (a Uint8Array)' });
  });

  it('describes every export kind with a filter label, extension and MIME type', () => {
    expect(EXPORT_KINDS).toEqual(expect.arrayContaining(['pdf', 'png', 'svg', 'csv', 'md', 'json', 'sarif']));
    for (const kind of EXPORT_KINDS) expect(EXPORT_KIND_INFO[kind]).toEqual({ label: expect.any(String), extension: kind, mime: expect.stringMatching(/^[a-z]+\/[a-z+]+$/) });
    expect(new Set(EXPORT_KINDS.map((kind) => EXPORT_KIND_INFO[kind].mime)).size).toBe(EXPORT_KINDS.length);
    // A 400-page PDF report stays far below the export limit, which stays far above the model limit.
    expect(MAX_EXPORT_BYTES).toBe(256 * 1024 * 1024);
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
