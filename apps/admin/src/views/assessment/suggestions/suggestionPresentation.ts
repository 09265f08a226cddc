/**
 * How the suggestions page shows a response time (ASM-4): minutes, hours or days, the largest
 * unit that keeps a whole number readable.
 */
export function responseTimeParts(minutes: number | null): { key: 'minutes' | 'hours' | 'days'; n: number } | null {
  if (minutes === null) return null;
  if (minutes < 60) return { key: 'minutes', n: minutes };
  if (minutes < 48 * 60) return { key: 'hours', n: Math.round(minutes / 60) };
  return { key: 'days', n: Math.round(minutes / (24 * 60)) };
}
