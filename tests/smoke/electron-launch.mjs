// `npm start`'s Electron branch, run where the real binary cannot be: ELECTRON_OVERRIDE_DIST_PATH
// points start.mjs at a stand-in `electron` that records how it was launched. Checks that the
// branch builds the main process and preload bundles it launches, starts Electron on the app
// directory with the user's arguments, clears ELECTRON_RUN_AS_NODE, and passes on its exit code.
// Usage: node tests/smoke/electron-launch.mjs
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checklist } from './checklist.mjs';

const { check, broke, finish } = checklist('electron launch');

const work = mkdtempSync(join(tmpdir(), 'threatloom-electron-launch-'));
const record = join(work, 'launch.json');
const standIn = join(work, 'electron');
// A shell script, so it runs without Node's help and records exactly what it was given.
writeFileSync(standIn, `#!/bin/sh
node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[1], JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }))' "${record}" "$@"
exit 7
`);
chmodSync(standIn, 0o755);

try {
  const started = Date.now();
  const run = spawnSync(process.execPath, ['scripts/start.mjs', 'client.threatloom'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: work, DISPLAY: process.env.DISPLAY || ':99', ELECTRON_RUN_AS_NODE: '1', THREATLOOM_SHELL: '' },
  });
  const launch = existsSync(record) ? JSON.parse(readFileSync(record, 'utf8')) : null;
  check(launch !== null, `npm start launched the Electron binary it found (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!launch) throw new Error(run.stdout + run.stderr);
  check(launch.args[0] === '.' && resolve(launch.cwd) === resolve('.'), 'Electron starts on the app directory (package.json main)');
  check(launch.args.includes('client.threatloom'), 'the file argument reaches Electron');
  check(launch.runAsNode === null, 'ELECTRON_RUN_AS_NODE is cleared, so Electron runs as the app');
  check(run.status === 7, `npm start exits with Electron's exit code (${run.status})`);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  for (const bundle of [pkg.main, 'dist-electron/preload.cjs']) {
    check(existsSync(bundle) && statSync(bundle).mtimeMs >= started - 1000, `${bundle} was built for this launch`);
  }
  check(!/Chromium window/.test(run.stdout), 'no fallback message when Electron is there');
} catch (error) {
  broke(error);
} finally {
  rmSync(work, { recursive: true, force: true });
}

finish('npm start builds and launches the desktop shell where Electron is installed');
