// Import…: our own files open directly, other tools' files wait for the user's confirmation
// (nothing stored before), refusals store nothing, Cancel stops a running import. Runs the real
// importer in its Web Worker against the interop fixtures.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createModel, serializeDocument } from '../../shared/model';
import { createServices, type Services } from '../../renderer/app/services';
import { ImportFlow } from '../../renderer/interop/import-flow.svelte';
import { ImportCancelled, importInWorker, importOnMainThread, type ImportRunner } from '../../renderer/interop/run-import';
import { openDatabase, type ThreatloomDb } from '../../renderer/storage/db';
import { ModelLibrary } from '../../renderer/storage/library';
import tdV2 from '../fixtures/interop/td-v2-support-assistant.json?raw';
import otmYaml from '../fixtures/interop/otm-nested-zones.yaml?raw';
import tmt from '../fixtures/interop/tmt-support-assistant.tm7?raw';

let db: ThreatloomDb;
let library: ModelLibrary;
let services: Services;
beforeEach(() => {
  db = openDatabase(`threatloom-import-${crypto.randomUUID()}`);
  library = new ModelLibrary(db);
  services = createServices({ bridge: null, library });
});
afterEach(async () => {
  db.close();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await db.delete();
});

function flow(run?: ImportRunner) {
  const hooks = { open: vi.fn<(id: string) => void>(), inform: vi.fn<(m: string) => void>(), fail: vi.fn<(m: string) => void>() };
  return { flow: new ImportFlow(services, hooks, run), hooks };
}

describe('importInWorker', () => {
  it('imports Threat Dragon, OTM YAML and TMT off the main thread, same as on it', async () => {
    for (const [name, text] of [['td.json', tdV2], ['zones.yaml', otmYaml], ['model.tm7', tmt]] as const) {
      const inWorker = await importInWorker(text, name, new AbortController().signal);
      const onMain = await importOnMainThread(text, name);
      expect(inWorker.result.ok, name).toBe(true);
      expect(inWorker.formatLabel).toBe(onMain.formatLabel);
      if (inWorker.result.ok && onMain.result.ok) expect(inWorker.result.summary.counts).toEqual(onMain.result.summary.counts);
    }
  });

  it('is stopped by Cancel', async () => {
    const abort = new AbortController();
    const running = importInWorker(tmt, 'model.tm7', abort.signal);
    abort.abort();
    await expect(running).rejects.toBeInstanceOf(ImportCancelled);
  });
});

describe('ImportFlow', () => {
  it('shows a foreign file for review, stores nothing until confirmed, then opens it', async () => {
    const { flow: f, hooks } = flow();
    await f.start({ name: 'support.json', text: tdV2 });
    expect(f.phase.name).toBe('review');
    if (f.phase.name !== 'review') return;
    expect(f.phase.formatLabel).toBe('OWASP Threat Dragon (v2 JSON)');
    expect(f.phase.summary.counts.elements).toBeGreaterThan(0);
    expect(await library.listModels()).toEqual([]);

    const counts = f.phase.summary.counts;
    await f.confirm();
    expect(f.phase.name).toBe('idle');
    const [id] = hooks.open.mock.calls[0]!;
    const stored = await library.loadModel(id);
    expect(stored?.diagrams.flatMap((d) => d.nodes)).toHaveLength(counts.elements);
    expect(stored?.threats).toHaveLength(counts.threats);
  });

  it('Cancel after review stores nothing', async () => {
    const { flow: f, hooks } = flow();
    await f.start({ name: 'zones.yaml', text: otmYaml });
    expect(f.phase.name).toBe('review');
    f.cancel();
    expect(f.phase.name).toBe('idle');
    expect(await library.listModels()).toEqual([]);
    expect(hooks.open).not.toHaveBeenCalled();
  });

  it('refuses a broken file with the file name and its problems, storing nothing', async () => {
    const { flow: f, hooks } = flow();
    await f.start({ name: 'broken.tm7', text: '<ThreatModel><DrawingSurfaceList><Broken' });
    expect(f.phase).toMatchObject({ name: 'refused', fileName: 'broken.tm7' });
    if (f.phase.name === 'refused') expect(f.phase.problems.length).toBeGreaterThan(0);
    await f.start({ name: 'notes.txt', text: 'just some notes' });
    expect(f.phase).toMatchObject({ name: 'refused', fileName: 'notes.txt', recognised: false });
    expect(await library.listModels()).toEqual([]);
    expect(hooks.open).not.toHaveBeenCalled();
  });

  it('opens our own format directly (no dialog), as a copy when the id is taken', async () => {
    const { flow: f, hooks } = flow();
    const doc = createModel('Ours');
    const text = serializeDocument(doc);
    await f.start({ name: 'ours.threatloom', text });
    expect(f.phase.name).toBe('idle');
    expect(hooks.open).toHaveBeenLastCalledWith(doc.id);
    await f.start({ name: 'ours.threatloom', text });
    expect(hooks.open.mock.calls[1]![0]).not.toBe(doc.id);
    expect(hooks.inform).toHaveBeenCalledWith(expect.stringMatching(/opened as a copy/));
  });

  it('reports an invalid file of our own format outside the dialog', async () => {
    const { flow: f, hooks } = flow();
    await f.start({ name: 'bad.threatloom', text: '{"format":"threatloom-model","schemaVersion":99}' });
    expect(f.phase.name).toBe('idle');
    expect(hooks.fail).toHaveBeenCalledWith(expect.stringMatching(/^Could not open “bad\.threatloom”/));
  });

  it('Cancel while reading drops the result when it arrives', async () => {
    let finish!: () => void;
    const slow: ImportRunner = async (text, name, signal) => {
      await new Promise<void>((resolve) => (finish = resolve));
      expect(signal.aborted).toBe(true);
      return importOnMainThread(text, name);
    };
    const { flow: f } = flow(slow);
    const running = f.start({ name: 'support.json', text: tdV2 });
    expect(f.phase).toMatchObject({ name: 'reading', fileName: 'support.json', bytes: tdV2.length });
    f.cancel();
    finish();
    await running;
    expect(f.phase.name).toBe('idle');
  });
});
