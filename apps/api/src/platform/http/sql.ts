/** Escapes LIKE wildcards so that a search for "50%" finds "50%" (PostgreSQL's default escape is \). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The rows of an `UPDATE/DELETE … RETURNING` run through TypeORM's query(), which answers
 * `[rows, rowCount]` for those commands and plain rows for the others.
 */
export function returnedRows<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
