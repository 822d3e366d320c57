// Opening a file: ours is recognised by content without loading the importers, stored as a copy
// when its id is taken, and a foreign file gets a pointer to Import….
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createModel, serializeDocument, type ModelDocument } from '../../../shared/model';
import { addModelFile, isModelText } from '../../../renderer/app/open-model-file';
import type { Services } from '../../../renderer/app/services';

const interop = (name: string) => readFileSync(new URL(`../../fixtures/interop/${name}`, import.meta.url), 'utf8');

function services(taken = false) {
  const importModel = vi.fn(async (doc: ModelDocument) => ({ doc: taken ? { ...doc, id: 'copy-id' } : doc, copiedFrom: taken ? doc.id : null }));
  const rememberFile = vi.fn();
  const s = { library: { importModel }, files: {}, desktop: { files: { rememberFile } } } as unknown as Services;
  return { s, importModel, rememberFile };
}

describe('isModelText', () => {
  it('recognises a Threatloom model, with or without a byte-order mark', () => {
    const text = serializeDocument(createModel('Mine'));
    expect(isModelText(text)).toBe(true);
    expect(isModelText(`\uFEFF  ${text}`)).toBe(true);
  });

  it('leaves other tools’ files to the importers', () => {
    expect(isModelText(interop('td-v2-support-assistant.json'))).toBe(false);
    expect(isModelText(interop('otm-flat-ai.json'))).toBe(false);
    expect(isModelText(interop('otm-nested-zones.yaml'))).toBe(false);
    expect(isModelText(interop('tmt-support-assistant.tm7'))).toBe(false);
    expect(isModelText('{"format":"threatloom-catalog"}')).toBe(false);
  });

  it('treats broken JSON as ours, so the model parser names the syntax error', () => {
    expect(isModelText('{"format": "threatloom-model", ')).toBe(true);
  });
});

describe('addModelFile', () => {
  it('stores the model, remembers the desktop file for Save, and passes on migration notes', async () => {
    const { s, importModel, rememberFile } = services();
    const doc = createModel('From disk');
    const opened = { name: 'a.threatloom', text: serializeDocument(doc) };
    const result = await addModelFile(s, opened);
    expect(result).toEqual({ ok: true, id: doc.id, notes: [] });
    expect(importModel).toHaveBeenCalledOnce();
    expect(rememberFile).toHaveBeenCalledWith(opened, doc.id);
  });

  it('says so when the id was taken and a copy was made', async () => {
    const { s } = services(true);
    const result = await addModelFile(s, { name: 'a.threatloom', text: serializeDocument(createModel('Again')) });
    expect(result).toMatchObject({ ok: true, id: 'copy-id' });
    expect(result.ok && result.notes.join(' ')).toMatch(/opened as a copy/);
  });

  it('refuses a foreign file without storing anything and points to Import…', async () => {
    const { s, importModel } = services();
    const result = await addModelFile(s, { name: 'td.json', text: interop('td-v2-support-assistant.json') });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Could not open “td\.json”: format: not a Threatloom model.*use Import…\.$/);
    expect(importModel).not.toHaveBeenCalled();
  });

  it('names the syntax error of a broken model file, without the Import hint', async () => {
    const { s } = services();
    const result = await addModelFile(s, { name: 'bad.threatloom', text: '{"format": "threatloom-model", ' });
    expect(!result.ok && result.message).toMatch(/not valid JSON/);
    expect(!result.ok && result.message).not.toMatch(/Import…/);
  });
});
