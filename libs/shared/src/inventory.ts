/**
 * The monthly inventory of paper records (清点, DOC-9): what an item on the checklist can be, and the
 * result of a closed inventory, computed once here for the API and the admin panel.
 */
type Label = { 'zh-CN': string; en: string };

export const INVENTORY_STATUSES = ['open', 'closed'] as const;
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number];

export const INVENTORY_STATUS_LABELS: Record<InventoryStatus, Label> = {
  open: { 'zh-CN': '清点中', en: 'Open' },
  closed: { 'zh-CN': '已结束', en: 'Closed' },
};

/** What was done about a damaged item (破损处置): repaired, or a copy made to replace it. */
export const INVENTORY_REMEDIES = ['repaired', 'copied'] as const;
export type InventoryRemedy = (typeof INVENTORY_REMEDIES)[number];

export const INVENTORY_REMEDY_LABELS: Record<InventoryRemedy, Label> = {
  repaired: { 'zh-CN': '已修复', en: 'Repaired' },
  copied: { 'zh-CN': '已复制', en: 'Copy made' },
};

/** How an item stands: on the checklist and not yet found, found, or found but not on the checklist (多出). */
export type InventoryItemState = 'pending' | 'counted' | 'extra';

export const INVENTORY_ITEM_STATE_LABELS: Record<InventoryItemState | 'missing', Label> = {
  pending: { 'zh-CN': '待清点', en: 'Not yet counted' },
  counted: { 'zh-CN': '已清点', en: 'Counted' },
  extra: { 'zh-CN': '多出', en: 'Extra' },
  missing: { 'zh-CN': '未清点到', en: 'Missing' },
};

/** The facts of an item that the result needs. */
export interface InventoryItemFacts {
  expected: boolean;
  countedAt: string | Date | null;
  damaged: boolean;
}

export interface InventoryTally {
  expected: number;
  counted: number;
  /** 未清点到: on the checklist and never counted (while open: not counted yet). */
  missing: number;
  /** 多出: found, but not on the checklist. */
  extra: number;
  damaged: number;
}

export function inventoryItemState(item: InventoryItemFacts): InventoryItemState {
  if (!item.expected) return 'extra';
  return item.countedAt ? 'counted' : 'pending';
}

/** Counts of an inventory's items: its progress while open, its result once closed. */
export function tallyInventory(items: readonly InventoryItemFacts[]): InventoryTally {
  const tally: InventoryTally = { expected: 0, counted: 0, missing: 0, extra: 0, damaged: 0 };
  for (const item of items) {
    if (item.damaged) tally.damaged++;
    const state = inventoryItemState(item);
    if (state === 'extra') tally.extra++;
    else {
      tally.expected++;
      if (state === 'counted') tally.counted++;
      else tally.missing++;
    }
  }
  return tally;
}

/** The month an inventory covers, YYYY-MM, from a school date YYYY-MM-DD. */
export const inventoryPeriodOf = (schoolDate: string): string => schoolDate.slice(0, 7);

/** Path of the admin panel's phone page that a QR label opens (the panel adds its origin). */
export const inventoryScanPath = (kind: string, recordId: string): string =>
  `/m/inventory/scan/${encodeURIComponent(kind)}/${encodeURIComponent(recordId)}`;

export const INVENTORY_ERRORS = {
  /** No inventory is open, or this one is closed (409). */
  NOT_OPEN: 'INVENTORY_NOT_OPEN',
  /** An inventory of this month exists already (409). */
  ALREADY_OPEN: 'INVENTORY_ALREADY_OPEN',
  /** The record was counted already in this inventory (409). */
  ALREADY_COUNTED: 'INVENTORY_ALREADY_COUNTED',
} as const;
