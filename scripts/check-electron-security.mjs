// `npm run check:electron`: electronegativity over the desktop shell's sources, failing on any
// finding that electron/security-review.json has not reviewed, on stale review entries, on files
// the tool could not parse, on inline eng-disable comments, and on any attempt to use the network.
//
// Scans the TypeScript sources, not the bundle in dist-electron/: the tool parses .ts itself
// (Babel), reports source lines, and needs no build. The bundle is worse on every count: the tool
// skips *.cjs files, cannot parse main.cjs's private class fields once renamed to .js (so the
// whole-app checks then report a missing CSP and navigation guards that are there), and the
// bundler rewrites `app.on(...)` into `electron.app.on(...)`.
//
// One scan over a staging copy with repo-relative paths, because the whole-app ("global") checks
// — CSP present, navigation limited, permission handler set — judge everything scanned together:
//   electron/**     the main process and the preload
//   renderer/index.html  the page the window loads (its CSP meta tag)
//   package.json    npm scripts (Electron command-line switches, disabled security warnings)
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport, findInlineSuppressions, judgeFindings, parseAllowList } from './electron-security-findings.mjs';
import { EXCLUDED_CHECKS, scanWithElectronegativity } from './electronegativity-scan.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ALLOW_LIST = 'electron/security-review.json';
const SCANNED = ['electron', 'renderer/index.html', 'package.json'];
const REPORT = join(tmpdir(), 'threatloom-electronegativity', 'report.json');

/** The pinned Electron version, so the checks assume that version's defaults. */
function electronVersion() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const version = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`package.json: expected "electron" pinned to an exact version (like 45.4.1), found ${JSON.stringify(version)}`);
  }
  return version;
}

function readAllowList() {
  let json;
  try {
    json = JSON.parse(readFileSync(join(ROOT, ALLOW_LIST), 'utf8'));
  } catch (error) {
    throw new Error(`${ALLOW_LIST}: cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseAllowList(json, ALLOW_LIST);
}

async function main() {
  const started = performance.now();
  const version = electronVersion();
  const entries = readAllowList();
  const stage = mkdtempSync(join(tmpdir(), 'threatloom-electronegativity-'));
  try {
    for (const path of SCANNED) {
      if (!existsSync(join(ROOT, path))) throw new Error(`${path}: missing, but the Electron security check scans it`);
      mkdirSync(dirname(join(stage, path)), { recursive: true });
      cpSync(join(ROOT, path), join(stage, path), { recursive: true });
    }
    const scan = await scanWithElectronegativity({ input: stage, electronVersion: version });
    const suppressions = findInlineSuppressions(scan.files.map((file) => ({ file, text: readFileSync(join(stage, file), 'utf8') })));
    const verdict = judgeFindings(scan.findings, entries);
    const report = buildReport({
      checks: scan.checks,
      files: scan.files.length,
      verdict,
      errors: scan.errors,
      suppressions,
      networkAttempts: scan.networkAttempts,
      allowListFile: ALLOW_LIST,
    });
    mkdirSync(dirname(REPORT), { recursive: true });
    writeFileSync(REPORT, JSON.stringify({ electronVersion: version, excluded: EXCLUDED_CHECKS, ...scan, verdict }, null, 2));
    for (const line of report.lines) console.log(line);
    console.log(
      `(electronegativity ${scan.toolVersion}, Electron ${version}, ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `not run: ${Object.keys(EXCLUDED_CHECKS).join(', ')}; full results: ${REPORT})`,
    );
    if (!report.ok) process.exitCode = 1;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`check:electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
