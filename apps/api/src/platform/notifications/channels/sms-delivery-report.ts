import { isRecord } from './provider-http';

/** One delivery report, as the notification outbox needs it. */
export interface SmsDeliveryReport {
  /** Our outbox key, sent as OutId. */
  outId?: string;
  /** The gateway's id of the send (SendSms BizId). */
  bizId?: string;
  phone: string;
  delivered: boolean;
  /** `err_code: err_msg` of a failed delivery. */
  error?: string;
  reportedAt?: Date;
}

/**
 * Reads the body Aliyun pushes to our HTTP URL for SmsReport (HTTP batch push): a JSON array of
 * `{ phone_number, send_time, report_time, success, err_code, err_msg, sms_size, biz_id, out_id }`,
 * possibly several reports in one request. Throws on anything else, naming the first bad field,
 * so the receiving controller can answer 400 instead of recording nonsense.
 *
 * `report_time` is `yyyy-MM-dd HH:mm:ss` without a zone; Aliyun writes it in China time (UTC+8).
 */
export function parseSmsDeliveryReports(body: unknown): SmsDeliveryReport[] {
  if (!Array.isArray(body)) throw new Error('SMS report body must be a JSON array');
  return body.map((item: unknown, index) => {
    const where = `SMS report [${index}]`;
    if (!isRecord(item)) throw new Error(`${where} must be an object`);
    const phone = item.phone_number;
    if (typeof phone !== 'string' || !phone.trim()) throw new Error(`${where}: phone_number must be a non-empty string`);
    if (typeof item.success !== 'boolean') throw new Error(`${where}: success must be true or false`);
    const bizId = optionalString(item, 'biz_id', where);
    const outId = optionalString(item, 'out_id', where);
    if (!bizId && !outId) throw new Error(`${where}: neither biz_id nor out_id is given`);
    const errCode = optionalString(item, 'err_code', where);
    const errMsg = optionalString(item, 'err_msg', where);
    const reportTime = optionalString(item, 'report_time', where);
    const report: SmsDeliveryReport = { phone, delivered: item.success };
    if (outId) report.outId = outId;
    if (bizId) report.bizId = bizId;
    if (!item.success) report.error = [errCode, errMsg].filter(Boolean).join(': ') || 'not delivered';
    if (reportTime) report.reportedAt = chinaTime(reportTime, where);
    return report;
  });
}

function optionalString(item: Record<string, unknown>, field: string, where: string): string | undefined {
  const value = item[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`${where}: ${field} must be a string`);
  return value;
}

function chinaTime(text: string, where: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  const at = match ? new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}+08:00`) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw new Error(`${where}: report_time must look like 2017-01-01 00:00:00`);
  return at;
}
