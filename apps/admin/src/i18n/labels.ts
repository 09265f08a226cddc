/**
 * Labels that come with the shared catalogue in both languages (permissions, secrecy levels,
 * seeded roles) rather than from the locale files, so that a module adding a permission in
 * libs/shared does not also have to touch every locale.
 */
import { PERMISSION_LABELS, SECRECY_LABELS, SECRECY_LEVELS, SEEDED_ROLES, isPermission, type SecrecyLevel } from '@xiaoban/shared';
import type { AppLocale } from './index';

export function permissionLabel(permission: string, locale: AppLocale): string {
  return isPermission(permission) ? PERMISSION_LABELS[permission][locale] : permission;
}

function isSecrecyLevel(value: string): value is SecrecyLevel {
  return (SECRECY_LEVELS as readonly string[]).includes(value);
}

export function secrecyLabel(level: string, locale: AppLocale): string {
  return isSecrecyLevel(level) ? SECRECY_LABELS[level][locale] : level;
}

const SEEDED_ROLE_NAMES_EN = new Map<string, string>(SEEDED_ROLES.map((role) => [role.code, role.nameEn]));

/**
 * A role's name as the reader expects it. Role names are data (an admin may rename a role or
 * create one), stored in Chinese; in English we show the seeded English name for the roles the
 * school started with, and the stored name otherwise.
 */
export function roleLabel(role: { code: string; name: string }, locale: AppLocale): string {
  if (locale === 'en') return SEEDED_ROLE_NAMES_EN.get(role.code) ?? role.name;
  return role.name;
}

/** A role known only by its code (as in GET /auth/me). */
export function roleCodeLabel(code: string, locale: AppLocale): string {
  const seeded = SEEDED_ROLES.find((role) => role.code === code);
  if (!seeded) return code;
  return locale === 'en' ? seeded.nameEn : seeded.name;
}
