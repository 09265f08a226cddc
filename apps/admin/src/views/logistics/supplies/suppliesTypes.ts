import type { StocktakeStatus, SupplyRequestStatus } from '@xiaoban/shared';
import type { ResponseOf } from '../../../api/types';

export type SupplyItemRow = ResponseOf<'/api/v1/logistics/supplies/items', 'get'>['items'][number];
export type StockMovementRow = ResponseOf<'/api/v1/logistics/supplies/movements', 'get'>['items'][number];
export type SupplyRequest = ResponseOf<'/api/v1/logistics/supplies/requests/{id}', 'get'>;
export type SupplyIssue = ResponseOf<'/api/v1/logistics/supplies/issues/{id}', 'get'>;
export type LowStockAlertRow = ResponseOf<'/api/v1/logistics/supplies/alerts', 'get'>['items'][number];
export type Stocktake = ResponseOf<'/api/v1/logistics/supplies/stocktakes/{id}', 'get'>;
export type ConsumptionReport = ResponseOf<'/api/v1/logistics/supplies/consumption', 'get'>;

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';

export const REQUEST_STATUS_TAGS: Record<SupplyRequestStatus, TagType> = {
  submitted: 'warning',
  waiting: 'primary',
  issued: 'success',
  cancelled: 'info',
};

export const STOCKTAKE_STATUS_TAGS: Record<StocktakeStatus, TagType> = {
  counting: 'warning',
  submitted: 'primary',
  approved: 'success',
};

/** An item as one line in a picker: name, model and unit. */
export const itemLabel = (i: { name: string; specification: string; unit: string }) =>
  `${i.name}${i.specification ? ` ${i.specification}` : ''} (${i.unit})`;

/** The address a slip's QR code encodes: the phone sign page. */
export const signPageUrl = (issueId: string) => new URL(`/m/supplies/sign/${issueId}`, window.location.origin).href;
