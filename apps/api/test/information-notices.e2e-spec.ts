import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { startAliyunSmsServer, startSmtpServer, type AliyunSmsServer } from './channels/servers';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createStaff, eventually } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

describe('information: notices on every channel, coverage and resend (INF-3–INF-5)', () => {
  let t: TestApp;
  let adminToken: string;
  let sms: AliyunSmsServer;
  let director: Person;
  let clerk: Person;
  let outsider: Person;
  const closers: (() => Promise<void>)[] = [];
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    // One attempt per delivery, so a refused SMS is recorded as failed at once.
    t = await startTestApp({ NOTIFY_RETRY_LIMIT: '0', NOTIFY_RETRY_DELAY_SECONDS: '1' });
    adminToken = await loginAsAdmin(t);
    const admin = { authorization: `Bearer ${adminToken}` };
    const mail = await startSmtpServer({ user: 'office', pass: 'smtp-pass' });
    sms = await startAliyunSmsServer({
      accessKeyId: 'LTAI-e2e',
      accessKeySecret: 'sms-secret-e2e',
      signName: '某中学',
      templateCode: 'SMS_1',
    });
    closers.push(
      () => mail.close(),
      () => sms.close(),
    );
    await t.http
      .put('/api/v1/notifications/channels/email')
      .set(admin)
      .send({ values: { url: mail.url, from: '"校办" <office@school.example>' } })
      .expect(200);
    await t.http
      .put('/api/v1/notifications/channels/sms')
      .set(admin)
      .send({
        values: {
          endpoint: sms.url,
          accessKeyId: 'LTAI-e2e',
          accessKeySecret: 'sms-secret-e2e',
          signName: '某中学',
          templateCode: 'SMS_1',
        },
      })
      .expect(200);
    [director, clerk, outsider] = await Promise.all([
      createStaff(t, adminToken, { roles: ['office-director'] }),
      createStaff(t, adminToken, { roles: ['office-clerk'] }),
      createStaff(t, adminToken, { roles: ['staff'] }),
    ]);
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await t.close();
  });

  /** A department with `n` teachers, each with a phone and an email. */
  async function grade(n: number): Promise<{ departmentId: string; teachers: Person[] }> {
    const department = await createDepartment(t, adminToken, { name: unique('年级组') });
    const teachers = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        createStaff(t, adminToken, { roles: ['staff'], departmentId: department.id, phone: `1390000${String(Date.now() + i).slice(-4)}` }),
      ),
    );
    return { departmentId: department.id, teachers };
  }

  async function draft(fields: Record<string, unknown>) {
    return (
      await t.http
        .post('/api/v1/information/notices')
        .set(as(clerk))
        .send({ title: unique('关于期末工作安排的通知'), body: '请各位老师按时完成期末工作。', ...fields })
        .expect(201)
    ).body;
  }

  /** Draft → verification → approved by the director → verified. */
  async function verified(fields: Record<string, unknown>) {
    const notice = await draft(fields);
    const submitted = (await t.http.post(`/api/v1/information/notices/${notice.id}/submit`).set(as(clerk)).expect(200)).body;
    await t.http
      .post(`/api/v1/approvals/requests/${submitted.approvalRequestId}/approve`)
      .set(as(director))
      .send({ comment: '同意发布' })
      .expect(200);
    await eventually(
      async () => (await t.http.get(`/api/v1/information/notices/${notice.id}`).set(as(clerk)).expect(200)).body.status === 'verified',
      20_000,
      'the verification to reach the notice',
    );
    return notice;
  }

  const publish = async (id: string) => (await t.http.post(`/api/v1/information/notices/${id}/publish`).set(as(clerk)).expect(200)).body;
  const coverage = async (id: string) => (await t.http.get(`/api/v1/information/notices/${id}/coverage`).set(as(clerk)).expect(200)).body;
  const resend = (id: string, body: Record<string, unknown> = {}) =>
    t.http.post(`/api/v1/information/notices/${id}/resend`).set(as(clerk)).send(body);

  it('NFR-10 a notice draft without an audience, or with one that is not an object, is a 400 keyed by audience and writes nothing', async () => {
    const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM notices');
    for (const audience of [undefined, null, 'all', [1]]) {
      const res = await t.http
        .post('/api/v1/information/notices')
        .set(as(clerk))
        .send({ title: unique('没有对象的通知'), body: '正文', channels: ['in-app'], ...(audience === undefined ? {} : { audience }) })
        .expect(400);
      expect(Object.keys(res.body.errors ?? {})).toContain('audience');
    }
    expect(await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM notices')).toEqual(before);
  });

  it('INF-3 a notice cannot be published before it is verified; a rejected verification returns it to the draft', async () => {
    const { departmentId } = await grade(1);
    const notice = await draft({ audience: { allStaff: false, departmentIds: [departmentId] }, channels: ['in-app'] });
    const early = await t.http.post(`/api/v1/information/notices/${notice.id}/publish`).set(as(clerk)).expect(409);
    expect(early.body.code).toBe('NOTICE_NOT_VERIFIED');
    const pending = (await t.http.post(`/api/v1/information/notices/${notice.id}/submit`).set(as(clerk)).expect(200)).body;
    expect(pending.status).toBe('pending');
    expect((await t.http.post(`/api/v1/information/notices/${notice.id}/publish`).set(as(clerk)).expect(409)).body.code).toBe(
      'NOTICE_NOT_VERIFIED',
    );
    await t.http
      .post(`/api/v1/approvals/requests/${pending.approvalRequestId}/reject`)
      .set(as(director))
      .send({ reason: '措辞需修改' })
      .expect(200);
    await eventually(
      async () => (await t.http.get(`/api/v1/information/notices/${notice.id}`).set(as(clerk)).expect(200)).body.status === 'draft',
      20_000,
      'the rejection to reach the notice',
    );
    expect(await t.sql('SELECT 1 FROM notice_recipients WHERE notice_id = $1', [notice.id])).toHaveLength(0);
  });

  it('INF-2 INF-3 a notice with personal data left undecided is refused, at verification and again at publish', async () => {
    const { departmentId } = await grade(1);
    const notice = await draft({
      audience: { allStaff: false, departmentIds: [departmentId] },
      channels: ['in-app'],
      body: '如有疑问请联系王老师 13912345678。',
    });
    const refused = await t.http.post(`/api/v1/information/notices/${notice.id}/submit`).set(as(clerk)).expect(422);
    expect(refused.body.code).toBe('FINDINGS_UNRESOLVED');
    expect(Object.keys(refused.body.errors)).toEqual(['mobile:13912345678']);
    expect((await t.http.get(`/api/v1/information/notices/${notice.id}`).set(as(clerk)).expect(200)).body.status).toBe('draft');

    // Masked as decided, verified; then a name list gains a name that is in the text.
    const student = `${unique('赵')}`;
    const masked = await verified({
      audience: { allStaff: false, departmentIds: [departmentId] },
      channels: ['in-app'],
      body: `表扬${student}同学。联系电话 13912345678。`,
      decisions: [{ key: 'mobile:13912345678', action: 'mask' }],
    });
    const detail = (await t.http.get(`/api/v1/information/notices/${masked.id}`).set(as(clerk)).expect(200)).body;
    expect(detail.body).toBe(`表扬${student}同学。联系电话 139****5678。`);
    await t.http
      .post('/api/v1/information/name-lists')
      .set(as(director))
      .send({ name: unique('学生'), names: [student] })
      .expect(201);
    const late = await t.http.post(`/api/v1/information/notices/${masked.id}/publish`).set(as(clerk)).expect(422);
    expect(Object.keys(late.body.errors)).toEqual([`name:${student}`]);
    expect(await t.sql('SELECT 1 FROM notice_recipients WHERE notice_id = $1', [masked.id])).toHaveLength(0);
  });

  it('INF-3 a publish to in-app, SMS and the website yields one delivery per recipient on each per-person channel and one website posting', async () => {
    const { departmentId, teachers } = await grade(3);
    const notice = await verified({ audience: { allStaff: false, departmentIds: [departmentId] }, channels: ['in-app', 'sms', 'website'] });
    const published = await publish(notice.id);
    expect(published.status).toBe('published');
    const deliveries = await t.sql<{ recipient_id: string; channel: string }>(
      'SELECT recipient_id, channel FROM notice_deliveries WHERE notice_id = $1 ORDER BY channel, recipient_id',
      [notice.id],
    );
    const ids = teachers.map((p) => p.id).sort();
    expect(deliveries).toEqual([
      ...ids.map((id) => ({ recipient_id: id, channel: 'in-app' })),
      ...ids.map((id) => ({ recipient_id: id, channel: 'sms' })),
    ]);
    // The recipients see it; someone outside the audience does not, not even by id.
    expect((await t.http.get(`/api/v1/information/notices/${notice.id}`).set(as(teachers[0])).expect(200)).body.iAmRecipient).toBe(true);
    await t.http.get(`/api/v1/information/notices/${notice.id}`).set(as(outsider)).expect(404);
    const outsiderList = (await t.http.get('/api/v1/information/notices').set(as(outsider)).expect(200)).body;
    expect(outsiderList.items.map((n: { id: string }) => n.id)).not.toContain(notice.id);
    // One posting on the website feed, which never counts as reaching anyone; in-app delivered reaches all three.
    const feed = JSON.parse((await t.http.get('/api/v1/public/notices/feed.json').expect(200)).text);
    expect(feed.items.filter((i: { id: string }) => i.id === notice.id)).toHaveLength(1);
    const report = await coverage(notice.id);
    expect(report).toMatchObject({ intended: 3, reached: 3, onWebsite: true });
    expect(report.byDepartment).toEqual([{ department: { id: departmentId, name: expect.any(String) }, intended: 3, reached: 3 }]);
  });

  it('INF-3 after some recipients confirm, a resend reaches exactly the unreached; the cap holds even for resends sent at once', async () => {
    const { departmentId, teachers } = await grade(4);
    const notice = await verified({
      audience: { allStaff: false, departmentIds: [departmentId] },
      channels: ['in-app'],
      asksConfirmation: true,
    });
    await publish(notice.id);
    expect(await coverage(notice.id)).toMatchObject({ intended: 4, reached: 0 });
    const [a, b, c, d] = teachers;
    await t.http.post(`/api/v1/information/notices/${notice.id}/confirm`).set(as(a)).expect(200);
    const twice = (await t.http.post(`/api/v1/information/notices/${notice.id}/confirm`).set(as(a)).expect(200)).body;
    expect(twice.myConfirmedAt).toEqual(expect.any(String));
    await t.http.post(`/api/v1/information/notices/${notice.id}/confirm`).set(as(b)).expect(200);
    await t.http.post(`/api/v1/information/notices/${notice.id}/confirm`).set(as(outsider)).expect(404);

    const report = await coverage(notice.id);
    expect(report).toMatchObject({ intended: 4, reached: 2, confirmed: 2 });
    expect(report.unreached.map((u: { user: { id: string } }) => u.user.id).sort()).toEqual([c.id, d.id].sort());

    const before = await t.sql<{ recipient_id: string }>('SELECT recipient_id FROM notice_deliveries WHERE notice_id = $1', [notice.id]);
    expect((await resend(notice.id).expect(200)).body).toEqual({ resent: 2, capped: 0, deliveries: 2 });
    const after = await t.sql<{ recipient_id: string }>('SELECT recipient_id FROM notice_deliveries WHERE notice_id = $1', [notice.id]);
    const added = after
      .map((r) => r.recipient_id)
      .filter((id) => before.filter((r) => r.recipient_id === id).length < after.filter((r) => r.recipient_id === id).length);
    expect([...new Set(added)].sort()).toEqual([c.id, d.id].sort());

    // Five resends at once: the cap (3 reminders each) still holds, and a reached person is never reminded.
    await Promise.all(Array.from({ length: 5 }, () => resend(notice.id).expect(200)));
    const reminders = await t.sql<{ user_id: string; reminders: number }>(
      'SELECT user_id, reminders FROM notice_recipients WHERE notice_id = $1',
      [notice.id],
    );
    expect(Object.fromEntries(reminders.map((r) => [r.user_id, r.reminders]))).toEqual({ [a.id]: 0, [b.id]: 0, [c.id]: 3, [d.id]: 3 });
    expect((await resend(notice.id).expect(200)).body).toEqual({ resent: 0, capped: 2, deliveries: 0 });
  });

  it('INF-3 a failing SMS gateway leaves its failures visible, and the fallback channel reaches those recipients', async () => {
    const { departmentId, teachers } = await grade(2);
    const notice = await verified({ audience: { allStaff: false, departmentIds: [departmentId] }, channels: ['sms'] });
    // Earlier tests' messages are sent first, so the two failures fall on this notice.
    await eventually(
      async () => (await t.sql(`SELECT 1 FROM notification_deliveries WHERE channel = 'sms' AND status = 'queued'`)).length === 0,
      20_000,
      'earlier SMS to be sent',
    );
    sms.failNext(2, 'http-500');
    await publish(notice.id);
    const failed = await eventually(
      async () => {
        const report = await coverage(notice.id);
        return report.channels[0].failed === 2 ? report : undefined;
      },
      20_000,
      'both SMS deliveries to fail',
    );
    expect(failed).toMatchObject({ intended: 2, reached: 0 });
    expect(failed.unreached.map((u: { deliveries: { channel: string; status: string }[] }) => u.deliveries)).toEqual([
      [expect.objectContaining({ channel: 'sms', status: 'failed', lastError: expect.any(String) })],
      [expect.objectContaining({ channel: 'sms', status: 'failed', lastError: expect.any(String) })],
    ]);
    expect((await resend(notice.id, { channel: 'email' }).expect(200)).body).toMatchObject({ resent: 2, deliveries: 2 });
    const reached = await eventually(
      async () => {
        const report = await coverage(notice.id);
        return report.reached === 2 ? report : undefined;
      },
      20_000,
      'the email fallback to reach both',
    );
    expect(reached.unreached).toEqual([]);
    expect(teachers).toHaveLength(2);
  });

  it('INF-4 a correction keeps the history and notifies the recipients again', async () => {
    const { departmentId, teachers } = await grade(2);
    const notice = await verified({
      audience: { allStaff: false, departmentIds: [departmentId] },
      channels: ['in-app'],
      body: '周五下午三点开会。',
    });
    const published = await publish(notice.id);
    const corrected = (
      await t.http
        .post(`/api/v1/information/notices/${notice.id}/corrections`)
        .set(as(clerk))
        .send({ body: '周五下午四点开会。', reason: '时间有误', version: published.version })
        .expect(201)
    ).body;
    expect(corrected).toMatchObject({ body: '周五下午四点开会。', revision: 2 });
    expect(corrected.revisions).toEqual([
      expect.objectContaining({ revision: 1, body: '周五下午三点开会。', correctionReason: '时间有误' }),
    ]);
    const notified = await t.sql<{ recipient_id: string }>(
      `SELECT d.recipient_id FROM notice_deliveries nd JOIN notification_deliveries d ON d.id = nd.delivery_id
        WHERE nd.notice_id = $1 AND d.title LIKE '【勘误】%'`,
      [notice.id],
    );
    expect(notified.map((r) => r.recipient_id).sort()).toEqual(teachers.map((p) => p.id).sort());
    // A stale version changes nothing.
    await t.http
      .post(`/api/v1/information/notices/${notice.id}/corrections`)
      .set(as(clerk))
      .send({ body: 'x', reason: 'y', version: published.version })
      .expect(409);
  });

  it('INF-5 the public feed lists only public notices; an internal id is 404; the RSS parses as XML; the ETag gives 304', async () => {
    const { departmentId } = await grade(1);
    const open = await verified({
      audience: { allStaff: false, departmentIds: [departmentId] },
      channels: ['in-app', 'website'],
      title: unique('公开：开放日安排'),
    });
    const internal = await verified({
      audience: { allStaff: false, departmentIds: [departmentId] },
      channels: ['in-app'],
      title: unique('内部：教师会议'),
    });
    await publish(open.id);
    await publish(internal.id);

    const json = JSON.parse((await t.http.get('/api/v1/public/notices/feed.json').expect(200)).text);
    const titles = json.items.map((i: { title: string }) => i.title);
    expect(titles).toContain(open.title);
    expect(titles).not.toContain(internal.title);

    const page = await t.http.get(`/api/v1/public/notices/${open.id}`).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain(open.title);
    await t.http.get(`/api/v1/public/notices/${internal.id}`).expect(404);
    await t.http.get('/api/v1/public/notices/00000000-0000-4000-8000-000000000000').expect(404);
    expect((await t.http.get('/api/v1/public/notices').expect(200)).text).not.toContain(internal.title);

    const rss = await t.http.get('/api/v1/public/notices/feed.rss').expect(200);
    expect(XMLValidator.validate(rss.text)).toBe(true);
    const parsed = new XMLParser().parse(rss.text);
    const items = [parsed.rss.channel.item].flat();
    expect(items.map((i: { title: string }) => i.title)).toContain(open.title);
    expect(items.map((i: { title: string }) => i.title)).not.toContain(internal.title);

    const etag = rss.headers.etag;
    expect(rss.headers['cache-control']).toMatch(/max-age/);
    await t.http.get('/api/v1/public/notices/feed.rss').set('if-none-match', etag).expect(304);
    const pageEtag = page.headers.etag;
    await t.http.get(`/api/v1/public/notices/${open.id}`).set('if-none-match', pageEtag).expect(304);
  });
});
