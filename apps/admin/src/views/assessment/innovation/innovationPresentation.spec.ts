import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from './innovationPresentation';

describe('innovation award money (ASM-7)', () => {
  it('ASM-7 prize money round-trips between the yuan typed and the fen stored', () => {
    expect(yuanToFen(500)).toBe(50000);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(undefined)).toBeUndefined();
    expect(fenToYuan(50000)).toBe('500.00');
    expect(fenToYuan(5)).toBe('0.05');
  });
});
