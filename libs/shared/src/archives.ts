/**
 * Archives (档案, ADM-7 to ADM-9): the classification of 《归档文件整理规则》(DA/T 22-2015) and the
 * archive number (档号) written once, for the API (numbers, checks) and the panel (labels, forms).
 *
 * 档号 = 全宗号-门类代码·年度-保管期限代码-机构代码-件号, e.g. Z001-WS·2026-Y-BGS-0001. The dot
 * between 门类代码 and 年度 is the middle dot U+00B7. The 件号 has four digits and is gap-free
 * within its lowest class (全宗, 门类, 年度, 保管期限, 机构 or 问题).
 */
import { DOCUMENT_TYPES, DOCUMENT_TYPE_LABELS, type DocumentType, type RetentionPeriod } from './documents.js';

type Label = { 'zh-CN': string; en: string };

/** The resource type of archive items (件) in the access service and files (REQ-3). */
export const ARCHIVE_ITEM = 'archive-item';

/** 保管期限代码 of DA/T 22: 永久 Y, 定期30年 D30, 定期10年 D10. */
export const ARCHIVE_RETENTION_CODES: Record<RetentionPeriod, string> = {
  permanent: 'Y',
  '30-years': 'D30',
  '10-years': 'D10',
};

/** The 门类 (categories) a school starts with; the office may add more. */
export const DEFAULT_ARCHIVE_CATEGORIES: readonly { code: string; name: string; nameEn: string }[] = [
  { code: 'WS', name: '文书', nameEn: 'Administrative records' },
  { code: 'JX', name: '教学', nameEn: 'Teaching' },
  { code: 'KY', name: '科研', nameEn: 'Research' },
  { code: 'JJ', name: '基建', nameEn: 'Construction' },
  { code: 'SB', name: '设备', nameEn: 'Equipment' },
  { code: 'KJ', name: '会计', nameEn: 'Accounting' },
  { code: 'SX', name: '声像', nameEn: 'Audio-visual' },
  { code: 'SW', name: '实物', nameEn: 'Objects' },
  { code: 'RS', name: '人事', nameEn: 'Personnel' },
  { code: 'XS', name: '学生', nameEn: 'Students' },
];

/** 机构 (by department) or 问题 (by subject): what the fourth part of the 档号 names, a school setting. */
export const ARCHIVE_ORG_MODES = ['department', 'subject'] as const;
export type ArchiveOrgMode = (typeof ARCHIVE_ORG_MODES)[number];

export const ARCHIVE_ORG_MODE_LABELS: Record<ArchiveOrgMode, Label> = {
  department: { 'zh-CN': '机构', en: 'By department' },
  subject: { 'zh-CN': '问题', en: 'By subject' },
};

/** The state an item arrives in (入库时的保存状况). */
export const ARCHIVE_CONDITIONS = ['good', 'worn', 'damaged'] as const;
export type ArchiveCondition = (typeof ARCHIVE_CONDITIONS)[number];

export const ARCHIVE_CONDITION_LABELS: Record<ArchiveCondition, Label> = {
  good: { 'zh-CN': '完好', en: 'Good' },
  worn: { 'zh-CN': '轻微破损', en: 'Worn' },
  damaged: { 'zh-CN': '破损需修复', en: 'Damaged, needs repair' },
};

/** Codes are upper-case letters and digits: 全宗号 Z001, 门类 WS, 机构 BGS. */
export const ARCHIVE_CODE_PATTERN = /^[A-Z0-9]{1,10}$/;
export const ARCHIVE_CATEGORY_CODE_PATTERN = /^[A-Z]{2,4}$/;

export const ARCHIVE_ITEM_NUMBER_DIGITS = 4;
const MIDDLE_DOT = '\u00B7';

/** The class an item is numbered in: its lowest class of DA/T 22. */
export interface ArchiveClass {
  fonds: string;
  category: string;
  year: number;
  retention: RetentionPeriod;
  org: string;
}

