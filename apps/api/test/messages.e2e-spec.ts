import { createDepartment, loginAsAdmin } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

describe('message centre (ADM-2)', () => {
  let t: TestApp;
  let adminToken: string;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  it('ADM-2 a message to a department reaches its members and sub-departments, and records who read it', async () => {
    const office = await createDepartment(t, adminToken, { name: '教务处' });
    const grade = await createDepartment(t, adminToken, { name: '高一年级组', parentId: office.id });
    const sender = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '陈晓' });
    const member = await createStaff(t, adminToken, { roles: ['staff'], departmentId: office.id, name: '王老师' });
    const subMember = await createStaff(t, adminToken, { roles: ['staff'], departmentId: grade.id, name: '李老师' });
    const outsider = await createStaff(t, adminToken, { roles: ['staff'], name: '赵老师' });

    const sent = (
      await t.http
        .post('/api/v1/messages')
        .set(as(sender))
        .send({ subject: '关于期中考试安排的通知', body: '期中考试定于下周三开始，请各年级做好准备。', toDepartmentIds: [office.id] })
        .expect(201)
    ).body;
    expect(sent).toMatchObject({
      recipientCount: 2,
      readCount: 0,
      toDepartments: [{ id: office.id, name: '教务处' }],
      sender: { name: '陈晓' },
    });

    for (const person of [member, subMember]) {
      const unread = (await t.http.get('/api/v1/messages').query({ unread: true }).set(as(person)).expect(200)).body;
      expect(unread.items.map((m: { id: string }) => m.id)).toEqual([sent.id]);
    }
    expect((await t.http.get('/api/v1/messages').set(as(outsider)).expect(200)).body.items).toEqual([]);
    await t.http.get(`/api/v1/messages/${sent.id}`).set(as(outsider)).expect(404);

    expect((await t.http.get('/api/v1/messages/unread-count').set(as(member)).expect(200)).body).toEqual({ unread: 1 });
    const opened = (await t.http.get(`/api/v1/messages/${sent.id}`).set(as(member)).expect(200)).body;
    expect(opened.readAt).toEqual(expect.any(String));
    expect((await t.http.get('/api/v1/messages/unread-count').set(as(member)).expect(200)).body).toEqual({ unread: 0 });

    const receipts = (await t.http.get(`/api/v1/messages/${sent.id}/receipts`).set(as(sender)).expect(200)).body;
    expect(receipts).toEqual([
      { user: { id: member.id, name: '王老师' }, viaDepartment: { id: office.id, name: '教务处' }, readAt: expect.any(String) },
      { user: { id: subMember.id, name: '李老师' }, viaDepartment: { id: office.id, name: '教务处' }, readAt: null },
    ]);
    // Only the sender sees the receipts.
    await t.http.get(`/api/v1/messages/${sent.id}/receipts`).set(as(member)).expect(404);
    const inSent = (await t.http.get('/api/v1/messages').query({ box: 'sent' }).set(as(sender)).expect(200)).body.items[0];
    expect(inSent).toMatchObject({ id: sent.id, readCount: 1, recipientCount: 2 });
  });

  it('ADM-2 a reply goes back to the sender in the same thread; the sender’s reply reaches every recipient', async () => {
    const sender = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '林静' });
    const a = await createStaff(t, adminToken, { roles: ['staff'], name: '周一' });
    const b = await createStaff(t, adminToken, { roles: ['staff'], name: '吴二' });
    const first = (
      await t.http
        .post('/api/v1/messages')
        .set(as(sender))
        .send({ subject: '周五行政会', body: '请准时参加。', toUserIds: [a.id, b.id] })
        .expect(201)
    ).body;

    const reply = (await t.http.post(`/api/v1/messages/${first.id}/replies`).set(as(a)).send({ body: '收到，准时参加。' }).expect(201))
      .body;
    expect(reply).toMatchObject({
      subject: '回复：周五行政会',
      threadId: first.threadId,
      parentId: first.id,
      toUsers: [{ id: sender.id, name: '林静' }],
    });
    expect((await t.http.get('/api/v1/messages').set(as(b))).body.items.map((m: { id: string }) => m.id)).toEqual([first.id]);

    const answer = (
      await t.http.post(`/api/v1/messages/${first.id}/replies`).set(as(sender)).send({ body: '会议改到三楼会议室。' }).expect(201)
    ).body;
    expect(answer.toUsers.map((u: { name: string }) => u.name).sort()).toEqual(['吴二', '周一'].sort());
  });

  it('ADM-2 NFR-2 a message needs a recipient that exists, and changes nothing when refused', async () => {
    const sender = await createStaff(t, adminToken, { roles: ['staff'] });
    const none = await t.http.post('/api/v1/messages').set(as(sender)).send({ subject: '无收件人', body: '内容' }).expect(400);
    expect(none.body.errors).toHaveProperty('toUserIds');
    const ghost = await t.http
      .post('/api/v1/messages')
      .set(as(sender))
      .send({ subject: '发给不存在的部门', body: '内容', toDepartmentIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(ghost.body.errors).toHaveProperty('toDepartmentIds');
    expect(await t.sql(`SELECT 1 FROM messages WHERE subject LIKE '发给不存在%' OR subject = '无收件人'`)).toHaveLength(0);
  });
});
