import { i18n } from '../i18n';
import { describeApiError, errorCode, isErrorBody } from '../api/errors';

/**
 * Wording for the error codes of the platform modules (files, Excel, calendar, webhooks), kept in
 * the `platformErrors` section of the locales; every other code is told as `describeApiError` does.
 */
export function describePlatformError(error: unknown): string {
  const { t, te } = i18n.global;
  const code = errorCode(error);
  if (code && te(`platformErrors.${code}`)) return t(`platformErrors.${code}`);
  return describeApiError(error);
}

/** The messages the API gave for one field (e.g. `file`), joined; empty when there are none. */
export function fieldMessage(error: unknown, field: string): string {
  if (!isErrorBody(error) || !error.errors) return '';
  return (error.errors[field] ?? []).join('; ');
}

export function notifyPlatformError(error: unknown): void {
  ElMessage.error(describePlatformError(error));
}
