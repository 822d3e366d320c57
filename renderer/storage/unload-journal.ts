// A last-chance copy of unsaved work. IndexedDB writes started while a window closes may never
// finish, but localStorage writes are synchronous: on pagehide the newest unsaved document goes
// there, and the next load prefers it when it is newer than what IndexedDB holds.
import { parseModelFile, serializeDocument, type ModelDocument } from '../../shared/model';

const key = (id: string) => `threatloom:journal:${id}`;

export function attachUnloadJournal(unsaved: () => ModelDocument | null, target: Window = window): () => void {
  const onPageHide = () => {
    const doc = unsaved();
    if (!doc) return;
    try {
      target.localStorage.setItem(key(doc.id), serializeDocument(doc));
    } catch {
      // Quota or privacy mode: IndexedDB's own flush is all we have.
    }
  };
  target.addEventListener('pagehide', onPageHide);
  return () => target.removeEventListener('pagehide', onPageHide);
}

/** The journal's document when it is a valid, newer version of `stored`; the journal is consumed. */
export function recoverFromJournal(stored: ModelDocument, storage: Storage = localStorage): ModelDocument | null {
  const text = storage.getItem(key(stored.id));
  if (text === null) return null;
  storage.removeItem(key(stored.id));
  const parsed = parseModelFile(text, 'unsaved changes');
  if (!parsed.ok || parsed.doc.id !== stored.id || parsed.doc.updatedAt <= stored.updatedAt) return null;
  return parsed.doc;
}

export function clearJournal(id: string, storage: Storage = localStorage): void {
  storage.removeItem(key(id));
}
