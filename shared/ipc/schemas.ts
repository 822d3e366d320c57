// Validators for every argument that crosses into the main process, and for the event payloads
// main sends back. Strict objects: unknown keys are refused, not ignored.
import { z } from 'zod';
import { CHECKABLE_ACTIONS, MENU_ACTIONS, NATIVE_EDIT_COMMANDS, type EventChannel, type InvokeChannel } from './channels';
import {
  EXPORT_KINDS,
  isAcceptExtension,
  MAX_ACCEPT_EXTENSIONS,
  MAX_ACCEPT_LABEL_LENGTH,
  MAX_EXPORT_BYTES,
  MAX_LABEL_LENGTH,
  MAX_MODEL_TEXT_BYTES,
  MAX_NAME_LENGTH,
  type EventPayloads,
  type HostArg,
} from './contract';

/** UTF-8 byte length without TextEncoder (shared/ has no DOM or Node types). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** True when `text` encodes to at most `max` UTF-8 bytes; counts only when it has to. */
export function fitsInBytes(text: string, max: number): boolean {
  if (text.length > max) return false; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= max) return true; // no UTF-16 unit is more than three bytes
  return utf8ByteLength(text) <= max;
}

const fileId = z.uuid({ error: 'must be a file id (UUID)' });
const modelText = z
  .string()
  .refine((text) => fitsInBytes(text, MAX_MODEL_TEXT_BYTES), { error: `must be at most ${MAX_MODEL_TEXT_BYTES} bytes` });
// A file name suggested for a Save dialog: no directories, no control characters.
const fileName = z
  .string()
  .min(1)
  .max(MAX_NAME_LENGTH)
  .refine((name) => !/[/\\\p{Cc}]/u.test(name) && name !== '.' && name !== '..', {
    error: 'must be a plain file name',
  });
const label = z
  .string()
  .max(MAX_LABEL_LENGTH)
  .refine((text) => !/\p{Cc}/u.test(text), { error: 'must not contain control characters' })
  .nullable()
  .optional();
const empty = z.strictObject({});

/**
 * A real Uint8Array (Electron delivers one, or a Node Buffer, which is a Uint8Array). Number
 * arrays, strings, ArrayBuffers, other typed arrays and look-alike objects are refused:
 * `isView` checks the engine's internal slot, which no plain object can fake.
 */
export const isByteArray = (value: unknown): value is Uint8Array => ArrayBuffer.isView(value) && value instanceof Uint8Array;

/** Export bytes: not empty (that would replace a file with nothing) and at most MAX_EXPORT_BYTES. */
const exportBytes = z
  .custom<Uint8Array>(isByteArray, { error: 'must be bytes (a Uint8Array)' })
  .refine((bytes) => bytes.byteLength > 0, { error: 'must not be empty' })
  .refine((bytes) => bytes.byteLength <= MAX_EXPORT_BYTES, { error: `must be at most ${MAX_EXPORT_BYTES} bytes` });

const openAccept = z.strictObject({
  label: z
    .string()
    .min(1)
    .max(MAX_ACCEPT_LABEL_LENGTH)
    .refine((text) => !/\p{Cc}/u.test(text), { error: 'must not contain control characters' }),
  extensions: z
    .array(z.string().refine(isAcceptExtension, { error: 'must be a dot and 1–15 letters or digits, like .json' }))
    .min(1)
    .max(MAX_ACCEPT_EXTENSIONS),
});

const flags = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((key) => [key, z.boolean().optional()])) as Record<K, z.ZodOptional<z.ZodBoolean>>);

export const menuStateSchema = z.strictObject({
  enabled: flags(MENU_ACTIONS).optional(),
  checked: flags(CHECKABLE_ACTIONS).optional(),
  undoLabel: label,
  redoLabel: label,
});

/** One validator per channel; the main process runs it before any handler sees the argument. */
export const ARG_SCHEMAS = {
  'files:open': z.strictObject({ accept: openAccept.optional() }),
  'files:openRecent': z.strictObject({ id: fileId }),
  'files:listRecent': empty,
  'files:save': z.strictObject({ id: fileId, text: modelText }),
  'files:saveAs': z.strictObject({ suggestedName: fileName, text: modelText }),
  'files:exportBytes': z.strictObject({ suggestedName: fileName, bytes: exportBytes, kind: z.enum(EXPORT_KINDS) }),
  'menu:state': menuStateSchema,
  'edit:native': z.strictObject({ command: z.enum(NATIVE_EDIT_COMMANDS) }),
  'app:ready': empty,
  'app:busy': z.strictObject({ busy: z.boolean() }),
  'app:quitReady': empty,
} as const satisfies { readonly [C in InvokeChannel]: z.ZodType<HostArg<C>> };

export const EVENT_SCHEMAS = {
  'menu:action': z.strictObject({ action: z.enum(MENU_ACTIONS) }),
  'files:openRequested': z.strictObject({ id: fileId, name: z.string().min(1).max(MAX_NAME_LENGTH) }),
  'app:closeRequested': empty,
} as const satisfies { readonly [E in EventChannel]: z.ZodType<EventPayloads[E]> };

export type ArgCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Validates the argument of `channel`; the message names the first problem's path. */
export function checkArg<C extends InvokeChannel>(channel: C, arg: unknown): ArgCheck<HostArg<C>> {
  const result = (ARG_SCHEMAS[channel] as z.ZodType).safeParse(arg);
  if (result.success) return { ok: true, value: result.data as HostArg<C> };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? issue.path.map(String).join('.') : 'argument';
  return { ok: false, message: `${channel}: ${where} ${issue?.message ?? 'is invalid'}` };
}
