import { describe, expect, it } from 'vitest';
import { createMitigation, createModel, createThreat, type ModelDocument, type Threat } from '../../../shared/model';
import { bandCounts, heatMap, statusCounts } from '../../../shared/risk';

function model(): ModelDocument {
  const shield = createMitigation({ id: 'shield', title: 'Guardrails', status: 'verified', effectiveness: 0.8 });
  const paper = createMitigation({ id: 'paper', title: 'Policy', status: 'proposed', effectiveness: 0.8 });
  const threats: Threat[] = [
    createThreat({ id: 'a', title: 'a', likelihood: 5, impact: 5, mitigationIds: ['shield'] }),
    createThreat({ id: 'b', title: 'b', likelihood: 5, impact: 5, status: 'mitigated' }),
    createThreat({ id: 'c', title: 'c', likelihood: 2, impact: 3, mitigationIds: ['paper'] }),
    createThreat({ id: 'd', title: 'd', likelihood: null, impact: 4 }),
    createThreat({ id: 'e', title: 'e', likelihood: 1, impact: 1, status: 'not-applicable', statusReason: 'no' }),
  ];
  return { ...createModel('m'), threats, mitigations: [shield, paper] };
}

const nonEmpty = (cells: string[][][]) =>
  cells.flatMap((row, l) => row.flatMap((ids, i) => (ids.length ? [`L${l + 1}I${i + 1}:${ids.join(',')}`] : [])));

describe('heat map', () => {
  it('places each rated threat in its inherent cell and lists the unrated', () => {
    const map = heatMap(model(), 'inherent');
    expect(map.cells).toHaveLength(5);
    expect(map.cells.every((row) => row.length === 5)).toBe(true);
    expect(nonEmpty(map.cells)).toEqual(['L1I1:e', 'L2I3:c', 'L5I5:a,b']);
    expect(map.unrated).toEqual(['d']);
  });

  it('moves threats with working mitigations to their residual cell', () => {
    const map = heatMap(model(), 'residual');
    // a: 5 × 0.2 = 1; c's mitigation is only proposed.
    expect(nonEmpty(map.cells)).toEqual(['L1I1:e', 'L1I5:a', 'L2I3:c', 'L5I5:b']);
    expect(map.unrated).toEqual(['d']);
  });

  it('is empty for a model without threats', () => {
    const map = heatMap(createModel('empty'), 'residual');
    expect(map.cells.flat(2)).toEqual([]);
    expect(map.unrated).toEqual([]);
  });
});

describe('counts', () => {
  it('counts threats by band, inherent and residual', () => {
    expect(bandCounts(model(), 'inherent')).toEqual({ low: 1, medium: 1, high: 0, critical: 2, unrated: 1 });
    expect(bandCounts(model(), 'residual')).toEqual({ low: 1, medium: 2, high: 0, critical: 1, unrated: 1 });
  });

  it('counts threats by status, every status present', () => {
    expect(statusCounts(model())).toEqual({ open: 3, mitigated: 1, accepted: 0, transferred: 0, avoided: 0, 'not-applicable': 1 });
  });
});
