// The one entry point the UI calls: text in, a validated model and an honest summary out — or a
// refusal with reasons. Nothing here throws on bad input and nothing is stored; the caller decides.
import {
  DEFAULT_MAX_BYTES,
  formatBytes,
  parseModelFile,
  utf8ByteLength,
  validateDocument,
  type ModelDocument,
  type Problem,
} from '../model';
import { buildDocument } from './build';
import { message, sniff } from './detect';
import type { Draft } from './draft';
import { NoteLog } from './notes';
import { readOtm } from './otm-import';
import { readThreatDragon } from './threat-dragon-import';
import { readTmt } from './tmt-import';
import { isObj } from './text';
import type { ImportCounts, ImportFormat, ImportOptions, ImportResult } from './types';

export async function importFile(text: string, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes)) {
    const problem = `the file is ${formatBytes(utf8ByteLength(text))}; the limit is ${formatBytes(maxBytes)}`;
    return { ok: false, format: 'unknown', problems: [{ path: '', message: problem }] };
  }

  let format: ImportFormat = 'unknown';
  // Editors on Windows like to start files with a byte-order mark; no parser wants it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const sniffed = sniff(body);
    format = sniffed.format;
    const fail = (problems: Problem[]): ImportResult => ({ ok: false, format, problems });
    const notes = new NoteLog();

    let read: { draft: Draft } | { problems: Problem[] };
    switch (sniffed.format) {
      case 'unknown':
        return fail([{ path: '', message: `${quoteName(fileName)} cannot be imported: ${sniffed.reason ?? 'unknown format'}` }]);
      case 'threatloom': {
        const opened = parseModelFile(text, fileName, { maxBytes });
        if (!opened.ok) return fail(opened.problems);
        for (const note of opened.notes) notes.change('model', note);
        return { ok: true, doc: opened.doc, summary: summarize(format, opened.doc, notes) };
      }
      case 'threat-dragon-v1':
      case 'threat-dragon-v2':
        read = readThreatDragon(isObj(sniffed.data) ? sniffed.data : {}, sniffed.format === 'threat-dragon-v1' ? 1 : 2, notes);
        break;
      case 'otm-json':
      case 'otm-yaml':
        read = readOtm(isObj(sniffed.data) ? sniffed.data : {}, notes);
        break;
      case 'tmt':
        read = readTmt(body, notes);
        break;
    }
    if ('problems' in read) return fail(read.problems);

    const doc = await buildDocument(read.draft, notes, options.now ?? new Date().toISOString());
    const valid = validateDocument(doc);
    if (!valid.ok) {
      return fail([
        { path: '', message: 'the file was read, but the model built from it is not valid (a Threatloom bug; please report it with the file)' },
        ...valid.problems,
      ]);
    }
    return { ok: true, doc: valid.doc, summary: summarize(format, valid.doc, notes) };
  } catch (error) {
    // Parsers can throw on pathological input (RangeError for nesting beyond the stack).
    return { ok: false, format, problems: [{ path: '', message: `${quoteName(fileName)} cannot be imported: ${message(error)}` }] };
  }
}

function quoteName(fileName: string): string {
  return `“${fileName.length > 120 ? `${fileName.slice(0, 119)}…` : fileName}”`;
}

function summarize(format: ImportFormat, doc: ModelDocument, notes: NoteLog) {
  return { format, counts: countRecords(doc), skipped: notes.skipped, changed: notes.changed };
}

export function countRecords(doc: ModelDocument): ImportCounts {
  const sum = (f: (d: ModelDocument['diagrams'][number]) => number) => doc.diagrams.reduce((n, d) => n + f(d), 0);
  return {
    diagrams: doc.diagrams.length,
    elements: sum((d) => d.nodes.length),
    flows: sum((d) => d.flows.length),
    boundaries: sum((d) => d.boundaries.length),
    threats: doc.threats.length,
    mitigations: doc.mitigations.length,
    assets: doc.assets.length,
  };
}
