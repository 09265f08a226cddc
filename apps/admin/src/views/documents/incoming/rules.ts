import type { FormRules } from 'element-plus';
import type { DocumentUrgency } from '@xiaoban/shared';
import { i18n } from '../../../i18n';
import { registrationNeeds } from './incomingPresentation';

export const TITLE_MAX = 200;
export const TEXT_MAX = 2000;

/** Rules of the registration form (DOC-1); the conditional ones read the form as it is now. */
export function registerRules(form: () => { secrecy: string; urgency: DocumentUrgency }): FormRules {
  const { t } = i18n.global;
  const required = (key: string, trigger: 'blur' | 'change' = 'blur') => ({
    required: true,
    message: t(trigger === 'blur' ? 'validation.required' : 'validation.requiredChoice', { field: t(key) }),
    trigger,
  });
  const requiredWhen = (need: 'copyNumber' | 'secrecyPeriod' | 'responsible', key: string, choice = false) => ({
    validator: (_rule: unknown, value: unknown, callback: (error?: Error) => void) => {
      const missing = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
      if (registrationNeeds(form())[need] && missing) {
        callback(new Error(t(choice ? 'validation.requiredChoice' : 'validation.required', { field: t(key) })));
      } else callback();
    },
    trigger: choice ? 'change' : 'blur',
  });
  return {
    title: [
      required('documents.docTitle'),
      { max: TITLE_MAX, message: t('validation.maxLength', { field: t('documents.docTitle'), max: TITLE_MAX }), trigger: 'blur' },
    ],
    sourceOrg: [required('documents.sourceOrg')],
    docType: [required('documents.docType', 'change')],
    receivedOn: [required('documents.receivedOn', 'change')],
    urgency: [required('documents.urgency', 'change')],
    secrecy: [required('documents.secrecy', 'change')],
    copyNumber: [requiredWhen('copyNumber', 'documents.copyNumber')],
    secrecyPeriod: [requiredWhen('secrecyPeriod', 'documents.secrecyPeriod')],
    responsibleId: [requiredWhen('responsible', 'documents.responsible', true)],
  };
}

/** Rules of an action dialog: the text its action cannot go without. */
export function actionRules(): FormRules {
  const { t } = i18n.global;
  const text = (key: string) => [
    { required: true, message: t('validation.required', { field: t(key) }), trigger: 'blur' },
    { max: TEXT_MAX, message: t('validation.maxLength', { field: t(key), max: TEXT_MAX }), trigger: 'blur' },
  ];
  return {
    reason: text('documents.reason'),
    proposal: text('documents.proposal'),
    instruction: text('documents.instruction'),
    opinion: text('documents.opinion'),
    handlingDays: [
      {
        type: 'integer',
        min: 1,
        max: 60,
        message: t('validation.integerBetween', { field: t('documents.handlingDays'), min: 1, max: 60 }),
        trigger: 'change',
      },
    ],
  };
}
