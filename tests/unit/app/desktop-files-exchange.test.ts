// DesktopFiles for Import… and Export to…: any file through the native Open dialog; exports
// through the native Save dialog, busy while writing, never remembered as the model's file.
import { describe, expect, it } from 'vitest';
import { DesktopHost } from '../../../renderer/platform/desktop-host';
import { DesktopFileError, DesktopFiles } from '../../../renderer/platform/desktop-files';
import { fakeBridge } from '../../electron/fake-bridge';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const ID2 = '9c7a2c55-2f43-4d8e-9f0a-5d2b3c4d5e6f';

function setup(answers: Record<string, (arg: any) => unknown>) {
  const { bridge, calls } = fakeBridge(answers);
  return { files: new DesktopFiles(new DesktopHost(bridge)), calls };
}

describe('DesktopFiles exchange', () => {
  it('opens any file for import through the native dialog, offering the asked-for extensions first', async () => {
    const { files, calls } = setup({ 'files:open': () => ({ status: 'opened', id: ID, name: 'client.tm7', text: '<ThreatModel/>' }) });
    expect(await files.openTextFile(['.tm7'])).toEqual({ name: 'client.tm7', text: '<ThreatModel/>' });
    expect(calls('files:open')).toEqual([{ accept: { label: 'Supported files', extensions: ['.tm7'] } }]);
  });

  it('saves an export through the export channel, busy meanwhile, and does not make it the model’s file', async () => {
    const { files, calls } = setup({
      'files:exportBytes': () => ({ status: 'saved', name: 'x.otm.json' }),
      'files:saveAs': () => ({ status: 'saved', id: ID2, name: 'm.threatloom' }),
      'files:save': () => ({ status: 'saved', id: ID, name: 'x.otm.json' }),
    });
    expect(await files.saveExportFile('Pay/ments.otm.json', '{}', 'application/json')).toEqual({ name: 'x.otm.json' });
    expect(calls('files:exportBytes')).toEqual([{ suggestedName: 'Pay_ments.otm.json', bytes: new TextEncoder().encode('{}'), kind: 'json' }]);
    expect(calls('app:busy')).toEqual([{ busy: true }, { busy: false }]);
    // Saving the model next still asks where: the export is not the model's file.
    await files.saveModelFile('m.threatloom', 'model', 'model-1');
    expect(calls('files:save')).toEqual([]);
    expect(calls('files:saveAs')).toHaveLength(1);
  });

  it('returns null when cancelled and throws the message main wrote on failure', async () => {
    const cancelled = setup({ 'files:exportBytes': () => ({ status: 'cancelled' }) });
    expect(await cancelled.files.saveExportFile('a.json', '{}', 'application/json')).toBeNull();
    const failed = setup({ 'files:exportBytes': () => ({ status: 'failed', code: 'io-error', message: 'The disk is full.' }) });
    const error = await failed.files.saveExportFile('a.json', '{}', 'application/json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesktopFileError);
    expect((error as Error).message).toBe('The disk is full.');
  });
});
