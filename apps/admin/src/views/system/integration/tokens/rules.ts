import type { FormRules } from 'element-plus';
import { i18n } from '../../../../i18n';

/** The limits CreateApiTokenDto checks: a name of at most 100, at least one scope, an expiry. */
export function tokenRules(): FormRules {
  const { t } = i18n.global;
  const name = t('integration.tokens.name');
  return {
    name: [
      { required: true, whitespace: true, message: t('validation.required', { field: name }), trigger: 'blur' },
      { max: 100, message: t('validation.maxLength', { field: name, max: 100 }), trigger: 'blur' },
    ],
    permissions: [
      {
        type: 'array',
        required: true,
        min: 1,
        message: t('validation.chooseAtLeastOne', { field: t('integration.tokens.scopes') }),
        trigger: 'change',
      },
    ],
    expiresOn: [
      { required: true, message: t('validation.requiredChoice', { field: t('integration.tokens.expiresAt') }), trigger: 'change' },
    ],
  };
}

/** RevokeApiTokenDto: an optional reason of at most 200. */
export function revokeRules(): FormRules {
  const { t } = i18n.global;
  return {
    reason: [{ max: 200, message: t('validation.maxLength', { field: t('integration.reason'), max: 200 }), trigger: 'blur' }],
  };
}
