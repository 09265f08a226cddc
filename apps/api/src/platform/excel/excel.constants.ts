/** The media type of an .xlsx workbook. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An uploaded workbook may be this large: 10 MiB holds tens of thousands of rows. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** Rows one import may hold; more is refused (split the sheet) rather than held in one transaction. */
export const IMPORT_MAX_ROWS = 5000;

/** Error codes of Excel import and export. */
export const EXCEL_ERRORS = {
  /** Some rows are invalid; `errors` is keyed `rows[N].field`, and nothing was imported. */
  IMPORT_FAILED: 'IMPORT_FAILED',
  /** The upload is not an .xlsx workbook we can read, or lacks required columns. */
  WORKBOOK_UNREADABLE: 'WORKBOOK_UNREADABLE',
} as const;

/** The first cell of a note row in an exported sheet starts with this; imports skip such rows. */
export const NOTE_MARK = '※';
