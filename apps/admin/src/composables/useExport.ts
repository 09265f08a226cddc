import { ref } from 'vue';
import { schoolDateOf } from '@xiaoban/shared';
import { api } from '../api/client';
import type { QueryOf } from '../api/types';
import { i18n } from '../i18n';
import { datedName, fileNameFromContentDisposition, saveBlob } from '../utils/download';
import { notifyPlatformError } from './platformErrors';

/** The list routes that answer `format=xlsx` (PLT-7), as the generated schema declares them. */
export type ExportPath =
  | '/api/v1/org/users'
  | '/api/v1/audit/logs'
  | '/api/v1/approvals/requests'
  | '/api/v1/messages'
  | '/api/v1/notifications/deliveries'
  | '/api/v1/documents/incoming'
  | '/api/v1/documents/outgoing'
  | '/api/v1/administration/seal-uses'
  | '/api/v1/administration/ledger'
  | '/api/v1/administration/archives/items'
  | '/api/v1/administration/lending/loans'
  | '/api/v1/administration/liaison'
  | '/api/v1/meetings/resolutions'
  | '/api/v1/logistics/supplies/consumption';

/** A list's filters, without paging and format: an export holds every matching row. */
export type ExportQuery<P extends ExportPath> = Omit<NonNullable<QueryOf<P, 'get'>>, 'format' | 'page' | 'pageSize'>;

export interface ExportSummary {
  fileName: string;
  /** Data rows in the sheet, when the server said. */
  rows: number | null;
  /** More rows matched than the export limit: the sheet holds the first ones only. */
  truncated: boolean;
}

/** What X-Export-Rows and X-Export-Truncated say about the sheet. */
export function readExportHeaders(headers: Headers): Pick<ExportSummary, 'rows' | 'truncated'> {
  const rowsHeader = headers.get('X-Export-Rows');
  const rows = rowsHeader === null || rowsHeader.trim() === '' ? null : Number(rowsHeader);
  return {
    rows: rows === null || !Number.isFinite(rows) ? null : rows,
    truncated: headers.get('X-Export-Truncated')?.trim().toLowerCase() === 'true',
  };
}

/** The toast after an export: a warning when the sheet was cut at the limit, else how many rows. */
export function exportNotice(summary: Pick<ExportSummary, 'rows' | 'truncated'>): { type: 'warning' | 'success'; message: string } {
  const { t } = i18n.global;
  const rows = summary.rows ?? 0;
  if (summary.truncated) return { type: 'warning', message: t('export.truncated', { rows }) };
  return { type: 'success', message: summary.rows === null ? t('export.done') : t('export.doneRows', { rows }) };
}

type BlobCall = (
  path: string,
  init: { params: { query: Record<string, unknown> }; parseAs: 'blob' },
) => Promise<{ data?: Blob; error?: unknown; response: Response }>;

/**
 * Excel export of a list (PLT-7): calls the list's own route with the current filters and
 * `format=xlsx`, saves the answer under the name the server gives, and warns when the sheet was
 * cut at the export limit.
 *
 * ```ts
 * const { exporting, exportXlsx } = useExport();
 * await exportXlsx('/api/v1/org/users', { q: 'li', active: true }, 'users');
 * ```
 */
export function useExport() {
  const exporting = ref(false);

  async function exportXlsx<P extends ExportPath>(path: P, query: ExportQuery<P>, fallbackBase = 'export'): Promise<ExportSummary | null> {
    exporting.value = true;
    try {
      // One call shape for every exportable list; the generated client types each path separately.
      const get = api.GET as unknown as BlobCall;
      const { data, error, response } = await get(path, {
        params: { query: { ...(query as Record<string, unknown>), format: 'xlsx' } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) {
        notifyPlatformError(error);
        return null;
      }
      const fallback = datedName(fallbackBase, schoolDateOf(new Date()), 'xlsx');
      const summary: ExportSummary = {
        fileName: fileNameFromContentDisposition(response.headers.get('Content-Disposition'), fallback),
        ...readExportHeaders(response.headers),
      };
      saveBlob(data, summary.fileName);
      const notice = exportNotice(summary);
      if (notice.type === 'warning') ElMessage({ type: 'warning', message: notice.message, duration: 8000, showClose: true });
      else ElMessage.success(notice.message);
      return summary;
    } catch {
      ElMessage.error(i18n.global.t('errors.network'));
      return null;
    } finally {
      exporting.value = false;
    }
  }

  return { exporting, exportXlsx };
}
