import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { usePagedList } from '../../../composables/usePagedList';
import type { SupplyItemRow } from './suppliesTypes';

type ItemQuery = { q: string; category: string | undefined; low: boolean; page: number; pageSize: number };

/** The catalogue with stock (LOG-1, LOG-6): filters, the page of items, and reload. */
export function useSupplyItemsList() {
  return usePagedList<SupplyItemRow, ItemQuery>({ q: '', category: undefined, low: false, page: 1, pageSize: PAGE_SIZE_DEFAULT }, (q) =>
    api.GET('/api/v1/logistics/supplies/items', {
      params: {
        query: {
          page: q.page,
          pageSize: q.pageSize,
          q: q.q.trim() || undefined,
          category: q.category || undefined,
          low: q.low || undefined,
        },
      },
    }),
  );
}

/** Active items for a picker, searched by text. */
export async function findItems(q: string): Promise<SupplyItemRow[]> {
  const { data } = await api.GET('/api/v1/logistics/supplies/items', {
    params: { query: { q: q.trim() || undefined, active: true, pageSize: 50 } },
  });
  return data?.items ?? [];
}
