// Test helpers: the golden model files and a fresh, freely mutable copy of the RAG chatbot model.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/models/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(FIXTURE_DIR + name, 'utf8');
}

/** Golden model files, named `v{schemaVersion}-{scenario}.json`. */
export function fixtureFiles(): { name: string; version: number }[] {
  return readdirSync(FIXTURE_DIR).flatMap((name) => {
    const match = /^v(\d+)-.+\.json$/.exec(name);
    return match ? [{ name, version: Number(match[1]) }] : [];
  });
}

export const RAG_CHATBOT = 'v3-rag-chatbot.json';

// Tests poke at arbitrary paths, so the copy is deliberately untyped.
export function ragChatbot(): any {
  return JSON.parse(fixtureText(RAG_CHATBOT));
}
