// Question 1, "What are we working on?": is the scope written down, and is the diagram complete
// enough to reason about? Each check lists what is missing so the user can go and fix it.
//
// Out-of-scope elements are left out of the diagram checks on purpose: the user already decided
// not to model them further, so a missing protocol there is not a gap.
import type { Diagram, ModelDocument, Scope } from '../model';
import { boxBoundaries, containmentIndex } from '../geometry';
import { diagramElements, type ElementRef } from './elements';

export const SCOPE_FIELDS: readonly { readonly key: keyof Scope; readonly label: string }[] = [
  { key: 'inScope', label: 'In scope' },
  { key: 'outOfScope', label: 'Out of scope' },
  { key: 'assumptions', label: 'Assumptions' },
  { key: 'businessObjectives', label: 'Business objectives' },
];

export type CompletenessCheckId = 'scope-fields' | 'empty-diagrams' | 'flows-without-protocol' | 'outside-boundary' | 'isolated-nodes';

/** Something a check found missing: a diagram element, a whole diagram, or a scope field. */
export type CheckItem =
  | { readonly kind: 'element'; readonly element: ElementRef }
  | { readonly kind: 'diagram'; readonly id: string; readonly name: string }
  | { readonly kind: 'scope-field'; readonly key: keyof Scope; readonly name: string };

export interface CompletenessCheck {
  readonly id: CompletenessCheckId;
  readonly label: string;
  /** Why it matters, in a sentence. */
  readonly why: string;
  readonly items: readonly CheckItem[];
}

const element = (e: ElementRef): CheckItem => ({ kind: 'element', element: e });

function inScope(diagram: Diagram, type: 'node' | 'flow'): ElementRef[] {
  return diagramElements(diagram).filter((e) => e.type === type && !e.outOfScope);
}

/** Nodes inside no box boundary. A diagram that uses line boundaries is skipped: a line splits
 * the plane into zones, so every node is on some side of it. */
function outsideBoundary(diagram: Diagram): ElementRef[] {
  if (diagram.boundaries.some((b) => b.shape === 'line')) return [];
  const inside = boxBoundaries(diagram).length > 0 ? containmentIndex(diagram) : new Map();
  return inScope(diagram, 'node').filter((n) => !inside.has(n.id));
}

function isolatedNodes(diagram: Diagram): ElementRef[] {
  const connected = new Set(diagram.flows.flatMap((f) => [f.source, f.target]));
  return inScope(diagram, 'node').filter((n) => !connected.has(n.id));
}

export function completenessChecks(doc: Pick<ModelDocument, 'scope' | 'diagrams'>): CompletenessCheck[] {
  const protocolless = doc.diagrams.flatMap((d) => {
    const missing = new Set(d.flows.filter((f) => !f.protocol.trim()).map((f) => f.id));
    return inScope(d, 'flow').filter((f) => missing.has(f.id));
  });
  return [
    {
      id: 'scope-fields',
      label: 'Scope fields left empty',
      why: 'Scope, assumptions and objectives tell the reader what this model covers and what it takes for granted.',
      items: SCOPE_FIELDS.filter((f) => !doc.scope[f.key].trim()).map((f) => ({ kind: 'scope-field', key: f.key, name: f.label })),
    },
    {
      id: 'empty-diagrams',
      label: 'Diagrams with no elements',
      why: 'A diagram without elements models nothing yet.',
      items: doc.diagrams.filter((d) => d.nodes.length === 0).map((d) => ({ kind: 'diagram', id: d.id, name: d.name })),
    },
    {
      id: 'flows-without-protocol',
      label: 'Data flows without a protocol',
      why: 'The protocol says how data travels, which decides what tampering and disclosure threats apply.',
      items: protocolless.map(element),
    },
    {
      id: 'outside-boundary',
      label: 'Elements outside any trust boundary',
      why: 'Every component runs somewhere; a boundary around it says how far it is trusted.',
      items: doc.diagrams.flatMap(outsideBoundary).map(element),
    },
    {
      id: 'isolated-nodes',
      label: 'Elements with no data flows',
      why: 'An element nothing flows to or from is either missing its flows or not part of the system.',
      items: doc.diagrams.flatMap(isolatedNodes).map(element),
    },
  ];
}
