import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';

/** Role codes are stable identifiers (`office-clerk`) that seeds refer to; the API takes 2–50 of [a-z0-9-]. */
const ROLE_CODE_PATTERN = /^[a-z0-9-]{2,50}$/;

export function roleRules(): FormRules {
  const { t } = i18n.global;
  const code = t('roles.code');
  const name = t('roles.name');
  return {
    code: [
      { required: true, message: t('validation.required', { field: code }), trigger: 'blur' },
      { pattern: ROLE_CODE_PATTERN, message: t('validation.roleCode', { field: code }), trigger: 'blur' },
    ],
    name: [
      { required: true, message: t('validation.required', { field: name }), trigger: 'blur' },
      { max: 100, message: t('validation.maxLength', { field: name, max: 100 }), trigger: 'blur' },
    ],
    description: [{ max: 500, message: t('validation.maxLength', { field: t('roles.description'), max: 500 }), trigger: 'blur' }],
  };
}
