/**
 * Saving what the API sends as a file (PLT-5 downloads, PLT-7 Excel exports): the file's name
 * from Content-Disposition, and the browser's "save as" through a temporary object URL.
 */

/** Characters no file system accepts in a name, and path separators. */
const UNSAFE_NAME = /[\\/:*?"<>|]/g;

function safeName(name: string): string {
  const printable = Array.from(name, (char) => (char.charCodeAt(0) < 0x20 ? '_' : char)).join('');
  return printable.replace(UNSAFE_NAME, '_').trim();
}

function decodeExtended(value: string): string | null {
  // RFC 5987: charset'language'percent-encoded, e.g. UTF-8''%E8%B4%A6%E5%8F%B7.xlsx
  const match = /^([\w!#$%&+^`{}~-]*)'[\w-]*'(.*)$/.exec(value);
  if (!match) return null;
  const [, charset, encoded] = match;
  try {
    if (!charset || /^utf-8$/i.test(charset)) return decodeURIComponent(encoded!);
    // ISO-8859-1 is the only other charset RFC 5987 requires; each %XX is one character.
    return encoded!.replace(/%([0-9a-f]{2})/gi, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  } catch {
    return null;
  }
}

/**
 * The file name a Content-Disposition header gives: `filename*` (the UTF-8 name, RFC 6266) when
 * present, else `filename`, else `fallback`. Path separators and characters file systems refuse
 * are replaced, so a crafted header cannot name a path.
 */
export function fileNameFromContentDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:"([^"]*)"|([^;]*))/i.exec(header);
  if (extended) {
    const decoded = decodeExtended((extended[1] ?? extended[2] ?? '').trim());
    if (decoded && safeName(decoded)) return safeName(decoded);
  }
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/i.exec(header);
  if (plain) {
    const value = plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : (plain[2] ?? '').trim();
    if (safeName(value)) return safeName(value);
  }
  return fallback;
}

/** Hands a blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the URL is kept a little in case the browser reads it late.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `report` → `report-20261008`, in the school's calendar when `date` is given as YYYY-MM-DD. */
export function datedName(base: string, date: string, extension: string): string {
  return `${base}-${date.replaceAll('-', '')}.${extension}`;
}

/** `1.5 MB`, `320 KB`, `12 B`: sizes as people read them. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
