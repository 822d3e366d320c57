// The editor's keyboard action names, read from renderer/editor/shortcuts.ts's EditorAction type
// (a type only, so it is read from the source rather than imported).
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../renderer/editor/shortcuts.ts', import.meta.url), 'utf8');
const union = /export type EditorAction =([^;]+);/.exec(source)?.[1] ?? '';
export const EDITOR_ACTION_NAMES: readonly string[] = [...union.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]!);
