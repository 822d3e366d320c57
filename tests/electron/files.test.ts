// Open / Save / Save As in the main process: only user-chosen paths, ids instead of paths,
// atomic writes with .bak, and no overwrite of a file someone else changed.
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WriteOps } from '../../electron/atomic-write';
import { nodeWriteOps } from '../../electron/atomic-write';
import { ALL_FILES, exportDialogRequest, FileService, MODEL_FILTERS, openDialogRequest, type FileDialogs } from '../../electron/files';
import { RecentFiles } from '../../electron/recent';

let dir: string;
let dialogs: { chooseFileToOpen: ReturnType<typeof vi.fn>; chooseFileToSave: ReturnType<typeof vi.fn> };
let recent: RecentFiles;
let files: FileService;

function service(maxBytes?: number, writeOps?: WriteOps) {
  return new FileService({ dialogs: dialogs as FileDialogs, recent, platform: 'linux', ...(maxBytes ? { maxBytes } : {}), ...(writeOps ? { writeOps } : {}) });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-files-'));
  dialogs = { chooseFileToOpen: vi.fn(async () => null), chooseFileToSave: vi.fn(async () => null) };
  recent = new RecentFiles(join(dir, 'userData', 'recent.json'), { platform: 'linux' });
  await recent.load();
  files = service();
});

async function openThroughDialog(path: string, svc = files) {
  dialogs.chooseFileToOpen.mockResolvedValueOnce(path);
  const result = await svc.openFile();
  if (result.status !== 'opened') throw new Error(`expected opened, got ${JSON.stringify(result)}`);
  return result;
}

