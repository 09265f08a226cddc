import { nextMonth, previousMonth } from './summary-compiler.service';

describe('summary months (ASM-1)', () => {
  it('ASM-1 the monthly job’s previous month and the period’s next month cross the year', () => {
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
  });
});
