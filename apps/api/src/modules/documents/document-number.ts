/**
 * Document numbers (GB/T 9704-2012, 7.2.4), pure. Brackets are the hexagonal 〔〕, never () or [].
 * - Internal incoming numbers (收文编号): 收〔2026〕0001, gap-free per year, four digits and more.
 * - Outgoing numbers (发文字号): 机关代字〔年份〕序号号, e.g. 校办〔2026〕12号: no 第, no zero padding.
 */

export const INCOMING_NUMBER_PREFIX = '收';
const INCOMING_DIGITS = 4;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must have four digits: ${year}`);
}

function checkSequence(seq: number): void {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`a sequence number starts at 1: ${seq}`);
}

/** 收〔2026〕0001: the internal number of the `seq`th incoming document of `year`. */
export function formatIncomingNumber(year: number, seq: number): string {
  checkYear(year);
  checkSequence(seq);
  return `${INCOMING_NUMBER_PREFIX}〔${year}〕${String(seq).padStart(INCOMING_DIGITS, '0')}`;
}

const INCOMING_PATTERN = /^收〔(\d{4})〕(\d{4,})$/;

/** The year and sequence of an internal incoming number, or null when it is not one. */
export function parseIncomingNumber(text: string): { year: number; seq: number } | null {
  const match = INCOMING_PATTERN.exec(text.trim());
  if (!match) return null;
  const seq = Number(match[2]);
  return seq >= 1 ? { year: Number(match[1]), seq } : null;
}

/** 校办〔2026〕12号: an outgoing number of the school's 机关代字 `code`. */
export function formatOutgoingNumber(code: string, year: number, seq: number): string {
  const trimmed = code.trim();
  if (!trimmed || /[〔〕\s]/.test(trimmed)) throw new RangeError(`not a 机关代字: "${code}"`);
  checkYear(year);
  checkSequence(seq);
  return `${trimmed}〔${year}〕${seq}号`;
}

const OUTGOING_PATTERN = /^(\S+?)〔(\d{4})〕([1-9]\d*)号$/;

/** The 代字, year and sequence of an outgoing number in the standard's form, or null. */
export function parseOutgoingNumber(text: string): { code: string; year: number; seq: number } | null {
  const match = OUTGOING_PATTERN.exec(text.trim());
  if (!match || match[1].endsWith('第')) return null;
  return { code: match[1], year: Number(match[2]), seq: Number(match[3]) };
}
