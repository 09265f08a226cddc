/**
 * Desensitisation (脱敏, INF-2): before anything is published, its text is scanned for personal
 * data — ID card numbers (居民身份证号码, GB 11643, checksum validated), mainland mobile numbers,
 * email addresses and the names on lists the school keeps (students, for example). The author sees
 * every finding and either masks it or keeps it with a recorded reason; publishing with a finding
 * left unresolved is refused. Pure functions: the panel previews with them, the API enforces with them.
 */

export const SENSITIVE_KINDS = ['idCard', 'mobile', 'email', 'name'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

export interface SensitiveFinding {
  kind: SensitiveKind;
  /** Offsets in the text, in UTF-16 code units (what String.slice uses). */
  start: number;
  end: number;
  text: string;
  /** What masking would put in its place. */
  masked: string;
  /**
   * Key of the decision that covers it: kind and text, so one decision covers every occurrence of
   * the same number or name, and survives masking elsewhere in the text (offsets shift, keys don't).
   */
  key: string;
}

/** The author's decision on one finding: mask it, or keep it with a reason. */
export type FindingDecision = { key: string; action: 'mask' } | { key: string; action: 'keep'; reason: string };

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CODES = '10X98765432';

/**
 * Whether an 18-character string is a valid resident ID number: a region code that starts 1–9, a
 * real date of birth (not in the future, not before 1900) and the ISO 7064 MOD 11-2 check character.
 */
export function isValidIdCardNumber(value: string, today: Date = new Date()): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  if (year < 1900 || birth.getTime() > today.getTime()) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CODES[sum % 11] === value[17].toUpperCase();
}

/** Mainland mobile numbers: 1[3-9]x xxxx xxxx, optionally +86, with spaces or hyphens as people write them. */
const MOBILE = /(?<![\d+])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;
/** 18-character candidates; the checksum decides. Not part of a longer run of digits. */
const ID_CANDIDATE = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;
/** Addresses as schools meet them: ASCII local part and domain, at least one dot in the domain. */
const EMAIL = /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})+/g;

export function maskIdCardNumber(value: string): string {
  // The visitor log keeps only the last four digits (INF-7); published text shows no more than that.
  return '*'.repeat(value.length - 4) + value.slice(-4);
}

export function maskMobile(value: string): string {
  const digits = value.replace(/\D/g, '').slice(-11);
  return `${digits.slice(0, 3)}****${digits.slice(7)}`;
}

export function maskEmail(value: string): string {
  const at = value.indexOf('@');
  return `${value[0]}***${value.slice(at)}`;
}

/** 张三 → 张*, 欧阳小明 → 欧阳**: the family name stays so the text still reads naturally. */
export function maskPersonName(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 1) return '*';
  const kept = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, kept).join('') + '*'.repeat(chars.length - kept);
}

function findingKey(kind: SensitiveKind, text: string): string {
  return `${kind}:${text}`;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export interface ScanOptions {
  /** Names from the school's lists (e.g. students); single characters are ignored. */
  names?: readonly string[];
  /** "Now" for the ID numbers' date-of-birth check. */
  today?: Date;
}

/**
 * Every finding in the text, in order. Where two would overlap the first found wins (an email's
 * digits are not also a mobile number); a longer name wins over a shorter one at the same place.
 */
export function scanSensitive(text: string, options: ScanOptions = {}): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  const add = (kind: SensitiveKind, start: number, match: string, masked: string) => {
    const candidate = { start, end: start + match.length };
    if (findings.some((f) => overlaps(f, candidate))) return;
    findings.push({ kind, start, end: candidate.end, text: match, masked, key: findingKey(kind, match) });
  };

  for (const m of text.matchAll(ID_CANDIDATE)) {
    if (isValidIdCardNumber(m[0], options.today)) add('idCard', m.index, m[0], maskIdCardNumber(m[0]));
  }
  for (const m of text.matchAll(EMAIL)) add('email', m.index, m[0], maskEmail(m[0]));
  for (const m of text.matchAll(MOBILE)) add('mobile', m.index, m[0], maskMobile(m[0]));

  const names = [...new Set((options.names ?? []).map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  for (const name of names) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      add('name', at, name, maskPersonName(name));
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** Findings with no decision, or kept without a reason: publishing is refused while any remain. */
export function unresolvedFindings(findings: readonly SensitiveFinding[], decisions: readonly FindingDecision[]): SensitiveFinding[] {
  const decided = new Map(decisions.map((d) => [d.key, d]));
  return findings.filter((f) => {
    const decision = decided.get(f.key);
    if (!decision) return true;
    return decision.action === 'keep' && !decision.reason.trim();
  });
}

/** The text with every finding the author chose to mask replaced by its masked form. */
export function applyMasking(text: string, findings: readonly SensitiveFinding[], decisions: readonly FindingDecision[]): string {
  const masked = new Set(decisions.filter((d) => d.action === 'mask').map((d) => d.key));
  let out = '';
  let from = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (!masked.has(f.key)) continue;
    out += text.slice(from, f.start) + f.masked;
    from = f.end;
  }
  return out + text.slice(from);
}

/** The information module's error codes for desensitisation (INF-2). */
export const DESENSITISATION_ERRORS = {
  /** 422: findings have no decision (mask, or keep with a reason); `errors` lists them under `findings`. */
  FINDINGS_UNRESOLVED: 'FINDINGS_UNRESOLVED',
  /** 409: a name list of that name exists. */
  NAME_LIST_EXISTS: 'NAME_LIST_EXISTS',
} as const;

export const SENSITIVE_KIND_LABELS: Record<SensitiveKind, { 'zh-CN': string; en: string }> = {
  idCard: { 'zh-CN': '身份证号', en: 'ID number' },
  mobile: { 'zh-CN': '手机号', en: 'Mobile number' },
  email: { 'zh-CN': '电子邮箱', en: 'Email address' },
  name: { 'zh-CN': '名单人员姓名', en: 'Listed name' },
};
