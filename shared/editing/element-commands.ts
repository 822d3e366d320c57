// Adding and editing nodes, flows and trust boundaries. Errors that depend only on the
// arguments throw when the command is built; errors that depend on the document throw when it
// runs (and then nothing changes).
import type { Boundary, BoxBoundary, DfdNode, Flow, LineBoundary, PropertyValue, Uuid } from '../model/types';
import {
  assertNewId,
  assignChanges,
  findDiagram,
  fresh,
  indexById,
  plain,
  sameValue,
  type DiagramDraft,
} from './draft-helpers';
import type { Command } from './history';
import { BOUNDARY_LABELS, FLOW_LABELS, NODE_LABELS, aiTypeLabel, labelFor, propertyLabel } from './labels';

export type NodeChanges = Partial<Omit<DfdNode, 'id'>>;
export type FlowChanges = Partial<Omit<Flow, 'id'>>;
/** Shape-specific: a box takes position/size, a line takes points; the shape itself is fixed. */
export type BoundaryChanges = Partial<Omit<BoxBoundary, 'id' | 'shape'>> | Partial<Omit<LineBoundary, 'id' | 'shape'>>;

function nodeIndex(diagram: DiagramDraft, nodeId: Uuid): number {
  const index = indexById(diagram.nodes, nodeId);
  if (index < 0) throw new Error(`Node not found in diagram "${diagram.name}": ${nodeId}`);
  return index;
}

function flowIndex(diagram: DiagramDraft, flowId: Uuid): number {
  const index = indexById(diagram.flows, flowId);
  if (index < 0) throw new Error(`Flow not found in diagram "${diagram.name}": ${flowId}`);
  return index;
}

function boundaryIndex(diagram: DiagramDraft, boundaryId: Uuid): number {
  const index = indexById(diagram.boundaries, boundaryId);
  if (index < 0) throw new Error(`Trust boundary not found in diagram "${diagram.name}": ${boundaryId}`);
  return index;
}

function assertEndpoints(diagram: DiagramDraft, source: Uuid, target: Uuid): void {
  if (source === target) throw new Error(`A flow cannot connect a node to itself: ${source}`);
  nodeIndex(diagram, source);
  nodeIndex(diagram, target);
}

export function addNode(diagramId: Uuid, node: DfdNode): Command {
  return {
    label: `Add ${aiTypeLabel(node.aiType)}`,
    recipe: (draft) => {
      const diagram = findDiagram(draft, diagramId);
      assertNewId(diagram, node.id);
      diagram.nodes.push(fresh(node));
    },
  };
}

export function updateNode(diagramId: Uuid, nodeId: Uuid, changes: NodeChanges): Command {
  return {
    label: labelFor(changes, NODE_LABELS, 'Edit node'),
    recipe: (draft) => {
      const diagram = findDiagram(draft, diagramId);
      assignChanges(diagram.nodes[nodeIndex(diagram, nodeId)]!, changes);
    },
  };
}

export function setNodeProperty(diagramId: Uuid, nodeId: Uuid, key: string, value: PropertyValue): Command {
  if (key === '') throw new Error('Property key must not be empty');
  return {
    label: `Set “${propertyLabel(key)}”`,
    recipe: (draft) => {
      const diagram = findDiagram(draft, diagramId);
      const node = diagram.nodes[nodeIndex(diagram, nodeId)]!;
      if (sameValue(plain(node.properties)[key], value)) return;
      node.properties[key] = fresh(value);
    },
  };
}

export function addFlow(diagramId: Uuid, flow: Flow): Command {
  if (flow.source === flow.target) throw new Error(`A flow cannot connect a node to itself: ${flow.source}`);
  return {
    label: 'Add data flow',
    recipe: (draft) => {
      const diagram = findDiagram(draft, diagramId);
      assertNewId(diagram, flow.id);
      assertEndpoints(diagram, flow.source, flow.target);
      diagram.flows.push(fresh(flow));
    },
  };
}

export function updateFlow(diagramId: Uuid, flowId: Uuid, changes: FlowChanges): Command {
  return {
    label: labelFor(changes, FLOW_LABELS, 'Edit flow'),
    recipe: (draft) => {
      const diagram = findDiagram(draft, diagramId);
      const flow = diagram.flows[flowIndex(diagram, flowId)]!;
      if (changes.source !== undefined || changes.target !== undefined) {
        assertEndpoints(diagram, changes.source ?? flow.source, changes.target ?? flow.target);
      }
      assignChanges(flow, changes);
    },
  };
}

export function addBoundary(diagramId: Uuid, boundary: Boundary): Command {
  if (boundary.shape === 'line' && boundary.points.length < 2) {
    throw new Error(`A line boundary needs at least two points: ${boundary.id}`);
  }
  return {
    label: 'Add trust boundary',
    recipe: (draft) => {
      const diagram = findDiagram(draft, diagramId);
      assertNewId(diagram, boundary.id);
      diagram.boundaries.push(fresh(boundary));
    },
  };
}

const BOX_ONLY = ['position', 'size'];
const LINE_ONLY = ['points'];

export function updateBoundary(diagramId: Uuid, boundaryId: Uuid, changes: BoundaryChanges): Command {
  const given = changes as Partial<Record<string, unknown>>;
  if (given['shape'] !== undefined) throw new Error('The shape of a trust boundary cannot change');
  const points = given['points'];
  if (Array.isArray(points) && points.length < 2) throw new Error('A line boundary needs at least two points');
  return {
    label: labelFor(changes, BOUNDARY_LABELS, 'Edit trust boundary'),
    recipe: (draft) => {
      const diagram = findDiagram(draft, diagramId);
      const boundary = diagram.boundaries[boundaryIndex(diagram, boundaryId)]!;
      const foreign = boundary.shape === 'box' ? LINE_ONLY : BOX_ONLY;
      const wrong = foreign.filter((k) => given[k] !== undefined);
      if (wrong.length > 0) {
        throw new Error(`A ${boundary.shape} boundary has no ${wrong.join(', ')}: ${boundaryId}`);
      }
      assignChanges(boundary, changes);
    },
  };
}
