import {
  ARCHIVE_CONDITION_LABELS,
  ARCHIVE_ORG_MODE_LABELS,
  DOCUMENT_TYPE_LABELS,
  RETENTION_PERIOD_LABELS,
  type ArchiveCondition,
  type ArchiveOrgMode,
  type DocumentType,
  type RetentionPeriod,
} from '@xiaoban/shared';
import type { QueryOf, ResponseOf } from '../../../api/types';

export type ArchiveItemRow = ResponseOf<'/api/v1/administration/archives/items', 'get'>['items'][number];
export type ArchiveItemDetail = ResponseOf<'/api/v1/administration/archives/items/{id}', 'get'>;
export type ArchiveBoxRow = ResponseOf<'/api/v1/administration/archives/boxes', 'get'>['items'][number];
export type ArchiveClassification = ResponseOf<'/api/v1/administration/archives/classification', 'get'>;
export type ArchiveRetentionRule = ArchiveClassification['schedule'][number];
export type ArchiveFilingCandidate = ResponseOf<'/api/v1/administration/archives/filing', 'get'>[number];
export type ArchiveBackupRow = ResponseOf<'/api/v1/administration/archives/backups', 'get'>['items'][number];
/** The catalogue's filters, shared by the list, its export and its printed form. */
export type ArchiveItemFilters = Omit<NonNullable<QueryOf<'/api/v1/administration/archives/items', 'get'>>, 'page' | 'pageSize' | 'format'>;

type Locale = 'zh-CN' | 'en';

/** The labels of libs/shared in the panel's language (no Chinese literal in components). */
export const archiveLabels = {
  retention: (v: string, l: Locale) => RETENTION_PERIOD_LABELS[v as RetentionPeriod]?.[l] ?? v,
  condition: (v: string, l: Locale) => ARCHIVE_CONDITION_LABELS[v as ArchiveCondition]?.[l] ?? v,
  orgMode: (v: string, l: Locale) => ARCHIVE_ORG_MODE_LABELS[v as ArchiveOrgMode]?.[l] ?? v,
  documentType: (v: string | null, l: Locale) => (v ? (DOCUMENT_TYPE_LABELS[v as DocumentType]?.[l] ?? v) : ''),
};

/** The catalogue's filters from a route query (the print view takes them from its URL). */
export function filtersFromQuery(query: Record<string, unknown>): ArchiveItemFilters {
  const text = (key: string) => (typeof query[key] === 'string' && query[key] ? (query[key] as string) : undefined);
  const year = text('year');
  return {
    categoryCode: text('categoryCode'),
    year: year ? Number(year) : undefined,
    retention: text('retention') as ArchiveItemFilters['retention'],
    orgCode: text('orgCode'),
    boxId: text('boxId'),
    q: text('q'),
  };
}

/** The filters as a route query: only the ones set. */
export function filtersToQuery(filters: ArchiveItemFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
}
