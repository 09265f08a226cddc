/**
 * The school's time zone: times are stored as timestamptz and shown as the school reads its clock,
 * whatever the zone of the browser (ARCHITECTURE.md, "Data").
 */
export const SCHOOL_TIME_ZONE = 'Asia/Shanghai';

const schoolClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-03-01 08:30:00` in the school's zone; the same digits in every language. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(schoolClock.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** True while a lock set until `lockedUntil` still holds. */
export function isLocked(lockedUntil: string | null | undefined, now = Date.now()): boolean {
  return !!lockedUntil && new Date(lockedUntil).getTime() > now;
}
