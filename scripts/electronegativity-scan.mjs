// Runs @doyensec/electronegativity in-process on one directory, with its network access cut off.
//
// Why in-process and not its CLI: the API returns the files it could not parse (the CLI only
// prints them), and it lets us replace two modules before they load:
// - dist/locales/i18n.js fetches "updated translations" from a public bucket on EVERY run (1 s
//   timeout, then carries on): replaced by the same i18n setup on the bundled en-US strings.
// - `got`, its HTTP client, used otherwise only by AvailableSecurityFixesGlobalCheck (Electron's
//   release list): replaced by a trap that records the URL and fails, so a check that tries the
//   network fails the run loudly instead of hanging or silently passing in CI.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { toFinding } from './electron-security-findings.mjs';

const requireHere = createRequire(import.meta.url);
const PACKAGE_JSON = requireHere.resolve('@doyensec/electronegativity/package.json');
const PACKAGE_DIR = dirname(PACKAGE_JSON);
const requireFromPackage = createRequire(PACKAGE_JSON);

/** Checks we never run, each with the reason. Names as electronegativity spells its classes. */
export const EXCLUDED_CHECKS = Object.freeze({
  // Downloads Electron's release list from GitHub: CI has no internet. Electron upgrades are
  // reviewed when package.json's pinned version changes instead.
  AvailableSecurityFixesGlobalCheck: 'needs the network',
  // Informational only: reports the Electron version from package.json, which we pass in anyway.
  ElectronVersionJSONCheck: 'informational, not a finding',
});

/** The files electronegativity's directory loader reads (same rule as its util/file.js). */
export function scannedFiles(/** @type {string} */ dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!path.includes('node_modules') && (/\.(jsx?|tsx?|html?)$/.test(entry.name) || /package(-lock)?\.json|yarn\.lock/i.test(entry.name))) {
        out.push(relative(dir, path).split(sep).join('/'));
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** @type {string[]} */
const networkAttempts = [];
let installed = false;

/** Puts `exports` into the module cache under `path`, so `require(path)` returns it unloaded. */
function preload(/** @type {string} */ path, /** @type {unknown} */ exports) {
  const Module = /** @type {any} */ (requireHere('node:module'));
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = exports;
  requireHere.cache[path] = stub;
}

function installOfflineModules() {
  if (installed) return;
  installed = true;
  const trap = (/** @type {unknown} */ url) => {
    networkAttempts.push(String(url));
    throw new Error(`electronegativity tried to fetch ${String(url)}: network access is disabled for this check`);
  };
  // Callable like got(url) and got.head(url); `__esModule` stays undefined so Babel's interop wraps it.
  const got = new Proxy(trap, {
    get: (target, key) => (key === '__esModule' || typeof key === 'symbol' ? undefined : (/** @type {unknown} */ url) => target(url)),
  });
  preload(requireFromPackage.resolve('got'), got);
  const i18n = requireFromPackage('i18n');
  preload(join(PACKAGE_DIR, 'dist', 'locales', 'i18n.js'), async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: join(PACKAGE_DIR, 'dist', 'locales'),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis, // the checks call a global __()
    });
    i18n.setLocale('en-US');
  });
}

/**
 * @typedef {object} ScanResult
 * @property {string} toolVersion
 * @property {number} checks      checks that ran (atomic + global)
 * @property {string[]} files     files scanned, relative to the input
 * @property {import('./electron-security-findings.mjs').Finding[]} findings
 * @property {import('./electron-security-findings.mjs').ScanError[]} errors
 * @property {string[]} networkAttempts
 * @property {unknown[]} raw      electronegativity's own issue objects
 */

/**
 * Scans `input` (a directory) for Electron misconfigurations.
 * @param {object} options
 * @param {string} options.input
 * @param {string} options.electronVersion       e.g. "45.4.1": which defaults the checks assume
 * @param {readonly string[]} [options.exclude]  check class names; default: EXCLUDED_CHECKS
 * @returns {Promise<ScanResult>}
 */
export async function scanWithElectronegativity({ input, electronVersion, exclude = Object.keys(EXCLUDED_CHECKS) }) {
  installOfflineModules();
  const run = requireFromPackage('./dist/runner.js');
  const attemptsBefore = networkAttempts.length;
  const result = await run(
    { input, electronVersionOverride: electronVersion, excludeFromScan: [...exclude], isRelative: true },
    false, // not the CLI: return results instead of printing a table
  );
  return {
    toolVersion: requireFromPackage('./package.json').version,
    checks: result.globalChecks + result.atomicChecks,
    files: scannedFiles(input),
    findings: result.issues.map(toFinding),
    errors: result.errors.map((/** @type {any} */ e) => ({ file: relative(input, String(e.file)).split(sep).join('/'), message: String(e.message) })),
    networkAttempts: networkAttempts.slice(attemptsBefore),
    raw: result.issues,
  };
}
