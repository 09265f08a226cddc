import type { FormRules } from 'element-plus';
import { isoWeekday, type IsoDate } from '@xiaoban/shared';
import { i18n } from '../../../i18n';

interface SemesterFields {
  startsOn: IsoDate;
  endsOn: IsoDate;
  firstTeachingMonday: IsoDate;
}

/** The checks CalendarService makes on a semester, so that most mistakes are caught before sending. */
export function semesterRules(form: () => SemesterFields): FormRules {
  const { t } = i18n.global;
  const name = t('calendar.semesterName');
  const monday = t('calendar.firstTeachingMonday');
  const required = (field: string) => ({ required: true, message: t('validation.requiredChoice', { field }), trigger: 'change' });
  return {
    name: [
      { required: true, whitespace: true, message: t('validation.required', { field: name }), trigger: 'blur' },
      { max: 100, message: t('validation.maxLength', { field: name, max: 100 }), trigger: 'blur' },
    ],
    startsOn: [required(t('calendar.startsOn'))],
    endsOn: [
      required(t('calendar.endsOn')),
      {
        validator: (_rule, value: IsoDate, callback) =>
          !value || !form().startsOn || value >= form().startsOn ? callback() : callback(new Error(t('calendar.endBeforeStart'))),
        trigger: 'change',
      },
    ],
    firstTeachingMonday: [
      required(monday),
      {
        validator: (_rule, value: IsoDate, callback) => {
          if (!value) return callback();
          if (isoWeekday(value) !== 1) return callback(new Error(t('calendar.mustBeMonday', { field: monday })));
          const { startsOn, endsOn } = form();
          if ((startsOn && value < startsOn) || (endsOn && value > endsOn)) {
            return callback(new Error(t('calendar.outsideSemester', { field: monday })));
          }
          return callback();
        },
        trigger: 'change',
      },
    ],
  };
}

/** The day dialog: a name of at most 50 (CalendarDayInputDto); a span end not before the day. */
export function dayRules(form: () => { date: IsoDate }): FormRules {
  const { t } = i18n.global;
  return {
    name: [{ max: 50, message: t('validation.maxLength', { field: t('calendar.dayName'), max: 50 }), trigger: 'blur' }],
    until: [
      {
        validator: (_rule, value: IsoDate | null, callback) =>
          !value || value >= form().date ? callback() : callback(new Error(t('calendar.endBeforeStart'))),
        trigger: 'change',
      },
    ],
  };
}
