// Packages the desktop app for Linux with electron-builder exactly as `npm run dist:dir` does, but
// around a stand-in Electron binary (the real one cannot be downloaded here), and checks what a
// user would install: the executable's name, app.asar holding only our bundles, the entry points
// package.json and the shell name being inside it, the bundles needing nothing that is not there
// (no node_modules ship), and Electron's fuses flipped as electron-builder.yml says.
// Usage: node tests/smoke/packaged-app.mjs   (after `vite build` and `npm run build:electron`)
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import { checklist } from './checklist.mjs';

// @electron/fuses' marker and wire layout: sentinel, wire version (1), fuse count, one byte per
// fuse ('0' off, '1' on). Order of FuseV1Options; the stand-in starts with Electron's defaults.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];
const ELECTRON_DEFAULTS = '10110001';

const config = parse(readFileSync('electron-builder.yml', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
for (const file of ['dist/renderer/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs']) {
  if (!existsSync(file)) {
    console.error(`package: ${file} is missing; run \`vite build && npm run build:electron\` first.`);
    process.exit(1);
  }
}

const { check, broke, finish } = checklist('package');

const work = mkdtempSync(join(tmpdir(), 'threatloom-package-'));
try {
  const electronDist = join(work, 'electron');
  mkdirSync(electronDist);
  const standIn = Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in Electron binary for the packaging check\nexit 0\n# '), Buffer.from(SENTINEL), Buffer.from([1, FUSES.length]), Buffer.from(`${ELECTRON_DEFAULTS}\n`)]);
  writeFileSync(join(electronDist, 'electron'), standIn);
  chmodSync(join(electronDist, 'electron'), 0o755);
  writeFileSync(join(electronDist, 'version'), pkg.devDependencies.electron);

  const out = join(work, 'out');
  const started = Date.now();
  const built = spawnSync(process.execPath, ['node_modules/electron-builder/cli.js', '--dir', '--linux', '--x64', `--config.electronDist=${electronDist}`, `--config.directories.output=${out}`], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' },
  });
  check(built.status === 0, `electron-builder --dir --linux packaged the app (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (built.status !== 0) throw new Error(built.stdout + built.stderr);

  const appDir = join(out, 'linux-unpacked');
  const executable = join(appDir, config.linux.executableName);
  check(existsSync(executable), `the executable is named ${config.linux.executableName}`);

  // Fuses: electron-builder.yml's electronFuses, written into the executable.
  const binary = readFileSync(executable);
  const at = binary.indexOf(SENTINEL) + SENTINEL.length;
  const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]).toString('latin1');
  for (const [i, name] of FUSES.entries()) {
    const wanted = config.electronFuses[name];
    if (wanted === undefined) continue;
    check(wire[i] === (wanted ? '1' : '0'), `fuse ${name} is ${wanted ? 'on' : 'off'}`);
  }

  // app.asar: a Chromium pickle header (sizes at 4 and 12) followed by a JSON index of files.
  const asar = readFileSync(join(appDir, 'resources', 'app.asar'));
  const headerSize = asar.readUInt32LE(12);
  const index = JSON.parse(asar.subarray(16, 16 + headerSize).toString('utf8'));
  const base = 8 + asar.readUInt32LE(4);
  const files = new Map();
  const walk = (node, prefix) => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (entry.files) walk(entry, path);
      else files.set(path, entry);
    }
  };
  walk(index, '');
  const read = (path) => {
    const entry = files.get(path);
    return entry ? asar.subarray(base + Number(entry.offset), base + Number(entry.offset) + entry.size).toString('utf8') : null;
  };

  const unexpected = [...files.keys()].filter((f) => !['package.json', 'dist-electron/main.cjs', 'dist-electron/preload.cjs'].includes(f) && !f.startsWith('dist/renderer/'));
  check(unexpected.length === 0, `app.asar holds only package.json and the bundles (${files.size} files)${unexpected.length ? `; also: ${unexpected.slice(0, 5).join(', ')}` : ''}`);
  check(![...files.keys()].some((f) => f.endsWith('.map') || f.includes('node_modules')), 'no source maps or node_modules are shipped');
  check(files.has('dist/renderer/index.html'), 'the renderer build is inside');

  const packaged = JSON.parse(read('package.json') ?? '{}');
  check(packaged.main === pkg.main && files.has(packaged.main), `package.json's main (${packaged.main}) is inside the asar`);
  check(packaged.productName === config.productName, `the app is called ${packaged.productName}`);

  // What the bundles load must exist at run time: Electron and Node's built-ins, nothing else.
  const shipped = new Set(['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  for (const bundle of ['dist-electron/main.cjs', 'dist-electron/preload.cjs']) {
    const text = read(bundle) ?? '';
    const needs = [...new Set([...text.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))];
    const missing = needs.filter((m) => !shipped.has(m) && !(m.startsWith('.') && files.has(posix.join(posix.dirname(bundle), m))));
    check(needs.length > 0 && missing.length === 0, `${bundle} needs only ${needs.join(', ')}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`);
  }
  // The shell finds its preload and renderer under the app path (electron/shell.ts defaults).
  const main = read('dist-electron/main.cjs') ?? '';
  check(/["']dist-electron["']\s*,\s*["']preload\.cjs["']/.test(main) && files.has('dist-electron/preload.cjs'), 'main looks for dist-electron/preload.cjs, which is packaged');
  check(/["']dist["']\s*,\s*["']renderer["']/.test(main), 'main serves dist/renderer, which is packaged');
} catch (error) {
  broke(error);
} finally {
  rmSync(work, { recursive: true, force: true });
}

finish('the Linux app directory is what electron-builder.yml describes');
