// One undo history for every change to the document. A command is a mutative recipe; running it
// yields forward and inverse patches, which is all undo/redo needs (no snapshots of the document).
import { apply, create, type Draft, type Patches } from 'mutative';
import type { ModelDocument } from '../model/types';

export interface Command {
  /** User-facing, shown as "Undo <label>". */
  readonly label: string;
  readonly recipe: (draft: Draft<ModelDocument>) => void;
}

export interface HistoryEntry {
  readonly label: string;
  readonly patches: Patches;
  readonly inverse: Patches;
}

/** Both stacks keep their most recent entry last. */
export interface History {
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
}

/** Oldest entries are dropped beyond this many undo steps. */
export const HISTORY_LIMIT = 500;

export const emptyHistory: History = Object.freeze({ past: Object.freeze([]), future: Object.freeze([]) });

export interface ExecuteResult {
  readonly doc: ModelDocument;
  readonly history: History;
  readonly changed: boolean;
}

export interface StepResult {
  readonly doc: ModelDocument;
  readonly history: History;
  readonly label: string;
}

function pushCapped(stack: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [...stack, entry];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}

/**
 * Runs a command. A command that changes nothing leaves document and history untouched (same
 * objects), so e.g. a click that "moves" by zero never becomes an undo step. Otherwise the
 * change and the `updatedAt` stamp form one entry; the redo stack is cleared. Errors thrown by
 * the recipe propagate and leave nothing changed.
 */
export function execute(
  doc: ModelDocument,
  history: History,
  command: Command,
  now: string = new Date().toISOString(),
): ExecuteResult {
  const [changed, patches, inverse] = create(doc, command.recipe, { enablePatches: true });
  if (patches.length === 0) return { doc, history, changed: false };
  // The stamp is a second step so "did the command change anything" is judged without it.
  const [stamped, stampPatches, stampInverse] = create(
    changed,
    (draft) => {
      draft.updatedAt = now;
    },
    { enablePatches: true },
  );
  const entry: HistoryEntry = {
    label: command.label,
    patches: [...patches, ...stampPatches],
    inverse: [...stampInverse, ...inverse],
  };
  return { doc: stamped, history: { past: pushCapped(history.past, entry), future: [] }, changed: true };
}

export function undo(doc: ModelDocument, history: History): StepResult | null {
  const entry = history.past.at(-1);
  if (!entry) return null;
  return {
    doc: apply(doc, entry.inverse),
    history: { past: history.past.slice(0, -1), future: [...history.future, entry] },
    label: entry.label,
  };
}

export function redo(doc: ModelDocument, history: History): StepResult | null {
  const entry = history.future.at(-1);
  if (!entry) return null;
  return {
    doc: apply(doc, entry.patches),
    history: { past: pushCapped(history.past, entry), future: history.future.slice(0, -1) },
    label: entry.label,
  };
}

export const canUndo = (history: History): boolean => history.past.length > 0;
export const canRedo = (history: History): boolean => history.future.length > 0;
export const undoLabel = (history: History): string | null => history.past.at(-1)?.label ?? null;
export const redoLabel = (history: History): string | null => history.future.at(-1)?.label ?? null;
