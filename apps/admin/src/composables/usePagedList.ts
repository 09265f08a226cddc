import { reactive, ref, type Ref } from 'vue';
import { notifyApiError } from '../api/errors';

/** One page of a list, as every list endpoint of the API answers it. */
export interface PageOf<Row> {
  items: Row[];
  total: number;
  totalCapped: boolean;
}

/**
 * What every list page keeps: its query (filters and paging), the rows of the current page, the
 * total, and whether it is loading. `load` fetches the page the query names; `search` starts again
 * at page 1 (after a filter changed). The page's own `useXList` adds its filters and dialogs.
 */
export function usePagedList<Row, Query extends { page: number; pageSize: number }>(
  initialQuery: Query,
  fetchPage: (query: Query) => Promise<{ data?: PageOf<Row>; error?: unknown }>,
) {
  const query = reactive(initialQuery) as Query;
  const rows = ref([]) as Ref<Row[]>;
  const total = ref(0);
  const totalCapped = ref(false);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await fetchPage(query);
      if (!data) {
        notifyApiError(error);
        return;
      }
      rows.value = data.items;
      total.value = data.total;
      totalCapped.value = data.totalCapped;
    } finally {
      loading.value = false;
    }
  }

  function search(): void {
    query.page = 1;
    void load();
  }

  return { query, rows, total, totalCapped, loading, load, search };
}
