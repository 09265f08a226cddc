import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';
import { confirmPasswordRules, passwordRules } from '../../../components/passwordRules';

/*
 * The same limits the API checks (CreateUserDto), so that most mistakes are caught here in the
 * person's language before the request; the API stays the authority and its field errors land
 * on the same fields.
 */
const USERNAME_PATTERN = /^[a-z0-9._-]+$/;
const PHONE_PATTERN = /^[0-9+\- ]{3,30}$/;

/** Rules of the account form; the password is asked for only when creating. */
export function userRules(mode: 'create' | 'edit'): FormRules {
  const { t } = i18n.global;
  const username = t('users.username');
  const name = t('users.name');
  return {
    username: [
      { required: true, message: t('validation.required', { field: username }), trigger: 'blur' },
      { min: 2, max: 50, message: t('validation.lengthBetween', { field: username, min: 2, max: 50 }), trigger: 'blur' },
      { pattern: USERNAME_PATTERN, message: t('validation.username', { field: username }), trigger: 'blur' },
    ],
    name: [
      { required: true, message: t('validation.required', { field: name }), trigger: 'blur' },
      { max: 50, message: t('validation.maxLength', { field: name, max: 50 }), trigger: 'blur' },
    ],
    ...(mode === 'create' ? { password: passwordRules('users.password') } : {}),
    phone: [{ pattern: PHONE_PATTERN, message: t('validation.phone'), trigger: 'blur' }],
    email: [
      { type: 'email', message: t('validation.email'), trigger: 'blur' },
      { max: 200, message: t('validation.maxLength', { field: t('users.email'), max: 200 }), trigger: 'blur' },
    ],
    positions: [
      {
        validator: (_rule, value: string[], callback) =>
          value.every((position) => position.length <= 50)
            ? callback()
            : callback(new Error(t('validation.maxLength', { field: t('users.positions'), max: 50 }))),
        trigger: 'change',
      },
    ],
    clearance: [{ required: true, message: t('validation.requiredChoice', { field: t('users.clearance') }), trigger: 'change' }],
  };
}

export function resetPasswordRules(newPassword: () => string): FormRules {
  return {
    newPassword: passwordRules('users.newPassword'),
    confirmPassword: confirmPasswordRules('users.confirmPassword', newPassword),
  };
}
