import { computed, ref } from 'vue';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { Message, MessageReceipt } from '../../../api/types';
import { useSessionStore } from '../../../stores/session';
import { useWorkbenchStore } from '../../../stores/workbench';

/**
 * One message (ADM-2). Opening it is what marks it read (and its notification), so the header's
 * unread count is refreshed right after. Its sender also sees who has read it.
 */
export function useMessageDetail(id: () => string) {
  const session = useSessionStore();
  const workbench = useWorkbenchStore();
  const message = ref<Message | null>(null);
  const receipts = ref<MessageReceipt[]>([]);
  const loading = ref(false);
  const missing = ref(false);
  const isMine = computed(() => !!message.value?.sender && message.value.sender.id === session.me?.id);

  async function load(): Promise<void> {
    loading.value = true;
    receipts.value = [];
    try {
      const { data, error, response } = await api.GET('/api/v1/messages/{id}', { params: { path: { id: id() } } });
      if (!data) {
        if (response.status === 404 || response.status === 400) missing.value = true;
        notifyApiError(error);
        return;
      }
      missing.value = false;
      message.value = data;
      void workbench.refresh();
      if (isMine.value) await loadReceipts();
    } finally {
      loading.value = false;
    }
  }

  async function loadReceipts(): Promise<void> {
    const { data, error } = await api.GET('/api/v1/messages/{id}/receipts', { params: { path: { id: id() } } });
    if (data) receipts.value = data;
    else notifyApiError(error);
  }

  return { message, receipts, loading, missing, isMine, load, loadReceipts };
}
