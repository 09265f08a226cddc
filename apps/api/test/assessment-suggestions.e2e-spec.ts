import { createHash } from 'node:crypto';
import { loginAsAdmin, unique } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

/** Suggestions and the hotline (意见箱/热线, ASM-4). */
describe('assessment: suggestions and the hotline', () => {
  let t: TestApp;
  let clerk: { id: string; token: string };
  let teacher: { id: string; token: string };
  let colleague: { id: string; token: string };
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  const submit = (body: Record<string, unknown>) =>
    t.http.post('/api/v1/public/suggestions').send({
      category: 'campus',
      subject: unique('建议延长图书馆开放时间'),
      content: '晚自习后希望图书馆开放到21:30。',
      anonymous: true,
      ...body,
    });

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await loginAsAdmin(t);
    clerk = await createStaff(t, admin, { roles: ['office-clerk'] });
    teacher = await createStaff(t, admin, { roles: ['staff'] });
    colleague = await createStaff(t, admin, { roles: ['staff'] });
  });
  afterAll(() => t.close());

  it('ASM-4 an anonymous suggestion keeps no name, contact, actor or IP, in its table and in the audit log; the code is stored hashed', async () => {
    const receipt = (await submit({ subject: '食堂窗口排队时间过长' }).set('x-forwarded-for', '203.0.113.9').expect(201)).body;
    expect(receipt.queryCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const [row] = await t.sql<Record<string, unknown>>(`SELECT * FROM suggestions WHERE subject = '食堂窗口排队时间过长'`);
    expect(row).toMatchObject({ anonymous: true, submitter_name: null, submitter_contact: null, logged_by: null, source: 'public-page' });
    const code = receipt.queryCode.replace(/-/g, '');
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.query_code_hash).toBe(createHash('sha256').update(code).digest('hex'));
    const audit = await t.sql<{ actor_id: string | null; ip: string | null; diff: unknown }>(
      `SELECT actor_id, ip, diff FROM audit_log WHERE object_id = $1`,
      [row.id],
    );
    expect(audit).toEqual([expect.objectContaining({ actor_id: null, ip: null })]);
    expect(JSON.stringify(audit)).not.toContain('203.0.113.9');
    // An anonymous suggestion takes no name.
    const named = await submit({ anonymous: true, submitterName: '王老师' }).expect(400);
    expect(named.body.errors).toHaveProperty('submitterName');
  });

  it('ASM-4 the query code shows the status and the reply and nothing else; a wrong code is 404', async () => {
    const receipt = (await submit({ anonymous: false, submitterName: '李家长', submitterContact: '13800138000' }).expect(201)).body;
    const waiting = (await t.http.get(`/api/v1/public/suggestions/${receipt.queryCode}`).expect(200)).body;
    expect(Object.keys(waiting).sort()).toEqual(['answer', 'answeredAt', 'receivedAt', 'status', 'subject']);
    expect(waiting).toMatchObject({ status: 'received', answer: null });
    expect(JSON.stringify(waiting)).not.toContain('13800138000');
    // Typed in lower case with spaces, it still works; a wrong or malformed one is 404.
    const typed = receipt.queryCode.toLowerCase().replace(/-/g, ' ');
    await t.http.get(`/api/v1/public/suggestions/${encodeURIComponent(typed)}`).expect(200);
    await t.http.get('/api/v1/public/suggestions/AAAA-AAAA-AAAA').expect(404);
    await t.http.get(`/api/v1/public/suggestions/${encodeURIComponent("' OR 1=1 --")}`).expect(404);
  });

  it('ASM-4 assigned, answered in the assignee’s inbox, closed by the office; the clock stops at the answer; others see nothing', async () => {
    const receipt = (await submit({ subject: unique('操场照明不足') }).expect(201)).body;
    const list = (await t.http.get('/api/v1/assessment/suggestions').query({ status: 'received' }).set(as(clerk)).expect(200)).body;
    const suggestion = list.items.find((s: { subject: string }) => s.subject.startsWith('操场照明不足'));
    expect(suggestion).toMatchObject({ status: 'received', actions: ['assign'], overdue: false, responseMinutes: null });
    // A teacher sees nothing of it until it is theirs.
    await t.http.get(`/api/v1/assessment/suggestions/${suggestion.id}`).set(as(teacher)).expect(404);
    expect((await t.http.get('/api/v1/assessment/suggestions').set(as(teacher)).expect(200)).body.total).toBe(0);
    await t.http
      .post(`/api/v1/assessment/suggestions/${suggestion.id}/assign`)
      .set(as(teacher))
      .send({ assigneeId: teacher.id, version: 1 })
      .expect(403);

    const assigned = (
      await t.http
        .post(`/api/v1/assessment/suggestions/${suggestion.id}/assign`)
        .set(as(clerk))
        .send({ assigneeId: teacher.id, version: suggestion.version })
        .expect(200)
    ).body;
    expect(assigned).toMatchObject({ status: 'assigned', assignee: { id: teacher.id } });
    const inbox = (await t.http.get('/api/v1/inbox').query({ sourceType: 'suggestion' }).set(as(teacher)).expect(200)).body.items;
    expect(inbox).toEqual([expect.objectContaining({ sourceId: suggestion.id })]);
    const mine = (await t.http.get(`/api/v1/assessment/suggestions/${suggestion.id}`).set(as(teacher)).expect(200)).body;
    expect(mine.actions).toEqual(['answer']);
    // Closing before the answer is an illegal move; a colleague cannot answer what is not theirs.
    await t.http
      .post(`/api/v1/assessment/suggestions/${suggestion.id}/close`)
      .set(as(clerk))
      .send({ version: assigned.version })
      .expect(409);
    await t.http
      .post(`/api/v1/assessment/suggestions/${suggestion.id}/answer`)
      .set(as(colleague))
      .send({ answer: '已安排', version: assigned.version })
      .expect(404);

    const answered = (
      await t.http
        .post(`/api/v1/assessment/suggestions/${suggestion.id}/answer`)
        .set(as(teacher))
        .send({ answer: '总务处已于本周加装两盏路灯，感谢建议。', version: assigned.version })
        .expect(200)
    ).body;
    expect(answered).toMatchObject({ status: 'answered', answeredBy: { id: teacher.id }, overdue: false });
    expect(answered.responseMinutes).toBeGreaterThanOrEqual(0);
    expect((await t.http.get('/api/v1/inbox').query({ sourceType: 'suggestion' }).set(as(teacher)).expect(200)).body.items).toEqual([]);
    const reply = (await t.http.get(`/api/v1/public/suggestions/${receipt.queryCode}`).expect(200)).body;
    expect(reply).toMatchObject({ status: 'answered', answer: '总务处已于本周加装两盏路灯，感谢建议。' });

    await t.http
      .post(`/api/v1/assessment/suggestions/${suggestion.id}/close`)
      .set(as(teacher))
      .send({ version: answered.version })
      .expect(403);
    const closed = (
      await t.http
        .post(`/api/v1/assessment/suggestions/${suggestion.id}/close`)
        .set(as(clerk))
        .send({ version: answered.version })
        .expect(200)
    ).body;
    expect(closed).toMatchObject({ status: 'closed', actions: [] });
  });

  it('ASM-4 a hotline call is logged by staff, and one past its response time shows as overdue', async () => {
    const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600 * 1000);
    const receipt = (
      await t.http
        .post('/api/v1/assessment/suggestions/hotline')
        .set(as(clerk))
        .send({
          category: 'safety',
          subject: unique('校门口接送车辆拥堵'),
          content: '家长来电反映放学时段校门口车辆拥堵，存在安全隐患。',
          anonymous: false,
          submitterName: '张先生',
          submitterContact: '13912345678',
          receivedAt: tenDaysAgo.toISOString(),
        })
        .expect(201)
    ).body;
    expect(new Date(receipt.dueAt).getTime()).toBeLessThan(Date.now());
    const overdue = (await t.http.get('/api/v1/assessment/suggestions').query({ overdue: true }).set(as(clerk)).expect(200)).body.items;
    expect(overdue).toEqual([
      expect.objectContaining({
        source: 'hotline',
        submitterName: '张先生',
        overdue: true,
        loggedBy: expect.objectContaining({ id: clerk.id }),
      }),
    ]);
    await t.http.post('/api/v1/assessment/suggestions/hotline').set(as(teacher)).send({}).expect(403);
    const future = await t.http
      .post('/api/v1/assessment/suggestions/hotline')
      .set(as(clerk))
      .send({
        category: 'other',
        subject: '未来来电',
        content: '—',
        anonymous: true,
        receivedAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(400);
    expect(future.body.errors).toHaveProperty('receivedAt');
  });
});
