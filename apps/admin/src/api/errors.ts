import type { ErrorBody } from '@xiaoban/shared';
import { i18n } from '../i18n';

/** True when a failed call answered with the API's error body `{ statusCode, code, message, errors? }`. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.statusCode === 'number' && typeof body.code === 'string' && typeof body.message === 'string';
}

/**
 * What to tell the person about a failed call: our own wording for the codes the panel knows,
 * the server's message otherwise.
 */
export function describeApiError(error: unknown): string {
  const { t, te } = i18n.global;
  if (!isErrorBody(error)) return t('errors.unknown');
  const key = `errors.${error.code}`;
  if (te(key)) return t(key);
  return error.message || t('errors.unknown');
}

/** The code of an API error body, if it is one. */
export function errorCode(error: unknown): string | undefined {
  return isErrorBody(error) ? error.code : undefined;
}

/** Shows a failed call's message. Used where there is no form to attach field errors to. */
export function notifyApiError(error: unknown): void {
  ElMessage.error(describeApiError(error));
}
