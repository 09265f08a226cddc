import { spawn } from 'node:child_process';
import { DataSource } from 'typeorm';
import { NotificationsService, type Notification } from '../src/platform/notifications/notifications.service';
import { startAliyunSmsServer, startDingTalkServer, startSmtpServer, startWeComRobotServer } from './channels/servers';
import { loginAsAdmin } from './factories/org.factory';
import { createSmallSchool, createStaff, eventually } from './factories/school.factory';
import { freePort, MAIN } from './setup/child-server';
import { startTestApp, type TestApp } from './setup/test-app';

const REPORT_TOKEN = 'sms-report-token-e2e';

describe('notifications through the outbox (PLT-4)', () => {
  let t: TestApp;
  let adminToken: string;
  const admin = () => ({ authorization: `Bearer ${adminToken}` });
  const smtp = startSmtpServer({ user: 'office', pass: 'smtp-pass' });
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    t = await startTestApp({ SMS_REPORT_TOKEN: REPORT_TOKEN, NOTIFY_RETRY_LIMIT: '2', NOTIFY_RETRY_DELAY_SECONDS: '1' });
    adminToken = await loginAsAdmin(t);
    const mail = await smtp;
    closers.push(() => mail.close());
    await t.http
      .put('/api/v1/notifications/channels/email')
      .set(admin())
      .send({ values: { url: mail.url, from: '"校办" <office@school.example>' } })
      .expect(200);
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await t.close();
  });

  const notify = (notification: Notification) =>
    t.app.get(DataSource).transaction((manager) => t.app.get(NotificationsService).notify(manager, notification));
  const delivery = async (id: string) =>
    (await t.sql<Record<string, unknown>>('SELECT * FROM notification_deliveries WHERE id = $1', [id]))[0];
  const choose = (user: { token: string }, channels: string[]) =>
    t.http
      .put('/api/v1/notifications/preferences')
      .set({ authorization: `Bearer ${user.token}` })
      .send({ channels })
      .expect(200);

  it('PLT-4 an approval task is really delivered by email to a local SMTP server, with the outbox key in the Message-ID', async () => {
    const mail = await smtp;
    const school = await createSmallSchool(t, adminToken, 1);
    const request = (
      await t.http
        .post('/api/v1/approvals/requests')
        .set({ authorization: `Bearer ${school.applicant.token}` })
        .send({ title: '关于举办读书节的请示', content: '拟于四月举办读书节。' })
        .expect(201)
    ).body;
    const [row] = await t.sql<{ id: string }>(`SELECT id FROM notification_deliveries WHERE recipient_id = $1 AND channel = 'email'`, [
      school.head.id,
    ]);
    const received = await eventually(async () => mail.received.find((m) => m.key === row.id), 20_000, 'the email');
    expect(received).toMatchObject({ subject: '待审批：关于举办读书节的请示', envelopeTo: [`${school.head.username}@school.example`] });
    expect(received.text).toContain(`/approvals/${request.id}`);
    await eventually(async () => (await delivery(row.id)).status === 'delivered', 10_000, 'the email delivery to be recorded');
    const log = (
      await t.http.get('/api/v1/notifications/deliveries').query({ recipientId: school.head.id, channel: 'email' }).set(admin()).expect(200)
    ).body;
    expect(log.items[0]).toMatchObject({ id: row.id, status: 'delivered', attempts: 1, lastError: null });
  });

  it('PLT-4 a signed DingTalk robot message that fails twice and then succeeds arrives once per outbox key', async () => {
    const dingtalk = await startDingTalkServer({ secret: 'SECdingtalk-e2e-secret' });
    closers.push(() => dingtalk.close());
    await t.http
      .put('/api/v1/notifications/channels/dingtalk')
      .set(admin())
      .send({ values: { webhookUrl: dingtalk.url, secret: 'SECdingtalk-e2e-secret' } })
      .expect(200);
    const teacher = await createStaff(t, adminToken, { roles: ['staff'], phone: '13900001111' });
    await choose(teacher, ['in-app', 'dingtalk']);
    dingtalk.failNext(2, 'http-500');
    const ids = await notify({
      recipientIds: [teacher.id],
      kind: 'test.dingtalk',
      title: '明日升旗仪式',
      body: '请全体教师7:30到操场集合。',
    });
    const [id] = (
      await t.sql<{ id: string }>(`SELECT id FROM notification_deliveries WHERE id = ANY($1::uuid[]) AND channel = 'dingtalk'`, [ids])
    ).map((r) => r.id);
    await eventually(async () => (await delivery(id)).status === 'sent', 30_000, 'the DingTalk delivery');
    expect(await delivery(id)).toMatchObject({ attempts: 3, last_error: null });
    expect([...dingtalk.distinctKeys()]).toEqual([id]);
    expect(dingtalk.received).toHaveLength(1);
    expect(dingtalk.received[0].atMobiles).toEqual(['13900001111']);
  });

  it('PLT-4 a failed delivery stays visible with its error, and is resent on a fallback channel', async () => {
    const mail = await smtp;
    const wecom = await startWeComRobotServer();
    closers.push(() => wecom.close());
    await t.http
      .put('/api/v1/notifications/channels/wecom')
      .set(admin())
      .send({ values: { webhookUrl: wecom.url } })
      .expect(200);
    const teacher = await createStaff(t, adminToken, { roles: ['staff'], phone: '13900002222' });
    await choose(teacher, ['in-app', 'wecom']);
    wecom.failNext(10, 'errcode');
    const ids = await notify({ recipientIds: [teacher.id], kind: 'test.wecom', title: '教职工体检安排', body: '请于本周内完成体检。' });
    const [failedId] = (
      await t.sql<{ id: string }>(`SELECT id FROM notification_deliveries WHERE id = ANY($1::uuid[]) AND channel = 'wecom'`, [ids])
    ).map((r) => r.id);
    await eventually(async () => (await delivery(failedId)).status === 'failed', 30_000, 'the delivery to fail');
    const failed = (
      await t.http.get('/api/v1/notifications/deliveries').query({ status: 'failed', channel: 'wecom' }).set(admin()).expect(200)
    ).body.items;
    expect(failed).toEqual([expect.objectContaining({ id: failedId, attempts: 3, lastError: expect.stringContaining('wecom') })]);

    const resent = (
      await t.http.post(`/api/v1/notifications/deliveries/${failedId}/resend`).set(admin()).send({ channel: 'email' }).expect(201)
    ).body;
    expect(resent).toMatchObject({ channel: 'email', resendOf: failedId });
    await eventually(async () => mail.received.find((m) => m.key === resent.id), 20_000, 'the fallback email');
    // The receiver sees the mail a moment before the worker records it as delivered.
    await eventually(async () => (await delivery(resent.id)).status === 'delivered', 10_000, 'the fallback delivery to be recorded');
  });

  it('PLT-4 an SMS gateway delivery report turns "sent" into "delivered"', async () => {
    const sms = await startAliyunSmsServer({
      accessKeyId: 'LTAI-e2e',
      accessKeySecret: 'sms-secret-e2e',
      signName: '某市第一中学',
      templateCode: 'SMS_000001',
    });
    closers.push(() => sms.close());
    await t.http
      .put('/api/v1/notifications/channels/sms')
      .set(admin())
      .send({
        values: {
          endpoint: sms.url,
          accessKeyId: 'LTAI-e2e',
          accessKeySecret: 'sms-secret-e2e',
          signName: '某市第一中学',
          templateCode: 'SMS_000001',
        },
      })
      .expect(200);
    const teacher = await createStaff(t, adminToken, { roles: ['staff'], phone: '13800138000' });
    await choose(teacher, ['in-app', 'sms']);
    const ids = await notify({ recipientIds: [teacher.id], kind: 'test.sms', title: '停水通知', body: '明日上午教学楼停水。' });
    const [id] = (
      await t.sql<{ id: string }>(`SELECT id FROM notification_deliveries WHERE id = ANY($1::uuid[]) AND channel = 'sms'`, [ids])
    ).map((r) => r.id);
    await eventually(async () => (await delivery(id)).status === 'sent', 20_000, 'the SMS to be sent');
    const sent = sms.received.find((m) => m.key === id)!;
    expect((await delivery(id)).provider_message_id).toBe(sent.bizId);

    await t.http
      .post('/api/v1/notifications/sms/reports')
      .query({ token: 'wrong' })
      .send([sms.deliveryReport(sent)])
      .expect(401);
    await t.http
      .post('/api/v1/notifications/sms/reports')
      .query({ token: REPORT_TOKEN })
      .send([{ nonsense: true }])
      .expect(400);
    const ack = await t.http
      .post('/api/v1/notifications/sms/reports')
      .query({ token: REPORT_TOKEN })
      .send([sms.deliveryReport(sent)])
      .expect(200);
    expect(ack.body).toEqual({ code: 0, msg: '成功' });
    expect(await delivery(id)).toMatchObject({ status: 'delivered', delivered_at: expect.any(Date) });
  });

  it('PLT-4 a mandatory message uses every configured channel, whatever the person chose; in-app is read only when opened', async () => {
    const mail = await smtp;
    const teacher = await createStaff(t, adminToken, { roles: ['staff'] });
    await choose(teacher, []);
    const optional = await notify({ recipientIds: [teacher.id], kind: 'test.optional', title: '可选通知', body: '内容' });
    expect(
      (await t.sql(`SELECT channel FROM notification_deliveries WHERE id = ANY($1::uuid[])`, [optional])).map((r) => r.channel),
    ).toEqual(['in-app']);
    const mandatory = await notify({
      recipientIds: [teacher.id],
      kind: 'test.urgent',
      title: '特急文件待办',
      body: '请立即处理。',
      mandatory: true,
    });
    const channels = (
      await t.sql<{ channel: string }>(`SELECT channel FROM notification_deliveries WHERE id = ANY($1::uuid[])`, [mandatory])
    ).map((r) => r.channel);
    expect(channels).toEqual(expect.arrayContaining(['in-app', 'email']));
    const emailId = (
      await t.sql<{ id: string }>(`SELECT id FROM notification_deliveries WHERE id = ANY($1::uuid[]) AND channel = 'email'`, [mandatory])
    )[0].id;
    await eventually(async () => mail.received.find((m) => m.key === emailId), 20_000, 'the mandatory email');

    const inAppId = (
      await t.sql<{ id: string }>(`SELECT id FROM notification_deliveries WHERE id = ANY($1::uuid[]) AND channel = 'in-app'`, [mandatory])
    )[0].id;
    expect((await delivery(inAppId)).status).toBe('delivered');
    const message = (await t.http.get('/api/v1/messages').set({ authorization: `Bearer ${teacher.token}` })).body.items.find(
      (m: { subject: string }) => m.subject === '特急文件待办',
    );
    await t.http
      .get(`/api/v1/messages/${message.id}`)
      .set({ authorization: `Bearer ${teacher.token}` })
      .expect(200);
    expect((await delivery(inAppId)).status).toBe('read');
    // Email cannot report reading: it stays "delivered", never a guessed "read".
    await eventually(async () => (await delivery(emailId)).status === 'delivered', 10_000, 'the email delivery to be recorded');
    expect((await delivery(emailId)).status).toBe('delivered');
  });

  it('PLT-4 NFR-6 the instance that committed a notification is killed before sending: another instance delivers it, one key at the receiver', async () => {
    const mail = await smtp;
    const school = await createSmallSchool(t, adminToken, 1);
    const port = await freePort();
    // An API-only instance on the same database: it queues jobs but sends nothing itself.
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: t.databaseUrl,
        PORT: String(port),
        JOBS_WORKERS: 'false',
        ADMIN_DIST: '',
        JWT_SECRET: 'e2e-secret-not-for-production',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    try {
      await eventually(
        () =>
          fetch(`http://127.0.0.1:${port}/api/health`).then(
            (r) => r.ok,
            () => false,
          ),
        30_000,
        'the second instance',
      );
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/approvals/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${school.applicant.token}` },
        body: JSON.stringify({ title: '关于增设课后服务的请示', content: '拟增设课后服务。' }),
      });
      expect(res.status).toBe(201);
      child.kill('SIGKILL');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    const [row] = await t.sql<{ id: string }>(`SELECT id FROM notification_deliveries WHERE recipient_id = $1 AND channel = 'email'`, [
      school.head.id,
    ]);
    await eventually(async () => mail.received.find((m) => m.key === row.id), 20_000, 'the email after the kill');
    await new Promise((r) => setTimeout(r, 2000)); // time for any duplicate to show up
    expect(mail.received.filter((m) => m.key === row.id)).toHaveLength(1);
    await eventually(async () => (await delivery(row.id)).status === 'delivered', 10_000, 'the delivery to be recorded');
  });
});
