/** List paging limits shared by the API and the panel (ARCHITECTURE.md, "Lists"). */
export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 20;
/** `total` is exact up to this many rows for lists, then capped with `totalCapped: true`. */
export const LIST_TOTAL_CAP = 10_000;
/** The same cap for searches, which must stay fast when they match most rows. */
export const SEARCH_TOTAL_CAP = 1_000;
