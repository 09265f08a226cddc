import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';

/** Role codes are stable identifiers (`office-clerk`) that code and seeds refer to. */
const ROLE_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

export function roleRules(): FormRules {
  const { t } = i18n.global;
  return {
    code: [
      { required: true, message: t('validation.required', { field: t('roles.code') }), trigger: 'blur' },
      { pattern: ROLE_CODE_PATTERN, message: t('validation.code', { field: t('roles.code') }), trigger: 'blur' },
      { max: 64, message: t('validation.maxLength', { field: t('roles.code'), max: 64 }), trigger: 'blur' },
    ],
    name: [
      { required: true, message: t('validation.required', { field: t('roles.name') }), trigger: 'blur' },
      { max: 64, message: t('validation.maxLength', { field: t('roles.name'), max: 64 }), trigger: 'blur' },
    ],
    description: [{ max: 500, message: t('validation.maxLength', { field: t('roles.description'), max: 500 }), trigger: 'blur' }],
  };
}
