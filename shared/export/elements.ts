// Every diagram element by id with the name a reader knows it by, for exports that point at
// elements (CSV columns, SARIF logical locations).
import type { ModelDocument, Uuid } from '../model';
import { flowName, nodeName } from '../report';

export interface ElementLabel {
  readonly name: string;
  readonly diagram: string;
  readonly type: 'node' | 'flow' | 'boundary';
}

export function elementLabels(doc: ModelDocument): Map<Uuid, ElementLabel> {
  const map = new Map<Uuid, ElementLabel>();
  for (const d of doc.diagrams) {
    const diagram = d.name.trim() || 'Diagram';
    for (const n of d.nodes) map.set(n.id, { name: nodeName(n), diagram, type: 'node' });
    for (const f of d.flows) map.set(f.id, { name: flowName(f), diagram, type: 'flow' });
    for (const b of d.boundaries) map.set(b.id, { name: b.name.trim() || 'Trust boundary', diagram, type: 'boundary' });
  }
  return map;
}
