import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { usePagedList } from '../../../composables/usePagedList';
import type { BoardRow } from './boardTypes';

/** The boards list (INF-6): query, rows and paging. */
export function useBoardList() {
  return usePagedList<BoardRow, { active: boolean | undefined; page: number; pageSize: number }>(
    { active: undefined, page: 1, pageSize: PAGE_SIZE_DEFAULT },
    (q) => api.GET('/api/v1/information/boards', { params: { query: { page: q.page, pageSize: q.pageSize, active: q.active } } }),
  );
}
