import { PAGE_SIZE_DEFAULT, type CollectionRequestStatus } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { usePagedList } from '../../../composables/usePagedList';
import type { CollectionRequestRow } from './collectionTypes';

type Query = { q: string; status: CollectionRequestStatus | undefined; page: number; pageSize: number };

/** Collection requests the viewer may see: all for the office, those asking one's department otherwise (INF-1). */
export function useCollectionList() {
  return usePagedList<CollectionRequestRow, Query>({ q: '', status: undefined, page: 1, pageSize: PAGE_SIZE_DEFAULT }, (q) =>
    api.GET('/api/v1/information/collection/requests', {
      params: { query: { page: q.page, pageSize: q.pageSize, q: q.q.trim() || undefined, status: q.status || undefined } },
    }),
  );
}
