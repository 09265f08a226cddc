/**
 * Providers refuse or cut text over their limits, some counted in UTF-8 bytes (WeCom robots),
 * some in characters (WeChat template fields, SMS template variables). Cutting it ourselves keeps
 * a long notice deliverable, with an ellipsis that shows it was cut.
 */
const ELLIPSIS = '…';

/** At most `limit` characters (code points, so a character outside the BMP is never split). */
export function truncateChars(text: string, limit: number): string {
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  return chars.slice(0, Math.max(0, limit - 1)).join('') + ELLIPSIS;
}

/** At most `limit` bytes of UTF-8, cut on a character boundary. */
export function truncateUtf8(text: string, limit: number): string {
  if (Buffer.byteLength(text, 'utf8') <= limit) return text;
  const budget = limit - Buffer.byteLength(ELLIPSIS, 'utf8');
  let used = 0;
  let kept = '';
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (used + size > budget) break;
    used += size;
    kept += char;
  }
  return kept + ELLIPSIS;
}
