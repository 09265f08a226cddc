import {
  MAINTENANCE_CATEGORY_LABELS,
  MAINTENANCE_SOURCE_LABELS,
  MAINTENANCE_STATUS_LABELS,
  MAINTENANCE_URGENCY_LABELS,
  type MaintenanceCategory,
  type MaintenanceSource,
  type MaintenanceStatus,
  type MaintenanceUrgency,
} from '@xiaoban/shared';
import type { BodyOf, ResponseOf } from '../../../api/types';

export type MaintenanceRow = ResponseOf<'/api/v1/logistics/maintenance/requests', 'get'>['items'][number];
export type MaintenanceDetail = ResponseOf<'/api/v1/logistics/maintenance/requests/{id}', 'get'>;
export type MaintenanceLocation = ResponseOf<'/api/v1/logistics/maintenance/locations', 'get'>[number];
export type MaintenanceSettings = ResponseOf<'/api/v1/logistics/maintenance/settings', 'get'>;
export type NewMaintenanceRequest = BodyOf<'/api/v1/logistics/maintenance/requests', 'post'>;
export type InspectionTemplate = ResponseOf<'/api/v1/logistics/inspections/templates', 'get'>[number];
export type InspectionRound = ResponseOf<'/api/v1/logistics/inspections/rounds', 'get'>['items'][number];
export type InspectionRoundDetail = ResponseOf<'/api/v1/logistics/inspections/rounds/{id}', 'get'>;
export type RepeatFaultReport = ResponseOf<'/api/v1/logistics/maintenance/reports/repeat-faults', 'get'>;

type Locale = 'zh-CN' | 'en';
type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';

const STATUS_TAGS: Record<MaintenanceStatus, TagType> = {
  submitted: 'warning',
  'awaiting-approval': 'warning',
  triaged: 'info',
  assigned: 'primary',
  'in-progress': 'primary',
  completed: 'success',
  reopened: 'danger',
  confirmed: 'success',
  cancelled: 'info',
};

export const statusLabel = (s: MaintenanceStatus, locale: Locale) => MAINTENANCE_STATUS_LABELS[s][locale];
export const statusTag = (s: MaintenanceStatus): TagType => STATUS_TAGS[s];
export const categoryLabel = (c: MaintenanceCategory, locale: Locale) => MAINTENANCE_CATEGORY_LABELS[c][locale];
export const urgencyLabel = (u: MaintenanceUrgency, locale: Locale) => MAINTENANCE_URGENCY_LABELS[u][locale];
export const sourceLabel = (s: MaintenanceSource, locale: Locale) => MAINTENANCE_SOURCE_LABELS[s][locale];

/** Fen to yuan for display (two decimals). */
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : (fen / 100).toFixed(2));
/** Yuan typed in a form to integer fen. */
export const toFen = (value: number | null | undefined) => (value === null || value === undefined ? undefined : Math.round(value * 100));
