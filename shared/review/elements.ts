// The diagram elements the four questions talk about, named the way a user recognises them.
import type { Diagram, ModelDocument, Uuid } from '../model';

export type ElementType = 'node' | 'flow' | 'boundary';

export interface ElementRef {
  readonly id: Uuid;
  readonly type: ElementType;
  /** The element's name, or "Unnamed <type>" when it has none. */
  readonly name: string;
  /** For flows: "source → target"; otherwise empty. */
  readonly detail: string;
  readonly diagramId: Uuid;
  readonly diagramName: string;
  readonly outOfScope: boolean;
}

const UNNAMED: Record<ElementType, string> = { node: 'Unnamed element', flow: 'Unnamed data flow', boundary: 'Unnamed boundary' };
const display = (name: string, type: ElementType) => name.trim() || UNNAMED[type];

// Diagrams are immutable and keep their identity while untouched (edits copy only what they
// change), so the list for an unchanged diagram is reused across edits.
const cache = new WeakMap<Diagram, readonly ElementRef[]>();

export function diagramElements(diagram: Diagram): readonly ElementRef[] {
  const known = cache.get(diagram);
  if (known) return known;
  const { id: diagramId, name: diagramName } = diagram;
  const nodeNames = new Map<string, string>();
  const out: ElementRef[] = [];
  for (const n of diagram.nodes) {
    const name = display(n.name, 'node');
    nodeNames.set(n.id, name);
    out.push({ id: n.id, type: 'node', name, detail: '', diagramId, diagramName, outOfScope: n.outOfScope });
  }
  for (const f of diagram.flows) {
    const detail = `${nodeNames.get(f.source) ?? '?'} ${f.bidirectional ? '↔' : '→'} ${nodeNames.get(f.target) ?? '?'}`;
    out.push({ id: f.id, type: 'flow', name: display(f.name, 'flow'), detail, diagramId, diagramName, outOfScope: f.outOfScope });
  }
  for (const b of diagram.boundaries) {
    out.push({ id: b.id, type: 'boundary', name: display(b.name, 'boundary'), detail: '', diagramId, diagramName, outOfScope: false });
  }
  cache.set(diagram, out);
  return out;
}

/** Every node, flow and boundary of every diagram, diagram by diagram. */
export function allElements(doc: Pick<ModelDocument, 'diagrams'>): ElementRef[] {
  return doc.diagrams.flatMap(diagramElements);
}
