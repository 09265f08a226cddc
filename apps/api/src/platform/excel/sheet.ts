import { formatSchoolDate, formatSchoolDateTime } from '@xiaoban/shared';

/**
 * One column of an exported sheet (PLT-7), declared once per list next to its controller:
 * a Chinese header and how the cell shows a row of the list's response DTO.
 */
export interface SheetColumn<T> {
  /** The column's header, e.g. 姓名; an import finds its columns by these. */
  header: string;
  /** The DTO field shown (a dot path such as `department.name`), unless `value` says otherwise. */
  key: string;
  /** Width in characters; a CJK character counts about two. */
  width?: number;
  /** The cell's value when it is not simply the field (e.g. role names joined). */
  value?: (row: T) => unknown;
  /** `datetime` and `date` show an instant in the school's time zone. */
  format?: 'datetime' | 'date';
}

export interface SheetSpec<T> {
  /** The sheet's name and the file's name, e.g. 账号. */
  title: string;
  /** An ASCII file name for clients that cannot read the UTF-8 one, e.g. `users`. */
  fileName: string;
  columns: SheetColumn<T>[];
}

function byPath(row: unknown, path: string): unknown {
  let value: unknown = row;
  for (const part of path.split('.')) {
    if (value === null || value === undefined) return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Excel refuses a cell of more than 32,767 characters (it calls the file damaged). */
const CELL_MAX = 32_000;

/** What a cell holds for a row: text, a number, or empty. Dates are shown in the school's zone. */
export function cellValue<T>(row: T, column: SheetColumn<T>, timeZone: string): string | number | null {
  const value = cellOf(row, column, timeZone);
  return typeof value === 'string' && value.length > CELL_MAX ? `${value.slice(0, CELL_MAX)}…` : value;
}

function cellOf<T>(row: T, column: SheetColumn<T>, timeZone: string): string | number | null {
  const value = column.value ? column.value(row) : byPath(row, column.key);
  if (value === null || value === undefined || value === '') return null;
  if (column.format === 'datetime' && (typeof value === 'string' || value instanceof Date)) return formatSchoolDateTime(value, timeZone);
  if (column.format === 'date' && (typeof value === 'string' || value instanceof Date)) return formatSchoolDate(value, timeZone);
  if (value instanceof Date) return formatSchoolDateTime(value, timeZone);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v && 'name' in v ? String(v.name) : String(v))).join('、');
  if (typeof value === 'object') return 'name' in value ? String((value as { name: unknown }).name) : JSON.stringify(value);
  return String(value);
}
