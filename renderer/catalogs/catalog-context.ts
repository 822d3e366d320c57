// The catalog index views read through context: the bundled catalogs plus the user's imported
// packs (catalog-service.svelte.ts provides it, and rebuilds `index` after an import or delete).
import { getContext, setContext } from 'svelte';
import type { CatalogIndex } from '../../shared/catalogs';

export interface CatalogContext {
  readonly index: CatalogIndex;
  /** Opens the catalog entry a ref names in the catalog browser. */
  open(ref: string): void;
}

const KEY = Symbol('catalogs');
export const setCatalogs = (ctx: CatalogContext) => setContext(KEY, ctx);
export function getCatalogs(): CatalogContext {
  const ctx = getContext<CatalogContext | undefined>(KEY);
  if (!ctx) throw new Error('getCatalogs() used outside a catalog provider');
  return ctx;
}

/** A short, recognisable label for a ref: `LLM01:2025`, `AML.T0051`, `ML05`. */
export function refLabel(ref: string): string {
  const [namespace = '', id = ref] = ref.split(/:(.*)/s);
  if (namespace === 'owasp-llm-2025') return `${id}:2025`;
  if (namespace === 'stride-ai') return id.length === 1 ? `STRIDE ${id}` : id.replace(/^[STRIDE]-/, '').replace(/-/g, ' ');
  if (namespace === 'owasp-agentic-threats') return `Agentic ${id}`;
  if (namespace === 'eu-ai-act') return `EU AI Act ${id.replace('Art-', 'Art. ')}`;
  if (namespace === 'nist-ai-rmf') return `AI RMF ${id}`;
  return id;
}

/** Whether a label reads as an id worth showing (`LLM01:2025`, `AML.T0051`, `STRIDE T`) rather than
 * a slug that only repeats the entry's name (`indirect-prompt-injection`, PLOT4ai's derived ids). */
export function isIdLike(label: string): boolean {
  return /\d/.test(label) || label !== label.toLowerCase();
}

/** What a chip or list shows for an entry: its id-like label, or else its name. */
export function shortLabel(ref: string, name: string | undefined): string {
  const label = refLabel(ref);
  return isIdLike(label) || name === undefined ? label : name;
}
