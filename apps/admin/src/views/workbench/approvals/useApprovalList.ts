import { reactive } from 'vue';
import { PAGE_SIZE_DEFAULT, type ApprovalStatus } from '@xiaoban/shared';
import { api } from '../../../api/client';
import type { ApprovalScope } from '../../../api/types';
import { usePagedList } from '../../../composables/usePagedList';

export const APPROVAL_SCOPES: { scope: ApprovalScope; labelKey: string }[] = [
  { scope: 'mine', labelKey: 'approvals.scopeMine' },
  { scope: 'to-me', labelKey: 'approvals.scopeToMe' },
  { scope: 'copied', labelKey: 'approvals.scopeCopied' },
  { scope: 'all', labelKey: 'approvals.scopeAll' },
];

/** The approval list (PLT-2): one scope at a time (mine, to me, copied to me, all I may see). */
export function useApprovalList(initialScope: ApprovalScope = 'mine') {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList(
    {
      scope: initialScope,
      status: undefined as ApprovalStatus | undefined,
      q: '',
      page: 1,
      pageSize: PAGE_SIZE_DEFAULT,
    },
    (query) =>
      api.GET('/api/v1/approvals/requests', {
        params: {
          query: {
            scope: query.scope,
            status: query.status,
            q: query.q.trim() || undefined,
            page: query.page,
            pageSize: query.pageSize,
          },
        },
      }),
  );

  function switchScope(scope: ApprovalScope): void {
    query.scope = scope;
    search();
  }

  function resetFilters(): void {
    query.q = '';
    query.status = undefined;
    search();
  }

  const editor = reactive({ visible: false });

  function openCreate(): void {
    editor.visible = true;
  }

  return { query, rows, total, totalCapped, loading, load, search, switchScope, resetFilters, editor, openCreate };
}
