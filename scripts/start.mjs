// `npm start`: build the renderer, serve it on 127.0.0.1 and open it in a Chromium app
// window when one is available. (The Electron shell will take over once it lands.)
import { spawn, spawnSync } from 'node:child_process';
import { chromiumArgs, chromiumAvailable, chromiumPath } from './chromium-path.mjs';
import { startServer } from './serve.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['scripts/doctor.mjs', 'start']);
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);

// A fixed port matters: the browser keeps the model library per origin (host and port).
const port = Number(process.env.PORT ?? 4870);
const server = await startServer(port).catch((error) => {
  console.error(`threatloom: port ${port} is busy (${error.code}); stop the other process or run with PORT=<free port> (a different port starts with an empty library).`);
  process.exit(1);
});
const url = `http://127.0.0.1:${server.address().port}/`;
console.log(`Threatloom is running at ${url}  (Ctrl+C to stop)`);

if (!chromiumAvailable()) {
  console.log(`No Chromium at ${chromiumPath}: open ${url} in your browser (or apt-get install -y chromium).`);
} else if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`No display found: open ${url} in a browser.`);
} else {
  // A dedicated profile keeps the app's IndexedDB library in one stable place per user.
  const profile = process.env.THREATLOOM_PROFILE ?? join(process.env.HOME ?? tmpdir(), '.config', 'threatloom-chromium');
  const app = spawn(chromiumPath, [...chromiumArgs, '--test-type', `--user-data-dir=${profile}`, `--app=${url}`], { stdio: 'ignore' });
  app.on('exit', () => {
    console.log('Window closed; the library is kept. Run npm start again to reopen.');
    server.close();
    process.exit(0);
  });
}
