import { describe, expect, it } from 'vitest';
import { dimensionProblems, formScore, personResult, scoreProblems, type EvaluationDimension } from './evaluations.js';

const dimensions: EvaluationDimension[] = [
  { key: 'workload', name: '工作量', weight: 40, scaleMin: 1, scaleMax: 5 },
  { key: 'quality', name: '工作质量', weight: 40, scaleMin: 1, scaleMax: 5 },
  { key: 'attitude', name: '服务态度', weight: 20, scaleMin: 0, scaleMax: 100 },
];
const weights = { self: 20, peer: 30, leader: 50 };

describe('evaluation arithmetic (ASM-2)', () => {
  it('ASM-2 a form scores Σ dimension weight × normalised score', () => {
    // workload 5 → 100, quality 3 → 50, attitude 80 → 80: 0.4×100 + 0.4×50 + 0.2×80 = 76.
    expect(formScore(dimensions, { workload: 5, quality: 3, attitude: 80 })).toBeCloseTo(76, 10);
    expect(formScore(dimensions, { workload: 1, quality: 1, attitude: 0 })).toBe(0);
  });

  it('ASM-2 the total weights the sources, and renormalises when peers are below the minimum', () => {
    const self = { source: 'self' as const, scores: { workload: 5, quality: 5, attitude: 100 } }; // 100
    const leader = { source: 'leader' as const, scores: { workload: 3, quality: 3, attitude: 50 } }; // 50
    const peerA = { source: 'peer' as const, scores: { workload: 5, quality: 3, attitude: 80 } }; // 76
    const peerB = { source: 'peer' as const, scores: { workload: 3, quality: 5, attitude: 60 } }; // 72
    const full = personResult(dimensions, weights, 2, [self, leader, peerA, peerB]);
    // 0.2×100 + 0.3×74 + 0.5×50 = 67.2
    expect(full.total).toBeCloseTo(67.2, 10);
    expect(full.sources.peer).toMatchObject({ score: 74, responses: 2 });
    expect(full.peerWithheld).toBe(false);
    const below = personResult(dimensions, weights, 3, [self, leader, peerA, peerB]);
    // Peers withheld: (20×100 + 50×50) / 70 = 64.2857…
    expect(below.total).toBeCloseTo(4500 / 70, 10);
    expect(below.sources.peer).toEqual({ score: null, dimensions: {}, responses: 0 });
    expect(below.peerWithheld).toBe(true);
    expect(personResult(dimensions, weights, 1, []).total).toBeNull();
  });

  it('ASM-2 weights not summing to 100 and scores out of scale are named by field', () => {
    expect(dimensionProblems([{ ...dimensions[0], weight: 50 }, dimensions[1]])).toHaveProperty('dimensions');
    expect(dimensionProblems(dimensions)).toEqual({});
    expect(scoreProblems(dimensions, { workload: 6, quality: 3 })).toEqual({
      'scores.workload': ['must be between 1 and 5'],
      'scores.attitude': ['required'],
    });
  });
});
