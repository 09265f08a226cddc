import { PAGE_SIZE_DEFAULT, type SupplyRequestStatus } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { usePagedList } from '../../../composables/usePagedList';
import type { SupplyRequest } from './suppliesTypes';

type RequestQuery = { mine: boolean; status: SupplyRequestStatus | undefined; page: number; pageSize: number };

/** Supply requests (LOG-5): one's department's (mine) or, for the storekeeper, every request. */
export function useSupplyRequestsList(mine: boolean) {
  return usePagedList<SupplyRequest, RequestQuery>({ mine, status: undefined, page: 1, pageSize: PAGE_SIZE_DEFAULT }, (q) =>
    api.GET('/api/v1/logistics/supplies/requests', {
      params: { query: { page: q.page, pageSize: q.pageSize, mine: q.mine || undefined, status: q.status || undefined } },
    }),
  );
}
