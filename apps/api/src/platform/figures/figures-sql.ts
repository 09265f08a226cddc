/**
 * SQL fragments shared by the modules' figure services (ASM-1, REQ-4, ASM-8), so that every module
 * measures shares and durations the same way. A period is [from, to): two instants, usually the
 * start of a month and of the next one in the school's time zone.
 */

export interface FiguresPeriod {
  from: Date;
  to: Date;
}

/** `num` as a percentage of `den`, one decimal; NULL (no data) when `den` is 0, never NaN. */
export function percentOf(num: string, den: string): string {
  return `round(100.0 * (${num}) / nullif(${den}, 0), 1)::float8`;
}

/** The p-th percentile (0.5 for the median) of the hours between two instants, two decimals. */
export function hoursPercentile(p: number, from: string, to: string): string {
  return `round((percentile_cont(${p}) WITHIN GROUP (ORDER BY extract(epoch FROM (${to}) - (${from})) / 3600))::numeric, 2)::float8`;
}

/** Open work of a module for the dashboard (ASM-8): how many, and how many are past their deadline (null: no deadline kept). */
export interface OpenItemCount {
  key: string;
  open: number;
  overdue: number | null;
}
