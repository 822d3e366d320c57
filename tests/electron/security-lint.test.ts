// `npm run check:electron`: the allow-list verdict, and electronegativity really running offline.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  findInlineSuppressions,
  judgeFindings,
  parseAllowList,
  toFinding,
  type AllowEntry,
  type Finding,
} from '../../scripts/electron-security-findings.mjs';
import { scanWithElectronegativity } from '../../scripts/electronegativity-scan.mjs';

const finding = (over: Partial<Finding> = {}): Finding => ({
  check: 'PRELOAD_JS_CHECK',
  file: 'electron/main-window.ts',
  line: 18,
  column: 6,
  description: 'Review the use of preload scripts',
  sample: 'preload: preloadPath,',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  manualReview: true,
  ...over,
});
const entry = (over: Partial<AllowEntry> = {}): AllowEntry => ({
  check: 'PRELOAD_JS_CHECK',
  file: 'electron/main-window.ts',
  sample: 'preload: preloadPath,',
  reason: 'The preload exposes only an allow-listed bridge.',
  ...over,
});
const report = (findings: Finding[], entries: AllowEntry[], extra: Partial<Parameters<typeof buildReport>[0]> = {}) =>
  buildReport({
    checks: 40,
    files: 3,
    verdict: judgeFindings(findings, entries),
    errors: [],
    suppressions: [],
    networkAttempts: [],
    allowListFile: 'review.json',
    ...extra,
  });

