import { WORK_MATTER_STATUS_LABELS } from '@xiaoban/shared';
import type { SheetSpec } from '../../../platform/excel/sheet';
import type { WorkMatterDto } from './ledger.dto';

/** 工作台账 (ADM-3): one row per matter. */
export const WORK_LEDGER_SHEET: SheetSpec<WorkMatterDto> = {
  title: '工作台账',
  fileName: 'work-ledger',
  columns: [
    { header: '事项', key: 'title', width: 36 },
    { header: '责任人', key: 'owner.name', width: 10 },
    { header: '涉及部门', key: 'departments', width: 24, value: (m) => m.departments.map((d) => d.name).join('、') },
    { header: '完成时限', key: 'dueOn', width: 12 },
    { header: '状态', key: 'status', width: 10, value: (m) => WORK_MATTER_STATUS_LABELS[m.status]['zh-CN'] },
    { header: '逾期', key: 'overdue', width: 6, value: (m) => (m.overdue ? '是' : '') },
    { header: '事项说明', key: 'description', width: 40 },
  ],
};
