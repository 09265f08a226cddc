import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_URGENCY_LABELS,
  OUTGOING_DIRECTION_LABELS,
  OUTGOING_STATUS_LABELS,
  RETENTION_PERIOD_LABELS,
  SECRECY_LABELS,
} from '@xiaoban/shared';
import type { SheetSpec } from '../../../platform/excel/sheet';
import type { OutgoingDocumentDto } from './dto/outgoing-response.dto';

const joined = (list: string[]) => list.join('、');

/** 发文登记簿 (DOC-12): the outgoing list as an Excel register, one row per document. */
export const OUTGOING_REGISTER_SHEET: SheetSpec<OutgoingDocumentDto> = {
  title: '发文登记簿',
  fileName: 'outgoing-register',
  columns: [
    { header: '发文字号', key: 'number', width: 18 },
    { header: '成文日期', key: 'writtenOn', width: 12 },
    { header: '标题', key: 'title', width: 44 },
    { header: '文种', key: 'docType', width: 10, value: (d) => DOCUMENT_TYPE_LABELS[d.docType]['zh-CN'] },
    { header: '行文方向', key: 'direction', width: 10, value: (d) => OUTGOING_DIRECTION_LABELS[d.direction]['zh-CN'] },
    { header: '密级', key: 'secrecy', width: 8, value: (d) => SECRECY_LABELS[d.secrecy]['zh-CN'] },
    { header: '紧急程度', key: 'urgency', width: 10, value: (d) => DOCUMENT_URGENCY_LABELS[d.urgency]['zh-CN'] },
    { header: '主送', key: 'mainRecipients', width: 24, value: (d) => joined(d.mainRecipients) },
    { header: '抄送', key: 'ccRecipients', width: 20, value: (d) => joined(d.ccRecipients) },
    { header: '拟稿部门', key: 'department.name', width: 14 },
    { header: '拟稿人', key: 'drafter.name', width: 10 },
    { header: '签发人', key: 'signedBy.name', width: 10 },
    { header: '份数', key: 'copies', width: 6 },
    { header: '印发日期', key: 'printedOn', width: 12 },
    { header: '保管期限', key: 'retention', width: 10, value: (d) => RETENTION_PERIOD_LABELS[d.retention]['zh-CN'] },
    { header: '状态', key: 'status', width: 12, value: (d) => OUTGOING_STATUS_LABELS[d.status]['zh-CN'] },
  ],
};
