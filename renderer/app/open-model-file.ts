// Opening a model file into the library: read, parse, validate, then import as a new entry.
// Any failure leaves the library exactly as it was and says what was wrong.
import { formatProblems, MODEL_FORMAT, parseModelFile } from '../../shared/model';
import type { OpenedFile } from '../platform/platform';
import type { Services } from './services';

export type OpenFileResult = { ok: true; id: string; notes: string[] } | { ok: false; message: string } | null;

const IMPORT_HINT = 'To bring in a model from Threat Dragon, an Open Threat Model tool or Microsoft’s Threat Modeling Tool, use Import….';

export async function openModelFile(services: Services): Promise<OpenFileResult> {
  let opened;
  try {
    opened = await services.files.openModelFile();
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (!opened) return null;
  return addModelFile(services, opened);
}

/** Stores a Threatloom model file's content as a library entry (a copy when the id is taken). */
export async function addModelFile(services: Services, opened: OpenedFile): Promise<{ ok: true; id: string; notes: string[] } | { ok: false; message: string }> {
  const parsed = parseModelFile(opened.text, opened.name);
  if (!parsed.ok) {
    const message = formatProblems(parsed.fileName, parsed.problems);
    return { ok: false, message: isModelText(opened.text) ? message : `${message} ${IMPORT_HINT}` };
  }
  const imported = await services.library.importModel(parsed.doc);
  // In the desktop app, Save then writes back to the file the model came from.
  services.desktop?.files.rememberFile(opened, imported.doc.id);
  const notes = [...parsed.notes];
  if (imported.copiedFrom) notes.push(`A model with this id is already in your library, so "${opened.name}" was opened as a copy.`);
  return { ok: true, id: imported.doc.id, notes };
}

/**
 * Whether a file is a Threatloom model, by content alone — decided without loading the
 * importers. JSON that cannot be parsed counts as ours, so the model parser names the error.
 */
export function isModelText(text: string): boolean {
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart();
  if (!body.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === MODEL_FORMAT;
  } catch {
    return true;
  }
}
