// Reads a V8 CPU profile (Chrome DevTools protocol `Profiler.stop`) and tells where the time went:
// busy vs idle, the functions with the most self time, and those with the most total time.
import { basename } from 'node:path';

export function summarizeProfile(profile, top = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) => {
    const f = n.callFrame;
    const where = f.url ? `${basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'}${where ? `  ${where}` : ''}`;
  };
  const self = new Map();
  const total = new Map();
  let all = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    all += dt;
    const name = node.callFrame.functionName;
    if (name === '(idle)') {
      idle += dt;
      return;
    }
    const k = keyOf(node);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n || n.callFrame.functionName === '(root)') continue;
      const key = keyOf(n);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  });
  const rows = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`)
      .join('\n');
  return [
    `  sampled ${all.toFixed(0)} ms: busy ${(all - idle).toFixed(0)} ms, idle ${idle.toFixed(0)} ms`,
    '  most self time:',
    rows(self),
    '  most total time (inclusive):',
    rows(total),
  ].join('\n');
}
