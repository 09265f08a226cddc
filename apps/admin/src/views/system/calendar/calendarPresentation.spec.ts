import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../../api/platformTypes';
import {
  datesFrom,
  dayMarking,
  daysUpdate,
  markedByDate,
  monthStart,
  monthViewRange,
  weekdayName,
  weekdaysAmong,
} from './calendarPresentation';

// National Day 2026: Thu 1 Oct to Wed 7 Oct off, Sat 10 Oct worked in exchange.
const MARKED: CalendarDay[] = [
  ...datesFrom('2026-10-01', '2026-10-07').map((date) => ({ date, kind: 'holiday' as const, name: '国庆节' })),
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
  { date: '2026-11-18', kind: 'no-teaching', name: '运动会' },
];

describe('school calendar month view', () => {
  const marked = markedByDate(MARKED);

  it('PLT-10 marks holidays, make-up working days and days without lessons', () => {
    expect(dayMarking('2026-10-01', marked)).toEqual({ kind: 'holiday', name: '国庆节', weekend: false, off: true });
    // A 调休 Saturday is a working day.
    expect(dayMarking('2026-10-10', marked)).toEqual({ kind: 'workday', name: '国庆节调休', weekend: true, off: false });
    // No lessons, but a working day.
    expect(dayMarking('2026-11-18', marked)).toEqual({ kind: 'no-teaching', name: '运动会', weekend: false, off: false });
  });

  it('PLT-10 leaves unmarked days to the week: Saturday and Sunday off', () => {
    expect(dayMarking('2026-10-09', marked)).toEqual({ kind: null, name: null, weekend: false, off: false });
    expect(dayMarking('2026-10-11', marked)).toEqual({ kind: null, name: null, weekend: true, off: true });
  });

  it('PLT-10 loads the whole visible grid of a month, neighbouring weeks included', () => {
    expect(monthStart('2026-10-17')).toBe('2026-10-01');
    expect(monthStart('2026-12-05', 1)).toBe('2027-01-01');
    expect(monthStart('2026-01-31', -1)).toBe('2025-12-01');
    expect(monthViewRange('2026-10-17')).toEqual({ from: '2026-09-24', to: '2026-11-14' });
    expect(monthViewRange('2027-02-03')).toEqual({ from: '2027-01-25', to: '2027-03-14' });
  });

  it('PLT-10 marks a span of days the same way in one request, or unmarks them', () => {
    expect(datesFrom('2026-10-01')).toEqual(['2026-10-01']);
    expect(datesFrom('2026-10-01', '2026-09-30')).toEqual(['2026-10-01']);
    expect(datesFrom('2026-09-30', '2026-10-02')).toEqual(['2026-09-30', '2026-10-01', '2026-10-02']);
    expect(daysUpdate(['2026-10-01', '2026-10-02'], 'holiday', ' 国庆节 ')).toEqual({
      days: [
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
      ],
    });
    expect(daysUpdate(['2026-11-18'], 'no-teaching', '')).toEqual({ days: [{ date: '2026-11-18', kind: 'no-teaching', name: null }] });
    expect(daysUpdate(['2026-10-01'], 'none', 'x')).toEqual({ days: [], removeDates: ['2026-10-01'] });
  });

  it('PLT-10 allows a make-up working day on a Saturday or Sunday only', () => {
    expect(weekdaysAmong(['2026-10-10', '2026-10-11'])).toEqual([]);
    expect(weekdaysAmong(datesFrom('2026-10-09', '2026-10-12'))).toEqual(['2026-10-09', '2026-10-12']);
  });

  it('PLT-10 names the weekday in the reader’s language', () => {
    expect(weekdayName('2031-04-16', 'en')).toBe('Wednesday');
    expect(weekdayName('2031-04-16', 'zh-CN')).toBe('星期三');
  });
});
