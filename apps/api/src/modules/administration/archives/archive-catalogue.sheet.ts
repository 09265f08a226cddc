import { RETENTION_PERIOD_LABELS, SECRECY_LABELS } from '@xiaoban/shared';
import type { SheetSpec } from '../../../platform/excel/sheet';
import type { ArchiveItemDto } from './archives.dto';

/** 归档文件目录 (ADM-8): the catalogue's columns of DA/T 22, one row per 件. */
export const ARCHIVE_CATALOGUE_SHEET: SheetSpec<ArchiveItemDto> = {
  title: '归档文件目录',
  fileName: 'archive-catalogue',
  columns: [
    { header: '序号', key: 'seq', width: 6 },
    { header: '档号', key: 'archiveNumber', width: 28 },
    { header: '文号', key: 'documentNumber', width: 18 },
    { header: '责任者', key: 'responsible', width: 16 },
    { header: '题名', key: 'title', width: 44 },
    { header: '日期', key: 'catalogueDate', width: 10 },
    { header: '密级', key: 'secrecy', width: 6, value: (i) => SECRECY_LABELS[i.secrecy]['zh-CN'] },
    { header: '页数', key: 'pages', width: 6 },
    { header: '保管期限', key: 'retention', width: 10, value: (i) => RETENTION_PERIOD_LABELS[i.retention]['zh-CN'] },
    { header: '盒号', key: 'boxNumber', width: 6 },
    { header: '备注', key: 'remarks', width: 20 },
  ],
};
