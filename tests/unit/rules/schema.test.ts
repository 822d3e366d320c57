// Rule-pack validation: good packs pass, bad and hostile ones are refused with paths.
import { describe, expect, it } from 'vitest';
import { RULE_LIMITS, parseRulePack, validateRulePack, type RulePack } from '../../../shared/rules';
import aiCore from '../../../catalogs/rules/ai-core.json';
import { flowRule, nodeRule } from './fixtures';

function pack(rules: unknown[]): Record<string, unknown> {
  return { format: 'threatloom-rules', formatVersion: 1, id: 'test-pack', name: 'Test pack', version: '1.0.0', description: '', rules };
}

function problems(input: unknown): string[] {
  const result = validateRulePack(input);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

const when = (w: unknown) => pack([{ ...nodeRule({ aiType: 'llm' }), when: w }]);
const flowWhen = (w: unknown) => pack([{ ...flowRule({ encrypted: false }), when: w }]);

describe('validateRulePack', () => {
  it('accepts the bundled pack and small valid packs', () => {
    expect(problems(aiCore)).toEqual([]);
    expect(problems(pack([nodeRule({ aiType: 'llm' }), flowRule({ encrypted: false }, { id: 'other' })]))).toEqual([]);
    const result = validateRulePack(pack([nodeRule({ aiType: 'llm' })]));
    expect(result.ok && (result.pack as RulePack).rules[0]!.id).toBe('test-node-rule');
  });

  it('refuses a wrong format, missing fields and unknown fields', () => {
    expect(problems({ ...pack([]), format: 'threatloom-model' })).toEqual(['format: must be "threatloom-rules"']);
    const { title: _, ...untitled } = nodeRule({ aiType: 'llm' });
    expect(problems(pack([untitled]))).toEqual(['rules[0].title: required']);
    expect(problems(pack([{ ...nodeRule({ aiType: 'llm' }), script: 'alert(1)' }]))).toEqual(['rules[0].script: unknown field']);
    expect(problems(pack([{ ...nodeRule({ aiType: 'llm' }), stride: ['X'] }]))[0]).toMatch(/^rules\[0\]\.stride\[0\]: must be one of/);
    expect(problems(pack([{ ...nodeRule({ aiType: 'llm' }), likelihood: 9 }]))[0]).toMatch(/^rules\[0\]\.likelihood:/);
    expect(problems(pack([{ ...nodeRule({ aiType: 'llm' }), refs: ['not a ref'] }]))).toEqual([
      'rules[0].refs[0]: must look like catalogId:entryId, e.g. owasp-llm-2025:LLM01',
    ]);
  });

  it('refuses duplicate rule ids and ids that are not kebab-case', () => {
    expect(problems(pack([nodeRule({ aiType: 'llm' }), nodeRule({ aiType: 'agent' })]))).toEqual([
      'rules[1].id: duplicate rule id: rules[0] already uses "test-node-rule"',
    ]);
    expect(problems(pack([nodeRule({ aiType: 'llm' }, { id: 'Bad_Id' })]))[0]).toMatch(/^rules\[0\]\.id: must be kebab-case/);
  });

  it('refuses unknown operators, with a hint when a test belongs to the other kind of element', () => {
    expect(problems(when({ regex: '.*' }))).toEqual(['rules[0].when.regex: unknown operator "regex"']);
    expect(problems(when({ all: [{ aiType: 'llm' }, { eval: 'x' }] }))).toEqual(['rules[0].when.all[1].eval: unknown operator "eval"']);
    expect(problems(when({ encrypted: false }))).toEqual([
      'rules[0].when.encrypted: unknown operator "encrypted" on a node: it tests a flow, so put it inside "incoming" or "outgoing"',
    ]);
    expect(problems(flowWhen({ aiType: 'llm' }))).toEqual([
      'rules[0].when.aiType: unknown operator "aiType" on a flow: it tests a node, so put it inside "source" or "target"',
    ]);
    expect(problems(when({}))).toEqual(['rules[0].when: empty predicate: needs at least one test']);
    const withProto = JSON.parse(`{ "__proto__": { "aiType": "llm" } }`);
    expect(problems(when(withProto))).toEqual(['rules[0].when.__proto__: unknown operator "__proto__"']);
  });

  it('checks leaf values', () => {
    expect(problems(when({ aiType: 'robot' }))[0]).toMatch(/^rules\[0\]\.when\.aiType: must be/);
    expect(problems(when({ aiType: [] }))[0]).toMatch(/^rules\[0\]\.when\.aiType/);
    expect(problems(flowWhen({ carries: ['pii', 'gold'] }))[0]).toMatch(/^rules\[0\]\.when\.carries/);
    expect(problems(flowWhen({ crossesBoundary: {} }))[0]).toMatch(/^rules\[0\]\.when\.crossesBoundary/);
    expect(problems(flowWhen({ crossesBoundary: { toLowerTrust: false } }))[0]).toMatch(/^rules\[0\]\.when\.crossesBoundary/);
    expect(problems(when({ insideBoundary: { trustLevel: 'sky-high' } }))[0]).toMatch(/^rules\[0\]\.when\.insideBoundary/);
  });

  it('property tests need exactly one comparator, and comparators need a property', () => {
    expect(problems(when({ prop: 'hosting' }))).toEqual(['rules[0].when.prop: needs one comparator beside it: eq, ne, in, truthy, falsy, gte, lte']);
    expect(problems(when({ prop: 'hosting', eq: 'a', ne: 'b' }))).toEqual(['rules[0].when.prop: takes exactly one comparator, got eq, ne']);
    expect(problems(when({ eq: 'none' }))).toEqual(['rules[0].when.eq: "eq" compares a property: add "prop" beside it']);
    expect(problems(when({ prop: 'a b', truthy: true }))[0]).toMatch(/^rules\[0\]\.when\.prop: must be a property key/);
    expect(problems(when({ prop: 'x', truthy: false }))).toEqual(['rules[0].when.truthy: must be true']);
    expect(problems(when({ prop: 'x', gte: '3' }))[0]).toMatch(/^rules\[0\]\.when\.gte: must be a number/);
  });

  it('combinators stand alone and take non-empty lists', () => {
    expect(problems(when({ all: [{ aiType: 'llm' }], aiType: 'llm' }))).toEqual(['rules[0].when: "all" must be alone in its object: put the other tests inside it']);
    expect(problems(when({ any: [] }))).toEqual(['rules[0].when.any: must be a list of at least one predicate']);
    expect(problems(when({ not: [{ aiType: 'llm' }] }))).toEqual(['rules[0].when.not: must be a node predicate object, e.g. { "aiType": "llm" }']);
    expect(problems(when('aiType == llm'))).toEqual(['rules[0].when: must be a node predicate object, e.g. { "aiType": "llm" }']);
  });

  it('checks title and description placeholders against the rule target', () => {
    expect(problems(pack([nodeRule({ aiType: 'llm' }, { title: 'Attack on {target}' })]))).toEqual([
      'rules[0].title: unknown placeholder {target}: a node rule can use {name}, {type}',
    ]);
    expect(problems(pack([flowRule({ encrypted: false }, { description: '{source} to {target} via {name}' })]))).toEqual([]);
  });
});

describe('hostile packs', () => {
  it('refuses deep nesting without overflowing the stack', () => {
    let deep: unknown = { aiType: 'llm' };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    expect(problems(when(deep))).toEqual([`: nested too deeply: more than ${RULE_LIMITS.depth} levels`]);
    let moderate: unknown = { aiType: 'llm' };
    for (let i = 0; i < 30; i++) moderate = { not: moderate };
    expect(problems(when(moderate))[0]).toMatch(/nested too deeply: at most 16 levels$/);
  });

  it('refuses quantifiers nested too deeply (their cost multiplies)', () => {
    let q: unknown = { aiType: 'llm' };
    for (let i = 0; i < 5; i++) q = { connectedTo: q };
    expect(problems(when(q))[0]).toMatch(/quantifiers nested too deeply: at most 4$/);
  });

  it('refuses huge strings, huge lists and huge packs', () => {
    expect(problems(pack([nodeRule({ aiType: 'llm' }, { title: 'x'.repeat(1000) })]))).toEqual(['rules[0].title: too long: at most 300 characters']);
    expect(problems(pack([nodeRule({ aiType: 'llm' }, { description: 'x'.repeat(10_000_000) })]))).toEqual([
      `: contains text longer than ${RULE_LIMITS.description} characters`,
    ]);
    expect(problems(when({ prop: 'x', in: Array.from({ length: 500 }, (_, i) => i) }))[0]).toMatch(/^rules\[0\]\.when\.in: too many entries/);
    expect(problems(when({ any: Array.from({ length: 500 }, () => ({ aiType: 'llm' })) }))).toEqual(['rules[0].when.any: too many entries: at most 64']);
    const wide = { all: Array.from({ length: 60 }, () => ({ any: Array.from({ length: 60 }, () => ({ aiType: 'llm' })) })) };
    expect(problems(when(wide))).toContain('rules[0].when.all[4].any[54]: rule too large: more than 300 predicates');
    const many = pack(Array.from({ length: 50_000 }, (_, i) => nodeRule({ aiType: 'llm' }, { id: `r-${i}` })));
    expect(problems(many)).toEqual([`: too large: more than ${RULE_LIMITS.values} values`]);
  });

  it('caps the number of problems reported', () => {
    const bad = pack(Array.from({ length: 200 }, (_, i) => ({ ...nodeRule({ aiType: 'llm' }, { id: `r-${i}` }), when: { nope: 1 } })));
    const list = problems(bad);
    expect(list).toHaveLength(50);
    expect(list.at(-1)).toMatch(/more problems$/);
  });

  it('parseRulePack refuses non-JSON and oversized files', () => {
    expect(parseRulePack('{ "rules": [')).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^not JSON/) }] });
    expect(parseRulePack(' '.repeat(RULE_LIMITS.fileChars + 1))).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/^file too large/) }] });
    expect(parseRulePack(JSON.stringify(aiCore)).ok).toBe(true);
  });
});
