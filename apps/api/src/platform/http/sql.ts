/** Escapes LIKE wildcards so that a search for "50%" finds "50%" (PostgreSQL's default escape is \). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The operator of a case-insensitive substring test of `term`: `LIKE` when the term has no
 * letters that have case (Chinese characters, digits, punctuation, spaces), else `ILIKE`. Both
 * find the same rows for such a term, because PostgreSQL's lower() maps one character to one and
 * leaves those characters as they are; but ILIKE lowercases every row's text before it compares,
 * which made a title search 4–5 times slower at 1,000,000 documents (bench/, NFR-9).
 */
export function caseInsensitiveLike(term: string): 'LIKE' | 'ILIKE' {
  return /^[\p{Script=Han}\p{Nd}\p{P}\s]*$/u.test(term) ? 'LIKE' : 'ILIKE';
}

/**
 * The rows of an `UPDATE/DELETE … RETURNING` run through TypeORM's query(), which answers
 * `[rows, rowCount]` for those commands and plain rows for the others.
 */
export function returnedRows<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
