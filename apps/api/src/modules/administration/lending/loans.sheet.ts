import { LOAN_STATUS_LABELS, SECRECY_LABELS, formatSchoolDateTime } from '@xiaoban/shared';
import type { SheetSpec } from '../../../platform/excel/sheet';
import type { LoanDto } from './lending.dto';

const when = (value: string | null) => (value ? formatSchoolDateTime(value) : '');

/** 涉密载体借阅登记簿 (ADM-10): one row per loan. */
export const LOAN_REGISTER_SHEET: SheetSpec<LoanDto> = {
  title: '涉密载体借阅登记簿',
  fileName: 'classified-loan-register',
  columns: [
    { header: '借阅物品', key: 'itemTitle', width: 40 },
    { header: '密级', key: 'itemSecrecy', width: 8, value: (l) => SECRECY_LABELS[l.itemSecrecy]['zh-CN'] },
    { header: '借阅人', key: 'borrower.name', width: 10 },
    { header: '借阅事由', key: 'purpose', width: 30 },
    { header: '归还期限', key: 'dueOn', width: 12 },
    { header: '状态', key: 'status', width: 10, value: (l) => LOAN_STATUS_LABELS[l.status]['zh-CN'] + (l.overdue ? '（逾期）' : '') },
    { header: '借出时间', key: 'lentAt', width: 18, value: (l) => when(l.lentAt) },
    { header: '归还时间', key: 'returnedAt', width: 18, value: (l) => when(l.returnedAt) },
    { header: '收回人', key: 'returnedTo.name', width: 10 },
    { header: '登记人', key: 'applicant.name', width: 10 },
    { header: '归还情况', key: 'returnNote', width: 24 },
  ],
};
