// electron-builder.yml is valid for electron-builder 26 and says what DESIGN.md asks: our ids,
// asar, only the bundles, no publish/update, the targets, the file association and our icons.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const config = parse(readFileSync(`${ROOT}electron-builder.yml`, 'utf8')) as Record<string, any>;
const require = createRequire(import.meta.url);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('names the app and packs only the bundles into an asar', () => {
    expect(config.appId).toBe('org.threatloom.app');
    expect(config.productName).toBe('Threatloom');
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/renderer/**/*', '!**/node_modules/**']));
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  });

  it('never publishes or updates', () => {
    expect(config).toHaveProperty('publish', null);
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { dependencies?: object; devDependencies?: object };
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('electron-updater');
  });

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('turns off the Electron fuses the app does not need', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('associates the .threatloom extension with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'threatloom', mimeType: 'application/x-threatloom+json', role: 'Editor' })]);
    expect(config.linux.mimeTypes).toContain('application/x-threatloom+json');
  });
});

describe('icons', () => {
  it('are drawn by us: an SVG shield in our blue with white threads', () => {
    const svg = readFileSync(`${ROOT}build/icon.svg`, 'utf8');
    expect(svg).toMatch(/<svg[^>]+viewBox="0 0 512 512"/);
    expect(svg).toContain('#3056d3');
    expect(svg).toContain('#ffffff');
    expect(svg).not.toMatch(/<image|href="(https?:|data:)/);
  });

  it('are rendered as PNGs of the sizes electron-builder needs', () => {
    expect(pngSize(`${ROOT}build/icon.png`)).toEqual({ width: 512, height: 512 });
    expect(pngSize(`${ROOT}build/icons/512x512.png`)).toEqual({ width: 512, height: 512 });
    expect(pngSize(`${ROOT}build/icons/256x256.png`)).toEqual({ width: 256, height: 256 });
    for (const name of readdirSync(`${ROOT}build/icons`)) {
      const [w, h] = name.replace('.png', '').split('x').map(Number);
      expect(pngSize(`${ROOT}build/icons/${name}`)).toEqual({ width: w, height: h });
    }
  });
});

describe('electron bundle config', () => {
  it('bundles main and preload each into one CommonJS file, electron and Node built-ins external', async () => {
    const { default: configure } = (await import('../../electron/bundle.config')) as { default: (env: { mode: string; command: string }) => any };
    for (const mode of ['main', 'preload']) {
      const built = configure({ mode, command: 'build' }).build;
      expect(built.outDir).toBe('dist-electron');
      expect(built.emptyOutDir).toBe(false);
      expect(built.lib).toMatchObject({ entry: `electron/${mode}.ts`, formats: ['cjs'] });
      expect(built.lib.fileName()).toBe(`${mode}.cjs`);
      expect(built.rolldownOptions.external).toEqual(expect.arrayContaining(['electron', 'node:fs', 'fs']));
    }
    expect(() => configure({ mode: 'production', command: 'build' })).toThrow(/--mode main or --mode preload/);
  });
});

describe('no network from the main process', () => {
  const sources = readdirSync(`${ROOT}electron`).filter((f) => f.endsWith('.ts') && f !== 'bundle.config.ts');

  it.each(sources)('%s calls nothing that phones home', (file) => {
    const code = readFileSync(`${ROOT}electron/${file}`, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
    expect(code).not.toMatch(/autoUpdater|crashReporter|electron-updater|openExternal|\bnet\.(request|fetch)|\bfetch\(|['"`]https?:\/\//);
    expect(code).not.toMatch(/from 'node:(http|https|net|dgram|tls)'/);
  });

  it('main and preload exist where the bundle config expects them', () => {
    expect(existsSync(`${ROOT}electron/main.ts`)).toBe(true);
    expect(existsSync(`${ROOT}electron/preload.ts`)).toBe(true);
  });
});
