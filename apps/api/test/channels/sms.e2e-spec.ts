import { aliyunStringToSign, signAliyunRequest } from '../../src/platform/notifications/channels/aliyun-signature';
import { parseSmsDeliveryReports } from '../../src/platform/notifications/channels/sms-delivery-report';
import { SmsChannel, type SmsChannelConfig } from '../../src/platform/notifications/channels/sms.channel';
import { failureOf, notice, sendWithRetries } from './notices';
import { startAliyunSmsServer, type AliyunSmsServer } from './servers';

const ACCOUNT = {
  accessKeyId: 'LTAI5tXiaobanTestKey01',
  accessKeySecret: 'xb-test-secret-9f8e7d6c5b4a',
  signName: '某市第一中学',
  templateCode: 'SMS_468203571',
};

describe('SmsChannel (Aliyun dysmsapi SendSms)', () => {
  let aliyun: AliyunSmsServer;
  let config: SmsChannelConfig;

  beforeAll(async () => {
    aliyun = await startAliyunSmsServer(ACCOUNT);
    config = { endpoint: aliyun.url, ...ACCOUNT };
  });
  afterAll(() => aliyun.close());

  it('PLT-4 SMS signature follows the documented example (testId/testSecret, GET): zJDF+Lrzhj/ThnlvIToysFRq6t4=', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(aliyunStringToSign('GET', params)).toMatch(/^GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26/);
    expect(signAliyunRequest('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('PLT-4 SMS signature verified by the receiver, OutId = outbox key, BizId returned as providerMessageId', async () => {
    const channel = new SmsChannel(config);
    // Characters that encodeURIComponent leaves alone but RFC 3986 encodes, to prove the encoding.
    const message = notice('sms', '13812345678', { title: "期末考试(监考)安排*已发布!'请查收'" });

    const result = await channel.send(message);

    expect(aliyun.rejected).toEqual([]);
    const sent = aliyun.received.at(-1)!;
    expect(result).toEqual({ status: 'sent', providerMessageId: sent.bizId });
    expect(sent.bizId).toMatch(/^\d+\^0$/);
    expect(sent.key).toBe(message.outboxKey);
    expect(sent.params.OutId).toBe(message.outboxKey);
    expect(sent.phone).toBe('13812345678');
    expect(sent.signName).toBe('某市第一中学');
    expect(sent.templateCode).toBe('SMS_468203571');
    expect(sent.templateParam).toEqual({ title: "期末考试(监考)安排*已发布!'请查收'" });
    expect(sent.params).toMatchObject({ Action: 'SendSms', Version: '2017-05-25', Format: 'JSON', SignatureMethod: 'HMAC-SHA1' });
  });

  it('PLT-4 SMS with a wrong AccessKey secret is refused (SignatureDoesNotMatch) and the secret is not in the error', async () => {
    const channel = new SmsChannel({ ...config, accessKeySecret: 'not-the-secret-at-all' });

    const error = await failureOf(channel.send(notice('sms', '13812345678')));

    expect(error.message).toMatch(/^sms: HTTP 400, SignatureDoesNotMatch: Specified signature is not matched/);
    expect(error.message).not.toContain('not-the-secret-at-all');
  });

  it('PLT-4 SMS business refusals (Code ≠ OK) fail with Code and Message; a long title is cut to the 35-character variable limit', async () => {
    const channel = new SmsChannel(config);
    await expect(channel.send(notice('sms', '0571-88888888'))).rejects.toThrow(
      /^sms: isv\.MOBILE_NUMBER_ILLEGAL: 非法手机号 \(RequestId [0-9A-F-]+\)$/,
    );

    await channel.send(
      notice('sms', '15900001111', { title: '关于印发《学校印章管理办法》及《学校档案管理制度》并请各部门认真组织学习贯彻落实的通知' }),
    );
    expect(Array.from(aliyun.received.at(-1)!.templateParam.title)).toHaveLength(35);
  });

  it('PLT-4 SMS retried through a 500 and a rate limit with one outbox key: one distinct OutId at the gateway', async () => {
    const channel = new SmsChannel(config);
    const message = notice('sms', '19912345678');
    const before = aliyun.received.length;
    aliyun.failNext(1, 'http-500');
    aliyun.failNext(1, 'errcode');

    const { failures } = await sendWithRetries(() => channel.send(message), 3);

    expect(failures).toEqual([
      expect.stringMatching(/^sms: HTTP 500, InternalError: /),
      expect.stringMatching(/^sms: isv\.BUSINESS_LIMIT_CONTROL: 触发分钟级流控Permits:1/),
    ]);
    expect(aliyun.received.slice(before).map((sent) => sent.key)).toEqual([message.outboxKey]);
  });

  it('PLT-4 parseSmsDeliveryReports reads a realistic SmsReport push and matches it by OutId and BizId', async () => {
    const channel = new SmsChannel(config);
    const delivered = notice('sms', '13812345678');
    const failed = notice('sms', '15900001111');
    const first = await channel.send(delivered);
    const second = await channel.send(failed);
    const [sentOk, sentFailed] = aliyun.received.slice(-2);
    // What Aliyun pushes: JSON, possibly several reports in one request.
    const body: unknown = JSON.parse(
      JSON.stringify([
        aliyun.deliveryReport(sentOk),
        aliyun.deliveryReport(sentFailed, { success: false, errCode: 'IC_BLACK', errMsg: '用户在黑名单' }),
      ]),
    );

    const reports = parseSmsDeliveryReports(body);

    expect(reports).toEqual([
      { outId: delivered.outboxKey, bizId: first.providerMessageId, phone: '13812345678', delivered: true, reportedAt: expect.any(Date) },
      {
        outId: failed.outboxKey,
        bizId: second.providerMessageId,
        phone: '15900001111',
        delivered: false,
        error: 'IC_BLACK: 用户在黑名单',
        reportedAt: expect.any(Date),
      },
    ]);
    // report_time is China time: "2017-01-01 08:00:03" is 00:00:03 UTC.
    const [atChina] = parseSmsDeliveryReports([{ ...(body as object[])[0], report_time: '2017-01-01 08:00:03' }]);
    expect(atChina.reportedAt?.toISOString()).toBe('2017-01-01T00:00:03.000Z');
  });

  it('PLT-4 parseSmsDeliveryReports rejects a malformed body, naming what is wrong', () => {
    const good = {
      phone_number: '13812345678',
      send_time: '2026-03-02 10:00:00',
      report_time: '2026-03-02 10:00:05',
      success: true,
      err_code: 'DELIVERED',
      err_msg: '用户接收成功',
      sms_size: '1',
      biz_id: '900619746936498440^0',
      out_id: '0b5a6c1e-2f0d-4c8e-9a51-3d2b7f6e8a90',
    };
    expect(() => parseSmsDeliveryReports(good)).toThrow('SMS report body must be a JSON array');
    expect(() => parseSmsDeliveryReports('[]')).toThrow('must be a JSON array');
    expect(() => parseSmsDeliveryReports([good, null])).toThrow('SMS report [1] must be an object');
    expect(() => parseSmsDeliveryReports([{ ...good, success: 'true' }])).toThrow('SMS report [0]: success must be true or false');
    expect(() => parseSmsDeliveryReports([{ ...good, phone_number: 13812345678 }])).toThrow('phone_number must be a non-empty string');
    expect(() => parseSmsDeliveryReports([{ ...good, biz_id: undefined, out_id: '' }])).toThrow('neither biz_id nor out_id');
    expect(() => parseSmsDeliveryReports([{ ...good, report_time: '2026/03/02 10:00' }])).toThrow('report_time must look like');
    expect(parseSmsDeliveryReports([])).toEqual([]);
  });
});
