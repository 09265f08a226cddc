import { RESOLUTION_TASK_STATUS_LABELS } from '@xiaoban/shared';
import type { SheetSpec } from '../../../platform/excel/sheet';
import type { ResolutionReportRowDto } from './resolution.dto';

const date = (iso: string) => iso.slice(0, 10);

/** 决议落实情况 (MTG-9): one row per resolution, its tasks in one cell each. */
export const RESOLUTION_REPORT_SHEET: SheetSpec<ResolutionReportRowDto> = {
  title: '决议落实情况',
  fileName: 'meeting-resolutions',
  columns: [
    { header: '会议', key: 'meeting.title', width: 28 },
    { header: '会议类型', key: 'meeting.typeName', width: 10 },
    { header: '会议日期', key: 'meeting.startsAt', width: 12, value: (r) => date(r.meeting.startsAt) },
    { header: '序号', key: 'seq', width: 6 },
    { header: '决议', key: 'text', width: 48 },
    { header: '状态', key: 'done', width: 8, value: (r) => (r.done ? '已落实' : '落实中') },
    { header: '任务数', key: 'taskCount', width: 8 },
    { header: '已完成', key: 'doneCount', width: 8 },
    { header: '逾期', key: 'overdueCount', width: 6 },
    {
      header: '落实任务（责任人／时限／进度）',
      key: 'tasks',
      width: 60,
      value: (r) =>
        r.tasks
          .map(
            (t) =>
              `${t.owner.name}／${t.dueOn}／${RESOLUTION_TASK_STATUS_LABELS[t.status]['zh-CN']} ${t.percent}%${t.overdue ? '（逾期）' : ''}`,
          )
          .join('\n'),
    },
  ],
};
