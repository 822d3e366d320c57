// BrowserFiles for Import… and Export to…, and the model extension: the pickers offer
// `.threatloom` and `.json` for models and any file for imports; exports download (or go through
// the File System Access save picker) with their own type.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserFiles } from '../../renderer/platform/browser-files';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Captures the hidden file input the fallback creates, then "chooses" a file in it. */
function captureInput(file: File | null) {
  const seen: HTMLInputElement[] = [];
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    seen.push(this);
    queueMicrotask(() => {
      if (file) {
        const dt = new DataTransfer();
        dt.items.add(file);
        this.files = dt.files;
        this.dispatchEvent(new Event('change'));
      } else this.dispatchEvent(new Event('cancel'));
    });
  });
  return seen;
}

describe('BrowserFiles (input and download fallback)', () => {
  const files = new BrowserFiles({ useFileSystemAccess: false });

  it('offers .threatloom and .json for models', async () => {
    const inputs = captureInput(new File(['{}'], 'm.threatloom'));
    expect(await files.openModelFile()).toEqual({ name: 'm.threatloom', text: '{}' });
    expect(inputs[0]!.accept.split(',')).toEqual(expect.arrayContaining(['.threatloom', '.json']));
  });

  it('offers any file for imports, or the extensions asked for', async () => {
    let inputs = captureInput(new File(['<ThreatModel/>'], 'client.tm7'));
    expect(await files.openTextFile()).toEqual({ name: 'client.tm7', text: '<ThreatModel/>' });
    expect(inputs[0]!.accept).toBe('');
    vi.restoreAllMocks();
    inputs = captureInput(null);
    expect(await files.openTextFile(['.json', '.yaml'])).toBeNull();
    expect(inputs[0]!.accept).toBe('.json,.yaml');
  });

  it('refuses a file over the size limit before reading it', async () => {
    captureInput(new File(['x'.repeat(2000)], 'big.json'));
    await expect(new BrowserFiles({ useFileSystemAccess: false, maxBytes: 1000 }).openTextFile()).rejects.toThrow(/big\.json/);
  });

  it('downloads an export under its name with its type', async () => {
    const links: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      links.push({ download: this.download, href: this.href });
    });
    expect(await files.saveExportFile('Model.otm.json', '{"otmVersion":"0.2.0"}', 'application/json')).toEqual({ name: 'Model.otm.json' });
    expect(links).toHaveLength(1);
    expect(links[0]!.download).toBe('Model.otm.json');
    const blob = await (await fetch(links[0]!.href)).blob();
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe('{"otmVersion":"0.2.0"}');
  });
});

describe('BrowserFiles (File System Access)', () => {
  function withPickers() {
    const written: string[] = [];
    const handle = {
      name: 'chosen.threat-dragon.json',
      createWritable: async () => ({ write: async (t: string) => void written.push(t), close: async () => undefined, abort: async () => undefined }),
      getFile: async () => new File(['a: 1'], 'zones.yaml'),
    };
    const open = vi.fn(async (_options: unknown) => [handle]);
    const save = vi.fn(async (_options: unknown) => handle);
    Object.assign(window, { showOpenFilePicker: open, showSaveFilePicker: save });
    const restore = () => {
      delete (window as unknown as Record<string, unknown>)['showOpenFilePicker'];
      delete (window as unknown as Record<string, unknown>)['showSaveFilePicker'];
    };
    return { open, save, written, restore };
  }

  it('asks for any file (no type filter) for imports and .threatloom/.json for models', async () => {
    const { open, restore } = withPickers();
    try {
      const files = new BrowserFiles();
      expect(await files.openTextFile()).toEqual({ name: 'zones.yaml', text: 'a: 1' });
      expect(open.mock.calls[0]![0]).toEqual({ multiple: false });
      await files.openModelFile();
      expect(JSON.stringify(open.mock.calls[1]![0])).toContain('.threatloom');
    } finally {
      restore();
    }
  });

  it('writes an export where the user chose, suggesting its extension', async () => {
    const { save, written, restore } = withPickers();
    try {
      const files = new BrowserFiles();
      expect(await files.saveExportFile('M.threat-dragon.json', '{}', 'application/json')).toEqual({ name: 'chosen.threat-dragon.json' });
      expect(save.mock.calls[0]![0]).toMatchObject({ suggestedName: 'M.threat-dragon.json', types: [{ accept: { 'application/json': ['.json'] } }] });
      expect(written).toEqual(['{}']);
    } finally {
      restore();
    }
  });
});
