import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';

export const TITLE_MAX = 200;

/** Rules of the event form (LOG-11). */
export function eventRules(form: () => { startsAt: string; endsAt: string }): FormRules {
  const { t } = i18n.global;
  const required = (key: string, trigger: 'blur' | 'change' = 'blur') => ({
    required: true,
    message: t(trigger === 'blur' ? 'validation.required' : 'validation.requiredChoice', { field: t(key) }),
    trigger,
  });
  return {
    title: [
      required('logisticsEvents.form.name'),
      { max: TITLE_MAX, message: t('validation.maxLength', { field: t('logisticsEvents.form.name'), max: TITLE_MAX }), trigger: 'blur' },
    ],
    startsAt: [required('logisticsEvents.form.startsAt', 'change')],
    endsAt: [
      required('logisticsEvents.form.endsAt', 'change'),
      {
        validator: (_rule: unknown, value: string, callback: (error?: Error) => void) => {
          const { startsAt } = form();
          if (value && startsAt && value < startsAt) callback(new Error(t('logisticsEvents.form.endBeforeStart')));
          else callback();
        },
        trigger: 'change',
      },
    ],
    venue: [required('logisticsEvents.form.venue')],
    ownerId: [required('logisticsEvents.form.owner', 'change')],
  };
}
