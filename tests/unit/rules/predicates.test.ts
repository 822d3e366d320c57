// Every operator of the predicate language, each with a case that holds and one that does not.
import { describe, expect, it } from 'vitest';
import { build, firesOn, flowRule, nodeRule } from './fixtures';

describe('node tests', () => {
  const b = build();
  b.node('llm', 'Bot', { hosting: 'third-party-api', contextWindowTokens: 200_000, provider: '' });
  b.node('vector-db', 'Index', { tenantIsolation: 'none' });
  b.node('agent', 'Planner', { maxSteps: 0, canExecuteCode: true });
  b.node('generic-process', 'App', {}, { kind: 'process' });
  const doc = b.doc();

  it('aiType: one type or a list', () => {
    expect(firesOn(doc, nodeRule({ aiType: 'llm' }))).toEqual(['Bot']);
    expect(firesOn(doc, nodeRule({ aiType: ['llm', 'agent'] }))).toEqual(['Bot', 'Planner']);
    expect(firesOn(doc, nodeRule({ aiType: 'guardrail' }))).toEqual([]);
  });

  it('kind: one kind or a list', () => {
    expect(firesOn(doc, nodeRule({ kind: 'store' }))).toEqual(['Index']);
    expect(firesOn(doc, nodeRule({ kind: ['store', 'process'] }))).toEqual(['Bot', 'Index', 'Planner', 'App']);
    expect(firesOn(doc, nodeRule({ kind: 'external' }))).toEqual([]);
  });

  it('prop eq / ne', () => {
    expect(firesOn(doc, nodeRule({ prop: 'hosting', eq: 'third-party-api' }))).toEqual(['Bot']);
    expect(firesOn(doc, nodeRule({ prop: 'hosting', eq: 'self-hosted' }))).toEqual([]);
    // ne holds when the value differs or is not set at all
    expect(firesOn(doc, nodeRule({ aiType: ['llm', 'vector-db'], prop: 'hosting', ne: 'third-party-api' }))).toEqual(['Index']);
    expect(firesOn(doc, nodeRule({ aiType: 'llm', prop: 'hosting', ne: 'third-party-api' }))).toEqual([]);
  });

  it('prop eq compares strictly: no coercion between text, numbers and booleans', () => {
    expect(firesOn(doc, nodeRule({ prop: 'maxSteps', eq: 0 }))).toEqual(['Planner']);
    expect(firesOn(doc, nodeRule({ prop: 'maxSteps', eq: '0' }))).toEqual([]);
    expect(firesOn(doc, nodeRule({ prop: 'canExecuteCode', eq: 'true' }))).toEqual([]);
  });

  it('prop in', () => {
    expect(firesOn(doc, nodeRule({ prop: 'tenantIsolation', in: ['none', 'namespace'] }))).toEqual(['Index']);
    expect(firesOn(doc, nodeRule({ prop: 'tenantIsolation', in: ['per-tenant-index'] }))).toEqual([]);
  });

  it('prop truthy / falsy (an unset property is falsy)', () => {
    expect(firesOn(doc, nodeRule({ prop: 'canExecuteCode', truthy: true }))).toEqual(['Planner']);
    expect(firesOn(doc, nodeRule({ aiType: 'agent', prop: 'canExecuteCode', falsy: true }))).toEqual([]);
    expect(firesOn(doc, nodeRule({ aiType: 'llm', prop: 'provider', falsy: true }))).toEqual(['Bot']); // ''
    expect(firesOn(doc, nodeRule({ aiType: 'agent', prop: 'maxSteps', falsy: true }))).toEqual(['Planner']); // 0
    expect(firesOn(doc, nodeRule({ aiType: 'generic-process', prop: 'whatever', falsy: true }))).toEqual(['App']);
    expect(firesOn(doc, nodeRule({ aiType: 'generic-process', prop: 'whatever', truthy: true }))).toEqual([]);
  });

  it('prop gte / lte only match numbers', () => {
    expect(firesOn(doc, nodeRule({ prop: 'contextWindowTokens', gte: 200_000 }))).toEqual(['Bot']);
    expect(firesOn(doc, nodeRule({ prop: 'contextWindowTokens', gte: 200_001 }))).toEqual([]);
    expect(firesOn(doc, nodeRule({ prop: 'maxSteps', lte: 0 }))).toEqual(['Planner']);
    expect(firesOn(doc, nodeRule({ prop: 'hosting', lte: 10 }))).toEqual([]);
  });

  it('a property named like an Object prototype member is just absent', () => {
    expect(firesOn(doc, nodeRule({ prop: 'constructor', truthy: true }))).toEqual([]);
    expect(firesOn(doc, nodeRule({ prop: 'toString', truthy: true }))).toEqual([]);
  });

  it('several tests in one object must all hold', () => {
    expect(firesOn(doc, nodeRule({ aiType: 'agent', prop: 'canExecuteCode', truthy: true }))).toEqual(['Planner']);
    expect(firesOn(doc, nodeRule({ aiType: 'llm', prop: 'canExecuteCode', truthy: true }))).toEqual([]);
  });

  it('all / any / not', () => {
    expect(firesOn(doc, nodeRule({ all: [{ kind: 'process' }, { prop: 'maxSteps', eq: 0 }] }))).toEqual(['Planner']);
    expect(firesOn(doc, nodeRule({ all: [{ kind: 'store' }, { prop: 'maxSteps', eq: 0 }] }))).toEqual([]);
    expect(firesOn(doc, nodeRule({ any: [{ aiType: 'vector-db' }, { prop: 'maxSteps', eq: 0 }] }))).toEqual(['Index', 'Planner']);
    expect(firesOn(doc, nodeRule({ any: [{ aiType: 'guardrail' }, { prop: 'maxSteps', eq: 5 }] }))).toEqual([]);
    expect(firesOn(doc, nodeRule({ not: { kind: 'process' } }))).toEqual(['Index']);
    expect(firesOn(doc, nodeRule({ not: { kind: ['process', 'store'] } }))).toEqual([]);
  });

  it('outOfScope (with includeOutOfScope, so out-of-scope nodes are evaluated at all)', () => {
    const b2 = build();
    b2.node('llm', 'In');
    b2.node('llm', 'Out', {}, { outOfScope: true, outOfScopeReason: 'vendor-managed' });
    const d = b2.doc();
    expect(firesOn(d, nodeRule({ outOfScope: true }, { includeOutOfScope: true }))).toEqual(['Out']);
    expect(firesOn(d, nodeRule({ outOfScope: false }, { includeOutOfScope: true }))).toEqual(['In']);
  });
});

