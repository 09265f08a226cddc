import { reactive, ref } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import type { ChannelName, Delivery, DeliveryStatus, EntityId } from '../../../api/types';
import { usePagedList } from '../../../composables/usePagedList';

/** The delivery log (PLT-4): every notification per recipient and channel, newest first. */
export function useDeliveryList() {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList(
    {
      q: '',
      status: undefined as DeliveryStatus | undefined,
      channel: undefined as ChannelName | undefined,
      kind: '',
      recipientId: undefined as EntityId | undefined,
      page: 1,
      pageSize: PAGE_SIZE_DEFAULT,
    },
    (query) =>
      api.GET('/api/v1/notifications/deliveries', {
        params: {
          query: {
            q: query.q.trim() || undefined,
            status: query.status,
            channel: query.channel,
            kind: query.kind.trim() || undefined,
            recipientId: query.recipientId ? String(query.recipientId) : undefined,
            page: query.page,
            pageSize: query.pageSize,
          },
        },
      }),
  );
  /** Configured channels, the fallbacks a resend may use. */
  const configured = ref<ChannelName[]>([]);

  async function loadConfigured(): Promise<void> {
    // Everyone may read which channels the school has configured, with their own preferences.
    const { data } = await api.GET('/api/v1/notifications/preferences');
    if (data) configured.value = data.available;
  }

  function resetFilters(): void {
    Object.assign(query, { q: '', status: undefined, channel: undefined, kind: '', recipientId: undefined });
    search();
  }

  const resender = reactive({ visible: false, delivery: null as Delivery | null });

  function openResend(delivery: Delivery): void {
    resender.delivery = delivery;
    resender.visible = true;
  }

  return { query, rows, total, totalCapped, loading, configured, load, loadConfigured, search, resetFilters, resender, openResend };
}
