// Shared test helpers for the interop tests: our fixtures, the reference samples (when present)
// and one-line assertions on import results.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { importFile, type ImportNote, type ImportOptions, type ImportSummary } from '../../../shared/interop';
import { validateDocument, type ModelDocument, type Problem } from '../../../shared/model';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/interop/', import.meta.url));
/** `../shared/reference/samples` relative to the repository root; absent on most machines. */
export const SAMPLES = fileURLToPath(new URL('../../../../shared/reference/samples/', import.meta.url));
export const SCHEMAS = fileURLToPath(new URL('../../../../shared/reference/schemas/', import.meta.url));
export const HAVE_SAMPLES = existsSync(SAMPLES);
export const HAVE_SCHEMAS = existsSync(SCHEMAS);

export const NOW = '2025-03-01T12:00:00.000Z';

export function fixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export function sample(path: string): string {
  return readFileSync(SAMPLES + path, 'utf8');
}

export async function imported(text: string, fileName = 'file', options: ImportOptions = {}): Promise<{ doc: ModelDocument; summary: ImportSummary }> {
  const result = await importFile(text, fileName, { now: NOW, ...options });
  if (!result.ok) throw new Error(`expected ${fileName} to import: ${JSON.stringify(result.problems)}`);
  // importFile validates; check again here so a regression there cannot hide.
  expect(validateDocument(result.doc).ok).toBe(true);
  return result;
}

export async function refused(text: string, fileName = 'file', options: ImportOptions = {}): Promise<Problem[]> {
  const result = await importFile(text, fileName, { now: NOW, ...options });
  if (result.ok) throw new Error(`expected ${fileName} to be refused`);
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

/** All problem messages in one string, for regex checks. */
export const said = (problems: readonly Problem[]) => problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n');

/** The note about `what` (exact) in a list, or undefined. */
export function note(list: readonly ImportNote[], what: string | RegExp): ImportNote | undefined {
  return list.find((n) => (typeof what === 'string' ? n.what === what : what.test(n.what)));
}

export function nodeNamed(doc: ModelDocument, name: string) {
  const found = doc.diagrams.flatMap((d) => d.nodes).find((n) => n.name === name);
  if (!found) throw new Error(`no node named ${name}`);
  return found;
}

export function flowNamed(doc: ModelDocument, name: string) {
  const found = doc.diagrams.flatMap((d) => d.flows).find((f) => f.name === name);
  if (!found) throw new Error(`no flow named ${name}`);
  return found;
}

export function boundaryNamed(doc: ModelDocument, name: string) {
  const found = doc.diagrams.flatMap((d) => d.boundaries).find((b) => b.name === name);
  if (!found) throw new Error(`no boundary named ${name}`);
  return found;
}

export function threatNamed(doc: ModelDocument, title: string) {
  const found = doc.threats.filter((t) => t.title === title);
  if (found.length === 0) throw new Error(`no threat titled ${title}`);
  return found[0]!;
}

/** Names of the records a threat is on. */
export function threatElements(doc: ModelDocument, title: string): string[] {
  const names = new Map(doc.diagrams.flatMap((d) => [...d.nodes, ...d.flows, ...d.boundaries]).map((r) => [r.id, r.name]));
  return threatNamed(doc, title).elementIds.map((id) => names.get(id) ?? id);
}
