import { reactive } from 'vue';
import { PAGE_SIZE_DEFAULT, type EventStatus } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { usePagedList } from '../../../composables/usePagedList';
import type { EventRow } from './eventTypes';

export interface EventQuery {
  q: string;
  status: EventStatus | undefined;
  page: number;
  pageSize: number;
}

/** The events list (LOG-11): the API lists only what the person may see. */
export function useEventList() {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList<EventRow, EventQuery>(
    { q: '', status: undefined, page: 1, pageSize: PAGE_SIZE_DEFAULT },
    (q) =>
      api.GET('/api/v1/logistics/events', {
        params: { query: { page: q.page, pageSize: q.pageSize, q: q.q.trim() || undefined, status: q.status || undefined } },
      }),
  );
  const dialogs = reactive({ create: false });
  return { query, rows, total, totalCapped, loading, load, search, dialogs };
}
