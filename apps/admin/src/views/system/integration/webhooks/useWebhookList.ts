import { reactive, ref } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../../api/client';
import { notifyApiError } from '../../../../api/errors';
import type { CreatedWebhook, Webhook } from '../../../../api/platformTypes';
import { notifyPlatformError } from '../../../../composables/platformErrors';
import { i18n } from '../../../../i18n';
import { usePagedList } from '../../../../composables/usePagedList';

/** Outgoing webhooks (PLT-9): the list, create/edit, the secret shown once, test, delete, the delivery log. */
export function useWebhookList() {
  const { t } = i18n.global;
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList(
    {
      q: '',
      active: undefined as boolean | undefined,
      page: 1,
      pageSize: PAGE_SIZE_DEFAULT,
    },
    (query) =>
      api.GET('/api/v1/integration/webhooks', {
        params: { query: { page: query.page, pageSize: query.pageSize, q: query.q.trim() || undefined, active: query.active } },
      }),
  );

  function resetFilters(): void {
    query.q = '';
    query.active = undefined;
    search();
  }

  const editor = reactive({ visible: false, webhook: null as Webhook | null });

  function openCreate(): void {
    editor.webhook = null;
    editor.visible = true;
  }

  function openEdit(webhook: Webhook): void {
    editor.webhook = webhook;
    editor.visible = true;
  }

  const secret = reactive({ visible: false, value: '', name: '' });

  function onCreated(created: CreatedWebhook): void {
    secret.value = created.secret;
    secret.name = created.name;
    secret.visible = true;
    search();
  }

  function forgetSecret(): void {
    secret.value = '';
    secret.name = '';
  }

  const log = reactive({ visible: false, webhook: null as Webhook | null });

  function openDeliveries(webhook: Webhook): void {
    log.webhook = webhook;
    log.visible = true;
  }

  const testing = ref<string | null>(null);

  /** Queues one signed `webhook.test` delivery and opens the log to follow it. */
  async function sendTest(webhook: Webhook): Promise<void> {
    testing.value = webhook.id;
    try {
      const { data, error } = await api.POST('/api/v1/integration/webhooks/{id}/test', {
        params: { path: { id: webhook.id } },
        body: { message: t('integration.webhooks.testMessage') },
      });
      if (!data) {
        notifyPlatformError(error);
        return;
      }
      ElMessage.success(t('integration.webhooks.testSent'));
      openDeliveries(webhook);
    } finally {
      testing.value = null;
    }
  }

  async function remove(webhook: Webhook): Promise<void> {
    const confirmed = await ElMessageBox.confirm(
      t('integration.webhooks.confirmDelete', { name: webhook.name }),
      t('common.confirmTitle'),
      { type: 'warning', confirmButtonText: t('common.delete'), cancelButtonText: t('common.cancel') },
    ).catch(() => false);
    if (!confirmed) return;
    const { error, response } = await api.DELETE('/api/v1/integration/webhooks/{id}', { params: { path: { id: webhook.id } } });
    if (!response.ok) {
      notifyApiError(error);
      return;
    }
    ElMessage.success(t('common.deleted'));
    await load();
  }

  return {
    query,
    rows,
    total,
    totalCapped,
    loading,
    load,
    search,
    resetFilters,
    editor,
    openCreate,
    openEdit,
    secret,
    onCreated,
    forgetSecret,
    log,
    openDeliveries,
    testing,
    sendTest,
    remove,
  };
}
