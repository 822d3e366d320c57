// Files named on the command line, by the OS or by a second launch.
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileArgument, OpenQueue } from '../../electron/open-requests';

describe('fileArgument', () => {
  it('finds the model file in a packaged app argv', () => {
    expect(fileArgument(['/opt/Threatloom/threatloom', '/home/u/m.threatloom'], { defaultApp: false, cwd: '/' })).toBe('/home/u/m.threatloom');
  });

  it('skips the app path of `electron .`, switches and URLs', () => {
    const argv = ['/usr/bin/electron', '.', '--no-sandbox', '--enable-logging', 'https://example.com/x.json', 'models/b.threatloom'];
    expect(fileArgument(argv, { defaultApp: true, cwd: '/work' })).toBe(resolve('/work', 'models/b.threatloom'));
  });

  it('accepts JSON for exchange, nothing else', () => {
    expect(fileArgument(['app', '/x/model.JSON'], { defaultApp: false, cwd: '/' })).toBe('/x/model.JSON');
    expect(fileArgument(['app', '/x/notes.txt', '/x/evil.exe'], { defaultApp: false, cwd: '/' })).toBeNull();
    expect(fileArgument(['app'], { defaultApp: false, cwd: '/' })).toBeNull();
  });
});

describe('OpenQueue', () => {
  it('holds requests until the renderer is ready, then delivers in order and directly', () => {
    const queue = new OpenQueue<string>();
    queue.push('a');
    queue.push('b');
    const deliver = vi.fn();
    queue.ready(deliver);
    expect(deliver.mock.calls).toEqual([['a'], ['b']]);
    queue.push('c');
    expect(deliver).toHaveBeenLastCalledWith('c');
    queue.pause();
    queue.push('d');
    expect(deliver).toHaveBeenCalledTimes(3);
    expect(queue.size).toBe(1);
  });
});
