// Checks the prerequisites a command needs and stops with one line saying how to fix
// what is missing. Usage: node scripts/doctor.mjs <start|test|bench>
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromiumAvailable, chromiumPath } from './chromium-path.mjs';

const existsOnPath = (command) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));

const purpose = process.argv[2] ?? 'start';
const [major, minor] = process.versions.node.split('.').map(Number);

function fail(line) {
  console.error(`threatloom: ${line}`);
  process.exit(1);
}

if (major < 20 || (major === 20 && minor < 19)) {
  fail(`Node ${process.versions.node} is too old; install Node 20.19 or newer (https://nodejs.org or your package manager).`);
}
if (purpose === 'test' && !existsOnPath('xvfb-run')) {
  fail('xvfb-run not found (the smoke test opens the app in a real window on a virtual display); install it with "apt-get install -y xvfb".');
}
if ((purpose === 'test' || purpose === 'bench') && !chromiumAvailable()) {
  fail(`Chromium not found at ${chromiumPath}; install it with "apt-get install -y chromium" or set CHROMIUM_PATH to a Chromium binary.`);
}
