import { HttpStatus, type Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error';
import { fieldErrors } from '../http/validation';
import { EXCEL_ERRORS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, NOTE_MARK, XLSX_MIME } from './excel.constants';
import { loadExcelJS } from './load-exceljs';

/**
 * Reading a sheet into a module's create DTO, with a report per row (PLT-7). A module declares
 * its columns; this finds them by their headers, turns cells into DTO values, and validates every
 * row with the same class-validator DTO as the module's create endpoint. The module then writes
 * all rows in one transaction, or none.
 */

/** One column an import reads; `header` is the one its export writes. */
export interface ImportColumn {
  header: string;
  /** Other headers taken for it, e.g. the DTO field name. */
  aliases?: string[];
  /** The DTO field the column fills. */
  field: string;
  /** The sheet must have this column. */
  required?: boolean;
  /** Cell text (trimmed, never empty) → the DTO value; throw CellError to report the cell. */
  parse?: (text: string) => unknown;
}

/** A cell that cannot be read as its column says: reported for its row and field. */
export class CellError extends Error {}

/** What is wrong with one row: its row number in the sheet, the field, and why. */
export interface ImportProblem {
  row: number;
  field: string;
  column: string | null;
  reason: string;
}

export interface SheetRow {
  /** The row number Excel shows (the header is row 1). */
  row: number;
  /** DTO values of the columns the sheet has; an empty cell is null. */
  values: Record<string, unknown>;
}

export const unreadableWorkbook = (reason: string) =>
  new ApiError(HttpStatus.BAD_REQUEST, EXCEL_ERRORS.WORKBOOK_UNREADABLE, reason, { file: [reason] });

/**
 * The workbook of an import request: an .xlsx sent as the body (`Content-Type:
 * application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`) or as the multipart field
 * `file`, at most IMPORT_MAX_BYTES.
 */
export async function readUploadedWorkbook(request: FastifyRequest): Promise<Buffer> {
  if (Buffer.isBuffer(request.body)) return request.body;
  if (request.isMultipart?.()) {
    const part = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 20 } });
    if (!part || part.fieldname !== 'file') throw unreadableWorkbook('send the workbook in the multipart field "file"');
    const buffer = await part.toBuffer();
    if (part.file.truncated) throw unreadableWorkbook(`the workbook must be at most ${IMPORT_MAX_BYTES} bytes`);
    return buffer;
  }
  throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, EXCEL_ERRORS.WORKBOOK_UNREADABLE, `Send an .xlsx workbook (${XLSX_MIME})`, {
    file: ['send an .xlsx workbook as the body or in the multipart field "file"'],
  });
}

/** A cell as text: what Excel shows for it, trimmed. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) {
    // Excel dates have no zone; exceljs reads the wall-clock time as UTC.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}

/**
 * The rows of the workbook's first sheet as DTO values, by the columns' headers (row 1). Columns
 * the module does not know are ignored (an export has some, e.g. 创建时间); empty rows and note
 * rows (an export's "※ …") are skipped.
 */
export async function readSheet(buffer: Buffer, columns: ImportColumn[]): Promise<{ rows: SheetRow[]; problems: ImportProblem[] }> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw unreadableWorkbook('the file is not an .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadableWorkbook('the workbook has no sheet');

  const byHeader = new Map<string, ImportColumn>();
  for (const column of columns) for (const name of [column.header, ...(column.aliases ?? [])]) byHeader.set(name, column);
  const found = new Map<number, ImportColumn>();
  sheet.getRow(1).eachCell((cell, index) => {
    const column = byHeader.get(cellText(cell.value));
    if (column) found.set(index, column);
  });
  const missing = columns.filter((c) => c.required && ![...found.values()].includes(c)).map((c) => c.header);
  if (missing.length) throw unreadableWorkbook(`the sheet lacks the column(s) ${missing.join('、')} in its first row`);

  const rows: SheetRow[] = [];
  const problems: ImportProblem[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = sheet.getRow(r);
    const texts = new Map<number, string>([...found.keys()].map((i) => [i, cellText(cells.getCell(i).value)]));
    if ([...texts.values()].every((t) => t === '')) continue;
    if (cellText(cells.getCell(1).value).startsWith(NOTE_MARK)) continue;
    if (rows.length === IMPORT_MAX_ROWS) throw unreadableWorkbook(`an import holds at most ${IMPORT_MAX_ROWS} rows; split the sheet`);
    const values: Record<string, unknown> = {};
    for (const [index, column] of found) {
      const text = texts.get(index)!;
      if (text === '') {
        values[column.field] = null;
        continue;
      }
      try {
        values[column.field] = column.parse ? column.parse(text) : text;
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        problems.push({ row: r, field: column.field, column: column.header, reason: error.message });
      }
    }
    rows.push({ row: r, values });
  }
  return { rows, problems };
}

/** Validates each row with a module's DTO (as its create endpoint does), leaving out rows with problems already. */
export async function validateRows<D extends object>(
  rows: SheetRow[],
  dto: Type<D>,
  columns: ImportColumn[],
  known: ImportProblem[] = [],
): Promise<{ valid: { row: number; dto: D; fields: string[] }[]; problems: ImportProblem[] }> {
  const headerOf = new Map(columns.map((c) => [c.field, c.header]));
  const problems = [...known];
  const failed = new Set(known.map((p) => p.row));
  const valid: { row: number; dto: D; fields: string[] }[] = [];
  for (const { row, values } of rows) {
    // Empty optional cells are left out, so that the DTO's defaults and @IsOptional apply.
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
    const instance = plainToInstance(dto, given);
    const errors = fieldErrors(await validate(instance, { whitelist: true, forbidNonWhitelisted: true }));
    for (const [field, messages] of Object.entries(errors)) {
      const base = field.split(/[.[]/)[0];
      problems.push({ row, field, column: headerOf.get(base) ?? null, reason: messages.join('; ') });
    }
    if (Object.keys(errors).length === 0 && !failed.has(row)) valid.push({ row, dto: instance, fields: Object.keys(values) });
  }
  problems.sort((a, b) => a.row - b.row);
  return { valid, problems };
}

/** A failed import (nothing was written): 400 with `errors` keyed `rows[N].field`. */
export function importFailed(problems: ImportProblem[]): ApiError {
  const errors: Record<string, string[]> = {};
  for (const p of problems) (errors[`rows[${p.row}].${p.field}`] ??= []).push(p.reason);
  const rows = new Set(problems.map((p) => p.row)).size;
  return new ApiError(HttpStatus.BAD_REQUEST, EXCEL_ERRORS.IMPORT_FAILED, `${rows} row(s) have problems; nothing was imported`, errors);
}
