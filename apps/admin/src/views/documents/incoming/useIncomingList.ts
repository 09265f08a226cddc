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
import type { IncomingRow } from './incomingPresentation';

export type IncomingTab = 'all' | 'intake';

/** The incoming register (DOC-8) and today's intake (DOC-2): filters, the rows shown, the dialog. */
export function useIncomingList() {
  const query = reactive({
    q: '',
    number: '',
    docType: undefined as DocumentType | undefined,
    urgency: undefined as DocumentUrgency | undefined,
    secrecy: undefined as DocumentSecrecy | undefined,
    status: undefined as IncomingStatus | undefined,
    major: undefined as boolean | undefined,
    /** [from, to] as YYYY-MM-DD, or null. */
    received: null as [string, string] | null,
    page: 1,
    pageSize: PAGE_SIZE_DEFAULT,
  });
  const tab = ref<IncomingTab>('all');
  const rows = ref<IncomingRow[]>([]);
  const total = ref(0);
  const totalCapped = ref(false);
  const loading = ref(false);
  const intake = ref<IncomingRow[]>([]);
  const intakeLoading = ref(false);

  /** The filters as the API takes them; the register's export sends the same (DOC-12). */
  function filters() {
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

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/documents/incoming', {
        params: { query: { page: query.page, pageSize: query.pageSize, ...filters() } },
      });
      if (!data) {
        notifyApiError(error);
        return;
      }
      rows.value = data.items;
      total.value = data.total;
      totalCapped.value = data.totalCapped;
    } finally {
      loading.value = false;
    }
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

  function search(): void {
    query.page = 1;
    void load();
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
    reload,
    search,
    resetFilters,
    register,
    openRegister,
  };
}
