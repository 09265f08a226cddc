import { reactive } from 'vue';
import { PAGE_SIZE_DEFAULT, type MeetingStatus } from '@xiaoban/shared';
import { api } from '../../api/client';
import { usePagedList } from '../../composables/usePagedList';
import type { MeetingRow } from './meetingTypes';

export interface MeetingQuery {
  q: string;
  status: MeetingStatus | undefined;
  typeCode: string | undefined;
  mine: boolean;
  page: number;
  pageSize: number;
}

/** The meetings list (MTG-2): the API lists only what the person may see. */
export function useMeetingList() {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList<MeetingRow, MeetingQuery>(
    { q: '', status: undefined, typeCode: undefined, mine: false, page: 1, pageSize: PAGE_SIZE_DEFAULT },
    (q) =>
      api.GET('/api/v1/meetings', {
        params: {
          query: {
            page: q.page,
            pageSize: q.pageSize,
            q: q.q.trim() || undefined,
            status: q.status || undefined,
            typeCode: q.typeCode || undefined,
            mine: q.mine || undefined,
          },
        },
      }),
  );
  const dialogs = reactive({ create: false, feed: false, coordination: false });
  return { query, rows, total, totalCapped, loading, load, search, dialogs };
}
