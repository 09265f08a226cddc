import { CollectionService } from '../src/modules/information/collection/collection.service';
import { samplePdf } from './factories/files.factory';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

describe('information: collection requests and review (信息采集, INF-1) and notice comments (INF-4)', () => {
  let t: TestApp;
  let adminToken: string;
  let clerk: Person;
  let director: Person;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    [clerk, director] = await Promise.all([
      createStaff(t, adminToken, { roles: ['office-clerk'], name: '信息员小周' }),
      createStaff(t, adminToken, { roles: ['office-director'], name: '办公室主任' }),
    ]);
  });
  afterAll(() => t.close());

  /** A department with its head (who submits for it) and a teacher. */
  async function department(label: string): Promise<{ id: string; head: Person; teacher: Person }> {
    const head = await createStaff(t, adminToken, { roles: ['department-head'], name: unique(`${label}主任`) });
    const d = await createDepartment(t, adminToken, { name: unique(label), headId: head.id });
    await t.http
      .patch(`/api/v1/org/users/${head.id}`)
      .set({ authorization: `Bearer ${adminToken}` })
      .send({ departmentId: d.id, version: 1 })
      .expect(200);
    const teacher = await createStaff(t, adminToken, { roles: ['staff'], departmentId: d.id, name: unique(`${label}老师`) });
    return { id: d.id, head, teacher };
  }

  const createRequest = async (departmentIds: string[], deadline = new Date(Date.now() + 7 * 86_400_000)) =>
    (
      await t.http
        .post('/api/v1/information/collection/requests')
        .set(as(clerk))
        .send({
          title: unique('关于报送本学期工作亮点的通知'),
          description: '请各部门报送本学期工作亮点，附照片。',
          deadline: deadline.toISOString(),
          departmentIds,
        })
        .expect(201)
    ).body;

  const submit = (requestId: string, user: { token: string }, body: Record<string, unknown> = {}) =>
    t.http
      .post(`/api/v1/information/collection/requests/${requestId}/submissions`)
      .set(as(user))
      .send({ content: '本学期组织青年教师教学比赛，共32人参赛。', ...body });

  const received = async (userId: string, kind: string) =>
    t.sql<{ title: string; body: string }>(
      `SELECT title, body FROM notification_deliveries WHERE recipient_id = $1 AND kind = $2 AND channel = 'in-app'`,
      [userId, kind],
    );

  it('INF-1: request → submit → return with reason → resubmit → accept into a category of the publishing list → a notice draft', async () => {
    const academic = await department('教务处');
    const request = await createRequest([academic.id]);
    expect(request.targets).toEqual([
      { department: { id: academic.id, name: expect.any(String) }, status: null, submissionId: null, reminders: 0 },
    ]);
    expect(await received(academic.head.id, 'information.collection.request')).toHaveLength(1);

    const photo = await t.http
      .post('/api/v1/files')
      .set(as(academic.head))
      .attach('file', await samplePdf('Teaching contest'), '比赛说明.pdf')
      .expect(201);
    const attachmentIds = [photo.body.id as string];
    const first = (await submit(request.id, academic.head, { attachmentIds }).expect(201)).body;
    expect(first).toMatchObject({ status: 'submitted', round: 1, department: { id: academic.id }, actions: [] });
    expect(first.attachments.map((a: { id: string }) => a.id)).toEqual(attachmentIds);
    // Under review, the department cannot submit again.
    expect((await submit(request.id, academic.head).expect(409)).body.code).toBe('COLLECTION_ILLEGAL_STATE');
    // A teacher without the submit permission cannot submit; the office sees review actions.
    await submit(request.id, academic.teacher).expect(403);
    const seen = (await t.http.get(`/api/v1/information/collection/submissions/${first.id}`).set(as(clerk)).expect(200)).body;
    expect(seen.actions).toEqual(['accept', 'return']);

    // Returned with a reason: the department sees it and is told.
    await t.http
      .post(`/api/v1/information/collection/submissions/${first.id}/return`)
      .set(as(academic.head))
      .send({ reason: 'x', version: 1 })
      .expect(403);
    const returned = (
      await t.http
        .post(`/api/v1/information/collection/submissions/${first.id}/return`)
        .set(as(clerk))
        .send({ reason: '参赛人数与教务系统不符，请核实', version: first.version })
        .expect(200)
    ).body;
    expect(returned).toMatchObject({ status: 'returned', returnReason: '参赛人数与教务系统不符，请核实', actions: [] });
    const mine = (await t.http.get(`/api/v1/information/collection/submissions/${first.id}`).set(as(academic.head)).expect(200)).body;
    expect(mine).toMatchObject({ status: 'returned', returnReason: '参赛人数与教务系统不符，请核实', actions: ['resubmit'] });
    expect((await received(academic.head.id, 'information.collection.returned'))[0].body).toContain('参赛人数与教务系统不符');
    // A returned submission cannot be accepted.
    expect(
      (
        await t.http
          .post(`/api/v1/information/collection/submissions/${first.id}/accept`)
          .set(as(clerk))
          .send({ category: '校园动态', version: returned.version })
          .expect(409)
      ).body.code,
    ).toBe('COLLECTION_ILLEGAL_STATE');

    // Resubmitted: round 2, under review again.
    const second = (await submit(request.id, academic.head, { content: '本学期组织青年教师教学比赛，共28人参赛。' }).expect(201)).body;
    expect(second).toMatchObject({ id: first.id, status: 'submitted', round: 2, returnReason: '参赛人数与教务系统不符，请核实' });

    // Two reviewers accept at once with the same version: exactly one wins.
    const results = await Promise.all(
      ['校园动态', '教学成果'].map((category) =>
        t.http
          .post(`/api/v1/information/collection/submissions/${first.id}/accept`)
          .set(as(clerk))
          .send({ category, version: second.version }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const accepted = results.find((r) => r.status === 200)!.body;
    expect(accepted.status).toBe('accepted');

    const list = (await t.http.get('/api/v1/information/collection/publishing-list').set(as(clerk)).expect(200)).body as {
      category: string;
      items: { submissionId: string; content: string }[];
    }[];
    const category = list.find((c) => c.category === accepted.category)!;
    expect(category.items.map((i) => i.submissionId)).toContain(first.id);
    expect(category.items.find((i) => i.submissionId === first.id)!.content).toContain('28人');
    await t.http.get('/api/v1/information/collection/publishing-list').set(as(academic.head)).expect(403);

    // An accepted item starts a notice draft, once.
    const started = (await t.http.post(`/api/v1/information/collection/submissions/${first.id}/notice-draft`).set(as(clerk)).expect(201))
      .body;
    const notice = (await t.http.get(`/api/v1/information/notices/${started.noticeId}`).set(as(clerk)).expect(200)).body;
    expect(notice).toMatchObject({ status: 'draft', body: '本学期组织青年教师教学比赛，共28人参赛。' });
    expect(
      (await t.http.post(`/api/v1/information/collection/submissions/${first.id}/notice-draft`).set(as(clerk)).expect(409)).body.code,
    ).toBe('COLLECTION_NOTICE_EXISTS');
  });

  it('INF-1: another department’s submission is 404, and absent from its lists; a department not asked gets 404 for the request', async () => {
    const [a, b, outside] = await Promise.all([department('德育处'), department('总务处'), department('校团委')]);
    const request = await createRequest([a.id, b.id]);
    const submissionA = (await submit(request.id, a.head).expect(201)).body;
    await t.http.get(`/api/v1/information/collection/submissions/${submissionA.id}`).set(as(b.head)).expect(404);
    await t.http.get(`/api/v1/information/collection/submissions/${submissionA.id}`).set(as(a.teacher)).expect(200);
    expect(
      (await t.http.get(`/api/v1/information/collection/requests/${request.id}/submissions`).set(as(b.head)).expect(200)).body,
    ).toEqual([]);
    const forB = (await t.http.get(`/api/v1/information/collection/requests/${request.id}`).set(as(b.head)).expect(200)).body;
    expect(forB.targets.map((x: { department: { id: string } }) => x.department.id)).toEqual([b.id]);
    const office = (await t.http.get(`/api/v1/information/collection/requests/${request.id}`).set(as(clerk)).expect(200)).body;
    expect(office.targets).toHaveLength(2);
    await t.http.get(`/api/v1/information/collection/requests/${request.id}`).set(as(outside.head)).expect(404);
    await submit(request.id, outside.head).expect(404);
    const listed = (await t.http.get('/api/v1/information/collection/requests').set(as(outside.head)).expect(200)).body.items;
    expect(listed.map((r: { id: string }) => r.id)).not.toContain(request.id);
  });

  it('INF-1: a reminder goes to a department that has not submitted (before the deadline, once a day); not to one that did', async () => {
    const [done, late] = await Promise.all([department('信息中心'), department('科研室')]);
    const request = await createRequest([done.id, late.id], new Date(Date.now() + 86_400_000));
    await submit(request.id, done.head).expect(201);
    const service = t.app.get(CollectionService);
    const first = await service.sendReminders();
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const reminders = await received(late.head.id, 'information.collection.reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].title).toContain(request.title);
    expect(await received(done.head.id, 'information.collection.reminder')).toHaveLength(0);
    // Once a school day.
    await service.sendReminders();
    expect(await received(late.head.id, 'information.collection.reminder')).toHaveLength(1);
    // After the deadline (the next day), the late department is reminded again, as overdue.
    await service.sendReminders(new Date(Date.now() + 2 * 86_400_000));
    const again = await received(late.head.id, 'information.collection.reminder');
    expect(again).toHaveLength(2);
    expect(again.some((r) => r.title.includes('已逾期'))).toBe(true);
    const office = (await t.http.get(`/api/v1/information/collection/requests/${request.id}`).set(as(clerk)).expect(200)).body;
    expect(office.targets.find((x: { department: { id: string } }) => x.department.id === late.id).reminders).toBe(2);
    // A closed request takes nothing more.
    await t.http.post(`/api/v1/information/collection/requests/${request.id}/close`).set(as(clerk)).expect(200);
    expect((await submit(request.id, late.head).expect(409)).body.code).toBe('COLLECTION_CLOSED');
  });

  // ---------- INF-4 ----------

  async function publishedNotice(departmentId: string): Promise<{ id: string }> {
    const notice = (
      await t.http
        .post('/api/v1/information/notices')
        .set(as(clerk))
        .send({
          title: unique('关于寒假值班安排的通知'),
          body: '寒假期间学校安排值班，请按值班表到岗。',
          audience: { allStaff: false, departmentIds: [departmentId] },
          channels: ['in-app'],
        })
        .expect(201)
    ).body;
    const submitted = (await t.http.post(`/api/v1/information/notices/${notice.id}/submit`).set(as(clerk)).expect(200)).body;
    await t.http
      .post(`/api/v1/approvals/requests/${submitted.approvalRequestId}/approve`)
      .set(as(director))
      .send({ comment: '同意' })
      .expect(200);
    for (let i = 0; i < 100; i++) {
      if ((await t.http.get(`/api/v1/information/notices/${notice.id}`).set(as(clerk)).expect(200)).body.status === 'verified') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await t.http.post(`/api/v1/information/notices/${notice.id}/publish`).set(as(clerk)).expect(200);
    return notice;
  }

  it('INF-4: readers comment and ask questions; the office answers and the asker is notified; non-recipients get 404', async () => {
    const [readers, strangers] = await Promise.all([department('高一年级组'), department('高二年级组')]);
    const notice = await publishedNotice(readers.id);
    const url = `/api/v1/information/notices/${notice.id}/comments`;
    const question = (await t.http.post(url).set(as(readers.teacher)).send({ kind: 'question', body: '值班表在哪里查看？' }).expect(201))
      .body;
    expect(question).toMatchObject({ kind: 'question', author: { id: readers.teacher.id }, answer: null, canAnswer: false });
    await t.http.post(url).set(as(readers.head)).send({ kind: 'comment', body: '已收到，按时到岗。' }).expect(201);
    // Not a recipient: the notice and its comments do not exist for them.
    await t.http.get(url).set(as(strangers.teacher)).expect(404);
    await t.http.post(url).set(as(strangers.teacher)).send({ kind: 'question', body: '我也要值班吗？' }).expect(404);
    await t.http.post(`${url}/${question.id}/answer`).set(as(strangers.teacher)).send({ answer: '不知道' }).expect(404);
    // A reader cannot answer.
    await t.http.post(`${url}/${question.id}/answer`).set(as(readers.head)).send({ answer: '问主任' }).expect(403);
    const office = (await t.http.get(url).set(as(clerk)).expect(200)).body;
    expect(office.map((c: { kind: string; canAnswer: boolean }) => [c.kind, c.canAnswer])).toEqual([
      ['question', true],
      ['comment', false],
    ]);
    const answered = (
      await t.http.post(`${url}/${question.id}/answer`).set(as(clerk)).send({ answer: '值班表见学校网站通知附件。' }).expect(200)
    ).body;
    expect(answered).toMatchObject({ answer: '值班表见学校网站通知附件。', answeredBy: { id: clerk.id }, canAnswer: false });
    const told = await received(readers.teacher.id, 'information.notice.answer');
    expect(told).toHaveLength(1);
    expect(told[0].body).toBe('值班表见学校网站通知附件。');
    expect((await t.http.post(`${url}/${question.id}/answer`).set(as(clerk)).send({ answer: '再答' }).expect(409)).body.code).toBe(
      'NOTICE_COMMENT_ILLEGAL_STATE',
    );
    const seen = (await t.http.get(url).set(as(readers.teacher)).expect(200)).body;
    expect(seen[0].answer).toBe('值班表见学校网站通知附件。');
  });

  it('INF-4: a draft notice takes no comments', async () => {
    const draft = (
      await t.http
        .post('/api/v1/information/notices')
        .set(as(clerk))
        .send({ title: '草稿通知', body: '正文', audience: { allStaff: true }, channels: ['in-app'] })
        .expect(201)
    ).body;
    const res = await t.http
      .post(`/api/v1/information/notices/${draft.id}/comments`)
      .set(as(clerk))
      .send({ kind: 'comment', body: '好' })
      .expect(409);
    expect(res.body.code).toBe('NOTICE_COMMENT_NOT_PUBLISHED');
  });
});