/** Z001-WS·2026-Y-BGS-0001 */
export function formatArchiveNumber(cls: ArchiveClass, seq: number): string {
  if (!ARCHIVE_CODE_PATTERN.test(cls.fonds)) throw new RangeError(`not a 全宗号: ${cls.fonds}`);
  if (!ARCHIVE_CATEGORY_CODE_PATTERN.test(cls.category)) throw new RangeError(`not a 门类代码: ${cls.category}`);
  if (!ARCHIVE_CODE_PATTERN.test(cls.org)) throw new RangeError(`not a 机构代码: ${cls.org}`);
  if (!Number.isInteger(cls.year) || cls.year < 1000 || cls.year > 9999) throw new RangeError(`year must have four digits: ${cls.year}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 9999) throw new RangeError(`a 件号 is 1 to 9999: ${seq}`);
  const period = ARCHIVE_RETENTION_CODES[cls.retention];
  if (!period) throw new RangeError(`not a 保管期限: ${cls.retention}`);
  const number = String(seq).padStart(ARCHIVE_ITEM_NUMBER_DIGITS, '0');
  return `${cls.fonds}-${cls.category}${MIDDLE_DOT}${cls.year}-${period}-${cls.org}-${number}`;
}

const ARCHIVE_NUMBER_PATTERN = /^([A-Z0-9]{1,10})-([A-Z]{2,4})\u00B7(\d{4})-(Y|D30|D10)-([A-Z0-9]{1,10})-(\d{4})$/;

/** The class and 件号 of a 档号, or null when it is not one. */
export function parseArchiveNumber(text: string): (ArchiveClass & { seq: number }) | null {
  const match = ARCHIVE_NUMBER_PATTERN.exec(text.trim());
  if (!match) return null;
  const seq = Number(match[6]);
  if (seq < 1) return null;
  const retention = (Object.keys(ARCHIVE_RETENTION_CODES) as RetentionPeriod[]).find((p) => ARCHIVE_RETENTION_CODES[p] === match[4])!;
  return { fonds: match[1], category: match[2], year: Number(match[3]), retention, org: match[5], seq };
}

/** 日期 on the catalogue: YYYYMMDD from YYYY-MM-DD. */
export function catalogueDate(isoDate: string): string {
  return isoDate.slice(0, 10).replace(/-/g, '');
}

/**
 * The 文种 of a document from its title: a 公文 title names its kind last (关于…的通知, …的批复;
 * GB/T 9704 7.3.3). Filing uses it to find the retention schedule's row for the document, since
 * the documents module hands over the title and not its internal type. Null when no kind ends it.
 */
export function documentTypeOfTitle(title: string): DocumentType | null {
  const text = title.trim();
  // Longest names first: 通报 before 报告 does not matter, but 命令 before 令 and 议案 before 案 do.
  const names: [DocumentType, string][] = DOCUMENT_TYPES.flatMap((type): [DocumentType, string][] =>
    type === 'order'
      ? [
          [type, '命令'],
          [type, '令'],
        ]
      : [[type, DOCUMENT_TYPE_LABELS[type]['zh-CN']]],
  ).sort((a, b) => b[1].length - a[1].length);
  return names.find(([, name]) => text.endsWith(name))?.[0] ?? null;
}

export const ARCHIVE_ERRORS = {
  /** 409: the 门类 code exists already. */
  ARCHIVE_CATEGORY_EXISTS: 'ARCHIVE_CATEGORY_EXISTS',
  /** 409: the 机构/问题 code exists already. */
  ARCHIVE_ORG_CODE_EXISTS: 'ARCHIVE_ORG_CODE_EXISTS',
  /** 409: a class holds at most 9999 items. */
  ARCHIVE_CLASS_FULL: 'ARCHIVE_CLASS_FULL',
  /** 409: the box belongs to another class than the item. */
  ARCHIVE_BOX_CLASS_MISMATCH: 'ARCHIVE_BOX_CLASS_MISMATCH',
  /** 409: the document was filed already. */
  ARCHIVE_ALREADY_FILED: 'ARCHIVE_ALREADY_FILED',
  /** 409: the backup is not an archive backup, or does not verify. */
  ARCHIVE_BACKUP_UNUSABLE: 'ARCHIVE_BACKUP_UNUSABLE',
} as const;
