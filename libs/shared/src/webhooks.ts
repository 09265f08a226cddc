/**
 * Outgoing webhooks (PLT-9): the event types another school system may subscribe to, and the
 * states of a delivery. A module adds its event type here when it starts publishing it
 * (e.g. `notice.published`), so the panel only offers events that really occur.
 */
export const WEBHOOK_EVENT_TYPES = {
  /** Sent on demand from the panel to check a receiver; no module publishes it. */
  TEST: 'webhook.test',
} as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[keyof typeof WEBHOOK_EVENT_TYPES];

export const ALL_WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = Object.values(WEBHOOK_EVENT_TYPES);

/** Labels for the subscription form, keyed by event type; zh-CN first. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, { 'zh-CN': string; en: string }> = {
  'webhook.test': { 'zh-CN': '测试事件', en: 'Test event' },
};

/** queued (waiting for its first or next attempt) → succeeded, or failed once the retries are spent. */
export const WEBHOOK_DELIVERY_STATUSES = ['queued', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
