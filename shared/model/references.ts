// Cross-record rules of a well-formed document: unique ids and references that resolve.
// Kept apart from the schema because they need the whole document, not one record at a time.
import type { Problem } from './problems';
import type { ModelDocument, Uuid } from './types';

export function referenceProblems(doc: ModelDocument): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  // Ids are unique across the whole document, so any id names exactly one record.
  const seen = new Map<Uuid, string>();
  const claim = (value: Uuid, path: string) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, path);
    else report(path, `duplicate id: ${first} already uses ${value}`);
  };

  claim(doc.id, 'id');
  const elements = new Set<Uuid>();
  doc.diagrams.forEach((diagram, d) => {
    const at = `diagrams[${d}]`;
    claim(diagram.id, `${at}.id`);
    diagram.nodes.forEach((n, i) => claim(n.id, `${at}.nodes[${i}].id`));
    diagram.flows.forEach((f, i) => claim(f.id, `${at}.flows[${i}].id`));
    diagram.boundaries.forEach((b, i) => claim(b.id, `${at}.boundaries[${i}].id`));
    for (const record of [...diagram.nodes, ...diagram.flows, ...diagram.boundaries]) elements.add(record.id);
  });
  doc.assets.forEach((a, i) => claim(a.id, `assets[${i}].id`));
  doc.threats.forEach((t, i) => claim(t.id, `threats[${i}].id`));
  doc.mitigations.forEach((m, i) => claim(m.id, `mitigations[${i}].id`));
  doc.attackTrees.forEach((tree, i) => {
    claim(tree.id, `attackTrees[${i}].id`);
    tree.steps.forEach((s, j) => claim(s.id, `attackTrees[${i}].steps[${j}].id`));
  });
  doc.reviews.forEach((r, i) => claim(r.id, `reviews[${i}].id`));

  const allNodes = new Set(doc.diagrams.flatMap((diagram) => diagram.nodes.map((n) => n.id)));
  doc.diagrams.forEach((diagram, d) => {
    const own = new Set(diagram.nodes.map((n) => n.id));
    diagram.flows.forEach((f, i) => {
      const at = `diagrams[${d}].flows[${i}]`;
      for (const end of ['source', 'target'] as const) {
        if (own.has(f[end])) continue;
        report(`${at}.${end}`, allNodes.has(f[end]) ? 'refers to a node of another diagram' : 'refers to no node of this diagram');
      }
      if (f.source === f.target) report(`${at}.target`, 'a flow cannot connect a node to itself');
    });
  });

  const mitigations = new Set(doc.mitigations.map((m) => m.id));
  const threats = new Set(doc.threats.map((t) => t.id));
  const resolve = (ids: readonly Uuid[], known: Set<Uuid>, path: string, what: string) =>
    ids.forEach((ref, k) => {
      if (!known.has(ref)) report(`${path}[${k}]`, `refers to no ${what}`);
    });

  doc.assets.forEach((a, i) => resolve(a.elementIds, elements, `assets[${i}].elementIds`, 'node, flow or boundary'));
  doc.threats.forEach((t, i) => {
    resolve(t.elementIds, elements, `threats[${i}].elementIds`, 'node, flow or boundary');
    resolve(t.mitigationIds, mitigations, `threats[${i}].mitigationIds`, 'mitigation');
  });
  doc.strideReviews.forEach((r, i) => {
    if (!elements.has(r.elementId)) report(`strideReviews[${i}].elementId`, 'refers to no node, flow or boundary');
  });
  doc.dismissals.forEach((d, i) => {
    if (!elements.has(d.elementId)) report(`dismissals[${i}].elementId`, 'refers to no node, flow or boundary');
    if (d.key !== `${d.ruleId}@${d.elementId}`) report(`dismissals[${i}].key`, 'must be "<ruleId>@<elementId>"');
  });
  doc.attackTrees.forEach((tree, i) => {
    const parents = new Map(tree.steps.map((s) => [s.id, s.parentId]));
    tree.steps.forEach((s, j) => {
      const at = `attackTrees[${i}].steps[${j}]`;
      if (s.parentId !== null && !parents.has(s.parentId)) report(`${at}.parentId`, 'refers to no step of this tree');
      else if (inCycle(s.id, parents)) report(`${at}.parentId`, 'steps form a cycle: a step cannot be its own ancestor');
      resolve(s.threatIds, threats, `${at}.threatIds`, 'threat');
      resolve(s.mitigationIds, mitigations, `${at}.mitigationIds`, 'mitigation');
    });
  });
  return problems;
}

/** Walks up the parent chain; at most one step per step, so a cycle cannot loop forever. */
function inCycle(start: Uuid, parents: ReadonlyMap<Uuid, Uuid | null>): boolean {
  let current = parents.get(start) ?? null;
  for (let hops = 0; current !== null && hops <= parents.size; hops++) {
    if (current === start) return true;
    current = parents.get(current) ?? null;
  }
  return false;
}
