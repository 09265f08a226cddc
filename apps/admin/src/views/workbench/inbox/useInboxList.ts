import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import type { InboxBox } from '../../../api/types';
import { usePagedList } from '../../../composables/usePagedList';

/** My inbox (PLT-3): to do or done, in the order the API gives (most urgent, then nearest deadline). */
export function useInboxList() {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList(
    { box: 'todo' as InboxBox, q: '', page: 1, pageSize: PAGE_SIZE_DEFAULT },
    (query) =>
      api.GET('/api/v1/inbox', {
        params: { query: { box: query.box, q: query.q.trim() || undefined, page: query.page, pageSize: query.pageSize } },
      }),
  );

  function switchBox(box: InboxBox): void {
    query.box = box;
    search();
  }

  return { query, rows, total, totalCapped, loading, load, search, switchBox };
}
