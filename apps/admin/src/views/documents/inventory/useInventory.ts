import { reactive, ref } from 'vue';
import { PAGE_SIZE_DEFAULT, PLATFORM_ERRORS } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { errorCode, notifyApiError } from '../../../api/errors';
import { usePagedList } from '../../../composables/usePagedList';
import { fetchAllPages } from '../print/fetchAllPages';
import type { Inventory, InventoryItem, ItemFilter } from './inventoryPresentation';

/** One inventory's page (DOC-9): its tally, the checklist with its filter, and the office's actions. */
export function useInventory(id: () => string) {
  const inventory = ref<Inventory | null>(null);
  const busy = ref(false);
  const list = usePagedList<InventoryItem, { state: ItemFilter | undefined; q: string; page: number; pageSize: number }>(
    { state: undefined, q: '', page: 1, pageSize: PAGE_SIZE_DEFAULT },
    (query) =>
      api.GET('/api/v1/documents/inventories/{id}/items', {
        params: {
          path: { id: id() },
          query: { page: query.page, pageSize: query.pageSize, state: query.state, q: query.q.trim() || undefined },
        },
      }),
  );

  async function loadInventory(): Promise<void> {
    const { data, error } = await api.GET('/api/v1/documents/inventories/{id}', { params: { path: { id: id() } } });
    if (data) inventory.value = data;
    else notifyApiError(error);
  }

  async function reload(): Promise<void> {
    await Promise.all([loadInventory(), list.load()]);
  }

  /** Runs one call and reloads; true when it went through. */
  async function run(call: () => Promise<{ data?: unknown; error?: unknown }>): Promise<boolean> {
    busy.value = true;
    try {
      const { data, error } = await call();
      if (data === undefined) {
        notifyApiError(error);
        if (errorCode(error) === PLATFORM_ERRORS.VERSION_CONFLICT) await reload();
        return false;
      }
      await reload();
      return true;
    } finally {
      busy.value = false;
    }
  }

  const extra = reactive({ title: '', number: '', note: '' });

  return {
    inventory,
    busy,
    ...list,
    reload,
    extra,
    count: (item: InventoryItem) =>
      run(() => api.POST('/api/v1/documents/inventories/scan', { body: { kind: item.recordKind!, recordId: item.recordId! } })),
    addExtra: () =>
      run(() =>
        api.POST('/api/v1/documents/inventories/{id}/extra', {
          params: { path: { id: id() } },
          body: { title: extra.title.trim(), number: extra.number.trim() || undefined, note: extra.note.trim() || undefined },
        }),
      ),
    markDamaged: (itemId: string, note: string) =>
      run(() => api.POST('/api/v1/documents/inventories/items/{itemId}/damage', { params: { path: { itemId } }, body: { note } })),
    recordRemedy: (itemId: string, remedy: 'repaired' | 'copied', note: string) =>
      run(() =>
        api.POST('/api/v1/documents/inventories/items/{itemId}/remedy', {
          params: { path: { itemId } },
          body: { remedy, note: note.trim() || undefined },
        }),
      ),
    close: () =>
      run(() =>
        api.POST('/api/v1/documents/inventories/{id}/close', {
          params: { path: { id: id() } },
          body: { version: inventory.value?.version ?? 1 },
        }),
      ),
    /** Every line of the checklist with a record, for the label sheet. */
    allItems: () =>
      fetchAllPages<InventoryItem>(
        (page, pageSize) =>
          api.GET('/api/v1/documents/inventories/{id}/items', { params: { path: { id: id() }, query: { page, pageSize } } }),
        notifyApiError,
      ),
  };
}
