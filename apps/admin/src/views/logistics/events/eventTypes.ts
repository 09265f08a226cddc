import { schoolTimeToInstant, type EventStatus, type EventMaterialStatus } from '@xiaoban/shared';
import type { ResponseOf } from '../../../api/types';
import { errorCode, notifyApiError } from '../../../api/errors';
import { i18n } from '../../../i18n';
import { formatDateTime } from '../../../utils/format';

export type EventRow = ResponseOf<'/api/v1/logistics/events', 'get'>['items'][number];
export type EventDetail = ResponseOf<'/api/v1/logistics/events/{id}', 'get'>;
export type EventMaterial = EventDetail['materials'][number];
export type ReconciliationReport = ResponseOf<'/api/v1/logistics/events/{id}/reconciliation', 'get'>;

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';
const EVENT_STATUS_TAGS: Record<EventStatus, TagType> = { planning: 'info', ready: 'primary', held: 'warning', reconciled: 'success' };
const MATERIAL_STATUS_TAGS: Record<EventMaterialStatus, TagType> = {
  planned: 'info',
  reserved: 'primary',
  issued: 'warning',
  accounted: 'success',
};

export const eventStatusTag = (s: EventStatus): TagType => EVENT_STATUS_TAGS[s];
export const materialStatusTag = (s: EventMaterialStatus): TagType => MATERIAL_STATUS_TAGS[s];

/** `YYYY-MM-DD HH:mm:ss` as the school's clock reads it, to an ISO instant. */
export function schoolInstant(value: string): string {
  const [date, time] = value.split(' ');
  return schoolTimeToInstant(date, time ?? '00:00:00').toISOString();
}

/** An ISO instant as the school's clock reads it, `YYYY-MM-DD HH:mm:ss` (what the pickers take). */
export const schoolClock = (iso: string) => formatDateTime(iso);

/** `2026-04-18 08:00 – 17:00` (the end's date only when it differs). */
export function periodText(startsAt: string, endsAt: string): string {
  const start = formatDateTime(startsAt).slice(0, 16);
  const end = formatDateTime(endsAt).slice(0, 16);
  return `${start} – ${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
}

/** Fen to yuan, two decimals. */
export const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Shows a failed call: this module's own wording for its codes, the panel's otherwise. */
export function notifyEventError(error: unknown): void {
  const { t, te } = i18n.global;
  const code = errorCode(error);
  const key = `logisticsEvents.errors.${code}`;
  if (code && te(key)) ElMessage.error(t(key));
  else notifyApiError(error);
}
