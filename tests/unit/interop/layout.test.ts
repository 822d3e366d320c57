import { describe, expect, it } from 'vitest';
import { rectContainsRect, rectsOverlap, type Rect } from '../../../shared/geometry';
import { MAX_ELK_NODES, autoLayout, packLayout, type LayoutResult } from '../../../shared/interop/layout';

const size = { width: 180, height: 72 };
const rectOfNode = (r: LayoutResult, key: string): Rect => ({ ...r.nodes.get(key)!, ...size });
const rectOfBox = (r: LayoutResult, key: string): Rect => ({ ...r.boxes.get(key)!.position, ...r.boxes.get(key)!.size });

describe('automatic layout', () => {
  it('lays flows out left to right and sizes (nested) boxes around their members', async () => {
    const items = [
      { key: 'user', size },
      { key: 'api', size, zone: 'cloud' },
      { key: 'llm', size, zone: 'enclave' },
      { key: 'db', size, zone: 'enclave' },
    ];
    const boxes = [{ key: 'cloud' }, { key: 'enclave', zone: 'cloud' }, { key: 'empty' }];
    const r = await autoLayout(items, boxes, [['user', 'api'], ['api', 'llm'], ['llm', 'db']]);
    expect(r.nodes.get('user')!.x).toBeLessThan(r.nodes.get('api')!.x);
    expect(r.nodes.get('api')!.x).toBeLessThan(r.nodes.get('llm')!.x);
    expect(rectContainsRect(rectOfBox(r, 'cloud'), rectOfBox(r, 'enclave'))).toBe(true);
    for (const k of ['llm', 'db']) expect(rectContainsRect(rectOfBox(r, 'enclave'), rectOfNode(r, k)), k).toBe(true);
    expect(rectContainsRect(rectOfBox(r, 'cloud'), rectOfNode(r, 'api'))).toBe(true);
    expect(rectContainsRect(rectOfBox(r, 'enclave'), rectOfNode(r, 'api'))).toBe(false);
    expect(rectsOverlap(rectOfBox(r, 'cloud'), rectOfNode(r, 'user'))).toBe(false);
    expect(r.boxes.get('empty')!.size.width).toBeGreaterThan(0);
  });

  it('copes with cycles and zones that do not exist', async () => {
    const r = await autoLayout([{ key: 'a', size }, { key: 'b', size, zone: 'ghost' }], [], [['a', 'b'], ['b', 'a']]);
    expect(r.nodes.size).toBe(2);
    expect(rectsOverlap(rectOfNode(r, 'a'), rectOfNode(r, 'b'))).toBe(false);
  });

  it(`packs more than ${MAX_ELK_NODES} nodes in rows instead, still inside their boxes and without overlaps`, async () => {
    const items = Array.from({ length: MAX_ELK_NODES + 50 }, (_, i) => ({ key: `n${i}`, size, zone: i % 2 === 0 ? 'even' : undefined }));
    const started = performance.now();
    const r = await autoLayout(items, [{ key: 'even' }], []);
    expect(performance.now() - started).toBeLessThan(5000);
    const rects = items.map((i) => rectOfNode(r, i.key));
    for (let i = 1; i < rects.length; i++) expect(rectsOverlap(rects[i - 1]!, rects[i]!)).toBe(false);
    for (const i of items) expect(rectContainsRect(rectOfBox(r, 'even'), rectOfNode(r, i.key)), i.key).toBe(i.zone === 'even');
  });

  it('packs nested boxes', () => {
    const r = packLayout([{ key: 'x', size, zone: 'inner' }], [{ key: 'outer' }, { key: 'inner', zone: 'outer' }]);
    expect(rectContainsRect(rectOfBox(r, 'outer'), rectOfBox(r, 'inner'))).toBe(true);
    expect(rectContainsRect(rectOfBox(r, 'inner'), rectOfNode(r, 'x'))).toBe(true);
  });
});
