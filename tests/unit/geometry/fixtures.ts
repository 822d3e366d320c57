// Small diagram builders for geometry tests: explicit rectangles, readable ids.
import type { BoxBoundary, DfdNode, Diagram, Flow, LineBoundary, Point } from '../../../shared/model/types';
import { createBoxBoundary, createFlow, createLineBoundary, createNode } from '../../../shared/model/factory';

export function node(id: string, x: number, y: number, width = 20, height = 20): DfdNode {
  return { ...createNode('generic-process', { x, y }), id, size: { width, height } };
}

export function box(id: string, x: number, y: number, width: number, height: number): BoxBoundary {
  return { ...createBoxBoundary({ x, y }), id, size: { width, height } };
}

export function line(id: string, ...points: Point[]): LineBoundary {
  return { ...createLineBoundary({ x: 0, y: 0 }), id, points };
}

export function flow(id: string, source: string, target: string, vertices: Point[] = []): Flow {
  return { ...createFlow(source, target), id, vertices };
}

export function diagram(parts: Partial<Pick<Diagram, 'nodes' | 'flows' | 'boundaries'>>): Diagram {
  return { id: 'd', name: 'Test', nodes: [], flows: [], boundaries: [], ...parts };
}
