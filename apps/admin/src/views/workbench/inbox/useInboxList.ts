import { reactive, ref } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { InboxBox, InboxItem } from '../../../api/types';

/** My inbox (PLT-3): to do or done, in the order the API gives (most urgent, then nearest deadline). */
export function useInboxList() {
  const query = reactive({ box: 'todo' as InboxBox, q: '', page: 1, pageSize: PAGE_SIZE_DEFAULT });
  const rows = ref<InboxItem[]>([]);
  const total = ref(0);
  const totalCapped = ref(false);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/inbox', {
        params: { query: { box: query.box, q: query.q.trim() || undefined, page: query.page, pageSize: query.pageSize } },
      });
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

  function switchBox(box: InboxBox): void {
    query.box = box;
    search();
  }

  return { query, rows, total, totalCapped, loading, load, search, switchBox };
}
