// app://threatloom/… serves the built renderer (dist/renderer, inside app.asar when packaged).
// A privileged standard scheme gives the page a real origin ('self' in the CSP, IndexedDB)
// without a local server or file:// and its extra privileges.
import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

export const PRIVILEGED_SCHEME: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

const baseHeaders = (contentType: string): Record<string, string> => ({
  'Content-Type': contentType,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
});

const refuse = (status: number, text: string) => new Response(text, { status, headers: baseHeaders('text/plain; charset=utf-8') });

/**
 * The file under `root` that `url` names, or null when the URL is not ours or tries to leave
 * `root` (`..` in any encoding, backslashes, NUL, absolute or drive paths).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..' || /[\\/\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  const base = resolve(root);
  const file = segments.length ? join(base, ...segments) : join(base, 'index.html');
  return file.startsWith(base + sep) ? file : null;
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

/** The `protocol.handle` handler: read-only, GET/HEAD only, CSP on every response. */
export function createAppRequestHandler(root: string, readFile: ReadFile = fsReadFile) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const file = resolveAppPath(root, request.url);
    if (!file) return refuse(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return refuse(404, 'Not found');
    }
    const headers = baseHeaders(CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}
