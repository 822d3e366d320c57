// app://threatloom serves the built renderer and nothing outside it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, PRIVILEGED_SCHEME, resolveAppPath } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tl-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Threatloom</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'a b.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'do not serve');
  writeFileSync(join(base, 'renderer-evil.txt'), 'sibling with a shared prefix');
});

const get = (url: string, method = 'GET') => createAppRequestHandler(root)(new Request(url, { method }));

describe('app:// scheme', () => {
  it('is registered as a privileged standard, secure scheme', () => {
    expect(PRIVILEGED_SCHEME).toEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) });
    expect(PRIVILEGED_SCHEME.privileges).not.toHaveProperty('bypassCSP');
  });

  it('serves index.html for the root, with the CSP and a content type', async () => {
    for (const url of ['app://threatloom/', 'app://threatloom/index.html', 'app://threatloom/index.html#/model/x']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Threatloom</title>');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves assets, decoding escaped names', async () => {
    const js = await get('app://threatloom/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('app://threatloom/assets/a%20b.css')).status).toBe(200);
  });

  it.each([
    'app://threatloom/../secret.txt',
    'app://threatloom/%2e%2e/secret.txt',
    'app://threatloom/assets/%2E%2E/%2e%2e/secret.txt',
    'app://threatloom/..%2fsecret.txt',
    'app://threatloom/..%5csecret.txt',
    'app://threatloom/%2e%2e%5csecret.txt',
    'app://threatloom/assets%2f..%2f..%2fsecret.txt',
    'app://threatloom/index.html%00.js',
    'app://threatloom/%E0%A4%A',
    'app://threatloom/../renderer-evil.txt',
    'app://threatloom/C:%5cWindows%5cwin.ini',
  ])('never serves outside the renderer: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('do not serve');
    expect(body).not.toContain('shared prefix');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('resolves only inside the root', () => {
    expect(resolveAppPath(root, 'app://threatloom/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    // The URL parser already folds `..` and `%2e%2e` segments at the root: they stay inside it.
    expect(resolveAppPath(root, 'app://threatloom/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'));
    // Encoded separators would smuggle `..` past the parser: refused.
    expect(resolveAppPath(root, 'app://threatloom/..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://threatloom/..%5csecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://threatloom/a%00b')).toBeNull();
  });

  it('answers 404 for missing files and directories, 405 for writes', async () => {
    expect((await get('app://threatloom/missing.js')).status).toBe(404);
    expect((await get('app://threatloom/assets')).status).toBe(404);
    expect((await get('app://threatloom/index.html', 'POST')).status).toBe(405);
    const head = await get('app://threatloom/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
