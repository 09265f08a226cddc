import type { SheetSpec } from '../../../platform/excel/sheet';
import type { LiaisonEntryDto } from './liaison.dto';

/** 部门联络人名录 (ADM-1). */
export const LIAISON_SHEET: SheetSpec<LiaisonEntryDto> = {
  title: '部门联络人名录',
  fileName: 'department-liaisons',
  columns: [
    { header: '部门', key: 'departmentName', width: 20 },
    { header: '部门负责人', key: 'head.name', width: 10 },
    { header: '负责人电话', key: 'head.phone', width: 14 },
    { header: '联络人', key: 'liaison.name', width: 10 },
    { header: '联络人电话', key: 'liaison.phone', width: 14 },
    { header: '联络人邮箱', key: 'liaison.email', width: 26 },
  ],
};
