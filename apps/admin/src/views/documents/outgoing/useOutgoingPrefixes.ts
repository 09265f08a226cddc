import { ref } from 'vue';
import { schoolDateOf } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { NumberReport, OutgoingPrefix } from './outgoingPresentation';

/** The school's issuer codes (DOC-7) and, for one of them and a year, the log of its numbers with the gap report. */
export function useOutgoingPrefixes() {
  const prefixes = ref<OutgoingPrefix[]>([]);
  const loading = ref(false);
  const selectedId = ref<string | null>(null);
  const year = ref(Number(schoolDateOf(new Date()).slice(0, 4)));
  const report = ref<NumberReport | null>(null);
  const reportLoading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/documents/outgoing/prefixes');
      if (!data) {
        notifyApiError(error);
        return;
      }
      prefixes.value = data;
      if (!selectedId.value || !data.some((prefix) => prefix.id === selectedId.value)) selectedId.value = data[0]?.id ?? null;
    } finally {
      loading.value = false;
    }
  }

  async function loadReport(): Promise<void> {
    const id = selectedId.value;
    if (!id) {
      report.value = null;
      return;
    }
    reportLoading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/documents/outgoing/prefixes/{id}/numbers', {
        params: { path: { id }, query: { year: year.value } },
      });
      if (!data) {
        notifyApiError(error);
        return;
      }
      report.value = data;
    } finally {
      reportLoading.value = false;
    }
  }

  return { prefixes, loading, selectedId, year, report, reportLoading, load, loadReport };
}
