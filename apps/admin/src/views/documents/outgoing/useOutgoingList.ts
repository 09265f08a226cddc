import { reactive, ref } from 'vue';
import { PAGE_SIZE_DEFAULT, type DocumentSecrecy, type DocumentType, type DocumentUrgency, type OutgoingStatus } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import { usePagedList } from '../../../composables/usePagedList';
import { fetchAllPages } from '../print/fetchAllPages';
import type { OutgoingPrefix, OutgoingRow } from './outgoingPresentation';

/** The outgoing list's filters and paging, as the page edits them. */
export interface OutgoingQuery {
  q: string;
  number: string;
  docType: DocumentType | undefined;
  status: OutgoingStatus | undefined;
  secrecy: DocumentSecrecy | undefined;
  urgency: DocumentUrgency | undefined;
  prefixId: string | undefined;
  /** [from, to] as YYYY-MM-DD over the written date (the drafting date before there is one), or null. */
  dates: [string, string] | null;
  page: number;
  pageSize: number;
}

/** The filters as the API takes them; the list, the register's export and its print send the same (DOC-8, DOC-12). */
export function outgoingFilters(query: OutgoingQuery) {
  return {
    q: query.q.trim() || undefined,
    number: query.number.trim() || undefined,
    docType: query.docType || undefined,
    status: query.status || undefined,
    secrecy: query.secrecy || undefined,
    urgency: query.urgency || undefined,
    prefixId: query.prefixId || undefined,
    dateFrom: query.dates?.[0] ?? undefined,
    dateTo: query.dates?.[1] ?? undefined,
  };
}

/** The outgoing register (DOC-7, DOC-12): filters, the rows shown, the drafting dialog. */
export function useOutgoingList() {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList<OutgoingRow, OutgoingQuery>(
    {
      q: '',
      number: '',
      docType: undefined,
      status: undefined,
      secrecy: undefined,
      urgency: undefined,
      prefixId: undefined,
      dates: null,
      page: 1,
      pageSize: PAGE_SIZE_DEFAULT,
    },
    (query) =>
      api.GET('/api/v1/documents/outgoing', {
        params: { query: { page: query.page, pageSize: query.pageSize, ...outgoingFilters(query) } },
      }),
  );
  const prefixes = ref<OutgoingPrefix[]>([]);

  const filters = () => outgoingFilters(query);

  async function loadPrefixes(): Promise<void> {
    const { data } = await api.GET('/api/v1/documents/outgoing/prefixes');
    if (data) prefixes.value = data;
  }

  /** Every row the filters match, for the printed outgoing register (DOC-12); undefined when the API refused. */
  function loadRegister() {
    return fetchAllPages<OutgoingRow>(
      (page, pageSize) => api.GET('/api/v1/documents/outgoing', { params: { query: { page, pageSize, ...filters() } } }),
      notifyApiError,
    );
  }

  function resetFilters(): void {
    Object.assign(query, {
      q: '',
      number: '',
      docType: undefined,
      status: undefined,
      secrecy: undefined,
      urgency: undefined,
      prefixId: undefined,
      dates: null,
    });
    search();
  }

  const drafting = reactive({ visible: false });

  function openDraft(): void {
    drafting.visible = true;
  }

  return {
    query,
    rows,
    total,
    totalCapped,
    loading,
    prefixes,
    filters,
    load,
    loadPrefixes,
    loadRegister,
    search,
    resetFilters,
    drafting,
    openDraft,
  };
}
