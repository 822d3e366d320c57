// The test-only JSON Schema validator must be able to fail, or schema checks prove nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAVE_SAMPLES, HAVE_SCHEMAS, SAMPLES, SCHEMAS } from './helpers';
import { validateJsonSchema } from './json-schema';

const schema = {
  type: 'object',
  required: ['name', 'parent'],
  properties: {
    name: { type: 'string', minLength: 2, maxLength: 4 },
    count: { type: 'integer', minimum: 0 },
    ratio: { type: ['number', 'null'] },
    tags: { type: 'array', items: { type: 'string' } },
    parent: { $ref: '#/definitions/parent' },
  },
  definitions: { parent: { type: 'object', oneOf: [{ required: ['zone'] }, { required: ['component'] }] } },
};

describe('validateJsonSchema', () => {
  it('accepts a valid value', () => {
    expect(validateJsonSchema(schema, { name: 'abc', count: 1, ratio: null, tags: ['x'], parent: { zone: 'z' } })).toEqual([]);
  });

  it('reports each kind of violation with a path', () => {
    const errors = validateJsonSchema(schema, { name: 'a', count: 1.5, ratio: 'x', tags: [1], parent: { zone: 'z', component: 'c' } });
    expect(errors).toEqual([
      { path: '$.name', message: 'shorter than 2' },
      { path: '$.count', message: 'must be integer, got number' },
      { path: '$.ratio', message: 'must be number or null, got string' },
      { path: '$.tags[0]', message: 'must be string, got integer' },
      { path: '$.parent', message: 'must match exactly one of 2 schemas, matches 2' },
    ]);
    expect(validateJsonSchema(schema, { name: 'abcde', count: -1, parent: {} })).toEqual([
      { path: '$.name', message: 'longer than 4' },
      { path: '$.count', message: 'less than 0' },
      { path: '$.parent', message: 'must match exactly one of 2 schemas, matches 0' },
    ]);
    expect(validateJsonSchema(schema, {})).toEqual([
      { path: '$', message: 'missing required "name"' },
      { path: '$', message: 'missing required "parent"' },
    ]);
  });

  it('fails closed on keywords it does not implement', () => {
    expect(() => validateJsonSchema({ type: 'string', pattern: '^a' }, 'a')).toThrow(/does not implement "pattern"/);
  });

  it.runIf(HAVE_SCHEMAS && HAVE_SAMPLES)('agrees with the reference files: OTM example valid, Threat Dragon’s own demo not (null dash arrays)', () => {
    const otm = JSON.parse(readFileSync(`${SCHEMAS}otm_schema.json`, 'utf8'));
    const td = JSON.parse(readFileSync(`${SCHEMAS}threat-dragon-v2.schema.json`, 'utf8'));
    expect(validateJsonSchema(otm, JSON.parse(readFileSync(`${SAMPLES}otm/EXAMPLE.json`, 'utf8')))).toEqual([]);
    const demo = validateJsonSchema(td, JSON.parse(readFileSync(`${SAMPLES}threat-dragon/v2-threat-model.json`, 'utf8')));
    expect(demo.length).toBeGreaterThan(0);
    expect(demo.every((e) => e.path.endsWith('strokeDasharray') && e.message === 'must be string, got null')).toBe(true);
  });
});
