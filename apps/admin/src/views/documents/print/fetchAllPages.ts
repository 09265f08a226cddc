import { PAGE_SIZE_MAX } from '@xiaoban/shared';
import type { PageOf } from '../../../composables/usePagedList';

/** A register prints at most this many rows; beyond it the sheet says it was cut (like the Excel export). */
export const PRINT_ROWS_MAX = 1000;

export interface AllRows<Row> {
  rows: Row[];
  /** More rows matched than PRINT_ROWS_MAX: the sheet holds the first ones only. */
  truncated: boolean;
}

/**
 * Every row a list's filters match, page after page of PAGE_SIZE_MAX, for a printed register
 * (DOC-12): paper shows the whole register, not the page on screen. Stops at `max` rows.
 * Answers undefined (and the caller shows the error) when a page fails.
 */
export async function fetchAllPages<Row>(
  fetchPage: (page: number, pageSize: number) => Promise<{ data?: PageOf<Row>; error?: unknown }>,
  onError: (error: unknown) => void,
  max = PRINT_ROWS_MAX,
): Promise<AllRows<Row> | undefined> {
  const rows: Row[] = [];
  for (let page = 1; ; page += 1) {
    const { data, error } = await fetchPage(page, PAGE_SIZE_MAX);
    if (!data) {
      onError(error);
      return undefined;
    }
    rows.push(...data.items);
    const more = data.totalCapped || rows.length < data.total;
    if (rows.length >= max) return { rows: rows.slice(0, max), truncated: more || rows.length > max };
    if (!more || data.items.length === 0) return { rows, truncated: false };
  }
}