describe('FileService', () => {
  it('opens the file picked in the dialog and hands out an id and the name, never the path', async () => {
    const path = join(dir, 'payments.threatloom');
    writeFileSync(path, '{"title":"Payments"}');
    const result = await openThroughDialog(path);
    expect(result).toEqual({ status: 'opened', id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'payments.threatloom', text: '{"title":"Payments"}' });
    expect(JSON.stringify(result)).not.toContain(dir);
    expect(recent.paths()).toEqual([path]);
  });

  it('reports a cancelled dialog', async () => {
    expect(await files.openFile()).toEqual({ status: 'cancelled' });
    expect(await files.saveFileAs('x.threatloom', '{}')).toEqual({ status: 'cancelled' });
  });

  it('refuses files over the size limit before reading them', async () => {
    const path = join(dir, 'huge.threatloom');
    writeFileSync(path, 'x'.repeat(2000));
    dialogs.chooseFileToOpen.mockResolvedValueOnce(path);
    const result = await service(1000).openFile();
    expect(result).toMatchObject({ status: 'failed', code: 'too-large' });
    expect(result.status === 'failed' && result.message).toContain('huge.threatloom');
  });

  it('refuses bytes that are not UTF-8 text', async () => {
    const path = join(dir, 'binary.threatloom');
    writeFileSync(path, Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    dialogs.chooseFileToOpen.mockResolvedValueOnce(path);
    expect(await files.openFile()).toMatchObject({ status: 'failed', code: 'io-error' });
  });

  it('refuses ids it never handed out (paths the user did not choose)', async () => {
    const stranger = '3b241101-e2bb-4255-8caf-4136c566a962';
    expect(await files.saveFile(stranger, '{}')).toMatchObject({ status: 'failed', code: 'unknown-file' });
    expect(await files.openRecent(stranger)).toMatchObject({ status: 'failed', code: 'unknown-file' });
    expect(files.pathOf(stranger)).toBeNull();
  });

  it('saves atomically to the opened file and keeps the previous version as .bak', async () => {
    const path = join(dir, 'model.threatloom');
    writeFileSync(path, 'version 1');
    const { id } = await openThroughDialog(path);
    expect(await files.saveFile(id, 'version 2')).toEqual({ status: 'saved', id, name: 'model.threatloom' });
    expect(readFileSync(path, 'utf8')).toBe('version 2');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('version 1');
    expect(await files.saveFile(id, 'version 3')).toMatchObject({ status: 'saved' });
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('version 2');
  });

  it('refuses to overwrite a file someone else changed since it was opened, and leaves it alone', async () => {
    const path = join(dir, 'shared.threatloom');
    writeFileSync(path, 'ours');
    const { id } = await openThroughDialog(path);
    writeFileSync(path, 'theirs, edited in git');
    const result = await files.saveFile(id, 'ours, edited');
    expect(result).toMatchObject({ status: 'failed', code: 'changed-on-disk' });
    expect(result.status === 'failed' && result.message).toMatch(/changed by another program.*Save As/s);
    expect(readFileSync(path, 'utf8')).toBe('theirs, edited in git');
    expect(existsSync(`${path}.bak`)).toBe(false);
  });

  it('notices a change of the same size (mtime differs, content hash differs)', async () => {
    const path = join(dir, 'same-size.threatloom');
    writeFileSync(path, 'aaaa');
    const { id } = await openThroughDialog(path);
    writeFileSync(path, 'bbbb');
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(await files.saveFile(id, 'cccc')).toMatchObject({ status: 'failed', code: 'changed-on-disk' });
  });

  it('is not fooled by a touch that leaves the content unchanged', async () => {
    const path = join(dir, 'touched.threatloom');
    writeFileSync(path, 'same');
    const { id } = await openThroughDialog(path);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(await files.saveFile(id, 'new')).toMatchObject({ status: 'saved' });
  });

  it('detects changes made after our own save too', async () => {
    const path = join(dir, 'twice.threatloom');
    writeFileSync(path, 'v1');
    const { id } = await openThroughDialog(path);
    await files.saveFile(id, 'v2');
    writeFileSync(path, 'someone else');
    expect(await files.saveFile(id, 'v3')).toMatchObject({ status: 'failed', code: 'changed-on-disk' });
  });

  it('recreates a file deleted since it was opened (nothing to lose)', async () => {
    const path = join(dir, 'gone.threatloom');
    writeFileSync(path, 'v1');
    const { id } = await openThroughDialog(path);
    await import('node:fs/promises').then((fs) => fs.rm(path));
    expect(await files.saveFile(id, 'v2')).toMatchObject({ status: 'saved' });
    expect(readFileSync(path, 'utf8')).toBe('v2');
  });

  it('saves as the file picked in the Save dialog, suggesting the name, and can save there again', async () => {
    const path = join(dir, 'new.threatloom');
    dialogs.chooseFileToSave.mockResolvedValueOnce(path);
    const result = await files.saveFileAs('Payments.threatloom', '{"v":1}');
    expect(dialogs.chooseFileToSave).toHaveBeenCalledWith('Payments.threatloom', { title: 'Save Threat Model', filters: MODEL_FILTERS });
    expect(result).toEqual({ status: 'saved', id: expect.any(String), name: 'new.threatloom' });
    expect(readFileSync(path, 'utf8')).toBe('{"v":1}');
    if (result.status !== 'saved') throw new Error('not saved');
    expect(await files.saveFile(result.id, '{"v":2}')).toMatchObject({ status: 'saved' });
    expect(readFileSync(path, 'utf8')).toBe('{"v":2}');
    expect(recent.paths()).toEqual([path]);
  });

  it('opens from the recent list by id, and drops files that have disappeared', async () => {
    const kept = join(dir, 'kept.threatloom');
    const lost = join(dir, 'lost.threatloom');
    writeFileSync(kept, 'k');
    await recent.add(lost);
    await recent.add(kept);
    const listed = files.listRecent();
    expect(listed.map((f) => f.name)).toEqual(['kept.threatloom', 'lost.threatloom']);
    expect(await files.openRecent(listed[0]!.id)).toMatchObject({ status: 'opened', text: 'k' });
    expect(await files.openRecent(listed[1]!.id)).toMatchObject({ status: 'failed', code: 'not-found' });
    expect(recent.paths()).toEqual([kept]);
  });

  it('needs a read before a save: a recent file never opened this session is not overwritten blindly', async () => {
    const path = join(dir, 'recent-only.threatloom');
    writeFileSync(path, 'theirs');
    await recent.add(path);
    const [ref] = files.listRecent();
    expect(await files.saveFile(ref!.id, 'ours')).toMatchObject({ status: 'failed', code: 'unknown-file' });
    expect(readFileSync(path, 'utf8')).toBe('theirs');
  });

  it('gives the same id to the same path', () => {
    const a = files.allow(join(dir, 'a.threatloom'));
    expect(files.allow(join(dir, 'a.threatloom'))).toEqual(a);
    expect(files.allow(join(dir, 'b.threatloom')).id).not.toBe(a.id);
  });

  it('reports a write failure as a sentence naming the file, not the path', async () => {
    const path = join(dir, 'missing-dir', 'x.threatloom');
    dialogs.chooseFileToSave.mockResolvedValueOnce(path);
    const result = await files.saveFileAs('x.threatloom', '{}');
    expect(result).toMatchObject({ status: 'failed', code: 'not-found' });
    expect(result.status === 'failed' && result.message).not.toContain(dir);
  });

  it('knows when a write is in flight', async () => {
    const path = join(dir, 'busy.threatloom');
    writeFileSync(path, 'v1');
    const { id } = await openThroughDialog(path);
    const saving = files.saveFile(id, 'v2');
    expect(files.busy).toBe(true);
    await files.whenIdle();
    expect(files.busy).toBe(false);
    await saving;
  });
});

/** Every byte value, so a text round trip (UTF-8, CRLF, NUL handling) would show. */
const ALL_BYTES = Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 256);

