import { ref } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { AuditVerification, EntityId } from '../../../api/types';
import { usePagedList } from '../../../composables/usePagedList';

/** The audit log search's query as a page opens: no filters, first page. */
function newAuditQuery() {
  return {
    actorId: undefined as EntityId | undefined,
    objectType: '',
    objectId: '',
    action: '',
    /** [from, to] as chosen in the picker, in the browser's clock. */
    timeRange: null as [Date, Date] | null,
    page: 1,
    pageSize: PAGE_SIZE_DEFAULT,
  };
}

type AuditQuery = ReturnType<typeof newAuditQuery>;

/** The filters as the API takes them: blank fields left out, times as ISO instants. */
function auditFilters(query: AuditQuery) {
  const [from, to] = query.timeRange ?? [];
  return {
    actorId: query.actorId ?? undefined,
    objectType: query.objectType.trim() || undefined,
    objectId: query.objectId.trim() || undefined,
    action: query.action.trim() || undefined,
    from: from?.toISOString(),
    to: to?.toISOString(),
  };
}

/** The audit log search (PLT-6): filters, the page of entries, and the hash-chain check. */
export function useAuditList() {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList(newAuditQuery(), (query) =>
    api.GET('/api/v1/audit/logs', { params: { query: { page: query.page, pageSize: query.pageSize, ...auditFilters(query) } } }),
  );

  /** The filters as the API takes them; the Excel export sends the same (PLT-7). */
  function filters() {
    return auditFilters(query);
  }

  function resetFilters(): void {
    query.actorId = undefined;
    query.objectType = '';
    query.objectId = '';
    query.action = '';
    query.timeRange = null;
    search();
  }

  const verification = ref<AuditVerification | null>(null);
  const verifying = ref(false);

  /** Re-computes the sealed chain on the server and reports where, if anywhere, it breaks. */
  async function verifyChain(): Promise<void> {
    verifying.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/audit/verify');
      if (!data) {
        notifyApiError(error);
        return;
      }
      verification.value = data;
    } finally {
      verifying.value = false;
    }
  }

  const sealing = ref(false);

  /**
   * Links the entries written since the last sealing run into the chain now, instead of waiting
   * for the job, so that a verification right after covers them.
   */
  async function sealNow(): Promise<number | null> {
    sealing.value = true;
    try {
      const { data, error } = await api.POST('/api/v1/audit/seal');
      if (!data) {
        notifyApiError(error);
        return null;
      }
      return data.sealed;
    } finally {
      sealing.value = false;
    }
  }

  return {
    query,
    rows,
    total,
    totalCapped,
    loading,
    filters,
    load,
    search,
    resetFilters,
    verification,
    verifying,
    verifyChain,
    sealing,
    sealNow,
  };
}