describe('allow-list verdict', () => {
  it('fails on a finding no entry covers, naming check, file:line and description', () => {
    const result = report([finding({ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/shell.ts', line: 42, column: 4, description: 'Review the use of openExternal', sample: 'shell.openExternal(url);' })], []);
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toContain('OPEN_EXTERNAL_JS_CHECK  electron/shell.ts:42:4  Review the use of openExternal');
    expect(result.lines.at(-1)).toBe('electronegativity: 40 checks run on 3 files, 1 findings, 0 allowed, 1 failing');
  });

  it('passes when every finding is covered, ignoring whitespace in the sample', () => {
    const verdict = judgeFindings([finding({ sample: '  preload:   preloadPath,' })], [entry()]);
    expect(verdict.failing).toEqual([]);
    expect(verdict.stale).toEqual([]);
    expect(verdict.allowed).toHaveLength(1);
    const result = report([finding()], [entry()]);
    expect(result).toEqual({ ok: true, lines: ['electronegativity: 40 checks run on 3 files, 1 findings, 1 allowed, 0 failing'] });
  });

  it('fails on a stale entry that matches no finding', () => {
    const result = report([], [entry()]);
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toMatch(/Stale allow-list entries in review\.json[^\n]*\n {2}PRELOAD_JS_CHECK {2}electron\/main-window\.ts {2}code: preload: preloadPath,/);
  });

  it('needs a new review when the flagged code changes, or the same code moves to another file', () => {
    expect(judgeFindings([finding({ sample: 'preload: otherPreload,' })], [entry()])).toMatchObject({ allowed: [], failing: [{ sample: 'preload: otherPreload,' }], stale: [entry()] });
    expect(judgeFindings([finding({ file: 'electron/other-window.ts' })], [entry()]).failing).toHaveLength(1);
    expect(judgeFindings([finding({ check: 'SANDBOX_JS_CHECK' })], [entry()]).failing).toHaveLength(1);
  });

  it('fails on parse errors, inline eng-disable comments and network attempts even without findings', () => {
    const suppressions = findInlineSuppressions([{ file: 'electron/a.ts', text: 'const a = 1;\nwin.loadURL(u); // eng-disable HTTP_RESOURCES_JS_CHECK\n' }]);
    expect(suppressions).toEqual([{ file: 'electron/a.ts', line: 2, text: 'win.loadURL(u); // eng-disable HTTP_RESOURCES_JS_CHECK' }]);
    expect(report([], [], { suppressions }).ok).toBe(false);
    expect(report([], [], { errors: [{ file: 'electron/b.ts', message: 'Unexpected token (3:4)' }] }).lines[0]).toContain('could not parse');
    expect(report([], [], { networkAttempts: ['https://example.invalid/x.json'] }).ok).toBe(false);
    expect(report([], []).ok).toBe(true);
  });

  it('reads electronegativity issue objects', () => {
    expect(
      toFinding({ id: 'CSP_GLOBAL_CHECK', file: 'N/A', location: { line: 0, column: 0 }, description: 'No CSP', severity: { value: 2, name: 'MEDIUM' }, confidence: { value: 2, name: 'CERTAIN' }, manualReview: false }),
    ).toEqual({ check: 'CSP_GLOBAL_CHECK', file: 'N/A', line: 0, column: 0, description: 'No CSP', sample: '', severity: 'MEDIUM', confidence: 'CERTAIN', manualReview: false });
  });
});

describe('allow-list file', () => {
  it('accepts well-formed entries', () => {
    expect(parseAllowList({ about: 'x', allowed: [entry()] }, 'r.json')).toEqual([entry()]);
  });

  it.each([
    [[], 'r.json: expected an object with an "allowed" array'],
    [{ allowed: [{ ...entry(), reason: '' }] }, 'r.json: allowed[0]: "reason" must be a non-empty string'],
    [{ allowed: [{ ...entry(), reason: 'fine' }] }, 'r.json: allowed[0]: "reason" must say in a sentence why the finding is safe here'],
    [{ allowed: [{ ...entry(), smaple: 'x' }] }, 'r.json: allowed[0]: unknown field "smaple" (expected check, file, sample, reason)'],
    [{ allowed: [entry(), { check: 'X' }] }, 'r.json: allowed[1]: "file" must be a non-empty string'],
    [{ allowed: [entry(), entry({ sample: 'preload:  preloadPath,' })] }, 'r.json: allowed[1]: duplicate of an earlier entry for PRELOAD_JS_CHECK in electron/main-window.ts'],
  ])('rejects %j with a message naming what is wrong', (value, message) => {
    expect(() => parseAllowList(value, 'r.json')).toThrow(message);
  });

  it('the shipped review file parses, and every reviewed sample is in the file it names', () => {
    const root = new URL('../../', import.meta.url);
    const entries = parseAllowList(JSON.parse(readFileSync(new URL('electron/security-review.json', root), 'utf8')), 'security-review.json');
    expect(entries.length).toBeGreaterThan(0);
    for (const { file, sample } of entries) {
      expect(readFileSync(new URL(file, root), 'utf8').replace(/\s+/g, ' '), `${file}`).toContain(sample);
    }
  });
});

describe('electronegativity on deliberately insecure code', () => {
  const fixture = fileURLToPath(new URL('../fixtures/electron-insecure', import.meta.url));

  it('flags nodeIntegration and contextIsolation in TypeScript, offline, and the check fails', { timeout: 60_000 }, async () => {
    const scan = await scanWithElectronegativity({ input: fixture, electronVersion: '45.4.1' });
    expect(scan.files).toEqual(['main.ts']);
    expect(scan.errors).toEqual([]);
    expect(scan.networkAttempts).toEqual([]);
    expect(scan.checks).toBeGreaterThan(30);
    expect(scan.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ check: 'NODE_INTEGRATION_JS_CHECK', file: 'main.ts', line: 8, sample: 'nodeIntegration: true,' }),
        expect.objectContaining({ check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main.ts', line: 9, sample: 'contextIsolation: false,' }),
        // The whole-app checks see no CSP, navigation guard or permission handler in it either.
        expect.objectContaining({ check: 'CSP_GLOBAL_CHECK', file: 'N/A' }),
        expect.objectContaining({ check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: 'N/A' }),
        expect.objectContaining({ check: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', file: 'N/A' }),
      ]),
    );
    const result = report(scan.findings, []);
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toContain('CONTEXT_ISOLATION_JS_CHECK  main.ts:9:6');
  });

  it('turns a check that reaches for the network into a failure instead of a request', { timeout: 60_000 }, async () => {
    // Nothing excluded: AvailableSecurityFixesGlobalCheck asks GitHub for Electron's releases.
    const scan = await scanWithElectronegativity({ input: fixture, electronVersion: '45.4.1', exclude: [] });
    expect(scan.networkAttempts).toEqual([expect.stringMatching(/^https:\/\/raw\.githubusercontent\.com\/electron\/releases\//)]);
    expect(report([], [], { networkAttempts: scan.networkAttempts }).ok).toBe(false);
  });
});
