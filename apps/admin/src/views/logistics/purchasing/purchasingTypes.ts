import type { PurchaseListStatus } from '@xiaoban/shared';
import type { ResponseOf } from '../../../api/types';
import { describeApiError, errorCode } from '../../../api/errors';
import { i18n } from '../../../i18n';

export type DemandWindow = ResponseOf<'/api/v1/logistics/demand-windows', 'get'>[number];
export type Demand = ResponseOf<'/api/v1/logistics/demands/{id}', 'get'>;
export type Supplier = ResponseOf<'/api/v1/logistics/suppliers/{id}', 'get'>;
export type PurchaseListRow = ResponseOf<'/api/v1/logistics/purchase-lists', 'get'>['items'][number];
export type PurchaseList = ResponseOf<'/api/v1/logistics/purchase-lists/{id}', 'get'>;
export type PurchaseListLine = PurchaseList['lines'][number];

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';
const STATUS_TAGS: Record<PurchaseListStatus, TagType> = {
  draft: 'info',
  submitted: 'warning',
  approved: 'primary',
  ordered: 'primary',
  receiving: 'warning',
  received: 'success',
};
export const listStatusTag = (s: PurchaseListStatus): TagType => STATUS_TAGS[s];

/** Fen as yuan with two decimals. */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** A failed call's message: purchasing's own wording for its codes, the panel's otherwise. */
export function purchasingErrorMessage(error: unknown): string {
  const { t, te } = i18n.global;
  const code = errorCode(error);
  if (code && te(`purchasing.errors.${code}`)) return t(`purchasing.errors.${code}`);
  return describeApiError(error);
}

export function notifyPurchasingError(error: unknown): void {
  ElMessage.error(purchasingErrorMessage(error));
}
