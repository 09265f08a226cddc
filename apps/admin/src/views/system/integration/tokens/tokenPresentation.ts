import { addDays, ALL_PERMISSIONS, PERMISSIONS, schoolTimeToInstant, type IsoDate } from '@xiaoban/shared';
import type { ApiToken, ApiTokenScope, ApiTokenStatus } from '../../../../api/platformTypes';

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export const TOKEN_STATUSES: readonly ApiTokenStatus[] = ['active', 'expired', 'revoked'];

const STATUS_TAGS: Record<ApiTokenStatus, TagType> = { active: 'success', expired: 'info', revoked: 'danger' };

export function tokenStatusTag(status: ApiTokenStatus): TagType {
  return STATUS_TAGS[status] ?? 'info';
}

/**
 * The scopes a person may give a token: the permissions they hold themselves, in the catalogue's
 * order, except managing tokens (a token never issues tokens).
 */
export function grantableScopes(granted: readonly string[]): ApiTokenScope[] {
  const held = new Set(granted);
  return ALL_PERMISSIONS.filter(
    (permission) => held.has(permission) && permission !== PERMISSIONS.INTEGRATION_TOKENS_MANAGE,
  ) as ApiTokenScope[];
}

/** An active token expiring within `days`: the other system needs a new one soon. */
export function expiresSoon(token: Pick<ApiToken, 'status' | 'expiresAt'>, now = Date.now(), days = 14): boolean {
  if (token.status !== 'active') return false;
  const left = new Date(token.expiresAt).getTime() - now;
  return left >= 0 && left < days * 86_400_000;
}

/** A year from today: the expiry offered by default. */
export function defaultExpiry(today: IsoDate): IsoDate {
  return addDays(today, 365);
}

/** The latest expiry the API accepts is three years ahead; the picker stops a little before. */
export function latestExpiry(today: IsoDate): IsoDate {
  return addDays(today, 3 * 365);
}

/** A token chosen to expire "on" a date works through that whole day in the school's zone. */
export function expiryInstant(date: IsoDate): string {
  return schoolTimeToInstant(date, '23:59:59').toISOString();
}

/** Dates the expiry picker refuses: today and earlier, and beyond the latest expiry. */
export function isRefusedExpiry(date: IsoDate, today: IsoDate): boolean {
  return date <= today || date > latestExpiry(today);
}
