// The layering rules of DESIGN.md, enforced by reading every import. Fails closed: an import the
// scanner cannot resolve to an allowed edge (computed specifier, alias, unknown package) fails.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const LAYERS = ['shared', 'renderer', 'electron', 'tests', 'scripts'] as const;
type Layer = (typeof LAYERS)[number];
/** Tool configuration at the top level; any other top-level source file belongs to no layer. */
const ROOT_FILES = ['vite.config.ts', 'vitest.config.ts', 'playwright.config.ts', 'svelte.config.js'];
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs|svelte)$/;
/** Generated or installed output (see .gitignore), not source. node_modules is skipped at any depth. */
const SKIP_AT_ROOT = new Set(['.git', 'dist', 'dist-electron', 'release', 'test-results', 'playwright-report', 'blob-report', '.vite', 'tmp']);

// npm packages the domain core may use. Each must be pure (no DOM, no Node built-ins, no I/O) so
// shared/ runs the same in the app, node tests and a future CLI. Add one only after checking that.
// yaml and fast-xml-parser parse foreign formats (ATLAS, OTM, TMT); elkjs lays out imported diagrams.
// jspdf and jspdf-autotable build the PDF report in shared/report: both run in node and the browser
// (jsPDF's node build and browser build share one API; fonts come in as bytes, nothing is fetched),
// and the report uses no DOM-only feature (html(), canvas images).
const SHARED_PACKAGES = ['zod', 'mutative', 'yaml', 'fast-xml-parser', 'elkjs', 'jspdf', 'jspdf-autotable'];
// Packages that belong to the renderer; the main process must never load them.
const RENDERER_ONLY = [/^svelte(\/|$)/, /^@joint\//, /^dexie(\/|$)/];
const NODE_BUILTINS = new Set(builtinModules);

interface ImportRef {
  /** null when the specifier is computed and cannot be checked. */
  readonly specifier: string | null;
  readonly typeOnly: boolean;
  readonly line: number;
}

/** Every import, re-export, dynamic import and require in a source file (scripts of .svelte files). */
function scanImports(fileName: string, source: string): ImportRef[] {
  if (!fileName.endsWith('.svelte')) return scanScript(fileName, source, 0);
  const refs: ImportRef[] = [];
  for (const block of source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const offset = (block.index ?? 0) + block[0].indexOf('>') + 1;
    refs.push(...scanScript(`${fileName}.ts`, block[1] ?? '', source.slice(0, offset).split('\n').length - 1));
  }
  return refs;
}

function scanScript(fileName: string, source: string, lineOffset: number): ImportRef[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const refs: ImportRef[] = [];
  const add = (node: ts.Node, spec: ts.Node | undefined, typeOnly: boolean) => {
    const specifier = spec && ts.isStringLiteralLike(spec) ? spec.text : null;
    refs.push({ specifier, typeOnly, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 + lineOffset });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, node.importClause?.isTypeOnly ?? false);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node, node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      add(node, ts.isLiteralTypeNode(arg) ? arg.literal : undefined, true);
    } else if (ts.isCallExpression(node)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) add(node, node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // `/// <reference types="node" />` would smuggle Node or DOM types past shared/tsconfig.json.
  for (const ref of [...sf.typeReferenceDirectives, ...sf.libReferenceDirectives, ...sf.referencedFiles]) {
    refs.push({ specifier: `/// <reference ${ref.fileName}>`, typeOnly: true, line: sf.getLineAndCharacterOfPosition(ref.pos).line + 1 + lineOffset });
  }
  return refs;
}

function layerOf(path: string): Layer | null {
  const top = path.split('/')[0];
  return (LAYERS as readonly string[]).includes(top ?? '') ? (top as Layer) : null;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

const isBuiltin = (s: string) => s.startsWith('node:') || NODE_BUILTINS.has(packageName(s));
const isUnder = (target: string, dir: string) => target === dir || target.startsWith(`${dir}/`);

/** Where a relative import from `file` lands, repo-relative; null when it leaves the repository. */
function resolveRelative(file: string, spec: string): string | null {
  const target = posix.normalize(posix.join(posix.dirname(file), spec));
  return target.startsWith('../') ? null : target;
}

/** Why an import from `file` (repo-relative, posix) crosses a forbidden layer edge, or null. */
function importViolation(file: string, ref: ImportRef): string | null {
  const from = layerOf(file);
  if (from === null || from === 'tests' || from === 'scripts') return null;
  if (ref.specifier === null) return 'computed import specifier: cannot be checked, use a string literal';
  const spec = ref.specifier.replace(/[?#].*$/, '');
  if (spec.startsWith('/// ')) return from === 'shared' ? `${spec}: shared/ takes its types from shared/tsconfig.json only` : null;

  if (spec.startsWith('.')) {
    const target = resolveRelative(file, spec) ?? spec;
    if (isUnder(target, from)) return null;
    if (from === 'shared') return isUnder(target, 'catalogs') ? null : `shared/ may import only shared/ and catalogs/, not ${target}`;
    if (from === 'renderer') return isUnder(target, 'shared') ? null : `renderer/ may import only renderer/ and shared/, not ${target}`;
    if (isUnder(target, 'shared/ipc')) return null;
    if (isUnder(target, 'shared/model')) return ref.typeOnly ? null : 'electron/ may take only types from shared/model: use `import type`';
    return `electron/ may import only electron/, shared/ipc and shared/model types, not ${target}`;
  }
  if (spec.startsWith('/') || spec === '') return `unresolvable specifier "${spec}"`;

  if (from === 'shared') {
    if (isBuiltin(spec)) return `Node built-in "${spec}" in shared/`;
    return SHARED_PACKAGES.includes(packageName(spec)) ? null : `package "${spec}" is not on shared/'s allow-list (${SHARED_PACKAGES.join(', ')})`;
  }
  if (from === 'renderer') {
    if (packageName(spec) === 'electron') return 'renderer/ never imports electron: go through the platform adapter';
    return isBuiltin(spec) ? `Node built-in "${spec}" in renderer/` : null;
  }
  return RENDERER_ONLY.some((re) => re.test(spec)) ? `electron/ must not load renderer package "${spec}"` : null;
}

/** Other layers reach a shared/ topic only through its index.ts, never a module inside it. */
function entryViolation(file: string, ref: ImportRef): string | null {
  const from = layerOf(file);
  if (from !== 'renderer' && from !== 'electron') return null;
  const target = ref.specifier?.startsWith('.') ? resolveRelative(file, ref.specifier.replace(/[?#].*$/, '')) : null;
  if (target === null || !isUnder(target, 'shared')) return null;
  return /^shared\/[^/]+(\/index(\.ts)?)?$/.test(target) ? null : `import through the topic's index: ${target.split('/').slice(0, 2).join('/')}`;
}

type Rule = 'layers' | 'entries';
const RULES: Record<Rule, (file: string, ref: ImportRef) => string | null> = { layers: importViolation, entries: entryViolation };

/** `file:line: specifier — reason` for every import that breaks a rule. */
function violations(file: string, refs: readonly ImportRef[], rule: Rule): string[] {
  return refs.flatMap((ref) => {
    const reason = RULES[rule](file, ref);
    return reason ? [`${file}:${ref.line}: ${ref.specifier ?? '(computed)'} — ${reason}`] : [];
  });
}

function checkFile(file: string, source: string, rule: Rule = 'layers'): string[] {
  return violations(file, scanImports(file, source), rule);
}

function isKnownLocation(file: string): boolean {
  return layerOf(file) !== null || ROOT_FILES.includes(file);
}

function sourceFiles(dir = ''): string[] {
  return readdirSync(ROOT + dir, { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || (dir === '' && SKIP_AT_ROOT.has(entry.name))) return [];
      return sourceFiles(path);
    }
    return entry.isFile() && SOURCE.test(entry.name) ? [path] : [];
  });
}

describe('architecture', () => {
  const files = sourceFiles();

  it('finds the sources it is meant to scan', () => {
    expect(files).toContain('shared/model/types.ts');
    expect(files).toContain('tests/unit/architecture.test.ts');
    expect(files.some((f) => f.startsWith('node_modules/') || f.includes('/node_modules/'))).toBe(false);
  });

  it('every source file belongs to a layer', () => {
    expect(files.filter((f) => !isKnownLocation(f))).toEqual([]);
  });

  const scanned = files.filter((f) => layerOf(f) !== null).map((f) => [f, scanImports(f, readFileSync(ROOT + f, 'utf8'))] as const);

  it('no import crosses a forbidden layer edge', () => {
    expect(scanned.flatMap(([f, refs]) => violations(f, refs, 'layers'))).toEqual([]);
  });

  it('renderer/ and electron/ import shared/ topics only through their index', () => {
    expect(scanned.flatMap(([f, refs]) => violations(f, refs, 'entries'))).toEqual([]);
  });
});

describe('architecture scanner (self-test: it can fail)', () => {
  const count = (file: string, source: string) => checkFile(file, source).length;

  it('reports forbidden imports in shared/', () => {
    expect(checkFile('shared/model/evil.ts', "import { app } from 'electron';\nimport fs from 'node:fs';")).toEqual([
      "shared/model/evil.ts:1: electron — package \"electron\" is not on shared/'s allow-list (zod, mutative, yaml, fast-xml-parser, elkjs, jspdf, jspdf-autotable)",
      'shared/model/evil.ts:2: node:fs — Node built-in "node:fs" in shared/',
    ]);
    expect(count('shared/a/b.ts', "import 'path';")).toBe(1);
    expect(count('shared/a/b.ts', "export { x } from '../../renderer/app/x';")).toBe(1);
    expect(count('shared/a/b.ts', "const m = await import('svelte');")).toBe(1);
    expect(count('shared/a/b.ts', "type T = import('dexie').Table;")).toBe(1);
    expect(count('shared/a/b.ts', '/// <reference types="node" />\nexport {};')).toBe(1);
    expect(count('shared/a/b.ts', "import { z } from 'zod';\nimport { T } from '../model';\nimport c from '../../catalogs/x.json';")).toBe(0);
  });

  it('reports forbidden imports in renderer/', () => {
    expect(count('renderer/app/x.ts', "import { ipcRenderer } from 'electron';")).toBe(1);
    expect(count('renderer/app/x.ts', "import { readFile } from 'node:fs/promises';")).toBe(1);
    expect(count('renderer/app/x.ts', "import { x } from '../../electron/main';")).toBe(1);
    expect(checkFile('renderer/app/x.ts', "import type { DfdNode } from '../../shared/model/types';", 'entries')).toEqual([
      "renderer/app/x.ts:1: ../../shared/model/types — import through the topic's index: shared/model",
    ]);
    expect(checkFile('renderer/app/x.ts', "import { newId } from '../../shared/model/index';", 'entries')).toEqual([]);
    expect(count('renderer/app/x.ts', "import { dia } from '@joint/core';\nimport { createNode } from '../../shared/model';")).toBe(0);
    expect(count('renderer/app/X.svelte', "<script lang=\"ts\">\n  import { app } from 'electron';\n</script>\n<p>hi</p>")).toBe(1);
    expect(checkFile('renderer/app/X.svelte', "<p></p>\n<script>\nimport 'electron';\n</script>")[0]).toMatch(/^renderer\/app\/X\.svelte:3:/);
    expect(count('renderer/app/x.ts', 'const page = await import(`./pages/${name}.ts`);')).toBe(1);
  });

  it('reports forbidden imports in electron/', () => {
    expect(count('electron/main.ts', "import { mount } from 'svelte';")).toBe(1);
    expect(count('electron/main.ts', "import { dia } from '@joint/core';")).toBe(1);
    expect(count('electron/main.ts', "import Dexie from 'dexie';")).toBe(1);
    expect(count('electron/main.ts', "import { x } from '../renderer/main';")).toBe(1);
    expect(count('electron/main.ts', "import { validateDocument } from '../shared/model';")).toBe(1);
    expect(count('electron/main.ts', "import { x } from '../shared/geometry';")).toBe(1);
    expect(checkFile('electron/main.ts', "import { CHANNELS } from '../shared/ipc/channels';", 'entries')).toHaveLength(1);
    const allowed = "import { app } from 'electron';\nimport { join } from 'node:path';\nimport { CHANNELS } from '../shared/ipc';\nimport type { ModelDocument } from '../shared/model';";
    expect(count('electron/main.ts', allowed)).toBe(0);
  });

  it('knows which files belong to no layer', () => {
    expect(isKnownLocation('src/index.ts')).toBe(false);
    expect(isKnownLocation('helpers.ts')).toBe(false);
    expect(isKnownLocation('catalogs/loader.ts')).toBe(false);
    expect(isKnownLocation('vite.config.ts')).toBe(true);
    expect(isKnownLocation('renderer/main.ts')).toBe(true);
  });
});
