/**
 * The school calendar's kinds of marked day (PLT-10). Days not marked follow the week: Monday to
 * Friday are working and teaching days, Saturday and Sunday are not.
 */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday', 'no-teaching'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, { 'zh-CN': string; en: string }> = {
  /** A public holiday or school closure: no work, no teaching. */
  holiday: { 'zh-CN': '放假', en: 'Holiday' },
  /** A weekend day worked in exchange for a holiday (调休上班). */
  workday: { 'zh-CN': '调休上班', en: 'Make-up working day' },
  /** A working day without lessons (exam week, sports day). */
  'no-teaching': { 'zh-CN': '停课', en: 'No teaching' },
};
