/**
 * Substring search for Chinese (DOC-8). pg_trgm cannot help terms of two characters, and many
 * Chinese words have two (会议, 通知); so each document keeps the set of its character bigrams, in
 * an array column with a GIN index. A query's bigrams must all be in the set (`@>`, indexed), and
 * a `LIKE` recheck then drops the rows whose bigrams occur, but not side by side.
 */

/** The distinct character bigrams of a text, lower-cased, with whitespace as a break. */
export function bigramsOf(...texts: (string | null | undefined)[]): string[] {
  const grams = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const part of text.toLowerCase().split(/\s+/)) {
      const chars = [...part];
      for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
    }
  }
  return [...grams].sort();
}
