import { SECRECY_LABELS } from '@xiaoban/shared';
import type { SheetSpec } from '../excel/sheet';
import type { DestructionListItemDto } from './destruction.dto';

/** 销毁清册 (DOC-10): one row per record on the list. */
export const DESTRUCTION_LIST_SHEET: SheetSpec<DestructionListItemDto> = {
  title: '销毁清册',
  fileName: 'destruction-list',
  columns: [
    { header: '类别', key: 'kindLabel', width: 10 },
    { header: '编号', key: 'number', width: 18 },
    { header: '题名', key: 'title', width: 44, value: (i) => (i.titleHidden ? '（涉密，不显示）' : i.title) },
    { header: '密级', key: 'secrecy', width: 8, value: (i) => SECRECY_LABELS[i.secrecy]['zh-CN'] },
    { header: '保管期限', key: 'retention', width: 10 },
    { header: '到期日期', key: 'dueOn', width: 12 },
  ],
};
