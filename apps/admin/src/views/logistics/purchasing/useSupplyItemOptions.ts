import { ref } from 'vue';
import { api } from '../../../api/client';

export interface SupplyItemOption {
  id: string;
  name: string;
  specification: string;
  unit: string;
}

/** Active catalogue items to pick in a demand line (LOG-1, LOG-2), searched by text. */
export function useSupplyItemOptions() {
  const options = ref<SupplyItemOption[]>([]);
  const loading = ref(false);
  const known = new Map<string, SupplyItemOption>();

  async function find(q: string): Promise<void> {
    loading.value = true;
    try {
      const { data } = await api.GET('/api/v1/logistics/supplies/items', {
        params: { query: { q: q.trim() || undefined, active: true, pageSize: 50 } },
      });
      options.value = (data?.items ?? []).map((i) => ({ id: i.id, name: i.name, specification: i.specification, unit: i.unit }));
      for (const o of options.value) known.set(o.id, o);
    } finally {
      loading.value = false;
    }
  }

  const byId = (id: string) => known.get(id);

  return { options, loading, find, byId };
}
