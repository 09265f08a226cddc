import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';

/** Department codes go into document numbers and exports: keep them to plain characters. */
const CODE_PATTERN = /^[A-Za-z0-9_-]+$/;

export function departmentRules(): FormRules {
  const { t } = i18n.global;
  return {
    name: [
      { required: true, message: t('validation.required', { field: t('departments.name') }), trigger: 'blur' },
      { max: 64, message: t('validation.maxLength', { field: t('departments.name'), max: 64 }), trigger: 'blur' },
    ],
    code: [
      { required: true, message: t('validation.required', { field: t('departments.code') }), trigger: 'blur' },
      { pattern: CODE_PATTERN, message: t('validation.code', { field: t('departments.code') }), trigger: 'blur' },
      { max: 32, message: t('validation.maxLength', { field: t('departments.code'), max: 32 }), trigger: 'blur' },
    ],
  };
}