describe('FileService exports', () => {
  it('writes the bytes exactly, including NUL and 0xFF, and answers with the name only', async () => {
    const path = join(dir, 'report.pdf');
    dialogs.chooseFileToSave.mockResolvedValueOnce(path);
    const result = await files.exportFile('Payments.pdf', ALL_BYTES, 'pdf');
    expect(result).toEqual({ status: 'saved', name: 'report.pdf' });
    expect(new Uint8Array(readFileSync(path))).toEqual(ALL_BYTES);
    expect(readFileSync(path).includes(0x00) && readFileSync(path).includes(0xff)).toBe(true);
  });

  it('keeps the file it replaced as .bak', async () => {
    const path = join(dir, 'diagram.png');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]));
    dialogs.chooseFileToSave.mockResolvedValueOnce(path);
    expect(await files.exportFile('diagram.png', Buffer.from([0xff, 0x00, 0xfe]), 'png')).toMatchObject({ status: 'saved' });
    expect([...readFileSync(path)]).toEqual([0xff, 0x00, 0xfe]);
    expect([...readFileSync(`${path}.bak`)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x00]);
  });

  it('leaves the old file as it was when the write fails, and says so naming the file only', async () => {
    const path = join(dir, 'keep.pdf');
    writeFileSync(path, 'old report');
    dialogs.chooseFileToSave.mockResolvedValueOnce(path);
    const failing = service(undefined, {
      ...nodeWriteOps,
      rename: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    });
    const result = await failing.exportFile('keep.pdf', ALL_BYTES, 'pdf');
    expect(result).toEqual({ status: 'failed', code: 'io-error', message: 'Could not save “keep.pdf”: the disk is full.' });
    expect(readFileSync(path, 'utf8')).toBe('old report');
  });

  it('reports a cancelled dialog and writes nothing', async () => {
    expect(await files.exportFile('x.pdf', ALL_BYTES, 'pdf')).toEqual({ status: 'cancelled' });
    expect(files.busy).toBe(false);
  });

  it('does not add the export to the recent list nor hand out an id for it', async () => {
    const model = join(dir, 'model.threatloom');
    dialogs.chooseFileToSave.mockResolvedValueOnce(model);
    await files.saveFileAs('model.threatloom', '{}');
    const exported = join(dir, 'model.pdf');
    dialogs.chooseFileToSave.mockResolvedValueOnce(exported);
    const result = await files.exportFile('model.pdf', ALL_BYTES, 'pdf');
    expect(result).not.toHaveProperty('id');
    expect(recent.paths()).toEqual([model]);
    expect(files.listRecent().map((f) => f.name)).toEqual(['model.threatloom']);
  });

  it('shows a Save dialog filtered to the export’s kind, with All files second', async () => {
    await files.exportFile('a.pdf', ALL_BYTES, 'pdf');
    await files.exportFile('a.png', ALL_BYTES, 'png');
    expect(dialogs.chooseFileToSave.mock.calls).toEqual([
      ['a.pdf', { title: 'Export PDF document', filters: [{ name: 'PDF document (.pdf)', extensions: ['pdf'] }, ALL_FILES] }],
      ['a.png', { title: 'Export PNG image', filters: [{ name: 'PNG image (.png)', extensions: ['png'] }, ALL_FILES] }],
    ]);
    expect(exportDialogRequest('png').filters.at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
  });

  it('is busy while writing, so closing the window waits for the export', async () => {
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    const slow = service(undefined, { ...nodeWriteOps, realpath: (async (path: string) => gate.then(() => nodeWriteOps.realpath(path))) as WriteOps['realpath'] });
    dialogs.chooseFileToSave.mockResolvedValueOnce(join(dir, 'busy.pdf'));
    const exporting = slow.exportFile('busy.pdf', ALL_BYTES, 'pdf');
    await vi.waitFor(() => expect(slow.busy).toBe(true));
    release();
    await slow.whenIdle();
    expect(slow.busy).toBe(false);
    expect(await exporting).toMatchObject({ status: 'saved' });
  });
});

describe('Open dialog filters', () => {
  it('offers Threatloom models first and All files for Open…', async () => {
    await files.openFile();
    expect(dialogs.chooseFileToOpen).toHaveBeenCalledWith({ title: 'Open Threat Model', filters: MODEL_FILTERS });
    expect(MODEL_FILTERS).toEqual([{ name: 'Threatloom models', extensions: ['threatloom', 'json'] }, ALL_FILES]);
  });

  it('offers the extensions the renderer asked for first, then All files', async () => {
    await files.openFile({ label: 'Threat models', extensions: ['.json', '.YAML', '.yml', '.tm7', '.json'] });
    expect(dialogs.chooseFileToOpen).toHaveBeenCalledWith({
      title: 'Open File',
      filters: [{ name: 'Threat models (.json, .yaml, .yml, .tm7)', extensions: ['json', 'yaml', 'yml', 'tm7'] }, { name: 'All files', extensions: ['*'] }],
    });
    expect(openDialogRequest({ label: 'Packs', extensions: ['.json'] }).filters).toHaveLength(2);
  });

  it('opens a file picked under All files (a .tm7 of Microsoft TMT)', async () => {
    const path = join(dir, 'client.tm7');
    writeFileSync(path, '<ThreatModel/>');
    dialogs.chooseFileToOpen.mockResolvedValueOnce(path);
    expect(await files.openFile({ label: 'Threat models', extensions: ['.json'] })).toMatchObject({ status: 'opened', name: 'client.tm7', text: '<ThreatModel/>' });
  });
});
