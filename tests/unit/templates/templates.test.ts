// Every template: a valid, readable, complete model whose recorded review covers what a reviewer
// expects (expectations.ts) and leaves no suggestion of the rule engine undecided.
import { describe, expect, it } from 'vitest';
import { bundledIndex, unresolvedRefs } from '../../../shared/catalogs';
import { boundariesContaining, rectsOverlap, rectOf } from '../../../shared/geometry';
import { validateDocument, type BoxBoundary, type Diagram, type ModelDocument } from '../../../shared/model';
import { bundledRules, evaluateRules } from '../../../shared/rules';
import { TEMPLATE_BUILDERS, type BuiltTemplate } from '../../../shared/templates';
import { EXPECTED } from './expectations';
import { collisions, flowsThroughNodes, splitCounts, truncatedTags } from './layout';

const built: readonly BuiltTemplate[] = TEMPLATE_BUILDERS.map((build) => build());

function names(diagram: Diagram): Map<string, string> {
  return new Map([...diagram.nodes, ...diagram.flows].map((e) => [e.id, e.name]));
}

/** `ruleId@element name` of every suggestion, recorded threat (from a rule) and dismissal. */
function keys(doc: ModelDocument) {
  const diagram = doc.diagrams[0]!;
  const name = names(diagram);
  const key = (ruleId: string, elementId: string) => `${ruleId}@${name.get(elementId) ?? elementId}`;
  return {
    suggested: evaluateRules(doc, bundledRules()).map((s) => key(s.ruleId, s.elementId)),
    recorded: doc.threats.flatMap((t) => (t.origin.kind === 'rule' ? t.elementIds.map((id) => key((t.origin as { ruleId: string }).ruleId, id)) : [])),
    dismissed: doc.dismissals.map((d) => key(d.ruleId, d.elementId)),
  };
}

it('there are eight templates with unique ids and titles, each with expectations', () => {
  expect(built).toHaveLength(8);
  expect(new Set(built.map((t) => t.info.id)).size).toBe(8);
  expect(new Set(built.map((t) => t.info.title)).size).toBe(8);
  expect(built.map((t) => t.info.id).sort()).toEqual(Object.keys(EXPECTED).sort());
});

