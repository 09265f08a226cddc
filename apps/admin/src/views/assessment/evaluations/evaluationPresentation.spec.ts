import { describe, expect, it } from 'vitest';
import { nextDimensionKey, sourceScoreText, weightTotal } from './evaluationPresentation';

describe('evaluation presentation (ASM-2)', () => {
  it('ASM-2 sums the weights typed so far and proposes an unused key', () => {
    expect(weightTotal([{ weight: 40 }, { weight: 40 }, { weight: 20 }])).toBe(100);
    expect(weightTotal([{ weight: 40 }, { weight: Number.NaN }])).toBe(40);
    expect(nextDimensionKey([{ key: 'd1' }, { key: 'd3' }])).toBe('d4');
    expect(nextDimensionKey([{ key: 'd2' }])).toBe('d3');
  });

  it('ASM-2 a withheld peer score reads "not enough responses", never a number', () => {
    const labels = { notEnough: 'not enough', none: '—' };
    expect(sourceScoreText({ score: 74, notEnoughResponses: false }, labels)).toBe('74.00');
    expect(sourceScoreText({ score: null, notEnoughResponses: true }, labels)).toBe('not enough');
    expect(sourceScoreText({ score: null, notEnoughResponses: false }, labels)).toBe('—');
  });
});
