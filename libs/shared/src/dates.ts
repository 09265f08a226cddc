/**
 * Dates in the school's time zone (PLT-10), shared by the API (exports, deadlines) and the panel.
 *
 * Calendar dates travel as `YYYY-MM-DD` strings, never as `Date`s: a `Date` is an instant, and
 * turning one into "the day" depends on the zone of whoever looks at it (a deadline of 10月8日
 * must not become 10月7日 on a server in UTC). Instants are shown with Intl in the school's zone.
 */

/** The zone when TZ_SCHOOL is unset. */
export const DEFAULT_SCHOOL_TIME_ZONE = 'Asia/Shanghai';

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3];
}

function utcMidnight(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(date)}`);
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromUtcMidnight(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` after (or before, when negative) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMidnight(utcMidnight(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(utcMidnight(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week `date` is in. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

// Building an Intl.DateTimeFormat is slow; an export formats a date per row.
const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallTime {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of wallClock(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return parts as unknown as WallTime;
}

function toDate(value: Date | string | number): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a time: ${String(value)}`);
  return date;
}

/** The school's date at an instant, e.g. 2026-09-30T16:30:00Z → '2026-10-01' in Asia/Shanghai. */
export function schoolDateOf(instant: Date | string | number, timeZone = DEFAULT_SCHOOL_TIME_ZONE): IsoDate {
  const t = wallTimeOf(toDate(instant), timeZone);
  return `${t.year}-${t.month}-${t.day}`;
}

/** An instant shown as the school's date, `YYYY-MM-DD`; a `YYYY-MM-DD` date is shown as it is. */
export function formatSchoolDate(value: Date | string | number, timeZone = DEFAULT_SCHOOL_TIME_ZONE): string {
  return isIsoDate(value) ? value : schoolDateOf(value, timeZone);
}

/** An instant shown in the school's zone, `YYYY-MM-DD HH:mm`. */
export function formatSchoolDateTime(value: Date | string | number, timeZone = DEFAULT_SCHOOL_TIME_ZONE): string {
  const t = wallTimeOf(toDate(value), timeZone);
  return `${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute}`;
}

/** A date as printed on forms and documents: `2026年10月8日` (Arabic numerals, as GB/T 9704 asks). */
export function formatChineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  utcMidnight(date);
  return `${y}年${m}月${d}日`;
}

/**
 * The instant at a wall-clock time on a date in the school's zone, e.g. the end of a deadline day:
 * `schoolTimeToInstant('2026-10-09', '23:59:59')`. Correct across DST changes in zones that have them.
 */
export function schoolTimeToInstant(date: IsoDate, time = '00:00:00', timeZone = DEFAULT_SCHOOL_TIME_ZONE): Date {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!m) throw new RangeError(`Not a time (HH:mm[:ss]): ${time}`);
  const asUtc = utcMidnight(date) + ((+m[1] * 60 + +m[2]) * 60 + +(m[3] ?? 0)) * 1000;
  // The zone's offset at a guess, then again at the corrected instant (they differ only near DST).
  let instant = asUtc - offsetAt(asUtc, timeZone);
  instant = asUtc - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
function offsetAt(instantMs: number, timeZone: string): number {
  const t = wallTimeOf(new Date(instantMs), timeZone);
  const wall = Date.UTC(+t.year, +t.month - 1, +t.day, +t.hour, +t.minute, +t.second);
  return wall - Math.floor(instantMs / 1000) * 1000;
}
