import { SEAL_TYPE_LABELS, formatSchoolDateTime } from '@xiaoban/shared';
import type { SheetSpec } from '../../../platform/excel/sheet';
import type { SealUseDto } from './seal-uses.dto';

/** 用印登记簿 (ADM-5): every registered use, one row each. */
export const SEAL_USE_REGISTER_SHEET: SheetSpec<SealUseDto> = {
  title: '用印登记簿',
  fileName: 'seal-use-register',
  columns: [
    { header: '用印时间', key: 'usedAt', width: 18, value: (u) => formatSchoolDateTime(u.usedAt) },
    { header: '印章', key: 'seal.name', width: 20 },
    { header: '印章类型', key: 'sealType', width: 10, value: (u) => SEAL_TYPE_LABELS[u.sealType]['zh-CN'] },
    { header: '用印文件', key: 'documentTitle', width: 40 },
    { header: '份数', key: 'copies', width: 6 },
    { header: '申请人', key: 'applicant.name', width: 10 },
    { header: '申请部门', key: 'department.name', width: 14 },
    { header: '经办人', key: 'handledBy.name', width: 10 },
    { header: '监印人', key: 'supervisedBy.name', width: 10 },
    { header: '登记人', key: 'registeredBy.name', width: 10 },
    { header: '备注', key: 'note', width: 24 },
  ],
};
