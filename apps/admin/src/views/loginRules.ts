import type { FormRules } from 'element-plus';
import { i18n } from '../i18n';

export function loginRules(): FormRules {
  const { t } = i18n.global;
  return {
    username: [{ required: true, message: t('validation.required', { field: t('login.username') }), trigger: 'blur' }],
    password: [{ required: true, message: t('validation.required', { field: t('login.password') }), trigger: 'blur' }],
  };
}
