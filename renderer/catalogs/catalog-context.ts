// The catalog index views read through context: bundled catalogs now, user packs later.
import { getContext, setContext } from 'svelte';
import type { CatalogIndex } from '../../shared/catalogs';

export interface CatalogContext {
  readonly index: CatalogIndex;
  /** Opens the catalog entry a ref names (a dialog, or the catalog browser). */
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
  if (namespace === 'stride-ai') return id.length === 1 ? `STRIDE ${id}` : id.replace(/^T-/, '').replace(/-/g, ' ');
  if (namespace === 'owasp-agentic-threats') return `Agentic ${id}`;
  if (namespace === 'eu-ai-act') return `EU AI Act ${id.replace('Art-', 'Art. ')}`;
  if (namespace === 'nist-ai-rmf') return `AI RMF ${id}`;
  return id;
}
