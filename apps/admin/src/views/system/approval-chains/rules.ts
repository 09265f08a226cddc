import type { FormItemRule } from 'element-plus';
import { i18n } from '../../../i18n';
import { STEP_NAME_MAX, STEP_USERS_MAX, TIME_LIMIT_MAX, TIME_LIMIT_MIN, parseConditionValue, type StepForm } from './chainSteps';

/** Rules of one step's fields; the conditional ones read the step they belong to. */
export function stepRules(step: () => StepForm): Record<string, FormItemRule[]> {
  const { t } = i18n.global;
  const name = t('chains.name');
  return {
    name: [
      { required: true, whitespace: true, message: t('validation.required', { field: name }), trigger: 'blur' },
      { max: STEP_NAME_MAX, message: t('validation.maxLength', { field: name, max: STEP_NAME_MAX }), trigger: 'blur' },
    ],
    approverType: [{ required: true, message: t('validation.requiredChoice', { field: t('chains.approverType') }), trigger: 'change' }],
    role: [{ required: true, message: t('validation.requiredChoice', { field: t('chains.role') }), trigger: 'change' }],
    userIds: [
      {
        type: 'array',
        required: true,
        min: 1,
        message: t('validation.chooseAtLeastOne', { field: t('chains.users') }),
        trigger: 'change',
      },
      {
        type: 'array',
        max: STEP_USERS_MAX,
        message: t('validation.lengthBetween', { field: t('chains.users'), min: 1, max: STEP_USERS_MAX }),
        trigger: 'change',
      },
    ],
    conditionField: [
      { required: true, whitespace: true, message: t('validation.required', { field: t('chains.conditionField') }), trigger: 'blur' },
      { max: 50, message: t('validation.maxLength', { field: t('chains.conditionField'), max: 50 }), trigger: 'blur' },
    ],
    conditionValue: [
      {
        validator: (_rule, _value, callback) => {
          const current = step();
          const field = t('chains.conditionValue');
          if (parseConditionValue(current.conditionOp, current.valueType, current.conditionValue).ok) return callback();
          if (current.conditionValue.trim() === '') return callback(new Error(t('validation.required', { field })));
          if (current.valueType === 'boolean') return callback(new Error(t('validation.boolean', { field })));
          return callback(new Error(t('validation.number', { field })));
        },
        trigger: 'blur',
      },
    ],
    timeLimitHours: [
      {
        validator: (_rule, value: number | null | undefined, callback) =>
          value === null || value === undefined || (Number.isInteger(value) && value >= TIME_LIMIT_MIN && value <= TIME_LIMIT_MAX)
            ? callback()
            : callback(
                new Error(t('validation.integerBetween', { field: t('chains.timeLimit'), min: TIME_LIMIT_MIN, max: TIME_LIMIT_MAX })),
              ),
        trigger: 'change',
      },
    ],
  };
}
