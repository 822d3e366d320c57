// The shell's security policy in one place: web preferences, CSP, which URLs may load, and the
// session/web-contents guards that make the app offline by construction.
import type { Session, WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'threatloom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Same policy as scripts/serve.mjs (a test keeps them equal), so the browser e2e tests exercise
 * it too. 'self' is app://threatloom. No remote origin, no inline script, no eval; inline
 * *styles* are allowed because Svelte and JointJS set style attributes.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/**
 * Whether the session may start a request: our own scheme, inline data and blobs made by our
 * pages; DevTools' own pages (only reachable in development, DevTools are off when packaged).
 * Everything else — http, https, ws, wss, ftp, file — is cancelled.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length));
  return url.startsWith('devtools://');
}

/** Applies the session-wide guards: deny permissions, cancel network, add CSP, no downloads from afar. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    // Written out (= CONTENT_SECURITY_POLICY, a test keeps them equal) so static checkers such as
    // electronegativity can read and grade the policy.
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
  // Exports made in the page (blob: URLs) may be saved through the default Save dialog.
  session.on('will-download', (event, item) => {
    if (!isAllowedRequest(item.getURL())) event.preventDefault();
  });
  session.setSpellCheckerEnabled(false);
}

/** Guards for every web contents: no navigation away, no new windows, no <webview>. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
