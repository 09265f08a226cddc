import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_URGENCY_LABELS,
  INCOMING_STATUS_LABELS,
  RETENTION_PERIOD_LABELS,
  SECRECY_LABELS,
} from '@xiaoban/shared';
import type { SheetSpec } from '../../../platform/excel/sheet';
import type { IncomingDocumentDto } from './dto/incoming-response.dto';

/** 收文登记簿 (DOC-12): the incoming list as an Excel register, one row per document. */
export const INCOMING_REGISTER_SHEET: SheetSpec<IncomingDocumentDto> = {
  title: '收文登记簿',
  fileName: 'incoming-register',
  columns: [
    { header: '收文编号', key: 'number', width: 16 },
    { header: '收文日期', key: 'receivedOn', width: 12 },
    { header: '来文单位', key: 'sourceOrg', width: 20 },
    { header: '来文字号', key: 'senderNumber', width: 18 },
    { header: '标题', key: 'title', width: 44 },
    { header: '文种', key: 'docType', width: 10, value: (d) => DOCUMENT_TYPE_LABELS[d.docType]['zh-CN'] },
    { header: '密级', key: 'secrecy', width: 8, value: (d) => SECRECY_LABELS[d.secrecy]['zh-CN'] },
    { header: '紧急程度', key: 'urgency', width: 10, value: (d) => DOCUMENT_URGENCY_LABELS[d.urgency]['zh-CN'] },
    { header: '份号', key: 'copyNumber', width: 10 },
    { header: '份数', key: 'copies', width: 6 },
    { header: '页数', key: 'pages', width: 6 },
    { header: '成文日期', key: 'writtenOn', width: 12 },
    { header: '签收人', key: 'signedForBy', width: 10 },
    { header: '保管期限', key: 'retention', width: 10, value: (d) => RETENTION_PERIOD_LABELS[d.retention]['zh-CN'] },
    { header: '责任人', key: 'responsible.name', width: 10 },
    { header: '承办部门', key: 'department.name', width: 14 },
    { header: '重要', key: 'major', width: 6 },
    { header: '状态', key: 'status', width: 10, value: (d) => INCOMING_STATUS_LABELS[d.status]['zh-CN'] },
  ],
};
