import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';

/** Rules of the supplier form (LOG-3); the API checks the same and answers by field. */
export function supplierRules(): FormRules {
  const { t } = i18n.global;
  return {
    name: [
      { required: true, message: t('validation.required', { field: t('purchasing.supplier.name') }), trigger: 'blur' },
      { max: 100, message: t('validation.maxLength', { field: t('purchasing.supplier.name'), max: 100 }), trigger: 'blur' },
    ],
  };
}

/** Rules of the quote form (LOG-3). */
export function quoteRules(): FormRules {
  const { t } = i18n.global;
  const required = (key: string) => ({ required: true, message: t('validation.required', { field: t(key) }), trigger: 'blur' });
  return {
    supplierId: [required('purchasing.list.supplier')],
    model: [required('purchasing.list.model')],
    unitPrice: [required('purchasing.list.unitPrice')],
  };
}
