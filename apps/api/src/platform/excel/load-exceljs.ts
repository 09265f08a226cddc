import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on the first export or import rather than at start-up: it and its zip/xml
 * dependencies cost about 28 MB of RSS (NFR-9), and most processes never build a workbook.
 * Node caches the module, so later calls are cheap.
 */
export const loadExcelJS = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
