// One place that decides which Chromium the tests, the benchmark and `npm start` use.
// CHROMIUM_PATH overrides; Debian's package is the default on our machines.
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumAvailable = () => existsSync(chromiumPath);

// Flags that keep Chromium quiet on a machine with no network (nothing may call home).
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
