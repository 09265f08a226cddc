import { addDays, daysBetween, isoWeekday, type CalendarDayKind, type IsoDate } from '@xiaoban/shared';
import type { CalendarDay, CalendarDaysUpdate } from '../../../api/platformTypes';

/** What the month view shows on a day (PLT-10). */
export interface DayMarking {
  /** How the office marked the day, if at all. */
  kind: CalendarDayKind | null;
  /** e.g. National Day */
  name: string | null;
  weekend: boolean;
  /** No work that day: a holiday, or a weekend day that is not a make-up working day. */
  off: boolean;
}

/** Marked days by date, for the look-ups of the month view. */
export function markedByDate(days: readonly CalendarDay[]): Map<IsoDate, CalendarDay> {
  return new Map(days.map((day) => [day.date, day]));
}

export function dayMarking(date: IsoDate, marked: ReadonlyMap<IsoDate, CalendarDay>): DayMarking {
  const day = marked.get(date);
  const weekend = isoWeekday(date) >= 6;
  const kind = day?.kind ?? null;
  return { kind, name: day?.name ?? null, weekend, off: kind === 'holiday' || (weekend && kind !== 'workday') };
}

/** A `Date` as the calendar date the person sees on it (the browser's own day). */
export function isoOfLocal(date: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The first day of the month `date` is in, and `months` months on. */
export function monthStart(date: IsoDate, months = 0): IsoDate {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The dates to load for the month view of `date`: the grid shows up to six weeks, starting with
 * days of the month before and ending with days of the month after.
 */
export function monthViewRange(date: IsoDate): { from: IsoDate; to: IsoDate } {
  const first = monthStart(date);
  const last = addDays(monthStart(date, 1), -1);
  return { from: addDays(first, -7), to: addDays(last, 14) };
}

/** Every date from `from` to `until` (inclusive); just `from` when `until` is empty or earlier. */
export function datesFrom(from: IsoDate, until?: IsoDate | null, max = 400): IsoDate[] {
  const count = until && until > from ? Math.min(daysBetween(from, until), max - 1) + 1 : 1;
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** The kinds offered in the day dialog; `none` takes a mark away. */
export type DayChoice = CalendarDayKind | 'none';

/** Dates among `dates` that cannot be a make-up working day: only a Saturday or Sunday can. */
export function weekdaysAmong(dates: readonly IsoDate[]): IsoDate[] {
  return dates.filter((date) => isoWeekday(date) <= 5);
}

/** The PUT /calendar/days body that marks (or unmarks) every date of the span the same way. */
export function daysUpdate(dates: readonly IsoDate[], choice: DayChoice, name: string): CalendarDaysUpdate {
  if (choice === 'none') return { days: [], removeDates: [...dates] };
  const trimmed = name.trim();
  return { days: dates.map((date) => ({ date, kind: choice, name: trimmed || null })) };
}

/** The weekday's name in the reader's language, e.g. Wednesday. */
export function weekdayName(date: IsoDate, locale: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
