import {
  INVENTORY_ITEM_STATE_LABELS,
  INVENTORY_REMEDY_LABELS,
  INVENTORY_STATUS_LABELS,
  inventoryScanPath,
  type InventoryRemedy,
  type InventoryStatus,
} from '@xiaoban/shared';
import QRCode from 'qrcode';
import type { AppLocale } from '../../../i18n';
import type { ResponseOf } from '../../../api/types';

export type Inventory = ResponseOf<'/api/v1/documents/inventories/{id}', 'get'>;
export type InventoryItem = ResponseOf<'/api/v1/documents/inventories/{id}/items', 'get'>['items'][number];
export type ItemFilter = 'pending' | 'counted' | 'extra' | 'damaged' | 'missing';

export const inventoryStatusLabel = (status: InventoryStatus, locale: AppLocale): string => INVENTORY_STATUS_LABELS[status][locale];
export const remedyLabel = (remedy: InventoryRemedy, locale: AppLocale): string => INVENTORY_REMEDY_LABELS[remedy][locale];

/** A line's state as the result reads it: once the inventory is closed, an item never counted is missing. */
export function itemStateLabel(item: Pick<InventoryItem, 'state'>, closed: boolean, locale: AppLocale): string {
  if (closed && item.state === 'pending') return INVENTORY_ITEM_STATE_LABELS.missing[locale];
  return INVENTORY_ITEM_STATE_LABELS[item.state][locale];
}

/** The URL a QR label encodes: the phone page that counts the record (DOC-9). */
export const scanUrl = (origin: string, kind: string, recordId: string): string => `${origin}${inventoryScanPath(kind, recordId)}`;

/** A QR code image (data URL) of a label's URL. */
export const qrDataUrl = (url: string): Promise<string> => QRCode.toDataURL(url, { margin: 1, width: 160, errorCorrectionLevel: 'M' });
