import type { ImportProblem, ImportReport } from '../../../api/platformTypes';

/** The media type of an .xlsx workbook, sent as the body of an import (PLT-7). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Looks like a workbook we can send: an .xlsx by its name (the API checks the content). */
export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name.trim());
}

/**
 * The problems of a refused import (400 IMPORT_FAILED), read back from `errors` keyed
 * `rows[N].field`, sorted by row: the same table the dry run shows.
 */
export function problemsFromErrors(errors: Record<string, string[]> | undefined): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const [key, reasons] of Object.entries(errors ?? {})) {
    const match = /^rows\[(\d+)\]\.(.+)$/.exec(key);
    if (!match) continue;
    for (const reason of reasons) problems.push({ row: Number(match[1]), field: match[2]!, column: null, reason });
  }
  return problems.sort((a, b) => a.row - b.row);
}

/** An import may go ahead once a dry run of the same file found no problem. */
export function canImport(report: Pick<ImportReport, 'dryRun' | 'problems'> | null): boolean {
  return report !== null && report.dryRun && report.problems.length === 0;
}
