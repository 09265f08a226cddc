import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatChineseDate,
  formatSchoolDate,
  formatSchoolDateTime,
  isIsoDate,
  isoWeekday,
  mondayOf,
  schoolDateOf,
  schoolTimeToInstant,
} from './dates.js';

describe('dates in the school time zone', () => {
  it('PLT-10 an instant late in the UTC day is the next day in Asia/Shanghai', () => {
    expect(schoolDateOf('2026-09-30T16:30:00Z')).toBe('2026-10-01');
    expect(schoolDateOf('2026-09-30T15:59:59Z')).toBe('2026-09-30');
    expect(formatSchoolDateTime(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01 00:30');
    expect(formatSchoolDateTime('2026-09-30T16:30:00Z', 'Europe/Berlin')).toBe('2026-09-30 18:30');
    expect(formatSchoolDate('2026-10-08')).toBe('2026-10-08');
  });

  it('PLT-10 a wall-clock time in the school zone becomes the right instant, across DST', () => {
    expect(schoolTimeToInstant('2026-10-09', '23:59:59').toISOString()).toBe('2026-10-09T15:59:59.000Z');
    expect(schoolTimeToInstant('2026-03-29', '12:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(schoolTimeToInstant('2026-03-28', '12:00', 'Europe/Berlin').toISOString()).toBe('2026-03-28T11:00:00.000Z');
  });

  it('PLT-10 date arithmetic on YYYY-MM-DD strings', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-10-01', '2026-10-08')).toBe(7);
    expect(isoWeekday('2026-10-01')).toBe(4);
    expect(isoWeekday('2026-10-04')).toBe(7);
    expect(mondayOf('2026-10-04')).toBe('2026-09-28');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
    expect(formatChineseDate('2026-10-08')).toBe('2026年10月8日');
  });
});
