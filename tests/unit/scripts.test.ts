// The launch and build scripts name config files by path; a rename that misses one of them only
// shows where Electron is installed (npm start's Electron branch), so check every named file here.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const exists = (path: string) => existsSync(new URL(`../../${path}`, import.meta.url));

/** Repository files a script text refers to: `-c <file>`, quoted `'…/….ts'`-style paths, `node <file>`. */
function referencedFiles(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:-c\s+|node\s+|['"`])((?:electron|scripts|tests|renderer|build)\/[\w./-]+\.(?:ts|mjs|cjs|json|js|yml))(?=['"`\s]|$)/g)) {
    // `electron/package.json` is resolved in node_modules (the Electron package), not a repo file.
    if (match[1] !== 'electron/package.json') found.add(match[1]!);
  }
  return [...found];
}

describe('scripts name files that exist', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

  it.each(Object.entries(scripts))('package.json script %s', (_name, command) => {
    for (const file of referencedFiles(command)) expect(exists(file), `${file} (named by "${command}")`).toBe(true);
  });

  it.each(['scripts/start.mjs', 'tests/smoke/app-window.mjs'])('%s', (script) => {
    const files = referencedFiles(read(script));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(exists(file), `${file} (named by ${script})`).toBe(true);
  });

  it('finds a missing file (the check can fail)', () => {
    expect(referencedFiles("vite('-c', 'electron/vite.config.ts')")).toEqual(['electron/vite.config.ts']);
    expect(exists('electron/vite.config.ts')).toBe(false);
  });
});
