// The version shown in About. Kept here rather than read from package.json at build time, because
// the renderer may import only renderer/ and shared/; tests/unit/app/version.test.ts keeps the two equal.
export const APP_VERSION = '0.1.0';
