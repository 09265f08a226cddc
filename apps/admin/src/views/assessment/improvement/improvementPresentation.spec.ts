import { describe, expect, it } from 'vitest';
import { completeMeasures, emptyMeasure } from './improvementPresentation';

describe('improvement measures form (ASM-5)', () => {
  it('ASM-5 keeps the complete rows, drops empty ones, and refuses a half-filled row', () => {
    const full = { description: ' 清理通道 ', ownerId: 'u1', dueOn: '2026-12-31' };
    expect(completeMeasures([full, emptyMeasure()])).toEqual([{ description: '清理通道', ownerId: 'u1', dueOn: '2026-12-31' }]);
    expect(completeMeasures([full, { description: '设置存放点', ownerId: null, dueOn: '' }])).toBeNull();
    expect(completeMeasures([emptyMeasure()])).toEqual([]);
  });
});
