// The host interface: what the renderer may ask of the desktop shell. Every method returns a
// Promise and takes ONE argument object, so each maps onto one `invoke` channel with one
// validator (schemas.ts). Paths never cross: the renderer sees opaque file ids and file names.
import type { CheckableAction, EventChannel, InvokeChannel, MenuAction, NativeEditCommand } from './channels';

/** Model files larger than this are refused, in both directions (= shared/model DEFAULT_MAX_BYTES). */
export const MAX_MODEL_TEXT_BYTES = 20 * 1024 * 1024;
/** File names (without directory) and other short strings. */
export const MAX_NAME_LENGTH = 500;
/** Undo/redo labels shown in the Edit menu. */
export const MAX_LABEL_LENGTH = 200;
/**
 * Exports larger than this are refused, in the renderer and again in main.
 * Generous on purpose: a 400-page PDF report with embedded fonts and full-page diagrams is tens
 * of MB, and a PNG of a very large diagram at print resolution can approach 100 MB. 256 MiB
 * leaves room for both while still stopping a runaway buffer before it is copied across IPC
 * and written to disk.
 */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

/**
 * The exports the desktop app saves, each with its own Save-dialog filter. Text formats travel as
 * UTF-8 bytes on the same channel: an export is never a model, so it must not go through Save
 * As (which remembers the file for Save and lists it under Open Recent).
 */
