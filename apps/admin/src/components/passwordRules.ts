import type { FormItemRule } from 'element-plus';
import { i18n } from '../i18n';

/** The API refuses shorter passwords (POST /auth/password, /org/users, reset-password). */
export const PASSWORD_MIN_LENGTH = 8;
/** The API's upper bound, which keeps a pasted essay out of the hash function. */
export const PASSWORD_MAX_LENGTH = 128;

export function passwordRules(fieldKey: string): FormItemRule[] {
  const { t } = i18n.global;
  const field = t(fieldKey);
  return [
    { required: true, message: t('validation.required', { field }), trigger: 'blur' },
    {
      min: PASSWORD_MIN_LENGTH,
      max: PASSWORD_MAX_LENGTH,
      message: t('validation.lengthBetween', { field, min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
      trigger: 'blur',
    },
  ];
}

/** The confirmation must repeat the new password exactly. */
export function confirmPasswordRules(fieldKey: string, newPassword: () => string): FormItemRule[] {
  const { t } = i18n.global;
  return [
    { required: true, message: t('validation.required', { field: t(fieldKey) }), trigger: 'blur' },
    {
      validator: (_rule, value: string, callback) => (value === newPassword() ? callback() : callback(new Error(t('password.mismatch')))),
      trigger: 'blur',
    },
  ];
}
