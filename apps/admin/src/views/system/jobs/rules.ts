import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';

/** The same limit RunScheduleNowDto checks: the reason is optional, at most 200 characters. */
export function runNowRules(): FormRules {
  const { t } = i18n.global;
  return {
    reason: [{ max: 200, message: t('validation.maxLength', { field: t('jobs.reason'), max: 200 }), trigger: 'blur' }],
  };
}
