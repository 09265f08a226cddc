/**
 * Training records (培训, ASM-6): plans by kind and quarter, sessions, attendance and results.
 * Administration asks one question of them: did this person attend a confidentiality (保密)
 * training this quarter? (the gate of classified lending, ADM-10).
 */
import { type IsoDate } from './dates.js';

/** 业务培训, 保密培训 (every quarter), 系统使用, 新技术, 维修技能. */
export const TRAINING_KINDS = ['business', 'confidentiality', 'system-use', 'new-technology', 'maintenance'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const TRAINING_KIND_LABELS: Record<TrainingKind, { 'zh-CN': string; en: string }> = {
  business: { 'zh-CN': '业务培训', en: 'Business' },
  confidentiality: { 'zh-CN': '保密培训', en: 'Confidentiality' },
  'system-use': { 'zh-CN': '系统使用培训', en: 'System use' },
  'new-technology': { 'zh-CN': '新技术培训', en: 'New technology' },
  maintenance: { 'zh-CN': '维修技能培训', en: 'Maintenance skills' },
};

export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

/** The quarter (季度) a school date falls in. */
export function quarterOf(date: IsoDate): { year: number; quarter: Quarter } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter };
}

/** The first and last school date of a quarter, both inclusive. */
export function quarterRange(year: number, quarter: Quarter): { from: IsoDate; to: IsoDate } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}
