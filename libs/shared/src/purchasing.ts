/**
 * Purchasing (采购, LOG-2 to LOG-4): the monthly demand window, the departments' demands, the purchase
 * list merged from them, quotes from suppliers, the list's approval (`purchase-list`), the orders and
 * the deliveries received against them. Written once for the API and the panel.
 */

/** The approval kind of a purchase list; its chain depends on the amount (data field `amountFen`). */
export const PURCHASE_LIST_APPROVAL_KIND = 'purchase-list';

/** Above this amount (in fen) the default chain adds a school leader after the office director: ¥5,000. */
export const PURCHASE_LEADER_THRESHOLD_FEN = 500_000;

/** The minimum number of quotes per line a school starts with (LOG-3); the office changes it in the settings. */
export const DEFAULT_MIN_QUOTES = 3;

/** A demand window (需求征集) of one month: open while departments submit, closed once merged or by hand. */
export const DEMAND_WINDOW_STATUSES = ['open', 'closed'] as const;
export type DemandWindowStatus = (typeof DEMAND_WINDOW_STATUSES)[number];

/**
 * A purchase list's life: draft (merged; quotes gathered and chosen) → submitted (awaiting approval)
 * → approved → ordered → receiving (part delivered) → received. A rejected or withdrawn approval
 * takes it back to draft, to be corrected and submitted again.
 */
export const PURCHASE_LIST_STATUSES = ['draft', 'submitted', 'approved', 'ordered', 'receiving', 'received'] as const;
export type PurchaseListStatus = (typeof PURCHASE_LIST_STATUSES)[number];

export const PURCHASE_LIST_ACTIONS_ALL = ['quote', 'choose', 'submit', 'order', 'receive'] as const;
export type PurchaseListAction = (typeof PURCHASE_LIST_ACTIONS_ALL)[number];

/** The actions a purchase list takes, by status: the service refuses any other (409), the panel shows only these. */
export const PURCHASE_LIST_ACTIONS: Record<PurchaseListStatus, readonly PurchaseListAction[]> = {
  draft: ['quote', 'choose', 'submit'],
  submitted: [],
  approved: ['order'],
  ordered: ['receive'],
  receiving: ['receive'],
  received: [],
};

export function purchaseListAllows(status: PurchaseListStatus, action: PurchaseListAction): boolean {
  return PURCHASE_LIST_ACTIONS[status].includes(action);
}

export const PURCHASE_LIST_STATUS_LABELS: Record<PurchaseListStatus, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '询价中', en: 'Gathering quotes' },
  submitted: { 'zh-CN': '待审批', en: 'Awaiting approval' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  ordered: { 'zh-CN': '已下单', en: 'Ordered' },
  receiving: { 'zh-CN': '部分到货', en: 'Partly received' },
  received: { 'zh-CN': '已到齐', en: 'Received' },
};

/** What a delivery line found wrong (LOG-4): another model than ordered, or more than was outstanding. */
export const DELIVERY_MISMATCHES = ['model', 'excess'] as const;
export type DeliveryMismatch = (typeof DELIVERY_MISMATCHES)[number];

/**
 * A model or specification as compared (LOG-3, LOG-4): full-width letters and digits folded to
 * half-width, case and every space ignored. `A4 80g` matches `ａ４ ８０Ｇ`.
 */
export function normaliseModel(model: string): string {
  return model
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

export function modelsMatch(a: string, b: string): boolean {
  return normaliseModel(a) === normaliseModel(b);
}

export interface QuoteForComparison {
  id: string;
  unitPriceFen: number;
  model: string;
}

/**
 * The best quote of a line (LOG-3): the lowest unit price among the quotes whose model matches the
 * line's specification; null when none matches. Ties go to the quote first given (stable).
 */
export function bestQuote<Q extends QuoteForComparison>(specification: string, quotes: readonly Q[]): Q | null {
  let best: Q | null = null;
  for (const quote of quotes) {
    if (!modelsMatch(quote.model, specification)) continue;
    if (!best || quote.unitPriceFen < best.unitPriceFen) best = quote;
  }
  return best;
}

/** The month a date falls in, as `YYYY-MM`. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export const PURCHASING_ERRORS = {
  /** 409: the purchase list's status does not allow this action (see PURCHASE_LIST_ACTIONS). */
  PURCHASE_LIST_ILLEGAL_ACTION: 'PURCHASE_LIST_ILLEGAL_ACTION',
  /** 409: the list is ordered only once approved. */
  PURCHASE_LIST_NOT_APPROVED: 'PURCHASE_LIST_NOT_APPROVED',
  /** 409: the demand window is closed: no more submissions, or merged already. */
  DEMAND_WINDOW_CLOSED: 'DEMAND_WINDOW_CLOSED',
  /** 409: a demand window for this month exists already. */
  DEMAND_WINDOW_EXISTS: 'DEMAND_WINDOW_EXISTS',
  /** 422: a line has fewer quotes than the school's minimum, or no chosen quote. */
  PURCHASE_QUOTES_MISSING: 'PURCHASE_QUOTES_MISSING',
  /** 422: another quote than the best matching one needs a written reason. */
  PURCHASE_CHOICE_REASON_REQUIRED: 'PURCHASE_CHOICE_REASON_REQUIRED',
  /** 422: a demand line over the department's monthly quota needs a reason. */
  DEMAND_OVER_QUOTA: 'DEMAND_OVER_QUOTA',
  /** 409: a supplier of this name exists. */
  SUPPLIER_NAME_TAKEN: 'SUPPLIER_NAME_TAKEN',
} as const;
