// incrementalJson must write exactly what JSON.stringify writes, for a fresh document and after
// edits that share unchanged parts with the previous version (as mutative patches do).
import { create, type Draft } from 'mutative';
import { describe, expect, it } from 'vitest';
import { incrementalJson, warmJsonText, type IdleScheduler } from '../../../renderer/storage/incremental-json';
import { generateModel } from '../../bench/generate-model';
import type { ModelDocument } from '../../../shared/model';

describe('incrementalJson', () => {
  it('equals JSON.stringify for primitives, arrays and nested objects', () => {
    const values: unknown[] = [
      0, -0, 1.5, 'text "quoted" \u2028 \n', true, null, [], {}, [1, 'a', null],
      { a: 1, b: { c: [1, { d: 'e' }], f: null }, 'key "x"': [{ g: [{ h: 1 }] }] },
      { deep: { deeper: { deepest: { list: [{ x: 1 }, { y: [2, 3] }] } } } },
      { 2: 'integer keys come first', a: 1, 1: 'in ascending order' },
    ];
    for (const value of values) expect(incrementalJson(value)).toBe(JSON.stringify(value));
  });

  it('drops what JSON.stringify drops: undefined and functions in objects, null in arrays', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 2, { d: undefined }], e: 1, f: Symbol('s') };
    expect(incrementalJson(value)).toBe(JSON.stringify(value));
    expect(incrementalJson({ list: [{ a: 1 }, undefined, { b: 2 }] })).toBe('{"list":[{"a":1},null,{"b":2}]}');
  });

  it('honours toJSON like JSON.stringify', () => {
    const value = { when: new Date(Date.UTC(2026, 0, 2)), nested: [{ at: new Date(0) }] };
    expect(incrementalJson(value)).toBe(JSON.stringify(value));
  });

  it('refuses a value that has no JSON text', () => {
    expect(() => incrementalJson(undefined)).toThrow(/no JSON text/);
  });

  it('equals JSON.stringify for a whole model and after each of a series of edits', () => {
    let doc: ModelDocument = generateModel(60).doc;
    expect(incrementalJson(doc)).toBe(JSON.stringify(doc));
    const edits: ((d: Draft<ModelDocument>) => void)[] = [
      (d) => { d.diagrams[0]!.nodes[3]!.position.x += 40; },
      (d) => { d.diagrams[0]!.nodes[7]!.name = 'Renamed “node” <img onerror=x>'; },
      (d) => { d.diagrams[0]!.flows.splice(2, 1); },
      (d) => { d.threats[0]!.title = 'Edited threat'; },
      (d) => { d.threats.pop(); },
      (d) => { d.diagrams[0]!.nodes.push({ ...d.diagrams[0]!.nodes[0]!, id: 'c1d9b5f6-4d7c-4f2e-9a39-2f0c1e1d2a10', name: 'Copy' }); },
      (d) => { d.title = 'Retitled'; d.updatedAt = '2026-11-22T12:00:00.000Z'; },
    ];
    for (const edit of edits) {
      doc = create(doc, edit);
      expect(incrementalJson(doc)).toBe(JSON.stringify(doc));
    }
  });

  it('reuses the text of parts an edit did not replace', () => {
    // Documents are never changed in place (DESIGN.md); a part mutated behind the cache's back
    // keeps its old text, which shows the unchanged parts really are not written again.
    const doc = generateModel(30).doc as ModelDocument;
    incrementalJson(doc);
    const untouched = doc.diagrams[0]!.nodes[1]! as { name: string };
    const before = untouched.name;
    untouched.name = 'changed in place';
    const next = create(doc, (d) => { d.diagrams[0]!.nodes[0]!.name = 'edited'; });
    const text = incrementalJson(next);
    expect(text).toContain('"name":"edited"');
    expect(text).toContain(JSON.stringify(before));
    expect(text).not.toContain('changed in place');
  });

  it('warms the text of a model in idle slices, so the first save only assembles it', () => {
    const doc = generateModel(40).doc as ModelDocument;
    const expected = JSON.stringify(doc);
    const queue: ((timeLeft: () => number) => void)[] = [];
    const idle: IdleScheduler = (work) => queue.push(work);
    warmJsonText(doc, idle);
    // An idle period with no time left writes one part and asks for another period.
    let periods = 0;
    while (queue.length) {
      queue.shift()!(() => 0);
      periods++;
    }
    expect(periods).toBeGreaterThan(doc.diagrams[0]!.nodes.length);
    // Every small part is now cached: a node changed in place behind the cache is not seen.
    (doc.diagrams[0]!.nodes[0]! as { name: string }).name = 'changed in place';
    expect(incrementalJson(doc)).toBe(expected);
  });

  it('stops warming early when the idle period has time for everything', () => {
    const doc = generateModel(20).doc as ModelDocument;
    const queue: ((timeLeft: () => number) => void)[] = [];
    warmJsonText(doc, (work) => queue.push(work));
    queue.shift()!(() => 50);
    expect(queue).toHaveLength(0);
    expect(incrementalJson(doc)).toBe(JSON.stringify(doc));
  });
});
