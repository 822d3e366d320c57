// `npm start`: build the app and open it in the Electron shell. Where Electron's binary is not
// installed (an offline `npm ci` cannot download it), say so in one line and serve the same
// renderer on 127.0.0.1 in a Chromium app window instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromiumArgs, chromiumAvailable, chromiumPath } from './chromium-path.mjs';
import { startServer } from './serve.mjs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const vite = (...args) => run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', ...args]);

/**
 * The Electron executable if it is really there, else null. Deliberately not `require('electron')`:
 * its index.js starts a download when the binary is missing, which on our machines hangs or fails.
 */
function electronBinary() {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const pathFile = join(dir, 'path.txt');
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const binary = override ? join(override, relative || 'electron') : relative ? join(dir, 'dist', relative) : null;
    return binary && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const hasDisplay = () => process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

run(process.execPath, ['scripts/doctor.mjs', 'start']);

// THREATLOOM_SHELL=browser opens the Chromium app window even where Electron is installed (the
// Xvfb smoke test uses it; so can anyone whose Electron install is broken).
const electron = process.env.THREATLOOM_SHELL === 'browser' ? null : electronBinary();
if (electron && hasDisplay()) {
  vite();
  vite('-c', 'electron/bundle.config.ts', '--mode', 'main');
  vite('-c', 'electron/bundle.config.ts', '--mode', 'preload');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const app = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit', env });
  app.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
} else {
  console.log(
    process.env.THREATLOOM_SHELL === 'browser'
      ? 'threatloom: THREATLOOM_SHELL=browser; opening the app in a Chromium window instead of Electron.'
      : electron
        ? 'threatloom: no display for the Electron window; serving the app on 127.0.0.1 instead.'
        : 'threatloom: the Electron binary is not installed (it cannot be downloaded here); opening the app in a Chromium window instead.',
  );
  await serveInChromium();
}

/** True when the app this script serves answers on `port` (an earlier `npm start`). */
async function threatloomRunningOn(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
    return response.ok && (await response.text()).includes('<title>Threatloom</title>');
  } catch {
    return false;
  }
}

async function serveInChromium() {
  // A fixed port matters: the browser keeps the model library per origin (host and port).
  const port = Number(process.env.PORT ?? 4870);
  // Like the desktop shell's single instance: a second start opens a window on the first one
  // (same origin, so the same library) instead of failing on the busy port. Checked before
  // building, so the running instance's files are not rebuilt under it.
  if (await threatloomRunningOn(port)) {
    const url = `http://127.0.0.1:${port}/`;
    console.log(`Threatloom is already running at ${url}; opening another window on it.`);
    const window = openAppWindow(url);
    if (window) window.on('exit', () => process.exit(0));
    return;
  }
  vite();
  const server = await startServer(port).catch((error) => {
    console.error(`threatloom: port ${port} is busy (${error.code}); stop the other process or run with PORT=<free port> (a different port starts with an empty library).`);
    process.exit(1);
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  console.log(`Threatloom is running at ${url}  (Ctrl+C to stop)`);
  const window = openAppWindow(url);
  window?.on('exit', () => {
    console.log('Window closed; the library is kept. Run npm start again to reopen.');
    server.close();
    process.exit(0);
  });
}

/** Opens `url` in a Chromium app window with the app's own profile; null (and says why) when it cannot. */
function openAppWindow(url) {
  if (!chromiumAvailable()) {
    console.log(`No Chromium at ${chromiumPath}: open ${url} in your browser (or apt-get install -y chromium).`);
    return null;
  }
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log(`No display found: open ${url} in a browser.`);
    return null;
  }
  // A dedicated profile keeps the app's IndexedDB library in one stable place per user.
  const profile = process.env.THREATLOOM_PROFILE ?? join(process.env.HOME ?? tmpdir(), '.config', 'threatloom-chromium');
  // Remote debugging only when asked for (the smoke test drives the window through it), and
  // then on the loopback interface only, which is Chromium's default.
  const debugPort = process.env.THREATLOOM_DEBUG_PORT;
  const debug = debugPort && /^\d{2,5}$/.test(debugPort) ? [`--remote-debugging-port=${debugPort}`] : [];
  // The window opens at the desktop shell's default size (electron/window-state.ts DEFAULT_SIZE).
  return spawn(chromiumPath, [...chromiumArgs, ...debug, '--test-type', `--user-data-dir=${profile}`, '--window-size=1280,820', `--app=${url}`], { stdio: 'ignore' });
}
