/**
 * Event logistics (活动后勤, LOG-11): an event's material list (from stock, to buy, to rent), its
 * venue layout and decorations, the day itself (rehearsal checklist, duty roster, incident log) and
 * the clean-up, where every stock and rented line is accounted for before the event is reconciled.
 */

/** An event's life: planning → ready → held → reconciled (and back from ready to planning). */
export const EVENT_STATUSES = ['planning', 'ready', 'held', 'reconciled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_STATUS_LABELS: Record<EventStatus, { 'zh-CN': string; en: string }> = {
  planning: { 'zh-CN': '筹备中', en: 'Planning' },
  ready: { 'zh-CN': '已就绪', en: 'Ready' },
  held: { 'zh-CN': '已举办', en: 'Held' },
  reconciled: { 'zh-CN': '已清点', en: 'Reconciled' },
};

/** The status moves an event takes (`reconciled` only through the reconciliation, which checks every line). */
export const EVENT_TRANSITIONS: Record<EventStatus, readonly EventStatus[]> = {
  planning: ['ready'],
  ready: ['planning', 'held'],
  held: ['reconciled'],
  reconciled: [],
};

export function canMoveEvent(from: EventStatus, to: EventStatus): boolean {
  return EVENT_TRANSITIONS[from].includes(to);
}

/** While the material list, layout and decorations may change. */
export const EVENT_PLANNING_STATUSES: readonly EventStatus[] = ['planning', 'ready'];

/** Where a material line comes from: the school's stock, a purchase, or a rental. */
export const EVENT_MATERIAL_SOURCES = ['stock', 'buy', 'rent'] as const;
export type EventMaterialSource = (typeof EVENT_MATERIAL_SOURCES)[number];

export const EVENT_MATERIAL_SOURCE_LABELS: Record<EventMaterialSource, { 'zh-CN': string; en: string }> = {
  stock: { 'zh-CN': '库存领用', en: 'From stock' },
  buy: { 'zh-CN': '采购', en: 'To buy' },
  rent: { 'zh-CN': '租用', en: 'To rent' },
};

/**
 * A material line's life. Stock: planned → reserved (confirmed: the ledger reserves it) → issued
 * (release + out) → accounted. Rent: planned → accounted (returned, missing or damaged). Buy: planned only.
 */
export const EVENT_MATERIAL_STATUSES = ['planned', 'reserved', 'issued', 'accounted'] as const;
export type EventMaterialStatus = (typeof EVENT_MATERIAL_STATUSES)[number];

export const EVENT_MATERIAL_STATUS_LABELS: Record<EventMaterialStatus, { 'zh-CN': string; en: string }> = {
  planned: { 'zh-CN': '计划', en: 'Planned' },
  reserved: { 'zh-CN': '已预留', en: 'Reserved' },
  issued: { 'zh-CN': '已出库', en: 'Issued' },
  accounted: { 'zh-CN': '已清点', en: 'Accounted for' },
};

export type EventMaterialAction = 'confirm' | 'issue' | 'account' | 'remove';

/** The actions a line takes, by source and status, given the event's status: the service refuses any other. */
export function eventMaterialActions(source: EventMaterialSource, status: EventMaterialStatus, event: EventStatus): EventMaterialAction[] {
  const planning = EVENT_PLANNING_STATUSES.includes(event);
  const out: EventMaterialAction[] = [];
  if (source === 'stock') {
    if (status === 'planned' && planning) out.push('confirm');
    if (status === 'reserved' && (event === 'ready' || event === 'held')) out.push('issue');
    if (status === 'issued' && event === 'held') out.push('account');
  }
  if (source === 'rent' && status === 'planned' && event === 'held') out.push('account');
  if ((status === 'planned' || status === 'reserved') && planning) out.push('remove');
  return out;
}

/** Whether a line still has to be accounted for before the event can be reconciled (stock issued or reserved, rentals). */
export function eventMaterialUnaccounted(source: EventMaterialSource, status: EventMaterialStatus): boolean {
  if (source === 'stock') return status === 'reserved' || status === 'issued';
  if (source === 'rent') return status !== 'accounted';
  return false;
}

/** The pieces of a venue layout, placed on a grid. */
export const LAYOUT_PIECE_KINDS = ['table', 'chair', 'stage', 'podium', 'screen', 'speaker', 'microphone', 'projector', 'other'] as const;
export type LayoutPieceKind = (typeof LAYOUT_PIECE_KINDS)[number];

/** The layout grid's largest size (rows and columns). */
export const LAYOUT_MAX_SIZE = 30;

export const EVENT_LOGISTICS_ERRORS = {
  /** 409: the event cannot make this status move. */
  EVENT_ILLEGAL_STATUS: 'EVENT_ILLEGAL_STATUS',
  /** 409: the event is past planning (or reconciled) and this part of it no longer changes. */
  EVENT_LOCKED: 'EVENT_LOCKED',
  /** 409: the line cannot take this action in its state (or the event's). */
  EVENT_MATERIAL_ILLEGAL_ACTION: 'EVENT_MATERIAL_ILLEGAL_ACTION',
  /** 409: some stock or rented lines are not accounted for; the body lists them. */
  EVENT_LINES_UNACCOUNTED: 'EVENT_LINES_UNACCOUNTED',
  /** 409: that grid cell already holds a piece. */
  EVENT_LAYOUT_CELL_TAKEN: 'EVENT_LAYOUT_CELL_TAKEN',
} as const;
