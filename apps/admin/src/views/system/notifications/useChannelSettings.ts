import { reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { ChannelName, ChannelSettings } from '../../../api/types';
import { channelChanges, channelToForm, type ChannelForm } from './deliveryPresentation';

/** The channels' settings (PLT-4): from the environment or set here; secrets come back masked. */
export function useChannelSettings() {
  const { t } = useI18n();
  const channels = ref<ChannelSettings[]>([]);
  /** One form per channel, keyed by channel. */
  const forms = reactive<Partial<Record<ChannelName, ChannelForm>>>({});
  const loading = ref(false);
  const saving = ref<ChannelName | null>(null);

  function adopt(settings: ChannelSettings): void {
    forms[settings.channel] = channelToForm(settings);
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/notifications/channels');
      if (!data) {
        notifyApiError(error);
        return;
      }
      channels.value = data;
      data.forEach(adopt);
    } finally {
      loading.value = false;
    }
  }

  function isDirty(settings: ChannelSettings): boolean {
    const form = forms[settings.channel];
    return !!form && Object.keys(channelChanges(settings, form)).length > 0;
  }

  /** Saves what changed; returns the API's error for the form, or null. */
  async function save(settings: ChannelSettings): Promise<unknown> {
    const form = forms[settings.channel];
    if (!form) return null;
    const changes = channelChanges(settings, form);
    if (Object.keys(changes).length === 0) return null;
    saving.value = settings.channel;
    try {
      const { data, error } = await api.PUT('/api/v1/notifications/channels/{channel}', {
        params: { path: { channel: settings.channel } },
        body: changes,
      });
      if (!data) return error ?? null;
      channels.value = channels.value.map((entry) => (entry.channel === data.channel ? data : entry));
      adopt(data);
      ElMessage.success(t('channelSettings.saved', { channel: t(`channels.${data.channel}`) }));
      return null;
    } finally {
      saving.value = null;
    }
  }

  function reset(settings: ChannelSettings): void {
    adopt(settings);
  }

  return { channels, forms, loading, saving, load, isDirty, save, reset };
}
