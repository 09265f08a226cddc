/**
 * The office's monthly work summary (月度工作总结, ASM-1), its service figures (REQ-4) and the
 * director's dashboard (ASM-8). A summary's figures are compiled from the system's own records,
 * one section per module, and stored as a snapshot; the office adds its narrative, then the
 * summary is submitted, reviewed by the director (approved or returned) and archived.
 */

type Label = { 'zh-CN': string; en: string };

export const SUMMARY_STATUSES = ['draft', 'submitted', 'approved', 'archived'] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];

export const SUMMARY_STATUS_LABELS: Record<SummaryStatus, Label> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '待审核', en: 'Submitted' },
  approved: { 'zh-CN': '已审核', en: 'Approved' },
  archived: { 'zh-CN': '已归档', en: 'Archived' },
};

/** compile and write keep a draft a draft; return sends a submitted summary back with a reason. */
export const SUMMARY_ACTIONS = ['compile', 'write', 'submit', 'approve', 'return', 'archive'] as const;
export type SummaryAction = (typeof SUMMARY_ACTIONS)[number];

/** The legal moves. Anything else is a 409 (SUMMARY_ILLEGAL_MOVE). */
export const SUMMARY_TRANSITIONS: Record<SummaryAction, { from: readonly SummaryStatus[]; to: SummaryStatus }> = {
  compile: { from: ['draft'], to: 'draft' },
  write: { from: ['draft'], to: 'draft' },
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'draft' },
  archive: { from: ['approved'], to: 'archived' },
};

export function summaryActionsFrom(status: SummaryStatus): SummaryAction[] {
  return SUMMARY_ACTIONS.filter((action) => SUMMARY_TRANSITIONS[action].from.includes(status));
}

export function nextSummaryStatus(status: SummaryStatus, action: SummaryAction): SummaryStatus | undefined {
  const move = SUMMARY_TRANSITIONS[action];
  return move.from.includes(status) ? move.to : undefined;
}

export const SUMMARY_ERRORS = {
  /** 409: the move is not legal from the summary's status (e.g. archiving a draft). */
  SUMMARY_ILLEGAL_MOVE: 'SUMMARY_ILLEGAL_MOVE',
  /** 409: the month already has its summary (open it instead; recompile it while a draft). */
  SUMMARY_EXISTS: 'SUMMARY_EXISTS',
} as const;

/** A month as the school counts it, e.g. 2026-03. */
export const SUMMARY_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** How a figure reads: a count, a share in percent (0–100, one decimal), or hours (one decimal). */
export type FigureUnit = 'count' | 'percent' | 'hours';

/** One compiled figure; `value` null means there was nothing to measure ("no data"), never NaN. */
export interface SummaryFigure {
  key: string;
  unit: FigureUnit;
  value: number | null;
}

/** One module's part of the summary, produced by one figures provider. */
export interface SummarySection {
  key: string;
  figures: SummaryFigure[];
}

/**
 * REQ-4: for one kind of work, over the items completed in the month, the median and 90th
 * percentile of the response time (request → first response) and of the handling time
 * (request → completion), in hours; null when no item was completed.
 */
export interface ServiceTimeRow {
  kind: string;
  completed: number;
  responseMedianHours: number | null;
  responseP90Hours: number | null;
  handlingMedianHours: number | null;
  handlingP90Hours: number | null;
}

/** What a compile stores: the month's figures as they were at `compiledAt` (a jsonb snapshot). */
export interface SummarySnapshot {
  month: string;
  /** The period [from, to): the month's first instant and the next month's, in the school's time zone. */
  from: string;
  to: string;
  timeZone: string;
  sections: SummarySection[];
  serviceTimes: ServiceTimeRow[];
}

/** Labels of sections, figures and kinds of work, for the panel and the DOCX/Excel exports. */
export const SUMMARY_SECTION_LABELS: Record<string, Label> = {
  documents: { 'zh-CN': '公文处理', en: 'Documents' },
  meetings: { 'zh-CN': '会议服务', en: 'Meetings' },
  notices: { 'zh-CN': '通知公告', en: 'Notices' },
  logistics: { 'zh-CN': '后勤保障', en: 'Logistics' },
  suggestions: { 'zh-CN': '意见箱与热线', en: 'Suggestions and hotline' },
  questionnaires: { 'zh-CN': '问卷调查', en: 'Questionnaires' },
  improvement: { 'zh-CN': '突发情况与整改', en: 'Incidents and improvement' },
  requests: { 'zh-CN': '问题上报与部门协作', en: 'Escalations and support requests' },
};

