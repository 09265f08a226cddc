import { reactive } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../../api/client';
import type { ApiToken, ApiTokenStatus, CreatedApiToken } from '../../../../api/platformTypes';
import { usePagedList } from '../../../../composables/usePagedList';

/** API tokens of other school systems (PLT-9): the list, the create dialog, the one-time secret, revoking. */
export function useApiTokenList() {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList(
    {
      q: '',
      status: undefined as ApiTokenStatus | undefined,
      page: 1,
      pageSize: PAGE_SIZE_DEFAULT,
    },
    (query) =>
      api.GET('/api/v1/integration/tokens', {
        params: {
          query: { page: query.page, pageSize: query.pageSize, q: query.q.trim() || undefined, status: query.status || undefined },
        },
      }),
  );

  function resetFilters(): void {
    query.q = '';
    query.status = undefined;
    search();
  }

  const creator = reactive({ visible: false });
  /** The secret of the token just created: shown once, then forgotten. */
  const secret = reactive({ visible: false, token: '', name: '' });

  function openCreate(): void {
    creator.visible = true;
  }

  function onCreated(created: CreatedApiToken): void {
    secret.token = created.token;
    secret.name = created.name;
    secret.visible = true;
    search();
  }

  function forgetSecret(): void {
    secret.token = '';
    secret.name = '';
  }

  const revoker = reactive({ visible: false, token: null as ApiToken | null });

  function openRevoke(token: ApiToken): void {
    revoker.token = token;
    revoker.visible = true;
  }

  return {
    query,
    rows,
    total,
    totalCapped,
    loading,
    load,
    search,
    resetFilters,
    creator,
    openCreate,
    secret,
    onCreated,
    forgetSecret,
    revoker,
    openRevoke,
  };
}
