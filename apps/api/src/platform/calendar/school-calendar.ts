import { addDays, daysBetween, isoWeekday, mondayOf, type CalendarDayKind, type IsoDate } from '@xiaoban/shared';

/**
 * The school calendar's arithmetic (PLT-10), pure: deadlines in working days across holidays and
 * 调休, teaching weeks, and weekly recurrences. Dates are `YYYY-MM-DD` strings of the school's
 * own calendar (see libs/shared/src/dates.ts), so no time zone can shift a day. CalendarService
 * loads the calendar from the database and hands it here.
 */

export interface MarkedDay {
  date: IsoDate;
  kind: CalendarDayKind;
  name: string | null;
}

export interface SemesterSpan {
  id?: string;
  name: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** Monday of teaching week 1 (第1周). */
  firstTeachingMonday: IsoDate;
}

export interface SchoolCalendar {
  /** Days that differ from the plain week, by date. Unmarked: Mon–Fri working, Sat–Sun not. */
  days: ReadonlyMap<IsoDate, MarkedDay>;
  semesters: readonly SemesterSpan[];
}

export function schoolCalendar(days: Iterable<MarkedDay>, semesters: readonly SemesterSpan[] = []): SchoolCalendar {
  return { days: new Map([...days].map((d) => [d.date, d])), semesters };
}

/** A working day: Monday to Friday unless a holiday, or a weekend day worked in exchange (调休上班). */
export function isWorkingDay(date: IsoDate, calendar: SchoolCalendar): boolean {
  const kind = calendar.days.get(date)?.kind;
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  return isoWeekday(date) <= 5;
}

/** A working day with lessons: not a day marked no-teaching (exam week, sports day). */
export function isTeachingDay(date: IsoDate, calendar: SchoolCalendar): boolean {
  return isWorkingDay(date, calendar) && calendar.days.get(date)?.kind !== 'no-teaching';
}

/**
 * The deadline `n` working days after `start`: the start day itself does not count (a document
 * received on Friday 10月9日 with 3 working days is due on Wednesday 10月14日), holidays are
 * skipped and 调休 weekend working days count. `n = 0` is the start day.
 */
export function addWorkingDays(start: IsoDate, n: number, calendar: SchoolCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number >= 0, got ${n}`);
  let date = start;
  for (let counted = 0; counted < n;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) counted++;
  }
  return date;
}

/** The non-working days between `start` (exclusive) and `end` (inclusive): what a deadline skipped. */
export function daysOffBetween(start: IsoDate, end: IsoDate, calendar: SchoolCalendar): IsoDate[] {
  const off: IsoDate[] = [];
  for (let date = addDays(start, 1); date <= end; date = addDays(date, 1)) {
    if (!isWorkingDay(date, calendar)) off.push(date);
  }
  return off;
}

/** The semester a date falls in, if any. */
export function semesterOf(date: IsoDate, calendar: SchoolCalendar): SemesterSpan | null {
  return calendar.semesters.find((s) => s.startsOn <= date && date <= s.endsOn) ?? null;
}

export interface TeachingWeek {
  semester: SemesterSpan;
  /** 第n周, counted from the semester's first teaching Monday. */
  week: number;
}

/**
 * The teaching week of a date (第n周), or null outside a semester's teaching span (before its
 * first teaching Monday, after its end, in the vacation).
 */
export function teachingWeekOf(date: IsoDate, calendar: SchoolCalendar): TeachingWeek | null {
  const semester = semesterOf(date, calendar);
  if (!semester || date < semester.firstTeachingMonday) return null;
  return { semester, week: Math.floor(daysBetween(semester.firstTeachingMonday, date) / 7) + 1 };
}

/**
 * Whether the week of `date` has lessons: inside a semester's teaching span and with at least one
 * teaching day from Monday to Friday. An exam week marked no-teaching, or the 国庆 week, has none.
 */
export function isTeachingWeek(date: IsoDate, calendar: SchoolCalendar): boolean {
  const monday = mondayOf(date);
  for (let i = 0; i < 7; i++) {
    const day = addDays(monday, i);
    if (teachingWeekOf(day, calendar) && isTeachingDay(day, calendar)) return true;
  }
  return false;
}

export interface RecurrenceOptions {
  /**
   * Skip weeks without lessons: outside the semesters' teaching spans (vacations) and weeks whose
   * working days are all holidays or no-teaching (exam week). For meetings that follow the
   * teaching weeks, e.g. a weekly 教研活动; not for the office's own weekly meeting.
   */
  skipNoTeachingWeeks?: boolean;
}

/**
 * The dates of a weekly event on `weekday` (1 = Monday … 7 = Sunday) from `start` to `until`,
 * both inclusive. An occurrence on a holiday never happens; with `skipNoTeachingWeeks`, neither
 * does one in a week without lessons or on a day without lessons.
 */
export function weeklyOccurrences(
  start: IsoDate,
  until: IsoDate,
  weekday: number,
  calendar: SchoolCalendar,
  options: RecurrenceOptions = {},
): IsoDate[] {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7)
    throw new RangeError(`weekday must be 1 (Monday) to 7 (Sunday), got ${weekday}`);
  const dates: IsoDate[] = [];
  const first = addDays(start, (weekday - isoWeekday(start) + 7) % 7);
  for (let date = first; date <= until; date = addDays(date, 7)) {
    if (calendar.days.get(date)?.kind === 'holiday') continue;
    if (options.skipNoTeachingWeeks && (!isTeachingWeek(date, calendar) || calendar.days.get(date)?.kind === 'no-teaching')) continue;
    dates.push(date);
  }
  return dates;
}
