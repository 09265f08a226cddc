import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';
import type { EntityId } from '../../../api/types';

/** The API's limits (SendMessageDto, ReplyMessageDto). */
export const SUBJECT_MAX = 200;
export const BODY_MAX = 20_000;

/** Rules of the compose form; a message needs at least one person or department. */
export function messageRules(recipients: () => { toUserIds: EntityId[]; toDepartmentIds: EntityId[] }): FormRules {
  const { t } = i18n.global;
  const subject = t('messages.subject');
  const body = t('messages.body');
  const needsSomeone = {
    validator: (_rule: unknown, _value: unknown, callback: (error?: Error) => void) => {
      const { toUserIds, toDepartmentIds } = recipients();
      if (toUserIds.length + toDepartmentIds.length > 0) callback();
      else callback(new Error(t('messages.recipientsRequired')));
    },
    trigger: 'change',
  };
  return {
    subject: [
      { required: true, whitespace: true, message: t('validation.required', { field: subject }), trigger: 'blur' },
      { max: SUBJECT_MAX, message: t('validation.maxLength', { field: subject, max: SUBJECT_MAX }), trigger: 'blur' },
    ],
    body: [
      { required: true, whitespace: true, message: t('validation.required', { field: body }), trigger: 'blur' },
      { max: BODY_MAX, message: t('validation.maxLength', { field: body, max: BODY_MAX }), trigger: 'blur' },
    ],
    toUserIds: [needsSomeone],
  };
}

export function replyRules(): FormRules {
  const { t } = i18n.global;
  const body = t('messages.reply');
  return {
    body: [
      { required: true, whitespace: true, message: t('validation.required', { field: body }), trigger: 'blur' },
      { max: BODY_MAX, message: t('validation.maxLength', { field: body, max: BODY_MAX }), trigger: 'blur' },
    ],
  };
}
