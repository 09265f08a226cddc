import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';

/** The API's limits on a catalogue item (CreateSupplyItemDto). */
export const NAME_MAX = 100;
export const SPECIFICATION_MAX = 200;
export const UNIT_MAX = 20;
export const CATEGORY_MAX = 50;
export const REASON_MAX = 500;

export function supplyItemRules(): FormRules {
  const { t } = i18n.global;
  const required = (field: string, max: number) => [
    { required: true, whitespace: true, message: t('validation.required', { field }), trigger: 'blur' },
    { max, message: t('validation.maxLength', { field, max }), trigger: 'blur' },
  ];
  return {
    name: required(t('supplies.item.name'), NAME_MAX),
    unit: required(t('supplies.item.unit'), UNIT_MAX),
    category: required(t('supplies.item.category'), CATEGORY_MAX),
    specification: [
      { max: SPECIFICATION_MAX, message: t('validation.maxLength', { field: t('supplies.item.specification'), max: SPECIFICATION_MAX }) },
    ],
  };
}

export function stockInRules(): FormRules {
  const { t } = i18n.global;
  const reason = t('supplies.stockIn.reason');
  return {
    itemId: [{ required: true, message: t('validation.required', { field: t('supplies.movement.item') }), trigger: 'change' }],
    reason: [
      { required: true, whitespace: true, message: t('validation.required', { field: reason }), trigger: 'blur' },
      { max: REASON_MAX, message: t('validation.maxLength', { field: reason, max: REASON_MAX }), trigger: 'blur' },
    ],
  };
}
