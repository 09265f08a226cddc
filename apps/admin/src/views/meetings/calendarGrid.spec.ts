import { describe, expect, it } from 'vitest';
import { blockOnDay, clockText, shiftDate, viewDates } from './calendarGrid';

describe('booking calendar grid', () => {
  it('MTG-1 a week view runs Monday to Sunday; previous and next move by the view', () => {
    expect(viewDates('2027-03-10', 'week')).toEqual([
      '2027-03-08',
      '2027-03-09',
      '2027-03-10',
      '2027-03-11',
      '2027-03-12',
      '2027-03-13',
      '2027-03-14',
    ]);
    expect(viewDates('2027-03-10', 'day')).toEqual(['2027-03-10']);
    expect(shiftDate('2027-03-10', 'week', -1)).toBe('2027-03-03');
    expect(shiftDate('2027-03-10', 'day', 1)).toBe('2027-03-11');
  });

  it('MTG-1 a booking sits where its school-time hours are, clipped to the grid', () => {
    // 09:00–10:30 in Beijing time on a grid of 07:00–22:00 (900 minutes).
    const block = blockOnDay({ startsAt: '2027-03-10T01:00:00Z', endsAt: '2027-03-10T02:30:00Z' }, '2027-03-10');
    expect(block!.top).toBeCloseTo((120 / 900) * 100);
    expect(block!.height).toBeCloseTo((90 / 900) * 100);
    expect(blockOnDay({ startsAt: '2027-03-10T01:00:00Z', endsAt: '2027-03-10T02:30:00Z' }, '2027-03-11')).toBeNull();
    expect(clockText('2027-03-10T01:00:00Z')).toBe('09:00');
  });
});
