import { reactive, ref } from 'vue';
import {
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  type DocumentSecrecy,
  type DocumentType,
  type DocumentUrgency,
  type IncomingStatus,
} from '@xiaoban/shared';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import { usePagedList } from '../../../composables/usePagedList';
import { fetchAllPages } from '../print/fetchAllPages';
import type { IncomingRow } from './incomingPresentation';

export type IncomingTab = 'all' | 'intake';

/** The list's filters and paging, as the page edits them. */
export interface IncomingQuery {
  q: string;
  number: string;
  docType: DocumentType | undefined;
  urgency: DocumentUrgency | undefined;
  secrecy: DocumentSecrecy | undefined;
  status: IncomingStatus | undefined;
  major: boolean | undefined;
  /** [from, to] as YYYY-MM-DD, or null. */
  received: [string, string] | null;
  page: number;
  pageSize: number;
}

/** The filters as the API takes them; the register's list, export and print send the same (DOC-12). */
export function incomingFilters(query: IncomingQuery) {
  return {
    q: query.q.trim() || undefined,
    number: query.number.trim() || undefined,
    docType: query.docType || undefined,
    urgency: query.urgency || undefined,
    secrecy: query.secrecy || undefined,
    status: query.status || undefined,
    major: query.major || undefined,
    receivedFrom: query.received?.[0] ?? undefined,
    receivedTo: query.received?.[1] ?? undefined,
  };
}

/** The incoming register (DOC-8) and today's intake (DOC-2): filters, the rows shown, the dialog. */
export function useIncomingList() {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList<IncomingRow, IncomingQuery>(
    {
      q: '',
      number: '',
      docType: undefined,
      urgency: undefined,
      secrecy: undefined,
      status: undefined,
      major: undefined,
      received: null,
      page: 1,
      pageSize: PAGE_SIZE_DEFAULT,
    },
    (query) =>
      api.GET('/api/v1/documents/incoming', {
        params: { query: { page: query.page, pageSize: query.pageSize, ...incomingFilters(query) } },
      }),
  );
  const tab = ref<IncomingTab>('all');
  const intake = ref<IncomingRow[]>([]);
  const intakeLoading = ref(false);

  const filters = () => incomingFilters(query);

  /** Every row the filters match, for the printed incoming register (DOC-12); undefined when the API refused. */
  function loadRegister() {
    return fetchAllPages<IncomingRow>(
      (page, pageSize) => api.GET('/api/v1/documents/incoming', { params: { query: { page, pageSize, ...filters() } } }),
      notifyApiError,
    );
  }

  /** Today's intake, extra urgent first, then urgent (the API's order). */
  async function loadIntake(): Promise<void> {
    intakeLoading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/documents/incoming/intake', { params: { query: { pageSize: PAGE_SIZE_MAX } } });
      if (!data) {
        notifyApiError(error);
        return;
      }
      intake.value = data.items;
    } finally {
      intakeLoading.value = false;
    }
  }

  function reload(): void {
    void (tab.value === 'intake' ? loadIntake() : load());
  }

  function resetFilters(): void {
    Object.assign(query, {
      q: '',
      number: '',
      docType: undefined,
      urgency: undefined,
      secrecy: undefined,
      status: undefined,
      major: undefined,
      received: null,
    });
    search();
  }

  const register = reactive({ visible: false });

  function openRegister(): void {
    register.visible = true;
  }

  return {
    query,
    tab,
    rows,
    total,
    totalCapped,
    loading,
    intake,
    intakeLoading,
    filters,
    load,
    loadIntake,
    loadRegister,
    reload,
    search,
    resetFilters,
    register,
    openRegister,
  };
}
