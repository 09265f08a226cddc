import { ref } from 'vue';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { ArchiveClassification } from './archiveTypes';

const classification = ref<ArchiveClassification | null>(null);

/** The archive's classification (ADM-7), loaded once and shared by the archive's tabs (filters, forms). */
export function useArchiveClassification() {
  async function reload(): Promise<void> {
    const { data, error } = await api.GET('/api/v1/administration/archives/classification');
    if (!data) return notifyApiError(error);
    classification.value = data;
  }
  async function ensure(): Promise<void> {
    if (!classification.value) await reload();
  }
  return { classification, reload, ensure };
}