describe('boundaries and quantifiers', () => {
  // User ─(unauth, pii)→ [ DMZ(low): Web ─→ [ Core(high): Bot ] ]   Hub (outside) ─→ Web
  const b = build();
  const user = b.node('actor', 'User', {}, { at: { x: 0, y: 0 } });
  const web = b.node('generic-process', 'Web', {}, { at: { x: 400, y: 0 } });
  const bot = b.node('llm', 'Bot', {}, { at: { x: 800, y: 0 } });
  const guard = b.node('guardrail', 'Guard', {}, { at: { x: 800, y: 400 } });
  const hub = b.node('model-hub', 'Hub', {}, { at: { x: 400, y: 800 } });
  b.box('DMZ', 'low', web, bot);
  b.box('Core', 'high', bot);
  b.flow(user, web, { name: 'Request', carries: ['pii'], publicNetwork: true });
  b.flow(web, bot, { name: 'Prompt', authenticated: true, encrypted: true, carries: ['prompts'], protocol: 'HTTPS' });
  b.flow(bot, guard, { name: 'Check', bidirectional: true });
  b.flow(hub, web, { name: 'Download' });
  const doc = b.doc();

  it('insideBoundary true / false / trust level of the innermost box', () => {
    expect(firesOn(doc, nodeRule({ insideBoundary: true }))).toEqual(['Web', 'Bot']);
    expect(firesOn(doc, nodeRule({ insideBoundary: false }))).toEqual(['User', 'Guard', 'Hub']);
    expect(firesOn(doc, nodeRule({ insideBoundary: { trustLevel: 'high' } }))).toEqual(['Bot']); // innermost box wins
    expect(firesOn(doc, nodeRule({ insideBoundary: { trustLevel: ['untrusted', 'medium'] } }))).toEqual([]);
  });

  it('incoming / outgoing see flows in the direction data moves; bidirectional flows count both ways', () => {
    expect(firesOn(doc, nodeRule({ incoming: { carries: 'pii' } }))).toEqual(['Web']);
    expect(firesOn(doc, nodeRule({ outgoing: { carries: 'pii' } }))).toEqual(['User']);
    expect(firesOn(doc, nodeRule({ incoming: { source: { aiType: 'guardrail' } } }))).toEqual(['Bot']); // reverse of 'Check'
    expect(firesOn(doc, nodeRule({ outgoing: { target: { aiType: 'llm' } } }))).toEqual(['Web', 'Guard']);
    expect(firesOn(doc, nodeRule({ incoming: { carries: 'secrets' } }))).toEqual([]);
  });

  it('connectedTo looks at the other end of any flow', () => {
    expect(firesOn(doc, nodeRule({ connectedTo: { aiType: 'model-hub' } }))).toEqual(['Web']);
    expect(firesOn(doc, nodeRule({ aiType: 'llm', connectedTo: { aiType: 'guardrail' } }))).toEqual(['Bot']);
    expect(firesOn(doc, nodeRule({ connectedTo: { aiType: 'agent' } }))).toEqual([]);
  });

  it('flow flags: encrypted, authenticated, publicNetwork, bidirectional, outOfScope', () => {
    expect(firesOn(doc, flowRule({ encrypted: true }))).toEqual(['Prompt']);
    expect(firesOn(doc, flowRule({ encrypted: false }))).toEqual(['Request', 'Check', 'Download']);
    expect(firesOn(doc, flowRule({ authenticated: true }))).toEqual(['Prompt']);
    expect(firesOn(doc, flowRule({ publicNetwork: true }))).toEqual(['Request']);
    expect(firesOn(doc, flowRule({ publicNetwork: false }))).toEqual(['Prompt', 'Check', 'Download']);
    expect(firesOn(doc, flowRule({ bidirectional: true }))).toEqual(['Check']);
    expect(firesOn(doc, flowRule({ outOfScope: true }, { includeOutOfScope: true }))).toEqual([]);
    expect(firesOn(doc, flowRule({ outOfScope: false }))).toEqual(['Request', 'Prompt', 'Check', 'Download']);
  });

  it('carries (any of) and protocol (case-insensitive)', () => {
    expect(firesOn(doc, flowRule({ carries: ['secrets', 'prompts'] }))).toEqual(['Prompt']);
    expect(firesOn(doc, flowRule({ carries: 'model-weights' }))).toEqual([]);
    expect(firesOn(doc, flowRule({ protocol: ['https', 'grpc'] }))).toEqual(['Prompt']);
    expect(firesOn(doc, flowRule({ protocol: 'SQL' }))).toEqual([]);
  });

  it('source / target', () => {
    expect(firesOn(doc, flowRule({ source: { kind: 'external' } }))).toEqual(['Request', 'Download']);
    expect(firesOn(doc, flowRule({ target: { aiType: 'llm' } }))).toEqual(['Prompt', 'Check']); // Check reversed: Guard → Bot
    expect(firesOn(doc, flowRule({ target: { aiType: 'agent' } }))).toEqual([]);
  });

  it('crossesBoundary true / false', () => {
    expect(firesOn(doc, flowRule({ crossesBoundary: true }))).toEqual(['Request', 'Prompt', 'Check', 'Download']);
    const b2 = build();
    const a = b2.node('generic-process', 'A');
    const c = b2.node('generic-process', 'C');
    b2.flow(a, c, { name: 'Inside' });
    b2.box('Zone', 'medium', a, c);
    expect(firesOn(b2.doc(), flowRule({ crossesBoundary: false }))).toEqual(['Inside']);
    expect(firesOn(b2.doc(), flowRule({ crossesBoundary: true }))).toEqual([]);
  });

  it('crossesBoundary fromLowerTrust / toLowerTrust (outside every box counts as untrusted)', () => {
    // Check is bidirectional: Guard → Bot moves up in trust, Bot → Guard moves down
    expect(firesOn(doc, flowRule({ crossesBoundary: { fromLowerTrust: true } }))).toEqual(['Request', 'Prompt', 'Check', 'Download']);
    expect(firesOn(doc, flowRule({ crossesBoundary: { toLowerTrust: true } }))).toEqual(['Check']);
  });

  it('crossesBoundary direction and trustLevel', () => {
    expect(firesOn(doc, flowRule({ crossesBoundary: { direction: 'enters', trustLevel: 'high' } }))).toEqual(['Prompt', 'Check']);
    expect(firesOn(doc, flowRule({ crossesBoundary: { direction: 'leaves', trustLevel: 'low' } }))).toEqual(['Check']);
    expect(firesOn(doc, flowRule({ crossesBoundary: { direction: 'enters', trustLevel: 'privileged' } }))).toEqual([]);
    expect(firesOn(doc, flowRule({ target: { aiType: 'generic-process' }, crossesBoundary: { direction: 'leaves' } }))).toEqual([]);
  });

  it('a line boundary has no inside: crossing it counts in either trust direction', () => {
    const b2 = build();
    const a = b2.node('generic-process', 'A', {}, { at: { x: 0, y: 0 } });
    const c = b2.node('generic-process', 'C', {}, { at: { x: 400, y: 0 } });
    const far = b2.node('generic-process', 'Far', {}, { at: { x: 0, y: 900 } });
    b2.flow(a, c, { name: 'Across' });
    b2.flow(a, far, { name: 'Along' });
    b2.line('Network split', 300, 'high');
    const d = b2.doc();
    expect(firesOn(d, flowRule({ crossesBoundary: { fromLowerTrust: true } }))).toEqual(['Across']);
    expect(firesOn(d, flowRule({ crossesBoundary: { toLowerTrust: true } }))).toEqual(['Across']);
    expect(firesOn(d, flowRule({ crossesBoundary: { direction: 'leaves', trustLevel: 'high' } }))).toEqual(['Across']);
    expect(firesOn(d, flowRule({ crossesBoundary: { trustLevel: 'low' } }))).toEqual([]);
  });

  it('flow all / any / not', () => {
    expect(firesOn(doc, flowRule({ all: [{ encrypted: false }, { carries: 'pii' }] }))).toEqual(['Request']);
    expect(firesOn(doc, flowRule({ all: [{ encrypted: true }, { carries: 'pii' }] }))).toEqual([]);
    expect(firesOn(doc, flowRule({ any: [{ carries: 'pii' }, { bidirectional: true }] }))).toEqual(['Request', 'Check']);
    expect(firesOn(doc, flowRule({ any: [{ carries: 'secrets' }, { protocol: 'ftp' }] }))).toEqual([]);
    expect(firesOn(doc, flowRule({ not: { encrypted: false } }))).toEqual(['Prompt']);
    expect(firesOn(doc, flowRule({ not: { outOfScope: false } }))).toEqual([]);
  });

  it('quantifiers nest: an LLM fed by a process that an external sends personal data to', () => {
    const rule = nodeRule({ aiType: 'llm', incoming: { source: { incoming: { source: { kind: 'external' }, carries: 'pii' } } } });
    expect(firesOn(doc, rule)).toEqual(['Bot']);
    const none = nodeRule({ aiType: 'llm', incoming: { source: { incoming: { source: { kind: 'external' }, carries: 'secrets' } } } });
    expect(firesOn(doc, none)).toEqual([]);
  });
});
