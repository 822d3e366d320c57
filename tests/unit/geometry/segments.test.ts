import { describe, expect, it } from 'vitest';
import { polylinesIntersect, segmentsIntersect } from '../../../shared/geometry';

const p = (x: number, y: number) => ({ x, y });

describe('segmentsIntersect', () => {
  it('detects a proper crossing', () => {
    expect(segmentsIntersect(p(0, 0), p(10, 10), p(0, 10), p(10, 0))).toBe(true);
  });

  it('rejects disjoint segments whose lines would cross', () => {
    expect(segmentsIntersect(p(0, 0), p(4, 4), p(0, 10), p(10, 0))).toBe(false);
  });

  it('counts touching at an end or on the interior', () => {
    expect(segmentsIntersect(p(0, 0), p(5, 5), p(5, 5), p(10, 0))).toBe(true);
    expect(segmentsIntersect(p(0, 5), p(5, 5), p(5, 0), p(5, 10))).toBe(true);
  });

  it('never counts parallel segments apart', () => {
    expect(segmentsIntersect(p(0, 0), p(10, 0), p(0, 1), p(10, 1))).toBe(false);
    expect(segmentsIntersect(p(0, 0), p(10, 10), p(1, 0), p(11, 10))).toBe(false);
  });

  it('counts overlapping colinear segments but not colinear ones apart', () => {
    expect(segmentsIntersect(p(0, 0), p(10, 0), p(5, 0), p(20, 0))).toBe(true);
    expect(segmentsIntersect(p(0, 0), p(10, 0), p(2, 0), p(3, 0))).toBe(true);
    expect(segmentsIntersect(p(0, 0), p(10, 0), p(11, 0), p(20, 0))).toBe(false);
    expect(segmentsIntersect(p(0, 0), p(0, 10), p(0, 11), p(0, 20))).toBe(false);
  });

  it('handles degenerate (point) segments', () => {
    expect(segmentsIntersect(p(5, 5), p(5, 5), p(0, 0), p(10, 10))).toBe(true);
    expect(segmentsIntersect(p(5, 6), p(5, 6), p(0, 0), p(10, 10))).toBe(false);
  });
});

describe('polylinesIntersect', () => {
  it('finds a crossing on any pair of segments', () => {
    const zigzag = [p(0, 0), p(10, 0), p(10, 10), p(20, 10)];
    expect(polylinesIntersect(zigzag, [p(15, 0), p(15, 20)])).toBe(true);
    expect(polylinesIntersect(zigzag, [p(25, 0), p(25, 20)])).toBe(false);
    expect(polylinesIntersect([p(0, 0)], [p(0, 0), p(1, 1)])).toBe(false);
  });
});
