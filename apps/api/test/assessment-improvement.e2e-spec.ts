import { EscalationsService } from '../src/modules/assessment/escalations/escalations.service';
import { SupportRequestsService } from '../src/modules/assessment/support/support-requests.service';
import { loginAsAdmin, unique } from './factories/org.factory';
import { createSmallSchool, createStaff, type SmallSchool } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string };

/** A school date (Asia/Shanghai) `days` from today. */
const schoolDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Improvement (ASM-5), suggestion promotion (ASM-4), incidents (REQ-5), escalation (REQ-1), support requests (REQ-2). */
describe('assessment: improvement, incidents, escalation and support requests', () => {
  let t: TestApp;
  let admin: string;
  let clerk: Person;
  let teacher: Person;
  let colleague: Person;
  let outsider: Person;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const inbox = async (user: Person, sourceType: string) =>
    (await t.http.get('/api/v1/inbox').query({ sourceType }).set(as(user)).expect(200)).body.items as { sourceId: string; title: string }[];

  const createProblem = (body: Record<string, unknown> = {}) =>
    t.http
      .post('/api/v1/assessment/improvement/problems')
      .set(as(clerk))
      .send({ title: unique('消防通道堆放杂物'), description: '安全检查发现实验楼消防通道堆放纸箱。', source: 'inspection', ...body });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAsAdmin(t);
    clerk = await createStaff(t, admin, { roles: ['office-clerk'] });
    teacher = await createStaff(t, admin, { roles: ['staff'] });
    colleague = await createStaff(t, admin, { roles: ['staff'] });
    outsider = await createStaff(t, admin, { roles: ['staff'] });
  });
  afterAll(() => t.close());

  it('ASM-5 problem → root cause → measures in the owners’ inboxes → implemented → not effective, reopened → further measure → closed', async () => {
    let problem = (await createProblem().expect(201)).body;
    expect(problem).toMatchObject({ status: 'open', source: 'inspection', measures: [], actions: ['analyse', 'add-measure'] });
    problem = (
      await t.http
        .post(`/api/v1/assessment/improvement/problems/${problem.id}/analyse`)
        .set(as(clerk))
        .send({ rootCause: '楼层无固定存放点，值班巡查未覆盖消防通道。', version: problem.version })
        .expect(200)
    ).body;
    expect(problem.rootCause).toContain('值班巡查');
    problem = (
      await t.http
        .post(`/api/v1/assessment/improvement/problems/${problem.id}/measures`)
        .set(as(clerk))
        .send({
          version: problem.version,
          measures: [
            { description: '清理通道并设置临时存放点', ownerId: teacher.id, dueOn: schoolDay(7) },
            { description: '将消防通道纳入每日巡查表', ownerId: colleague.id, dueOn: schoolDay(14) },
          ],
        })
        .expect(200)
    ).body;
    expect(problem.status).toBe('implementing');
    const [first, second] = problem.measures;
    expect(await inbox(teacher, 'improvement-measure')).toEqual([expect.objectContaining({ sourceId: first.id })]);
    expect(await inbox(colleague, 'improvement-measure')).toEqual([expect.objectContaining({ sourceId: second.id })]);

    // The owner sees the problem (with only their own measure to report); anyone else gets 404.
    const mine = (await t.http.get(`/api/v1/assessment/improvement/problems/${problem.id}`).set(as(teacher)).expect(200)).body;
    expect(mine.actions).toEqual([]);
    expect(mine.measures.map((m: { canReport: boolean }) => m.canReport)).toEqual([true, false]);
    await t.http.get(`/api/v1/assessment/improvement/problems/${problem.id}`).set(as(outsider)).expect(404);
    expect((await t.http.get('/api/v1/assessment/improvement/problems').set(as(outsider)).expect(200)).body.total).toBe(0);
    // Closing before the measures are done is an illegal move; a colleague cannot report another's measure.
    const early = await t.http
      .post(`/api/v1/assessment/improvement/problems/${problem.id}/close`)
      .set(as(clerk))
      .send({ note: '已整改', version: problem.version })
      .expect(409);
    expect(early.body.code).toBe('IMPROVEMENT_ILLEGAL_MOVE');
    const report = (user: Person, measureId: string) =>
      t.http
        .post(`/api/v1/assessment/improvement/problems/${problem.id}/measures/${measureId}/report`)
        .set(as(user))
        .send({ note: '已完成', implementedOn: schoolDay(0) });
    await report(colleague, first.id).expect(404);

    const half = (await report(teacher, first.id).expect(200)).body;
    expect(half).toMatchObject({ status: 'implementing' });
    expect(half.measures[0]).toMatchObject({ status: 'implemented', implementationNote: '已完成', implementedOn: schoolDay(0) });
    expect(await inbox(teacher, 'improvement-measure')).toEqual([]);
    expect((await report(teacher, first.id).expect(409)).body.code).toBe('IMPROVEMENT_MEASURE_DONE');
    const done = (await report(colleague, second.id).expect(200)).body;
    expect(done).toMatchObject({ status: 'evaluating' });
    const office = (await t.http.get(`/api/v1/assessment/improvement/problems/${problem.id}`).set(as(clerk)).expect(200)).body;
    expect(office.actions).toEqual(['close', 'reopen']);

    // Not effective: reopened, a further measure in round 2, then closed as effective.
    const reopened = (
      await t.http
        .post(`/api/v1/assessment/improvement/problems/${problem.id}/reopen`)
        .set(as(clerk))
        .send({ note: '复查仍有堆放', version: office.version })
        .expect(200)
    ).body;
    expect(reopened).toMatchObject({
      status: 'reopened',
      reopenCount: 1,
      evaluationNote: '复查仍有堆放',
      actions: ['analyse', 'add-measure'],
    });
    const again = (
      await t.http
        .post(`/api/v1/assessment/improvement/problems/${problem.id}/measures`)
        .set(as(clerk))
        .send({ version: reopened.version, measures: [{ description: '安装监控并纳入考核', ownerId: teacher.id, dueOn: schoolDay(10) }] })
        .expect(200)
    ).body;
    const third = again.measures.find((m: { round: number }) => m.round === 2);
    expect(third).toBeDefined();
    expect(await inbox(teacher, 'improvement-measure')).toEqual([expect.objectContaining({ sourceId: third.id })]);
    const evaluating = (await report(teacher, third.id).expect(200)).body;
    expect(evaluating.status).toBe('evaluating');
    const closed = (
      await t.http
        .post(`/api/v1/assessment/improvement/problems/${problem.id}/close`)
        .set(as(clerk))
        .send({ note: '连续两周复查无堆放', version: evaluating.version })
        .expect(200)
    ).body;
    expect(closed).toMatchObject({ status: 'closed', actions: [] });
    expect(closed.closedAt).not.toBeNull();
    await t.http
      .post(`/api/v1/assessment/improvement/problems/${problem.id}/reopen`)
      .set(as(clerk))
      .send({ note: '—', version: closed.version })
      .expect(409);
    // A member of staff cannot run the office's moves.
    await t.http
      .post(`/api/v1/assessment/improvement/problems/${problem.id}/close`)
      .set(as(teacher))
      .send({ note: '—', version: 1 })
      .expect(403);
  });

  it('ASM-5 a measure past its deadline is flagged overdue, and the overdue filter finds its problem', async () => {
    const problem = (
      await createProblem({
        source: 'audit',
        measures: undefined,
      }).expect(201)
    ).body;
    await t.http
      .post(`/api/v1/assessment/improvement/problems/${problem.id}/measures`)
      .set(as(clerk))
      .send({ version: problem.version, measures: [{ description: '补齐台账', ownerId: teacher.id, dueOn: schoolDay(-3) }] })
      .expect(200);
    const overdue = (await t.http.get('/api/v1/assessment/improvement/problems').query({ overdue: true }).set(as(clerk)).expect(200)).body
      .items;
    const found = overdue.find((p: { id: string }) => p.id === problem.id);
    expect(found).toMatchObject({ overdue: true, measures: [expect.objectContaining({ overdue: true })] });
  });

  it('ASM-5 bad input is a 400 keyed by field, and writes nothing', async () => {
    const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM improvement_problems');
    const missing = await t.http.post('/api/v1/assessment/improvement/problems').set(as(clerk)).send({ source: 'gossip' }).expect(400);
    expect(missing.body.errors).toHaveProperty('title');
    expect(missing.body.errors).toHaveProperty('source');
    const problem = (await createProblem().expect(201)).body;
    const bad = await t.http
      .post(`/api/v1/assessment/improvement/problems/${problem.id}/measures`)
      .set(as(clerk))
      .send({
        version: problem.version,
        measures: [
          { description: '有效措施', ownerId: teacher.id, dueOn: schoolDay(3) },
          { description: '无效负责人', ownerId: '00000000-0000-4000-8000-000000000000', dueOn: schoolDay(3) },
        ],
      })
      .expect(400);
    expect(Object.keys(bad.body.errors)).toEqual(['measures.1.ownerId']);
    const noDate = await t.http
      .post(`/api/v1/assessment/improvement/problems/${problem.id}/measures`)
      .set(as(clerk))
      .send({ version: problem.version, measures: [{ description: '—', ownerId: teacher.id, dueOn: '下周' }] })
      .expect(400);
    expect(JSON.stringify(noDate.body.errors)).toContain('dueOn');
    expect(await t.sql('SELECT 1 FROM improvement_measures WHERE problem_id = $1', [problem.id])).toEqual([]);
    const after = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM improvement_problems');
    expect(after[0].n).toBe(before[0].n + 1);
  });

  it('ASM-4 a suggestion promoted to an improvement problem links both ways, once, and carries nothing of its submitter', async () => {
    const subject = unique('宿舍热水供应时间太短');
    await t.http
      .post('/api/v1/public/suggestions')
      .send({
        category: 'campus',
        subject,
        content: '晚上十点后没有热水。',
        anonymous: false,
        submitterName: '赵家长',
        submitterContact: '13700001111',
      })
      .expect(201);
    const anonymousSubject = unique('食堂菜价偏高');
    await t.http
      .post('/api/v1/public/suggestions')
      .send({ category: 'service', subject: anonymousSubject, content: '希望公示菜价。', anonymous: true })
      .expect(201);
    const list = (await t.http.get('/api/v1/assessment/suggestions').set(as(clerk)).expect(200)).body.items as {
      id: string;
      subject: string;
      version: number;
    }[];
    const named = list.find((s) => s.subject === subject)!;
    const anonymous = list.find((s) => s.subject === anonymousSubject)!;

    // Two promotions at once: exactly one wins.
    const racing = await Promise.all(
      [1, 2].map(() => t.http.post(`/api/v1/assessment/suggestions/${named.id}/promote`).set(as(clerk)).send({ version: named.version })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);
    const promoted = racing.find((r) => r.status === 200)!.body;
    expect(promoted.improvementProblemId).toEqual(expect.any(String));
    const problem = (
      await t.http.get(`/api/v1/assessment/improvement/problems/${promoted.improvementProblemId}`).set(as(clerk)).expect(200)
    ).body;
    expect(problem).toMatchObject({ source: 'suggestion', sourceRefId: named.id, title: subject, description: '晚上十点后没有热水。' });
    const [row] = await t.sql('SELECT * FROM improvement_problems WHERE id = $1', [problem.id]);
    const audit = await t.sql('SELECT diff FROM audit_log WHERE object_id = $1', [problem.id]);
    for (const text of [JSON.stringify(problem), JSON.stringify(row), JSON.stringify(audit)]) {
      expect(text).not.toContain('赵家长');
      expect(text).not.toContain('13700001111');
    }

    const anon = (
      await t.http
        .post(`/api/v1/assessment/suggestions/${anonymous.id}/promote`)
        .set(as(clerk))
        .send({ version: anonymous.version, title: '公示食堂菜价' })
        .expect(200)
    ).body;
    const anonProblem = (
      await t.http.get(`/api/v1/assessment/improvement/problems/${anon.improvementProblemId}`).set(as(clerk)).expect(200)
    ).body;
    expect(anonProblem).toMatchObject({ title: '公示食堂菜价', source: 'suggestion', createdBy: { id: clerk.id } });
    expect(Object.keys(anonProblem)).not.toContain('submitterName');
    // Without improvement.manage there is no promoting.
    await t.http.post(`/api/v1/assessment/suggestions/${anonymous.id}/promote`).set(as(teacher)).send({ version: 1 }).expect(403);
  });

  it('REQ-5 an incident is registered; its review turns each lesson into an improvement measure in the owner’s inbox, in one go', async () => {
    const incident = (
      await t.http
        .post('/api/v1/assessment/incidents')
        .set(as(clerk))
        .send({
          title: unique('化学实验室试剂泄漏'),
          description: '学生实验时打翻盐酸试剂瓶。',
          location: '实验楼 301',
          occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
          handledBy: '张老师、校医李医生',
          stepsTaken: '疏散学生，开窗通风，用碳酸氢钠中和。',
          outcome: '无人员受伤，当日恢复上课。',
          severity: 'major',
        })
        .expect(201)
    ).body;
    expect(incident).toMatchObject({ status: 'recorded', actions: ['review'], improvementProblemId: null });
    await t.http.get('/api/v1/assessment/incidents').set(as(teacher)).expect(403);

    // A lesson with an unknown owner: 400 keyed by the lesson, and neither review nor problem is written.
    const bad = await t.http
      .post(`/api/v1/assessment/incidents/${incident.id}/review`)
      .set(as(clerk))
      .send({
        version: incident.version,
        summary: '试剂存放与实验前安全讲解不足。',
        lessons: [{ description: '—', ownerId: '00000000-0000-4000-8000-000000000000', dueOn: schoolDay(5) }],
      })
      .expect(400);
    expect(bad.body.errors).toHaveProperty(['lessons.0.ownerId']);
    expect(await t.sql(`SELECT 1 FROM improvement_problems WHERE source_ref_id = $1`, [incident.id])).toEqual([]);

    const reviewed = (
      await t.http
        .post(`/api/v1/assessment/incidents/${incident.id}/review`)
        .set(as(clerk))
        .send({
          version: incident.version,
          summary: '试剂存放与实验前安全讲解不足。',
          lessons: [
            { description: '实验前增加五分钟安全讲解', ownerId: teacher.id, dueOn: schoolDay(5) },
            { description: '试剂柜加装防倾倒挡条', ownerId: colleague.id, dueOn: schoolDay(10) },
          ],
        })
        .expect(200)
    ).body;
    expect(reviewed).toMatchObject({ status: 'reviewed', actions: [], reviewedBy: { id: clerk.id } });
    const problem = (
      await t.http.get(`/api/v1/assessment/improvement/problems/${reviewed.improvementProblemId}`).set(as(clerk)).expect(200)
    ).body;
    expect(problem).toMatchObject({
      source: 'incident_review',
      sourceRefId: incident.id,
      status: 'implementing',
      rootCause: '试剂存放与实验前安全讲解不足。',
    });
    expect(problem.measures.map((m: { description: string; owner: { id: string } }) => [m.description, m.owner.id])).toEqual([
      ['实验前增加五分钟安全讲解', teacher.id],
      ['试剂柜加装防倾倒挡条', colleague.id],
    ]);
    const ids = problem.measures.map((m: { id: string }) => m.id);
    expect((await inbox(teacher, 'improvement-measure')).map((i) => i.sourceId)).toContain(ids[0]);
    expect((await inbox(colleague, 'improvement-measure')).map((i) => i.sourceId)).toContain(ids[1]);
    const twice = await t.http
      .post(`/api/v1/assessment/incidents/${incident.id}/review`)
      .set(as(clerk))
      .send({ version: reviewed.version, summary: '再次总结', lessons: [] })
      .expect(409);
    expect(twice.body.code).toBe('INCIDENT_ILLEGAL_MOVE');
  });

  it('REQ-1 an escalation is routed by category to the leader’s inbox, answered, and one not answered in time shows as overdue', async () => {
    const leader = await createStaff(t, admin, { roles: ['school-leader'], name: '分管安全副校长' });
    const report = (user: Person, body: Record<string, unknown> = {}) =>
      t.http
        .post('/api/v1/assessment/escalations')
        .set(as(user))
        .send({
          category: 'safety',
          description: unique('东侧楼梯扶手松动'),
          proposedSolution: '请总务处本周内加固',
          channel: 'in_person',
          ...body,
        });
    const unrouted = await report(teacher, { category: 'finance' }).expect(409);
    expect(unrouted.body).toMatchObject({ code: 'ESCALATION_UNROUTED', errors: { category: expect.any(Array) } });

    await t.http
      .put('/api/v1/assessment/escalation-routes/safety')
      .set(as(teacher))
      .send({ leaderId: leader.id, answerWorkingDays: 2 })
      .expect(403);
    const badRoute = await t.http
      .put('/api/v1/assessment/escalation-routes/gossip')
      .set(as(clerk))
      .send({ leaderId: leader.id, answerWorkingDays: 0 })
      .expect(400);
    expect(badRoute.body.errors).toHaveProperty('answerWorkingDays');
    const routes = (
      await t.http
        .put('/api/v1/assessment/escalation-routes/safety')
        .set(as(clerk))
        .send({ leaderId: leader.id, answerWorkingDays: 2 })
        .expect(200)
    ).body;
    expect(routes.find((r: { category: string }) => r.category === 'safety')).toMatchObject({
      leader: { id: leader.id },
      answerWorkingDays: 2,
    });

    const escalation = (await report(teacher).expect(201)).body;
    expect(escalation).toMatchObject({
      status: 'submitted',
      leader: { id: leader.id },
      reportedBy: { id: teacher.id },
      overdue: false,
      actions: [],
    });
    expect(await inbox(leader, 'escalation')).toEqual([expect.objectContaining({ sourceId: escalation.id })]);
    await t.http.get(`/api/v1/assessment/escalations/${escalation.id}`).set(as(outsider)).expect(404);
    const answered = (
      await t.http
        .post(`/api/v1/assessment/escalations/${escalation.id}/answer`)
        .set(as(leader))
        .send({ answer: '已安排总务处周三加固。', version: escalation.version })
        .expect(200)
    ).body;
    expect(answered).toMatchObject({ status: 'answered', overdue: false });
    expect(await inbox(leader, 'escalation')).toEqual([]);
    expect((await t.http.get(`/api/v1/assessment/escalations/${escalation.id}`).set(as(teacher)).expect(200)).body.answer).toBe(
      '已安排总务处周三加固。',
    );

    // Not answered within its working days: overdue, and found by the filter.
    const late = (await report(colleague).expect(201)).body;
    await t.sql(`UPDATE escalations SET due_at = now() - interval '1 hour' WHERE id = $1`, [late.id]);
    expect((await t.http.get(`/api/v1/assessment/escalations/${late.id}`).set(as(colleague)).expect(200)).body.overdue).toBe(true);
    const overdue = (await t.http.get('/api/v1/assessment/escalations').query({ overdue: true }).set(as(clerk)).expect(200)).body.items;
    expect(overdue.map((e: { id: string }) => e.id)).toEqual([late.id]);
    const missing = await t.http
      .post('/api/v1/assessment/escalations')
      .set(as(teacher))
      .send({ category: 'safety', channel: 'fax' })
      .expect(400);
    expect(Object.keys(missing.body.errors).sort()).toEqual(['channel', 'description', 'proposedSolution']);
  });

  it('REQ-1 the overdue job tells the leader and the office once about each escalation left unanswered past its due time', async () => {
    const leader = await createStaff(t, admin, { roles: ['school-leader'], name: '分管后勤副校长' });
    await t.http
      .put('/api/v1/assessment/escalation-routes/facilities')
      .set(as(clerk))
      .send({ leaderId: leader.id, answerWorkingDays: 3 })
      .expect(200);
    const report = async () =>
      (
        await t.http
          .post('/api/v1/assessment/escalations')
          .set(as(teacher))
          .send({ category: 'facilities', description: unique('食堂排风扇噪音大'), proposedSolution: '请更换排风扇', channel: 'email' })
          .expect(201)
      ).body;
    const [late, answeredLate, onTime] = [await report(), await report(), await report()];
    await t.sql(`UPDATE escalations SET due_at = now() - interval '1 hour' WHERE id = ANY($1::uuid[])`, [[late.id, answeredLate.id]]);
    await t.http
      .post(`/api/v1/assessment/escalations/${answeredLate.id}/answer`)
      .set(as(leader))
      .send({ answer: '已更换。', version: answeredLate.version })
      .expect(200);

    const job = t.app.get(EscalationsService);
    const first = (await job.alertOverdue()).alerted;
    expect(first).toContain(late.id);
    expect(first).not.toContain(answeredLate.id);
    expect(first).not.toContain(onTime.id);
    expect((await job.alertOverdue()).alerted).toEqual([]);

    const told = await t.sql<{ recipient_id: string; n: number }>(
      `SELECT recipient_id, count(*)::int AS n FROM notification_deliveries
        WHERE kind = 'assessment.escalation.overdue' AND channel = 'in-app' AND link LIKE $1 GROUP BY recipient_id`,
      [`%${late.id}`],
    );
    const recipients = told.map((r) => r.recipient_id);
    expect(recipients).toEqual(expect.arrayContaining([leader.id, clerk.id]));
    expect(recipients).not.toContain(teacher.id);
    expect(told.every((r) => r.n === 1)).toBe(true);
    const audit = await t.sql(`SELECT actor_id FROM audit_log WHERE action = 'assessment.escalation.overdue' AND object_id = $1`, [
      late.id,
    ]);
    expect(audit).toEqual([{ actor_id: null }]);
    const others = await t.sql(`SELECT 1 FROM notification_deliveries WHERE kind = 'assessment.escalation.overdue' AND link LIKE $1`, [
      `%${answeredLate.id}`,
    ]);
    expect(others).toEqual([]);
  });

  describe('support requests between departments', () => {
    let asking: SmallSchool;
    let target: SmallSchool;
    let elsewhere: SmallSchool;
    beforeAll(async () => {
      asking = await createSmallSchool(t, admin, 0);
      target = await createSmallSchool(t, admin, 0);
      elsewhere = await createSmallSchool(t, admin, 0);
    });

    it('REQ-2 a request reaches the target department’s head, is responded to and completed; outsiders get 404 and see none', async () => {
      const request = (
        await t.http
          .post('/api/v1/assessment/support-requests')
          .set(as(asking.applicant))
          .send({
            title: unique('请协助布置考场监控'),
            detail: '期末考试需要在 12 个考场布置监控。',
            targetDepartmentId: target.departmentId,
            responseHours: 4,
          })
          .expect(201)
      ).body;
      expect(request).toMatchObject({
        status: 'open',
        requestingDepartment: { id: asking.departmentId },
        targetDepartment: { id: target.departmentId },
        handler: { id: target.head.id },
        breached: false,
        actions: [],
      });
      expect(new Date(request.responseDueAt).getTime() - new Date(request.createdAt).getTime()).toBeCloseTo(4 * 3600_000, -4);
      expect(await inbox(target.head, 'support-request')).toEqual([expect.objectContaining({ sourceId: request.id })]);
      // Both departments see it; a third department does not, not even in the list.
      await t.http.get(`/api/v1/assessment/support-requests/${request.id}`).set(as(asking.colleague)).expect(200);
      await t.http.get(`/api/v1/assessment/support-requests/${request.id}`).set(as(target.applicant)).expect(200);
      await t.http.get(`/api/v1/assessment/support-requests/${request.id}`).set(as(elsewhere.applicant)).expect(404);
      expect((await t.http.get('/api/v1/assessment/support-requests').set(as(elsewhere.head)).expect(200)).body.total).toBe(0);
      await t.http
        .post(`/api/v1/assessment/support-requests/${request.id}/respond`)
        .set(as(elsewhere.head))
        .send({ response: '—', version: request.version })
        .expect(404);
      // The asking side cannot answer its own request; completing before a response is illegal.
      await t.http
        .post(`/api/v1/assessment/support-requests/${request.id}/respond`)
        .set(as(asking.applicant))
        .send({ response: '—', version: request.version })
        .expect(404);
      const early = await t.http
        .post(`/api/v1/assessment/support-requests/${request.id}/complete`)
        .set(as(target.head))
        .send({ version: request.version })
        .expect(409);
      expect(early.body.code).toBe('SUPPORT_REQUEST_ILLEGAL_MOVE');

      const responded = (
        await t.http
          .post(`/api/v1/assessment/support-requests/${request.id}/respond`)
          .set(as(target.head))
          .send({ response: '收到，周三上午派两名老师到场。', version: request.version })
          .expect(200)
      ).body;
      expect(responded).toMatchObject({ status: 'responded', respondedBy: { id: target.head.id }, breached: false, actions: ['complete'] });
      expect(await inbox(target.head, 'support-request')).toEqual([]);
      const completed = (
        await t.http
          .post(`/api/v1/assessment/support-requests/${request.id}/complete`)
          .set(as(target.applicant))
          .send({ version: responded.version })
          .expect(200)
      ).body;
      expect(completed.status).toBe('completed');
      const office = (await t.http.get('/api/v1/assessment/support-requests').set(as(clerk)).expect(200)).body.items;
      expect(office.map((r: { id: string }) => r.id)).toContain(request.id);
    });

    it('REQ-2 a request past its response deadline is shown as breached and flagged once by the daily job, which tells both sides', async () => {
      const request = (
        await t.http
          .post('/api/v1/assessment/support-requests')
          .set(as(asking.applicant))
          .send({
            title: unique('请协助搬运课桌'),
            detail: '周五下午搬运 40 套课桌。',
            targetDepartmentId: target.departmentId,
            responseWorkingDays: 1,
          })
          .expect(201)
      ).body;
      await t.sql(`UPDATE support_requests SET response_due_at = now() - interval '2 hours' WHERE id = $1`, [request.id]);
      const breached = (
        await t.http.get('/api/v1/assessment/support-requests').query({ breached: true }).set(as(asking.applicant)).expect(200)
      ).body.items;
      expect(breached).toEqual([expect.objectContaining({ id: request.id, breached: true })]);

      const job = t.app.get(SupportRequestsService);
      expect(await job.flagBreaches()).toEqual([request.id]);
      expect(await job.flagBreaches()).toEqual([]);
      const told = await t.sql<{ recipient_id: string }>(
        `SELECT DISTINCT recipient_id FROM notification_deliveries WHERE kind = 'assessment.support.breach' AND link LIKE $1`,
        [`%${request.id}`],
      );
      expect(told.map((r) => r.recipient_id).sort()).toEqual([asking.applicant.id, target.head.id].sort());
    });

    it('REQ-2 bad input is a 400 keyed by field: own department, no deadline or both kinds', async () => {
      const send = (body: Record<string, unknown>) =>
        t.http
          .post('/api/v1/assessment/support-requests')
          .set(as(asking.applicant))
          .send({ title: '协助', detail: '—', targetDepartmentId: target.departmentId, ...body });
      expect((await send({ targetDepartmentId: asking.departmentId, responseHours: 2 }).expect(400)).body.errors).toHaveProperty(
        'targetDepartmentId',
      );
      expect((await send({}).expect(400)).body.errors).toHaveProperty('responseHours');
      expect((await send({ responseHours: 2, responseWorkingDays: 1 }).expect(400)).body.errors).toHaveProperty('responseWorkingDays');
      expect((await send({ responseHours: 0 }).expect(400)).body.errors).toHaveProperty('responseHours');
    });
  });
});
