import { DEMO_CALENDAR_DAYS, DEMO_SEMESTERS } from './calendar-demo.seed';
import {
  addWorkingDays,
  daysOffBetween,
  isTeachingWeek,
  schoolCalendar,
  teachingWeekOf,
  weeklyOccurrences,
  type SchoolCalendar,
} from './school-calendar';

describe('school calendar arithmetic (unit)', () => {
  const calendar: SchoolCalendar = schoolCalendar(DEMO_CALENDAR_DAYS, DEMO_SEMESTERS);
  const plain = schoolCalendar([]);

  it('PLT-10 a deadline of 3 working days across 国庆 lands on the 调休 Saturday after it', () => {
    // Wednesday 9/30 + 3: 10/1–10/7 are off, then Thu 10/8, Fri 10/9 and the worked Saturday 10/10.
    expect(addWorkingDays('2026-09-30', 3, calendar)).toBe('2026-10-10');
    expect(daysOffBetween('2026-09-30', '2026-10-10', calendar)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    // Without the calendar the same deadline would be Monday 10/5, in the middle of the holiday.
    expect(addWorkingDays('2026-09-30', 3, plain)).toBe('2026-10-05');
  });

  it('PLT-10 working days: weekends are skipped, a 调休 Sunday counts, 0 days is the start day', () => {
    expect(addWorkingDays('2026-09-11', 1, plain)).toBe('2026-09-14'); // Friday → Monday
    expect(addWorkingDays('2026-09-18', 1, calendar)).toBe('2026-09-20'); // Friday → the worked Sunday
    expect(addWorkingDays('2026-09-24', 1, calendar)).toBe('2026-09-28'); // 中秋 Fri 9/25 is off
    expect(addWorkingDays('2026-12-31', 1, calendar)).toBe('2027-01-04'); // 元旦
    expect(addWorkingDays('2026-10-03', 0, calendar)).toBe('2026-10-03');
    expect(() => addWorkingDays('2026-10-03', -1, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-10-03', 1.5, calendar)).toThrow(RangeError);
  });

  it('PLT-10 teaching weeks count from the first teaching Monday; vacations have none', () => {
    expect(teachingWeekOf('2026-08-31', calendar)).toMatchObject({ week: 1, semester: { name: '2026-2027学年第一学期' } });
    expect(teachingWeekOf('2026-09-06', calendar)?.week).toBe(1);
    expect(teachingWeekOf('2026-09-07', calendar)?.week).toBe(2);
    expect(teachingWeekOf('2027-02-24', calendar)).toMatchObject({ week: 1, semester: { name: '2026-2027学年第二学期' } });
    expect(teachingWeekOf('2027-02-01', calendar)).toBeNull();
    expect(isTeachingWeek('2027-01-19', calendar)).toBe(false); // 期末考试, all week
    expect(isTeachingWeek('2026-11-12', calendar)).toBe(true); // 期中考试 on Thu–Fri only
    expect(isTeachingWeek('2026-10-05', calendar)).toBe(true); // Thu 10/8 and Fri 10/9 have lessons
  });

  it('PLT-10 a weekly recurrence skips the weeks the calendar excludes', () => {
    // A Tuesday 教研活动 that follows the teaching weeks, from December into the second semester.
    const teaching = weeklyOccurrences('2026-12-01', '2027-03-09', 2, calendar, { skipNoTeachingWeeks: true });
    expect(teaching).toEqual([
      '2026-12-01',
      '2026-12-08',
      '2026-12-15',
      '2026-12-22',
      '2026-12-29',
      '2027-01-05',
      '2027-01-12',
      // 1/19 is exam week; 1/26–2/16 the winter vacation
      '2027-02-23',
      '2027-03-02',
      '2027-03-09',
    ]);
    // The office's own weekly meeting keeps exam week and the vacation.
    const office = weeklyOccurrences('2027-01-12', '2027-02-02', 2, calendar);
    expect(office).toEqual(['2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02']);
  });

  it('PLT-10 a weekly recurrence never falls on a holiday', () => {
    expect(weeklyOccurrences('2026-09-23', '2026-10-14', 3, calendar)).toEqual(['2026-09-23', '2026-09-30', '2026-10-14']);
    expect(weeklyOccurrences('2026-09-21', '2026-10-12', 5, calendar, { skipNoTeachingWeeks: true })).toEqual(['2026-10-09']);
    expect(() => weeklyOccurrences('2026-09-21', '2026-10-12', 0, calendar)).toThrow(RangeError);
  });
});
