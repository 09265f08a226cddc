/**
 * Office supplies (办公用品, LOG-1, LOG-5–LOG-8): the catalogue, the stock ledger, distribution to
 * departments, low-stock alerts, stocktaking and consumption.
 */

/** The kinds of stock movement of the append-only ledger. */
export const STOCK_MOVEMENT_KINDS = ['in', 'out', 'adjustment', 'return', 'reservation', 'release'] as const;
export type StockMovementKindName = (typeof STOCK_MOVEMENT_KINDS)[number];

export const STOCK_MOVEMENT_KIND_LABELS: Record<StockMovementKindName, { 'zh-CN': string; en: string }> = {
  in: { 'zh-CN': '入库', en: 'Stock in' },
  out: { 'zh-CN': '出库', en: 'Stock out' },
  adjustment: { 'zh-CN': '盘点调整', en: 'Adjustment' },
  return: { 'zh-CN': '退库', en: 'Return' },
  reservation: { 'zh-CN': '预留', en: 'Reservation' },
  release: { 'zh-CN': '释放预留', en: 'Release' },
};

/** The movements the storekeeper records by hand; the others come from distribution, stocktaking and events. */
export const MANUAL_STOCK_MOVEMENT_KINDS = ['in', 'return'] as const;
export type ManualStockMovementKind = (typeof MANUAL_STOCK_MOVEMENT_KINDS)[number];

export const SUPPLIES_ERRORS = {
  /** 409: an out or adjustment would take on-hand stock below zero; nothing was written. */
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  /** 409: a release of more than is reserved; nothing was written. */
  INSUFFICIENT_RESERVED: 'INSUFFICIENT_RESERVED',
} as const;
