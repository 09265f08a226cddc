import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';
import { isClassified } from './outgoingPresentation';

export const TITLE_MAX = 300;
export const TEXT_MAX = 2000;
export const BODY_MAX = 100_000;
export const NAME_MAX = 100;

/**
 * Rules of the drafting form (DOC-7). The form saves half-done drafts; the standard's checks on
 * the elements are the lint's (listed on the detail page), except what the API refuses outright.
 * A classified draft states its copy number and secrecy period (GB/T 9704 7.2.1, 7.2.2).
 */
export function draftRules(form: () => { secrecy: string }): FormRules {
  const { t } = i18n.global;
  const required = (key: string, trigger: 'blur' | 'change' = 'blur') => ({
    required: true,
    message: t(trigger === 'blur' ? 'validation.required' : 'validation.requiredChoice', { field: t(key) }),
    trigger,
  });
  const whenClassified = (key: string) => ({
    validator: (_rule: unknown, value: unknown, callback: (error?: Error) => void) => {
      if (isClassified(form().secrecy) && (typeof value !== 'string' || value.trim() === '')) {
        callback(new Error(t('validation.required', { field: t(key) })));
      } else callback();
    },
    trigger: 'blur',
  });
  const max = (key: string, length: number) => ({
    max: length,
    message: t('validation.maxLength', { field: t(key), max: length }),
    trigger: 'blur',
  });
  return {
    title: [required('documents.outgoing.title'), max('documents.outgoing.title', TITLE_MAX)],
    docType: [required('documents.docType', 'change')],
    direction: [required('documents.outgoing.direction', 'change')],
    copyNumber: [whenClassified('documents.copyNumber')],
    secrecyPeriod: [whenClassified('documents.secrecyPeriod')],
    issuerMark: [max('documents.outgoing.issuerMark', NAME_MAX)],
    attachmentNote: [max('documents.outgoing.attachmentNote', TEXT_MAX)],
  };
}

/** Rules of an action dialog: the text its action cannot go without. */
export function outgoingActionRules(): FormRules {
  const { t } = i18n.global;
  return {
    reason: [
      { required: true, message: t('validation.required', { field: t('documents.reason') }), trigger: 'blur' },
      { max: TEXT_MAX, message: t('validation.maxLength', { field: t('documents.reason'), max: TEXT_MAX }), trigger: 'blur' },
    ],
    prefixId: [{ required: true, message: t('validation.requiredChoice', { field: t('documents.outgoing.prefix') }), trigger: 'change' }],
  };
}
