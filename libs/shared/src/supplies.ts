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

// ---------- distribution (领用, LOG-5) ----------

/**
 * A supply request's life: submitted → (issue part) waiting → (issue the rest) issued; a request
 * with nothing issued may be cancelled; cancelling a waiting one closes its waiting lines and
 * leaves it issued (what was handed out stays handed out).
 */
export const SUPPLY_REQUEST_STATUSES = ['submitted', 'waiting', 'issued', 'cancelled'] as const;
export type SupplyRequestStatus = (typeof SUPPLY_REQUEST_STATUSES)[number];

export const SUPPLY_REQUEST_STATUS_LABELS: Record<SupplyRequestStatus, { 'zh-CN': string; en: string }> = {
  submitted: { 'zh-CN': '待发放', en: 'Submitted' },
  waiting: { 'zh-CN': '部分发放，待补发', en: 'Partly issued, rest waiting' },
  issued: { 'zh-CN': '已发放', en: 'Issued' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

export type SupplyRequestAction = 'issue' | 'cancel';

/** The actions a request takes, by status: the service refuses any other (409), the panel shows only these. */
export const SUPPLY_REQUEST_ACTIONS: Record<SupplyRequestStatus, readonly SupplyRequestAction[]> = {
  submitted: ['issue', 'cancel'],
  waiting: ['issue', 'cancel'],
  issued: [],
  cancelled: [],
};

/** The status a request takes after an issue or cancel, from its lines' totals. */
export function supplyRequestStatusAfter(lines: readonly { quantity: number; issued: number; cancelled: number }[]): SupplyRequestStatus {
  const issued = lines.reduce((s, l) => s + l.issued, 0);
  const open = lines.reduce((s, l) => s + (l.quantity - l.issued - l.cancelled), 0);
  if (open > 0) return issued > 0 ? 'waiting' : 'submitted';
  return issued > 0 ? 'issued' : 'cancelled';
}

// ---------- low-stock alerts (库存预警, LOG-6) ----------

export const LOW_STOCK_ALERT_STATUSES = ['open', 'closed'] as const;
export type LowStockAlertStatus = (typeof LOW_STOCK_ALERT_STATUSES)[number];

/**
 * The suggested reorder (建议补货量): enough to end above the safety level again by one more
 * safety level, or by a month of the departments' quotas where those are larger:
 * target = safety + max(safety, quota sum); suggested = target − available, at least 1.
 * With no quotas this is 2 × safety − available.
 */
export function suggestedReorder(safetyStock: number, available: number, monthlyQuotaSum = 0): number {
  const target = safetyStock + Math.max(safetyStock, monthlyQuotaSum);
  return Math.max(1, target - available);
}

// ---------- stocktaking (盘点, LOG-7) ----------

/**
 * A stocktake's life: counting (count sheet generated, quantities entered) → submitted (every line
 * counted, each variance with a reason) → approved (a second person with the approve permission;
 * the variances become adjustment movements); a submitted one may be returned to counting.
 */
export const STOCKTAKE_STATUSES = ['counting', 'submitted', 'approved'] as const;
export type StocktakeStatus = (typeof STOCKTAKE_STATUSES)[number];

export const STOCKTAKE_STATUS_LABELS: Record<StocktakeStatus, { 'zh-CN': string; en: string }> = {
  counting: { 'zh-CN': '盘点中', en: 'Counting' },
  submitted: { 'zh-CN': '待审批', en: 'Awaiting approval' },
  approved: { 'zh-CN': '已调整', en: 'Approved and adjusted' },
};

export type StocktakeAction = 'count' | 'submit' | 'approve' | 'return';

export const STOCKTAKE_ACTIONS: Record<StocktakeStatus, readonly StocktakeAction[]> = {
  counting: ['count', 'submit'],
  submitted: ['approve', 'return'],
  approved: [],
};

export const SUPPLIES_STATE_ERRORS = {
  /** 409: the request's status does not allow the action (see SUPPLY_REQUEST_ACTIONS). */
  SUPPLY_REQUEST_ILLEGAL_ACTION: 'SUPPLY_REQUEST_ILLEGAL_ACTION',
  /** 409: the issue slip is signed already. */
  SUPPLY_ISSUE_ALREADY_SIGNED: 'SUPPLY_ISSUE_ALREADY_SIGNED',
  /** 409: the stocktake's status does not allow the action (see STOCKTAKE_ACTIONS). */
  STOCKTAKE_ILLEGAL_ACTION: 'STOCKTAKE_ILLEGAL_ACTION',
  /** 409: the person who submitted a stocktake cannot approve it: a second person must. */
  STOCKTAKE_SAME_PERSON: 'STOCKTAKE_SAME_PERSON',
} as const;
