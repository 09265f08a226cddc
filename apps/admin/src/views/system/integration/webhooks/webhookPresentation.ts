import { ALL_WEBHOOK_EVENT_TYPES, WEBHOOK_EVENT_LABELS, type WebhookDeliveryStatus, type WebhookEventType } from '@xiaoban/shared';
import type {
  Webhook,
  WebhookChanges,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookEventTypeOfApi,
} from '../../../../api/platformTypes';

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export const DELIVERY_STATUS_TAGS: Record<WebhookDeliveryStatus, TagType> = {
  queued: 'primary',
  succeeded: 'success',
  failed: 'danger',
};

/** The event types a subscription may choose, as the shared catalogue lists them. */
export const EVENT_TYPES: readonly WebhookEventTypeOfApi[] = ALL_WEBHOOK_EVENT_TYPES;

function isEventType(value: string): value is WebhookEventType {
  return (ALL_WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

export function eventTypeLabel(type: string, locale: 'zh-CN' | 'en'): string {
  return isEventType(type) ? WEBHOOK_EVENT_LABELS[type][locale] : type;
}

export interface WebhookForm {
  name: string;
  url: string;
  eventTypes: WebhookEventTypeOfApi[];
  active: boolean;
}

export function webhookToForm(webhook: Webhook | null): WebhookForm {
  if (!webhook) return { name: '', url: '', eventTypes: [], active: true };
  return { name: webhook.name, url: webhook.url, eventTypes: [...webhook.eventTypes], active: webhook.active };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** The PATCH body of an edit: the fields that changed, and the version read (optimistic locking). */
export function webhookChanges(original: Webhook, form: WebhookForm): WebhookChanges {
  const changes: WebhookChanges = { version: original.version };
  const name = form.name.trim();
  const url = form.url.trim();
  if (name !== original.name) changes.name = name;
  if (url !== original.url) changes.url = url;
  if (!sameSet(form.eventTypes, original.eventTypes)) changes.eventTypes = [...form.eventTypes];
  if (form.active !== original.active) changes.active = form.active;
  return changes;
}

/** A delivery still being attempted cannot be resent (409); the others can. */
export function canResend(delivery: Pick<WebhookDelivery, 'status'>): boolean {
  return delivery.status !== 'queued';
}

/** True while any delivery shown is still queued: the log is worth refreshing. */
export function anyQueued(deliveries: readonly Pick<WebhookDelivery, 'status'>[]): boolean {
  return deliveries.some((delivery) => delivery.status === 'queued');
}

/** An attempt succeeded when the receiver answered 2xx. */
export function attemptSucceeded(attempt: Pick<WebhookDeliveryAttempt, 'statusCode'>): boolean {
  return attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
}