export const SUMMARY_FIGURE_LABELS: Record<string, Label> = {
  'documents.incomingRegistered': { 'zh-CN': '收文登记', en: 'Incoming documents registered' },
  'documents.incomingRouted': { 'zh-CN': '收文分送', en: 'Incoming documents routed' },
  'documents.incomingHandled': { 'zh-CN': '收文办结', en: 'Incoming documents handled' },
  'documents.incomingOnTimeRate': { 'zh-CN': '收文按期办结率', en: 'Incoming handled on time' },
  'documents.outgoingDrafted': { 'zh-CN': '发文拟稿', en: 'Outgoing documents drafted' },
  'documents.outgoingIssued': { 'zh-CN': '发文印发', en: 'Outgoing documents issued' },
  'meetings.served': { 'zh-CN': '服务会议', en: 'Meetings served' },
  'meetings.attendanceRate': { 'zh-CN': '会议出席率', en: 'Meeting attendance' },
  'meetings.responseRate': { 'zh-CN': '参会回执率', en: 'Meeting replies' },
  'notices.published': { 'zh-CN': '发布通知', en: 'Notices published' },
  'notices.recipients': { 'zh-CN': '通知对象人次', en: 'Notice recipients' },
  'notices.reachRate': { 'zh-CN': '通知确认率', en: 'Notices confirmed' },
  'logistics.repairsOpened': { 'zh-CN': '报修受理', en: 'Repairs reported' },
  'logistics.repairsClosed': { 'zh-CN': '维修完成', en: 'Repairs completed' },
  'logistics.repairMedianHours': { 'zh-CN': '维修用时中位数', en: 'Median repair time' },
  'logistics.repairOnTimeRate': { 'zh-CN': '维修按期完成率', en: 'Repairs on time' },
  'logistics.supplyIssues': { 'zh-CN': '办公用品发放次数', en: 'Supply issues' },
  'logistics.supplyItemsIssued': { 'zh-CN': '办公用品发放件数', en: 'Supply items issued' },
  'suggestions.received': { 'zh-CN': '收到意见与来电', en: 'Suggestions and calls received' },
  'suggestions.hotlineCalls': { 'zh-CN': '其中热线来电', en: 'of which hotline calls' },
  'suggestions.answered': { 'zh-CN': '答复意见', en: 'Suggestions answered' },
  'suggestions.onTimeRate': { 'zh-CN': '意见按期答复率', en: 'Suggestions answered on time' },
  'questionnaires.opened': { 'zh-CN': '发布问卷', en: 'Questionnaires opened' },
  'questionnaires.closed': { 'zh-CN': '结束问卷', en: 'Questionnaires closed' },
  'questionnaires.responses': { 'zh-CN': '收到答卷', en: 'Answers received' },
  'improvement.incidents': { 'zh-CN': '突发情况', en: 'Incidents' },
  'improvement.incidentsReviewed': { 'zh-CN': '完成事后总结', en: 'Incident reviews written' },
  'improvement.problemsOpened': { 'zh-CN': '整改问题立项', en: 'Improvement problems raised' },
  'improvement.problemsClosed': { 'zh-CN': '整改问题销号', en: 'Improvement problems closed' },
  'improvement.measuresImplemented': { 'zh-CN': '整改措施落实', en: 'Measures implemented' },
  'improvement.measuresOnTimeRate': { 'zh-CN': '整改措施按期落实率', en: 'Measures implemented on time' },
  'requests.escalationsReceived': { 'zh-CN': '收到问题上报', en: 'Escalations received' },
  'requests.escalationsAnswered': { 'zh-CN': '问题上报答复', en: 'Escalations answered' },
  'requests.escalationsOnTimeRate': { 'zh-CN': '上报按期答复率', en: 'Escalations answered on time' },
  'requests.supportRequested': { 'zh-CN': '部门协作请求', en: 'Support requests raised' },
  'requests.supportCompleted': { 'zh-CN': '协作完成', en: 'Support requests completed' },
  'requests.supportOnTimeRate': { 'zh-CN': '协作按期响应率', en: 'Support requests answered in time' },
};

