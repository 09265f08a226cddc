import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';

/** The API's limits on a general request (SubmitGeneralRequestDto, ResubmitDto). */
export const TITLE_MAX = 200;
export const CONTENT_MAX = 10_000;
/** Comments and reasons (ApproveDto, ReasonDto, TransferDto). */
export const COMMENT_MAX = 2000;

export function generalRequestRules(): FormRules {
  const { t } = i18n.global;
  const title = t('approvals.requestTitle');
  const content = t('approvals.content');
  return {
    title: [
      { required: true, whitespace: true, message: t('validation.required', { field: title }), trigger: 'blur' },
      { max: TITLE_MAX, message: t('validation.maxLength', { field: title, max: TITLE_MAX }), trigger: 'blur' },
    ],
    content: [
      { required: true, whitespace: true, message: t('validation.required', { field: content }), trigger: 'blur' },
      { max: CONTENT_MAX, message: t('validation.maxLength', { field: content, max: CONTENT_MAX }), trigger: 'blur' },
    ],
  };
}

/** The form of an action: which fields it has decides which rules apply. */
export function actionRules(input: 'comment' | 'reason' | 'resubmit' | 'transfer' | 'copy'): FormRules {
  const { t } = i18n.global;
  const comment = t('approvalActions.comment');
  const reason = t('approvalActions.reason');
  switch (input) {
    case 'comment':
      return { comment: [{ max: COMMENT_MAX, message: t('validation.maxLength', { field: comment, max: COMMENT_MAX }), trigger: 'blur' }] };
    case 'reason':
      return {
        reason: [
          { required: true, whitespace: true, message: t('validation.required', { field: reason }), trigger: 'blur' },
          { max: COMMENT_MAX, message: t('validation.maxLength', { field: reason, max: COMMENT_MAX }), trigger: 'blur' },
        ],
      };
    case 'resubmit':
      return generalRequestRules();
    case 'transfer':
      return {
        toUserId: [
          { required: true, message: t('validation.requiredChoice', { field: t('approvalActions.transferTo') }), trigger: 'change' },
        ],
        comment: [{ max: COMMENT_MAX, message: t('validation.maxLength', { field: comment, max: COMMENT_MAX }), trigger: 'blur' }],
      };
    case 'copy':
      return {
        userIds: [
          {
            type: 'array',
            required: true,
            min: 1,
            message: t('validation.chooseAtLeastOne', { field: t('approvalActions.copyTo') }),
            trigger: 'change',
          },
        ],
      };
  }
}
