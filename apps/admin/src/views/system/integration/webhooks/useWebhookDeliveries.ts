import { reactive, ref } from 'vue';
import { PAGE_SIZE_DEFAULT, type WebhookDeliveryStatus } from '@xiaoban/shared';
import { api } from '../../../../api/client';
import { notifyApiError } from '../../../../api/errors';
import type { WebhookDelivery } from '../../../../api/platformTypes';
import { notifyPlatformError } from '../../../../composables/platformErrors';
import { i18n } from '../../../../i18n';
import { anyQueued } from './webhookPresentation';

/** Seconds between refreshes while a delivery is still being attempted. */
const REFRESH_MS = 5000;

/** The delivery log of one webhook (PLT-9): each delivery with its attempts, resend, refreshed while any is queued. */
export function useWebhookDeliveries(webhookId: () => string | null) {
  const { t } = i18n.global;
  const query = reactive({ status: undefined as WebhookDeliveryStatus | undefined, page: 1, pageSize: PAGE_SIZE_DEFAULT });
  const rows = ref<WebhookDelivery[]>([]);
  const total = ref(0);
  const totalCapped = ref(false);
  const loading = ref(false);
  const refreshing = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;

  function stop(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    refreshing.value = false;
  }

  async function load(options: { silent?: boolean } = {}): Promise<void> {
    const id = webhookId();
    if (!id) return;
    stop();
    if (!options.silent) loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/integration/webhooks/{id}/deliveries', {
        params: { path: { id }, query: { page: query.page, pageSize: query.pageSize, status: query.status || undefined } },
      });
      if (!data) {
        if (!options.silent) notifyApiError(error);
        return;
      }
      rows.value = data.items;
      total.value = data.total;
      totalCapped.value = data.totalCapped;
    } finally {
      loading.value = false;
    }
    if (anyQueued(rows.value) && webhookId() === id) {
      refreshing.value = true;
      timer = setTimeout(() => void load({ silent: true }), REFRESH_MS);
    }
  }

  function search(): void {
    query.page = 1;
    void load();
  }

  function reset(): void {
    stop();
    query.status = undefined;
    query.page = 1;
    rows.value = [];
    total.value = 0;
  }

  const resending = ref<string | null>(null);

  async function resend(delivery: WebhookDelivery): Promise<void> {
    const answer = await ElMessageBox.prompt(t('integration.deliveries.resendPrompt'), t('integration.deliveries.resendTitle'), {
      confirmButtonText: t('integration.deliveries.resend'),
      cancelButtonText: t('common.cancel'),
      inputPlaceholder: t('integration.reasonPlaceholder'),
      inputValidator: (value) => !value || value.length <= 200 || t('validation.maxLength', { field: t('integration.reason'), max: 200 }),
    }).catch(() => null);
    if (!answer) return;
    resending.value = delivery.id;
    try {
      const { data, error } = await api.POST('/api/v1/integration/webhook-deliveries/{id}/resend', {
        params: { path: { id: delivery.id } },
        body: { reason: answer.value?.trim() || undefined },
      });
      if (!data) {
        notifyPlatformError(error);
        return;
      }
      ElMessage.success(t('integration.deliveries.resent'));
      await load({ silent: true });
    } finally {
      resending.value = null;
    }
  }

  return { query, rows, total, totalCapped, loading, refreshing, load, search, reset, stop, resending, resend };
}
