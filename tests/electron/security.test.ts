// The window's web preferences, the CSP, and the session/web-contents guards.
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isAllowedRequest,
  isAppUrl,
} from '../../electron/security';
import { readFileSync } from 'node:fs';
import { FakeSession, FakeWebContents, fakeEvent } from './electron-mock';

// scripts/serve.mjs has no type declarations: read its policy from the source.
const serveSource = readFileSync(new URL('../../scripts/serve.mjs', import.meta.url), 'utf8');
const servedPolicy = [...(/contentSecurityPolicy =((?:\s*"[^"]*"\s*\+?)+)/.exec(serveSource)?.[1] ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1]).join('');

describe('content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values] as const;
  }));

  it('allows no remote origin, no inline script and no eval', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|wss?:|\*/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('is the policy the served app uses, so browser tests run under it too', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(servedPolicy);
  });
});

describe('session guards', () => {
  const harden = () => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    return session;
  };

  it('denies every permission request and check', () => {
    const session = harden();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      session.permissionRequestHandler!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler!({}, permission, 'app://threatloom', {})).toBe(false);
    }
    expect(session.devicePermissionHandler!({})).toBe(false);
  });

  it.each([
    'http://example.com/',
    'https://example.com/x.js',
    'http://127.0.0.1:4870/',
    'ws://localhost:8080/socket',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'app://evil/index.html',
    'blob:https://example.com/123',
    'chrome://settings',
  ])('cancels %s', (url) => {
    const session = harden();
    const callback = vi.fn();
    session.beforeRequest!({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it.each([APP_ENTRY_URL, 'app://threatloom/assets/index-abc.js', 'data:image/png;base64,AAAA', 'blob:app://threatloom/5f1c'])('lets %s through', (url) => {
    const session = harden();
    const callback = vi.fn();
    session.beforeRequest!({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: false });
  });

  it('adds the CSP header to every response, replacing any other', () => {
    const session = harden();
    const callback = vi.fn();
    session.headersReceived!({ url: APP_ENTRY_URL, responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ['default-src *'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('lets the page save its own blobs but no download from elsewhere', () => {
    const session = harden();
    const ours = fakeEvent();
    session.emit('will-download', ours, { getURL: () => 'blob:app://threatloom/1' });
    expect(ours.defaultPrevented).toBe(false);
    const remote = fakeEvent();
    session.emit('will-download', remote, { getURL: () => 'https://example.com/x.exe' });
    expect(remote.defaultPrevented).toBe(true);
  });

  it('turns the spellchecker (which downloads dictionaries) off', () => {
    expect(harden().setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });
});

describe('web contents guards', () => {
  const harden = () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    return contents;
  };

  it.each(['https://example.com/', 'app://threatloom/index.html', 'file:///etc/passwd'])('blocks navigating the window to %s', (url) => {
    const contents = harden();
    const event = fakeEvent({ url });
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('blocks sub-frame navigation away from our scheme and every redirect', () => {
    const contents = harden();
    const away = fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-frame-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const redirect = fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
  });

  it('denies window.open and <webview>', () => {
    const contents = harden();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });

  it('recognises only app://threatloom as ours', () => {
    expect(isAppUrl('app://threatloom/x')).toBe(true);
    expect(isAppUrl('app://threatloom.evil/x')).toBe(false);
    expect(isAppUrl('app://evil@threatloom/x')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
  });
});