export const SERVICE_KIND_LABELS: Record<string, Label> = {
  'incoming-documents': { 'zh-CN': '收文办理', en: 'Incoming documents' },
  repairs: { 'zh-CN': '报修维修', en: 'Repairs' },
  suggestions: { 'zh-CN': '意见与热线', en: 'Suggestions and calls' },
  'supply-requests': { 'zh-CN': '办公用品领用', en: 'Supply requests' },
  improvement: { 'zh-CN': '整改', en: 'Improvement' },
  escalations: { 'zh-CN': '问题上报', en: 'Escalations' },
  'support-requests': { 'zh-CN': '部门协作', en: 'Support requests' },
};

export const FIGURE_UNIT_LABELS: Record<FigureUnit, Label> = {
  count: { 'zh-CN': '', en: '' },
  percent: { 'zh-CN': '%', en: '%' },
  hours: { 'zh-CN': '小时', en: 'h' },
};

/** A label in the language, or the key itself for a section a newer provider brings without one. */
export function summaryLabel(table: Record<string, Label>, key: string, locale: 'zh-CN' | 'en'): string {
  return table[key]?.[locale] ?? key;
}

/** A figure as read: 12, 87.5%, 3.2 小时, or 无数据 / no data. */
export function formatFigure(figure: Pick<SummaryFigure, 'unit' | 'value'>, locale: 'zh-CN' | 'en'): string {
  if (figure.value === null) return locale === 'zh-CN' ? '无数据' : 'no data';
  if (figure.unit === 'count') return String(figure.value);
  const unit = FIGURE_UNIT_LABELS[figure.unit][locale];
  return figure.unit === 'percent' ? `${figure.value}${unit}` : `${figure.value} ${unit}`;
}

// ---------- the director's dashboard (ASM-8) ----------

/**
 * One chart of the dashboard and the table behind it: `categories` along one axis (months,
 * modules, kinds of work), one series per line or bar. The table view shows the same numbers:
 * a row per category, a column per series. Null is "no data".
 */
export interface DashboardPanelShape {
  key: string;
  chart: 'line' | 'bar';
  categories: string[];
  series: { key: string; values: (number | null)[] }[];
}

export const DASHBOARD_PANEL_LABELS: Record<string, Label> = {
  'monthly-counts': { 'zh-CN': '月度工作量趋势', en: 'Monthly work, last 12 months' },
  'monthly-rates': { 'zh-CN': '按期率与到达率趋势', en: 'On-time and reach rates, last 12 months' },
  'open-items': { 'zh-CN': '各模块在办事项', en: 'Open items by module' },
  'service-times': { 'zh-CN': '服务响应与办理时长（小时）', en: 'Response and handling times (hours)' },
  'questionnaire-responses': { 'zh-CN': '本月问卷答卷数', en: 'Questionnaire answers this month' },
  'evaluation-results': { 'zh-CN': '最近一期考核结果（按部门）', en: 'Last released evaluation, by department' },
};

export const DASHBOARD_SERIES_LABELS: Record<string, Label> = {
  open: { 'zh-CN': '在办', en: 'Open' },
  overdue: { 'zh-CN': '已逾期', en: 'Overdue' },
  responseMedianHours: { 'zh-CN': '响应中位数', en: 'Response median' },
  responseP90Hours: { 'zh-CN': '响应P90', en: 'Response p90' },
  handlingMedianHours: { 'zh-CN': '办理中位数', en: 'Handling median' },
  handlingP90Hours: { 'zh-CN': '办理P90', en: 'Handling p90' },
  completed: { 'zh-CN': '完成件数', en: 'Completed' },
  responses: { 'zh-CN': '答卷数', en: 'Answers' },
  average: { 'zh-CN': '平均得分', en: 'Average result' },
  people: { 'zh-CN': '考核人数', en: 'People evaluated' },
};

/** Modules as the open-items panel names them. */
export const OPEN_ITEM_LABELS: Record<string, Label> = {
  'incoming-documents': { 'zh-CN': '收文', en: 'Incoming documents' },
  'outgoing-documents': { 'zh-CN': '发文', en: 'Outgoing documents' },
  repairs: { 'zh-CN': '报修', en: 'Repairs' },
  'supply-requests': { 'zh-CN': '用品领用', en: 'Supply requests' },
  suggestions: { 'zh-CN': '意见与热线', en: 'Suggestions and calls' },
  notices: { 'zh-CN': '待发布通知', en: 'Notices awaiting publication' },
  questionnaires: { 'zh-CN': '进行中的问卷', en: 'Open questionnaires' },
  improvement: { 'zh-CN': '整改问题', en: 'Improvement problems' },
  escalations: { 'zh-CN': '问题上报', en: 'Escalations' },
  'support-requests': { 'zh-CN': '部门协作', en: 'Support requests' },
};
