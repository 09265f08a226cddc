/** A date-time range is complete and ends after it starts. */
export function spanValid(startsAt: string | null, endsAt: string | null): boolean {
  return !!startsAt && !!endsAt && new Date(endsAt) > new Date(startsAt);
}
