import { PAGE_SIZE_DEFAULT, type DestructionListStatus } from '@xiaoban/shared';
import { api } from '../../api/client';
import { usePagedList } from '../../composables/usePagedList';
import type { DestructionListRow } from './destructionPresentation';

export interface DestructionListQuery {
  status: DestructionListStatus | undefined;
  page: number;
  pageSize: number;
}

/** The destruction lists (DOC-10): filters and paging. */
export function useDestructionLists() {
  return usePagedList<DestructionListRow, DestructionListQuery>({ status: undefined, page: 1, pageSize: PAGE_SIZE_DEFAULT }, (query) =>
    api.GET('/api/v1/retention/destruction-lists', {
      params: { query: { page: query.page, pageSize: query.pageSize, status: query.status || undefined } },
    }),
  );
}

/** Proposes a list of every expired record (DOC-10); the new list, or the error. */
export async function proposeDestructionList(body: { title?: string; asOf?: string }) {
  return api.POST('/api/v1/retention/destruction-lists', { body });
}