describe.each(built.map((t) => [t.info.id, t] as const))('%s', (id, { info, doc }) => {
  const expected = EXPECTED[id]!;
  const diagram = doc.diagrams[0]!;

  it('is a valid current document', () => {
    const result = validateDocument(doc);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(doc.title).toBe(info.title);
  });

  it('has scope, owner, reviewers and assets rated and linked to elements', () => {
    for (const field of ['inScope', 'outOfScope', 'assumptions', 'businessObjectives'] as const) expect(doc.scope[field].length, field).toBeGreaterThan(40);
    expect(doc.description.length).toBeGreaterThan(80);
    expect(doc.owner).not.toBe('');
    expect(doc.reviewers.length).toBeGreaterThan(0);
    expect(doc.assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of doc.assets) expect(asset.elementIds.length, asset.name).toBeGreaterThan(0);
  });

  it('draws well: grid-aligned, nodes at least 180 × 72, nothing overlapping, no flow through a node, tags that fit', () => {
    for (const n of diagram.nodes) {
      expect([n.position.x % 10, n.position.y % 10], n.name).toEqual([0, 0]);
      expect(n.size.width, n.name).toBeGreaterThanOrEqual(180);
      expect(n.size.height, n.name).toBeGreaterThanOrEqual(72);
    }
    for (const b of diagram.boundaries) if (b.shape === 'box') expect([b.position.x % 10, b.position.y % 10, b.size.width % 10, b.size.height % 10], b.name).toEqual([0, 0, 0, 0]);
    const overlapping = diagram.nodes.flatMap((a, i) => diagram.nodes.slice(i + 1).filter((b) => rectsOverlap(rectOf(a), rectOf(b))).map((b) => `${a.name} / ${b.name}`));
    expect(overlapping).toEqual([]);
    expect(collisions(doc)).toEqual([]);
    expect(flowsThroughNodes(diagram)).toEqual([]);
    expect(truncatedTags(diagram)).toEqual([]);
    expect(splitCounts(doc)).toEqual([]);
  });

  it('puts every node inside its intended boundary, and boxes never cut through each other', () => {
    const boxes = diagram.boundaries.filter((b): b is BoxBoundary => b.shape === 'box');
    const zoneOf = (nodeId: string) => {
      const around = boundariesContaining(diagram, nodeId).sort((a, b) => a.size.width * a.size.height - b.size.width * b.size.height);
      return around[0]?.name ?? null;
    };
    const actual: Record<string, string[]> = {};
    const outside: string[] = [];
    for (const n of diagram.nodes) {
      const zone = zoneOf(n.id);
      if (zone === null) outside.push(n.name);
      else (actual[zone] ??= []).push(n.name);
    }
    const sorted = (r: Readonly<Record<string, readonly string[]>>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort()]));
    expect(sorted(actual)).toEqual(sorted(expected.zones));
    expect(outside.sort()).toEqual([...expected.outside].sort());
    // Two boxes are either apart or one holds the other wholly.
    for (const a of boxes) {
      for (const b of boxes) {
        if (a === b || !rectsOverlap(rectOf(a), rectOf(b))) continue;
        const nested = [a, b].some((outer) => {
          const inner = outer === a ? b : a;
          const o = rectOf(outer);
          const i = rectOf(inner);
          return i.x > o.x && i.y > o.y && i.x + i.width < o.x + o.width && i.y + i.height < o.y + o.height;
        });
        expect(nested, `${a.name} and ${b.name} cross`).toBe(true);
      }
    }
  });

  it('sets realistic properties: protocols and security flags on flows, typed properties on nodes', () => {
    for (const f of diagram.flows) {
      if (f.source === f.target) continue;
      const endpoints = diagram.nodes.filter((n) => n.id === f.source || n.id === f.target);
      const humanOnly = endpoints.some((n) => n.aiType === 'actor') && endpoints.some((n) => n.aiType === 'output-consumer');
      if (!humanOnly) expect(f.protocol, f.name).not.toBe('');
    }
    expect(diagram.flows.filter((f) => f.encrypted).length).toBeGreaterThan(diagram.flows.length / 2);
    expect(diagram.flows.some((f) => f.carries.length > 0)).toBe(true);
    expect(diagram.boundaries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(diagram.boundaries.map((b) => b.trustLevel)).size).toBeGreaterThanOrEqual(2);
  });

  it('every catalog reference resolves', () => {
    const refs = [...doc.threats.flatMap((t) => t.refs), ...doc.mitigations.flatMap((m) => m.refs)];
    expect(refs.length).toBeGreaterThan(0);
    expect(unresolvedRefs(bundledIndex(), refs)).toEqual([]);
  });

  it('the engine suggests what a reviewer expects, and the review records each as a threat', () => {
    const { suggested, recorded } = keys(doc);
    expect(expected.threats.filter((k) => !suggested.includes(k))).toEqual([]);
    expect(expected.threats.filter((k) => !recorded.includes(k))).toEqual([]);
  });

  it('leaves no suggestion undecided and records nothing the engine did not suggest', () => {
    const { suggested, recorded, dismissed } = keys(doc);
    expect(suggested.filter((k) => !recorded.includes(k) && !dismissed.includes(k))).toEqual([]);
    expect([...recorded, ...dismissed].filter((k) => !suggested.includes(k))).toEqual([]);
    expect(recorded.filter((k) => dismissed.includes(k))).toEqual([]);
    expect(doc.strideReviews.length).toBeGreaterThan(0);
  });

  it('has a realistic mix of decisions, each with what its status requires', () => {
    const by = (status: string) => doc.threats.filter((t) => t.status === status);
    expect(by('open').length).toBeGreaterThan(doc.threats.length / 2);
    for (const t of doc.threats) expect(t.owner, t.title).not.toBe('');

    const mitigated = by('mitigated');
    expect(mitigated.length).toBeGreaterThan(0);
    const done = new Set(doc.mitigations.filter((m) => m.status === 'implemented' || m.status === 'verified').map((m) => m.id));
    for (const t of mitigated) expect(t.mitigationIds.some((m) => done.has(m)), t.title).toBe(true);

    const accepted = by('accepted');
    expect(accepted.length).toBeGreaterThan(0);
    for (const t of accepted) {
      expect(t.acceptance!.rationale.length, t.title).toBeGreaterThan(40);
      expect(t.acceptance!.approver).not.toBe('');
      expect(t.acceptance!.reviewBy > t.acceptance!.date).toBe(true);
    }
    const notApplicable = by('not-applicable');
    expect(notApplicable.length).toBeGreaterThan(0);
    for (const t of notApplicable) expect(t.statusReason.length, t.title).toBeGreaterThan(30);

    expect(doc.dismissals.length).toBeGreaterThan(0);
    for (const d of doc.dismissals) expect(d.reason.length, d.key).toBeGreaterThan(20);
    expect(doc.mitigations.some((m) => m.status === 'planned' && m.dueDate !== '')).toBe(true);
  });

  it('creates each mitigation once, by the app’s rule (one per title), each linked to a threat', () => {
    const titles = doc.mitigations.map((m) => m.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
    const linked = new Set(doc.threats.flatMap((t) => t.mitigationIds));
    expect(doc.mitigations.filter((m) => !linked.has(m.id)).map((m) => m.title)).toEqual([]);
  });
});
