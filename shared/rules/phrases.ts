// Plain-text phrasing for explanations and titles: element descriptors, values, predicate text.
// Output is plain text; whoever renders it escapes it.
import { COMPONENT_TYPES, type Boundary, type DfdNode, type Flow, type PropertyValue, type TrustLevel } from '../model';
import type { CrossingSpec, FlowPredicate, FlowTests, NodePredicate, NodeTests, OneOrMore } from './types';

export function list<T>(value: OneOrMore<T>): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

export function quote(text: string): string {
  return `'${text}'`;
}

export function article(label: string): string {
  return /^(?:[AEIOaeio]|LLM)/.test(label) ? `an ${label}` : `a ${label}`;
}

const SHORT_LABELS = new Map<string, string>(COMPONENT_TYPES.map((t) => [t.aiType, t.shortLabel]));

export function typeLabel(node: DfdNode): string {
  return SHORT_LABELS.get(node.aiType) ?? node.kind;
}

/** The node's name, or its type when it has none. */
export function nodeName(node: DfdNode): string {
  return node.name.trim() || typeLabel(node);
}

/** `LLM 'Support bot'`. */
export function describeNode(node: DfdNode): string {
  const name = node.name.trim();
  return name ? `${typeLabel(node)} ${quote(name)}` : `unnamed ${typeLabel(node)}`;
}

export function flowName(flow: Flow): string {
  return flow.name.trim() || 'data flow';
}

/** `flow 'Question'`. */
export function describeFlow(flow: Flow): string {
  const name = flow.name.trim();
  return name ? `flow ${quote(name)}` : 'an unnamed flow';
}

export function formatValue(value: PropertyValue | undefined): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'string') return value === '' ? '""' : value;
  return String(value);
}

export function describeBoundary(boundary: Boundary): string {
  return `${quote(boundary.name.trim() || 'unnamed boundary')} (${boundary.trustLevel} trust)`;
}

export function trustName(level: TrustLevel | null): string {
  return level ?? 'outside every boundary';
}

export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function joinOr(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

// ---- predicates as text (for "no flow that …" explanations) --------------------------------------

function aiTypeLabel(aiType: string): string {
  return SHORT_LABELS.get(aiType) ?? aiType;
}

function valuesText(values: readonly PropertyValue[]): string {
  return joinOr(values.map((v) => formatValue(v)));
}

function propText(t: NodeTests): string {
  const key = t.prop ?? '?';
  if (t.eq !== undefined) return `${key} = ${formatValue(t.eq)}`;
  if (t.ne !== undefined) return `${key} other than ${formatValue(t.ne)}`;
  if (t.in !== undefined) return `${key} = ${valuesText(t.in)}`;
  if (t.truthy) return `${key} set`;
  if (t.falsy) return `${key} unset or false`;
  if (t.gte !== undefined) return `${key} ≥ ${t.gte}`;
  if (t.lte !== undefined) return `${key} ≤ ${t.lte}`;
  return key;
}

function crossingText(spec: boolean | CrossingSpec): string {
  if (spec === true) return 'crosses a trust boundary';
  if (spec === false) return 'crosses no trust boundary';
  const parts = ['crosses a trust boundary'];
  if (spec.direction === 'enters') parts.push('into a zone');
  if (spec.direction === 'leaves') parts.push('out of a zone');
  if (spec.fromLowerTrust) parts.push('from lower trust');
  if (spec.toLowerTrust) parts.push('to lower trust');
  if (spec.trustLevel !== undefined) parts.push(`of ${joinOr([...list(spec.trustLevel)])} trust`);
  return parts.join(' ');
}

export function nodePredicateText(p: NodePredicate): string {
  if ('all' in p) return joinAnd(p.all.map(nodePredicateText));
  if ('any' in p) return `(${joinOr(p.any.map(nodePredicateText))})`;
  if ('not' in p) return `not (${nodePredicateText(p.not)})`;
  const t = p as NodeTests;
  const parts: string[] = [];
  if (t.aiType !== undefined) parts.push(`is ${joinOr(list(t.aiType).map((a) => article(aiTypeLabel(a))))}`);
  if (t.kind !== undefined) parts.push(`is ${joinOr(list(t.kind).map(article))}`);
  if (t.outOfScope !== undefined) parts.push(t.outOfScope ? 'is out of scope' : 'is in scope');
  if (t.insideBoundary !== undefined) {
    const b = t.insideBoundary;
    parts.push(b === true ? 'is inside a trust boundary' : b === false ? 'is inside no trust boundary' : `is in a ${joinOr([...list(b.trustLevel)])} trust zone`);
  }
  if (t.prop !== undefined) parts.push(`has ${propText(t)}`);
  if (t.incoming !== undefined) parts.push(`receives a flow that ${flowPredicateText(t.incoming)}`);
  if (t.outgoing !== undefined) parts.push(`sends a flow that ${flowPredicateText(t.outgoing)}`);
  if (t.connectedTo !== undefined) parts.push(`is connected to something that ${nodePredicateText(t.connectedTo)}`);
  return joinAnd(parts);
}

export function flowPredicateText(p: FlowPredicate): string {
  if ('all' in p) return joinAnd(p.all.map(flowPredicateText));
  if ('any' in p) return `(${joinOr(p.any.map(flowPredicateText))})`;
  if ('not' in p) return `not (${flowPredicateText(p.not)})`;
  const t = p as FlowTests;
  const parts: string[] = [];
  if (t.outOfScope !== undefined) parts.push(t.outOfScope ? 'is out of scope' : 'is in scope');
  if (t.encrypted !== undefined) parts.push(t.encrypted ? 'is encrypted' : 'is not encrypted');
  if (t.authenticated !== undefined) parts.push(t.authenticated ? 'is authenticated' : 'is not authenticated');
  if (t.publicNetwork !== undefined) parts.push(t.publicNetwork ? 'runs over a public network' : 'stays off public networks');
  if (t.bidirectional !== undefined) parts.push(t.bidirectional ? 'is bidirectional' : 'is one-way');
  if (t.carries !== undefined) parts.push(`carries ${joinOr([...list(t.carries)])}`);
  if (t.protocol !== undefined) parts.push(`uses ${joinOr([...list(t.protocol)])}`);
  if (t.crossesBoundary !== undefined) parts.push(crossingText(t.crossesBoundary));
  if (t.source !== undefined) parts.push(`comes from something that ${nodePredicateText(t.source)}`);
  if (t.target !== undefined) parts.push(`goes to something that ${nodePredicateText(t.target)}`);
  return joinAnd(parts);
}
