import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';
import { confirmPasswordRules, passwordRules } from '../../../components/passwordRules';

/** Loose on purpose: landlines with extensions and +86 numbers are both in use. */
const PHONE_PATTERN = /^[0-9+\-() ]{5,20}$/;

/** Rules of the account form; the password is asked for only when creating. */
export function userRules(mode: 'create' | 'edit'): FormRules {
  const { t } = i18n.global;
  const required = (key: string) => ({ required: true, message: t('validation.required', { field: t(key) }), trigger: 'blur' });
  return {
    username: [
      required('users.username'),
      { max: 64, message: t('validation.maxLength', { field: t('users.username'), max: 64 }), trigger: 'blur' },
    ],
    name: [required('users.name'), { max: 64, message: t('validation.maxLength', { field: t('users.name'), max: 64 }), trigger: 'blur' }],
    ...(mode === 'create' ? { password: passwordRules('users.password') } : {}),
    phone: [{ pattern: PHONE_PATTERN, message: t('validation.phone'), trigger: 'blur' }],
    email: [{ type: 'email', message: t('validation.email'), trigger: 'blur' }],
    clearance: [{ required: true, message: t('validation.requiredChoice', { field: t('users.clearance') }), trigger: 'change' }],
  };
}

export function resetPasswordRules(newPassword: () => string): FormRules {
  return {
    newPassword: passwordRules('users.newPassword'),
    confirmPassword: confirmPasswordRules('users.confirmPassword', newPassword),
  };
}
