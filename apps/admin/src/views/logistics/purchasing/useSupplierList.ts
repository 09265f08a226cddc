import { reactive } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { usePagedList } from '../../../composables/usePagedList';
import type { Supplier } from './purchasingTypes';

export interface SupplierQuery {
  q: string;
  page: number;
  pageSize: number;
}

/** The suppliers list (LOG-3): search, paging and the form dialog's state. */
export function useSupplierList() {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList<Supplier, SupplierQuery>(
    { q: '', page: 1, pageSize: PAGE_SIZE_DEFAULT },
    (q) =>
      api.GET('/api/v1/logistics/suppliers', { params: { query: { page: q.page, pageSize: q.pageSize, q: q.q.trim() || undefined } } }),
  );
  const dialog = reactive<{ visible: boolean; supplier: Supplier | null }>({ visible: false, supplier: null });

  function openCreate(): void {
    dialog.supplier = null;
    dialog.visible = true;
  }

  function openEdit(supplier: Supplier): void {
    dialog.supplier = supplier;
    dialog.visible = true;
  }

  return { query, rows, total, totalCapped, loading, load, search, dialog, openCreate, openEdit };
}
