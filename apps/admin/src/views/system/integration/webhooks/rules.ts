import type { FormRules } from 'element-plus';
import { i18n } from '../../../../i18n';

const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** The limits CreateWebhookDto checks: a name of at most 100, an http(s) URL of at most 500, one event type or more. */
export function webhookRules(): FormRules {
  const { t } = i18n.global;
  const name = t('integration.webhooks.name');
  const url = t('integration.webhooks.url');
  return {
    name: [
      { required: true, whitespace: true, message: t('validation.required', { field: name }), trigger: 'blur' },
      { max: 100, message: t('validation.maxLength', { field: name, max: 100 }), trigger: 'blur' },
    ],
    url: [
      { required: true, whitespace: true, message: t('validation.required', { field: url }), trigger: 'blur' },
      { max: 500, message: t('validation.maxLength', { field: url, max: 500 }), trigger: 'blur' },
      { pattern: HTTP_URL, message: t('integration.webhooks.urlInvalid'), trigger: 'blur' },
    ],
    eventTypes: [
      {
        type: 'array',
        required: true,
        min: 1,
        message: t('validation.chooseAtLeastOne', { field: t('integration.webhooks.eventTypes') }),
        trigger: 'change',
      },
    ],
  };
}
