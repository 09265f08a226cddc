import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';

/** Department codes go into document numbers (e.g. the office's BGS); the API takes 1–20 capitals or digits. */
const DEPARTMENT_CODE_PATTERN = /^[A-Z0-9]{1,20}$/;

export function departmentRules(): FormRules {
  const { t } = i18n.global;
  const name = t('departments.name');
  const code = t('departments.code');
  return {
    name: [
      { required: true, message: t('validation.required', { field: name }), trigger: 'blur' },
      { max: 100, message: t('validation.maxLength', { field: name, max: 100 }), trigger: 'blur' },
    ],
    code: [
      { required: true, message: t('validation.required', { field: code }), trigger: 'blur' },
      { pattern: DEPARTMENT_CODE_PATTERN, message: t('validation.departmentCode', { field: code }), trigger: 'blur' },
    ],
  };
}
