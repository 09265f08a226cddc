import { addDays, mondayOf, schoolDateOf, type IsoDate } from '@xiaoban/shared';

/** The hours the booking grid shows (07:00–22:00): a school's meetings happen in these. */
export const GRID_START_HOUR = 7;
export const GRID_END_HOUR = 22;

export type CalendarView = 'day' | 'week';

/** The dates a view shows: the day itself, or Monday to Sunday of its week. */
export function viewDates(date: IsoDate, view: CalendarView): IsoDate[] {
  if (view === 'day') return [date];
  const monday = mondayOf(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The date a "previous" or "next" click leads to. */
export function shiftDate(date: IsoDate, view: CalendarView, direction: 1 | -1): IsoDate {
  return addDays(date, direction * (view === 'day' ? 1 : 7));
}

/** Minutes since midnight of an instant in the school's zone, and its school date. */
export function schoolClock(instant: string | Date, timeZone?: string): { date: IsoDate; minutes: number } {
  const date = schoolDateOf(instant, timeZone);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timeZone ?? 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(instant))
    .split(':');
  return { date, minutes: Number(parts[0]) * 60 + Number(parts[1]) };
}

/**
 * Where a booking sits in one day's column, as percentages of the grid's height: the part of it
 * that falls on `date` within the grid's hours; null when none does.
 */
export function blockOnDay(
  booking: { startsAt: string; endsAt: string },
  date: IsoDate,
  timeZone?: string,
): { top: number; height: number } | null {
  const start = schoolClock(booking.startsAt, timeZone);
  const end = schoolClock(booking.endsAt, timeZone);
  if (start.date > date || end.date < date) return null;
  const from = Math.max(start.date < date ? 0 : start.minutes, GRID_START_HOUR * 60);
  const to = Math.min(end.date > date ? 24 * 60 : end.minutes, GRID_END_HOUR * 60);
  if (to <= from) return null;
  const span = (GRID_END_HOUR - GRID_START_HOUR) * 60;
  return { top: ((from - GRID_START_HOUR * 60) / span) * 100, height: ((to - from) / span) * 100 };
}

/** HH:mm of an instant in the school's zone. */
export function clockText(instant: string, timeZone?: string): string {
  const { minutes } = schoolClock(instant, timeZone);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** An ISO instant of a school date and HH:mm (the school is at +08:00, without daylight saving). */
export function schoolInstant(date: IsoDate, time: string): string {
  return `${date}T${time}:00+08:00`;
}
