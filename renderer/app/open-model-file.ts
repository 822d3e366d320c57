// Opening a model file into the library: read, parse, validate, then import as a new entry.
// Any failure leaves the library exactly as it was and says what was wrong.
import { formatProblems, parseModelFile } from '../../shared/model';
import type { Services } from './services';

export type OpenFileResult = { ok: true; id: string; notes: string[] } | { ok: false; message: string } | null;

export async function openModelFile({ files, library }: Services): Promise<OpenFileResult> {
  let opened;
  try {
    opened = await files.openModelFile();
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (!opened) return null;
  const parsed = parseModelFile(opened.text, opened.name);
  if (!parsed.ok) return { ok: false, message: formatProblems(parsed.fileName, parsed.problems) };
  const imported = await library.importModel(parsed.doc);
  const notes = [...parsed.notes];
  if (imported.copiedFrom) notes.push(`A model with this id is already in your library, so "${opened.name}" was opened as a copy.`);
  return { ok: true, id: imported.doc.id, notes };
}
