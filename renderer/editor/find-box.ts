// Edit ▸ Find: elements of every diagram whose name matches what the user typed, best first.
import { componentType, type Diagram, type ModelDocument } from '../../shared/model';
import { flowPath, pointsBounds, rectOf, type Rect } from '../../shared/geometry';

export interface FoundElement {
  readonly id: string;
  readonly name: string;
  /** What it is, as the user knows it: "LLM", "Data flow", "Trust boundary". */
  readonly what: string;
  readonly diagramId: string;
  readonly diagramName: string;
}

// Lower is better: the whole name, its start, the start of a word in it, anywhere in it.
function rank(name: string, query: string): number {
  const n = name.toLocaleLowerCase();
  if (n === query) return 0;
  if (n.startsWith(query)) return 1;
  const at = n.indexOf(query);
  if (at < 0) return -1;
  return /[\s\-_/.(]/.test(n[at - 1] ?? '') ? 2 : 3;
}

function candidates(d: Diagram): { id: string; name: string; what: string }[] {
  return [
    ...d.nodes.map((n) => ({ id: n.id, name: n.name, what: componentType(n.aiType).label })),
    ...d.flows.map((f) => ({ id: f.id, name: f.name, what: 'Data flow' })),
    ...d.boundaries.map((b) => ({ id: b.id, name: b.name, what: 'Trust boundary' })),
  ];
}

/** Matches in the active diagram come before equally good ones elsewhere. */
export function findElements(doc: ModelDocument, query: string, activeDiagramId: string, limit = 8): FoundElement[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [];
  const hits: { found: FoundElement; score: number; order: number }[] = [];
  let order = 0;
  for (const d of doc.diagrams) {
    const elsewhere = d.id === activeDiagramId ? 0 : 4;
    for (const c of candidates(d)) {
      const r = rank(c.name, q);
      if (r >= 0) hits.push({ found: { ...c, diagramId: d.id, diagramName: d.name }, score: r + elsewhere, order: order++ });
    }
  }
  return hits.sort((a, b) => a.score - b.score || a.order - b.order).slice(0, limit).map((h) => h.found);
}

/** Where an element is drawn, in diagram coordinates (to tell whether it is in view). */
export function elementRect(diagram: Diagram, id: string): Rect | null {
  const node = diagram.nodes.find((n) => n.id === id);
  if (node) return rectOf(node);
  const boundary = diagram.boundaries.find((b) => b.id === id);
  if (boundary) return boundary.shape === 'box' ? rectOf(boundary) : pointsBounds(boundary.points);
  const flow = diagram.flows.find((f) => f.id === id);
  const path = flow ? flowPath(diagram, flow) : null;
  return path ? pointsBounds(path) : null;
}
