import type { ChannelName, ChannelSettings, Delivery, DeliveryStatus } from '../../../api/types';
import type { TagType } from '../../workbench/inbox/inboxPresentation';

/** Every channel, in the order the panel lists them (the API's CHANNELS). */
export const CHANNEL_NAMES: readonly ChannelName[] = ['in-app', 'email', 'sms', 'wecom', 'dingtalk', 'wechat-mp'];
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['queued', 'sent', 'delivered', 'read', 'failed'];

/**
 * A delivery's status as a tag: queued waits, sent went out (the provider cannot tell more),
 * delivered and read come from real signals only, failed gave up after its retries (PLT-4).
 */
export function deliveryStatusTag(status: DeliveryStatus): { type: TagType; effect: 'light' | 'dark' } {
  switch (status) {
    case 'queued':
      return { type: 'info', effect: 'light' };
    case 'sent':
      return { type: 'primary', effect: 'light' };
    case 'delivered':
      return { type: 'success', effect: 'light' };
    case 'read':
      return { type: 'success', effect: 'dark' };
    case 'failed':
      return { type: 'danger', effect: 'dark' };
  }
}

/**
 * The channels a delivery may be resent on: its own (always offered, the API then says whether it
 * is configured) and every other configured one, as a fallback.
 */
export function resendChannels(delivery: Pick<Delivery, 'channel'>, configured: readonly ChannelName[]): ChannelName[] {
  return CHANNEL_NAMES.filter((channel) => channel === delivery.channel || configured.includes(channel));
}

/** The mask the API shows for a secret that is set; sent back unchanged, it keeps the secret. */
export const SECRET_MASK = '********';

export interface ChannelForm {
  enabled: boolean;
  values: Record<string, string>;
}

export function channelToForm(settings: Pick<ChannelSettings, 'enabled' | 'values'>): ChannelForm {
  return {
    enabled: settings.enabled,
    values: Object.fromEntries(Object.entries(settings.values).map(([key, value]) => [key, value ?? ''])),
  };
}

/** True for a setting whose value the API hides (a set secret). */
export function isMaskedSecret(value: string | null | undefined): boolean {
  return value === SECRET_MASK;
}

/**
 * What to send for a channel: `enabled` when switched, and only the settings that changed. A
 * masked secret left alone is not sent (the API would keep it anyway); a cleared setting is sent
 * as an empty string, which removes the value stored in the panel.
 */
export function channelChanges(
  original: Pick<ChannelSettings, 'enabled' | 'values'>,
  form: ChannelForm,
): { enabled?: boolean; values?: Record<string, string> } {
  const changes: { enabled?: boolean; values?: Record<string, string> } = {};
  if (form.enabled !== original.enabled) changes.enabled = form.enabled;
  const values: Record<string, string> = {};
  for (const [key, typed] of Object.entries(form.values)) {
    const before = original.values[key] ?? '';
    const value = typed.trim();
    if (value === before) continue;
    values[key] = value;
  }
  if (Object.keys(values).length) changes.values = values;
  return changes;
}
