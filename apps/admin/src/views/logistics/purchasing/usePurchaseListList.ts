import { reactive } from 'vue';
import { PAGE_SIZE_DEFAULT, type PurchaseListStatus } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { usePagedList } from '../../../composables/usePagedList';
import { notifyPurchasingError, type PurchaseListRow } from './purchasingTypes';

export interface PurchaseListQuery {
  status: PurchaseListStatus | undefined;
  page: number;
  pageSize: number;
}

/** The purchase lists (LOG-2–LOG-4) and the purchasing settings (minimum quotes). */
export function usePurchaseListList() {
  const list = usePagedList<PurchaseListRow, PurchaseListQuery>({ status: undefined, page: 1, pageSize: PAGE_SIZE_DEFAULT }, (q) =>
    api.GET('/api/v1/logistics/purchase-lists', {
      params: { query: { page: q.page, pageSize: q.pageSize, status: q.status || undefined } },
    }),
  );
  const settings = reactive({ minQuotes: 3, version: 1, saving: false });

  async function loadSettings(): Promise<void> {
    const { data } = await api.GET('/api/v1/logistics/purchasing-settings');
    if (data) Object.assign(settings, data);
  }

  async function saveSettings(): Promise<boolean> {
    settings.saving = true;
    try {
      const { data, error } = await api.PUT('/api/v1/logistics/purchasing-settings', {
        body: { minQuotes: settings.minQuotes, version: settings.version },
      });
      if (!data) {
        notifyPurchasingError(error);
        return false;
      }
      Object.assign(settings, data);
      return true;
    } finally {
      settings.saving = false;
    }
  }

  return { ...list, settings, loadSettings, saveSettings };
}