export const EXPORT_KINDS = ['pdf', 'png', 'svg', 'csv', 'md', 'json', 'sarif'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export interface ExportKindInfo {
  /** The Save dialog's filter name, e.g. "PDF document". */
  readonly label: string;
  /** Without the dot. */
  readonly extension: string;
  /** What the renderer's exporters call the format. */
  readonly mime: string;
}
export const EXPORT_KIND_INFO: Readonly<Record<ExportKind, ExportKindInfo>> = {
  pdf: { label: 'PDF document', extension: 'pdf', mime: 'application/pdf' },
  png: { label: 'PNG image', extension: 'png', mime: 'image/png' },
  svg: { label: 'SVG image', extension: 'svg', mime: 'image/svg+xml' },
  csv: { label: 'CSV table', extension: 'csv', mime: 'text/csv' },
  md: { label: 'Markdown document', extension: 'md', mime: 'text/markdown' },
  json: { label: 'JSON file', extension: 'json', mime: 'application/json' },
  sarif: { label: 'SARIF log', extension: 'sarif', mime: 'application/sarif+json' },
};

/** At most this many extensions in one Open-dialog filter. */
export const MAX_ACCEPT_EXTENSIONS = 20;
/** Open-dialog filter names, e.g. "Threat models". */
export const MAX_ACCEPT_LABEL_LENGTH = 60;
/** `.json`, `.tm7`: a dot and 1–15 ASCII letters or digits; nothing else reaches the dialog. */
export const isAcceptExtension = (value: unknown): value is string => typeof value === 'string' && /^\.[A-Za-z0-9]{1,15}$/.test(value);

export type Empty = Record<string, never>;

/** A file the main process allowed because the user picked it; `id` is an opaque UUID. */
export interface FileRef {
  readonly id: string;
  /** The base name only, e.g. `payments.threatloom`. */
  readonly name: string;
}

export type FileFailureCode =
  | 'not-found' // the file is gone (moved, deleted, unmounted)
  | 'too-large' // larger than MAX_MODEL_TEXT_BYTES
  | 'changed-on-disk' // someone else changed the file since we read or wrote it: offer Save As
  | 'unknown-file' // the id is not one the user picked in this session
  | 'io-error'; // permissions, disk full, …

export interface FileFailure {
  readonly status: 'failed';
  readonly code: FileFailureCode;
  /** A sentence the renderer can show as is. */
  readonly message: string;
}
export interface Cancelled {
  readonly status: 'cancelled';
}

export type OpenResult = ({ readonly status: 'opened'; readonly text: string } & FileRef) | Cancelled | FileFailure;
export type SaveResult = ({ readonly status: 'saved' } & FileRef) | Cancelled | FileFailure;
/**
 * A save result without the id: an export is not a model, so main hands out no id for it —
 * nothing can be saved to it later and it never joins the recent list.
 */
export type ExportResult = { readonly status: 'saved'; readonly name: string } | Cancelled | FileFailure;

/** The file types an Open dialog offers first; "All files" is always offered too. */
export interface OpenAccept {
  /** Names the filter, e.g. "Threat models"; main appends the extensions. */
  readonly label: string;
  /** `['.json', '.yaml']`: see isAcceptExtension. */
  readonly extensions: readonly string[];
}

/**
 * What the renderer reports so the native menu can follow it. Absent entries mean "enabled" /
 * "unchecked"; labels default to plain "Undo" / "Redo".
 */
export interface MenuState {
  readonly enabled?: Readonly<Partial<Record<MenuAction, boolean>>>;
  readonly checked?: Readonly<Partial<Record<CheckableAction, boolean>>>;
  /** e.g. "Undo Move" — shown as the Edit ▸ Undo label. */
  readonly undoLabel?: string | null;
  readonly redoLabel?: string | null;
}

export interface ThreatloomHost {
  /**
   * Shows the native Open dialog and reads the chosen file. Without `accept` the dialog offers
   * Threatloom models first; with it, those extensions. "All files" is offered either way.
   */
  openFile(arg: { readonly accept?: OpenAccept }): Promise<OpenResult>;
  /** Reads a file main already knows: from the recent list or an open request. */
  openRecent(arg: { readonly id: string }): Promise<OpenResult>;
  listRecent(arg: Empty): Promise<readonly FileRef[]>;
  /** Writes to a file opened or saved before (atomic, keeps `<name>.bak`); refuses if it changed on disk. */
  saveFile(arg: { readonly id: string; readonly text: string }): Promise<SaveResult>;
  /** Shows the native Save dialog and writes the chosen file. */
  saveFileAs(arg: { readonly suggestedName: string; readonly text: string }): Promise<SaveResult>;
  /**
   * Shows the native Save dialog filtered to `kind` and writes `bytes` as they are (atomic,
   * keeps `<name>.bak`). Not remembered: no id, not in the recent list.
   */
  exportFile(arg: { readonly suggestedName: string; readonly bytes: Uint8Array; readonly kind: ExportKind }): Promise<ExportResult>;
  setMenuState(arg: MenuState): Promise<void>;
  /**
   * Runs an edit command natively in the focused text field (webContents.paste() etc.), for
   * Edit-menu clicks while the user types: no clipboard permission is granted to the page.
   */
  nativeEdit(arg: { readonly command: NativeEditCommand }): Promise<void>;
  /** The renderer listens for events now: main sends the open requests it has queued. */
  ready(arg: Empty): Promise<void>;
  /** A save or export is in flight (true) or finished (false); closing waits while busy. */
  setBusy(arg: { readonly busy: boolean }): Promise<void>;
  /** Answer to `app:closeRequested`: the renderer has flushed its work and the window may close. */
  quitReady(arg: Empty): Promise<void>;
}

/** Which host method each channel calls. */
export const CHANNEL_METHODS = {
  'files:open': 'openFile',
  'files:openRecent': 'openRecent',
  'files:listRecent': 'listRecent',
  'files:save': 'saveFile',
  'files:saveAs': 'saveFileAs',
  'files:exportBytes': 'exportFile',
  'menu:state': 'setMenuState',
  'edit:native': 'nativeEdit',
  'app:ready': 'ready',
  'app:busy': 'setBusy',
  'app:quitReady': 'quitReady',
} as const satisfies { readonly [C in InvokeChannel]: keyof ThreatloomHost };

export type HostMethod<C extends InvokeChannel> = ThreatloomHost[(typeof CHANNEL_METHODS)[C]];
export type HostArg<C extends InvokeChannel> = Parameters<HostMethod<C>>[0];
export type HostResult<C extends InvokeChannel> = Awaited<ReturnType<HostMethod<C>>>;

export interface EventPayloads {
  'menu:action': { readonly action: MenuAction };
  'files:openRequested': FileRef;
  'app:closeRequested': Empty;
}
export type EventPayload<E extends EventChannel> = EventPayloads[E];

/** What the preload exposes as `window.threatloom`: nothing else. */
export interface ThreatloomBridge {
  invoke<C extends InvokeChannel>(channel: C, arg: HostArg<C>): Promise<HostResult<C>>;
  /** Subscribes to an allowed event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
}
