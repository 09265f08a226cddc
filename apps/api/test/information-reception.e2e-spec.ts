import { addDays, schoolDateOf, schoolTimeToInstant } from '@xiaoban/shared';
import { CoverService } from '../src/modules/information/cover/cover.service';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

/** A valid resident ID number (checksum X) and what of it must never be stored. */
const ID_NUMBER = '11010519491231002X';
const FIRST_14 = ID_NUMBER.slice(0, 14);

describe('information: visitor reception (来访接待, INF-7) and reception cover (INF-9)', () => {
  let t: TestApp;
  let adminToken: string;
  let clerk: Person;
  let teacher: Person;
  let head: Person;
  let otherHead: Person;
  let departmentId: string;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '接待员小李' });
    head = await createStaff(t, adminToken, { roles: ['department-head'], name: '教务处王主任' });
    const department = await createDepartment(t, adminToken, { name: unique('教务处'), headId: head.id });
    departmentId = department.id;
    await t.http
      .patch(`/api/v1/org/users/${head.id}`)
      .set({ authorization: `Bearer ${adminToken}` })
      .send({ departmentId, version: 1 })
      .expect(200);
    otherHead = await createStaff(t, adminToken, { roles: ['department-head'], name: '总务处赵主任' });
    const other = await createDepartment(t, adminToken, { name: unique('总务处'), headId: otherHead.id });
    await t.http
      .patch(`/api/v1/org/users/${otherHead.id}`)
      .set({ authorization: `Bearer ${adminToken}` })
      .send({ departmentId: other.id, version: 1 })
      .expect(200);
    teacher = await createStaff(t, adminToken, { roles: ['staff'], departmentId, name: '刘老师' });
  });
  afterAll(() => t.close());

  const register = (body: Record<string, unknown>, user: { token: string } = clerk) =>
    t.http
      .post('/api/v1/information/reception/visits')
      .set(as(user))
      .send({
        visitorName: '张建国',
        organisation: '区教育局',
        purposeCategory: 'consultation',
        purpose: '咨询新生入学报名事宜',
        hostDepartmentId: departmentId,
        confidentialityAcknowledged: true,
        ...body,
      });

  it('INF-7: a full ID number is never stored: only its masked form, in the visit, the audit log or anywhere else in the database', async () => {
    const res = await register({ idNumber: ID_NUMBER, hostUserId: teacher.id }).expect(201);
    expect(res.body.idNumberMasked).toBe('**************002X');
    expect(JSON.stringify(res.body)).not.toContain(FIRST_14);
    expect(res.body.confidentialityAcknowledgedAt).toEqual(expect.any(String));
    const [stored] = await t.sql<{ id_number_masked: string }>(`SELECT id_number_masked FROM visits WHERE id = $1`, [res.body.id]);
    expect(stored.id_number_masked).toBe('**************002X');
    // Every row of every table, as text: neither the full number nor its first 14 digits anywhere.
    const tables = await t.sql<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    expect(tables.map((x) => x.name)).toEqual(expect.arrayContaining(['visits', 'visitor_questions', 'audit_log']));
    const found: string[] = [];
    for (const table of tables) {
      const [{ n }] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table.schema}"."${table.name}" x WHERE x::text ILIKE $1 OR x::text ILIKE $2`,
        [`%${ID_NUMBER}%`, `%${FIRST_14}%`],
      );
      if (n) found.push(`${table.schema}.${table.name}`);
    }
    expect(found).toEqual([]);
    // The audit row of the registration is there, with the mask only.
    const [audit] = await t.sql<{ diff: unknown }>(
      `SELECT diff FROM audit_log WHERE action = 'information.visit.register' AND object_id = $1`,
      [res.body.id],
    );
    expect(JSON.stringify(audit.diff)).toContain('**************002X');
  });

  it('INF-7: a wrong ID number (checksum) or a missing confidentiality acknowledgement is refused by field, and nothing is stored', async () => {
    const [before] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM visits`);
    const wrong = await register({ idNumber: '110105194912310021' }).expect(400);
    expect(Object.keys(wrong.body.errors)).toEqual(['idNumber']);
    expect(JSON.stringify(wrong.body)).not.toContain('11010519491231');
    const unacknowledged = await register({ confidentialityAcknowledged: false }).expect(400);
    expect(Object.keys(unacknowledged.body.errors)).toEqual(['confidentialityAcknowledged']);
    await register({ hostDepartmentId: undefined }).expect(400);
    await register({}, teacher).expect(403);
    const [after] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM visits`);
    expect(after.n).toBe(before.n);
  });

  it('INF-7: sign-out records the time out once; a second sign-out is 409', async () => {
    const visit = (await register({}).expect(201)).body;
    const out = await t.http.post(`/api/v1/information/reception/visits/${visit.id}/sign-out`).set(as(clerk)).send({}).expect(200);
    expect(out.body.timeOut).toEqual(expect.any(String));
    const again = await t.http.post(`/api/v1/information/reception/visits/${visit.id}/sign-out`).set(as(clerk)).send({}).expect(409);
    expect(again.body.code).toBe('VISIT_SIGNED_OUT');
  });

  it('INF-7: a question answered on the spot; one transferred to a department is tracked, flagged overdue, and answered by that department only', async () => {
    const visit = (
      await register({
        questions: [
          { question: '学校开放日是哪天？', answer: '每年五月第二个周六。' },
          { question: '孩子转学需要准备哪些材料？', departmentId },
        ],
      }).expect(201)
    ).body;
    expect(visit.questions.map((q: { status: string }) => q.status)).toEqual(['answered', 'transferred']);
    const transferred = visit.questions[1];
    expect(transferred.department.id).toBe(departmentId);
    expect(transferred.dueAt).toEqual(expect.any(String));
    expect(transferred.overdue).toBe(false);
    // The department head has it in the inbox, with the deadline.
    const inbox = (await t.http.get('/api/v1/inbox').set(as(head)).expect(200)).body.items as { sourceId: string; dueAt: string }[];
    expect(inbox.find((i) => i.sourceId === transferred.id)?.dueAt).toBe(transferred.dueAt);
    // Both answer and department at once is a field error.
    await t.http
      .post(`/api/v1/information/reception/visits/${visit.id}/questions`)
      .set(as(clerk))
      .send({ question: '食堂对外开放吗？', answer: '不开放', departmentId })
      .expect(400);
    // Time passes beyond the deadline: the question is flagged overdue.
    await t.sql(`UPDATE visitor_questions SET due_at = now() - interval '1 hour' WHERE id = $1`, [transferred.id]);
    const overdue = (await t.http.get('/api/v1/information/reception/questions?overdue=true').set(as(clerk)).expect(200)).body.items;
    expect(overdue.map((q: { id: string }) => q.id)).toContain(transferred.id);
    expect(overdue.find((q: { id: string }) => q.id === transferred.id).overdue).toBe(true);
    // Another department neither sees nor answers it.
    await t.http.get(`/api/v1/information/reception/questions/${transferred.id}`).set(as(otherHead)).expect(404);
    await t.http
      .post(`/api/v1/information/reception/questions/${transferred.id}/answer`)
      .set(as(otherHead))
      .send({ answer: '不知道' })
      .expect(404);
    const others = (await t.http.get('/api/v1/information/reception/questions').set(as(otherHead)).expect(200)).body.items;
    expect(others.map((q: { id: string }) => q.id)).not.toContain(transferred.id);
    // The department answers: no longer overdue, the inbox item is done, the receptionist is told.
    const answered = await t.http
      .post(`/api/v1/information/reception/questions/${transferred.id}/answer`)
      .set(as(head))
      .send({ answer: '需户口簿和原学校转出证明，到教务处办理。' })
      .expect(200);
    expect(answered.body).toMatchObject({ status: 'answered', overdue: false, answeredBy: { id: head.id } });
    const open = (await t.http.get('/api/v1/inbox').set(as(head)).expect(200)).body.items as { sourceId: string }[];
    expect(open.map((i) => i.sourceId)).not.toContain(transferred.id);
    const told = await t.sql(
      `SELECT 1 FROM notification_deliveries WHERE recipient_id = $1 AND kind = 'information.visitor-question.answered'`,
      [clerk.id],
    );
    expect(told.length).toBeGreaterThan(0);
    const again = await t.http
      .post(`/api/v1/information/reception/questions/${transferred.id}/answer`)
      .set(as(head))
      .send({ answer: '再答一次' })
      .expect(409);
    expect(again.body.code).toBe('VISITOR_QUESTION_ANSWERED');
  });

  it('INF-7: statistics count visits by purpose, by department visited and by day and month', async () => {
    await register({ purposeCategory: 'complaint', purpose: '反映校门口交通拥堵' }).expect(201);
    await register({
      purposeCategory: 'complaint',
      purpose: '反映食堂饭菜质量',
      hostDepartmentId: undefined,
      hostUserId: teacher.id,
    }).expect(201);
    const today = schoolDateOf(new Date());
    const stats = (
      await t.http
        .get(`/api/v1/information/reception/visits/statistics?from=${addDays(today, -1)}&to=${today}`)
        .set(as(clerk))
        .expect(200)
    ).body;
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM visits`);
    expect(stats.total).toBe(n);
    expect(stats.byPurpose.find((p: { key: string }) => p.key === 'complaint').count).toBe(2);
    // The host person's department counts when no department was named.
    expect(stats.byDepartment.find((d: { key: string }) => d.key === departmentId).count).toBe(n);
    expect(stats.byDay.reduce((sum: number, d: { count: number }) => sum + d.count, 0)).toBe(n);
    expect(stats.byMonth.reduce((sum: number, d: { count: number }) => sum + d.count, 0)).toBe(n);
    await t.http
      .get(`/api/v1/information/reception/visits/statistics?from=${today}&to=${addDays(today, -3)}`)
      .set(as(clerk))
      .expect(400);
    await t.http.get(`/api/v1/information/reception/visits/statistics?from=${today}&to=${today}`).set(as(teacher)).expect(403);
  });

  // ---------- INF-9 ----------

  const duty = (body: Record<string, unknown>) => t.http.post('/api/v1/information/reception/duties').set(as(clerk)).send(body);
  const out = (userId: string, date: string, from: string, to: string) =>
    t.http
      .post('/api/v1/information/reception/absences')
      .set(as(clerk))
      .send({
        userId,
        startsAt: schoolTimeToInstant(date, from).toISOString(),
        endsAt: schoolTimeToInstant(date, to).toISOString(),
        reason: '参加区教育局会议',
        destination: '区教育局',
      });
  const coverAt = async (date: string, slot: string) =>
    (await t.http.get(`/api/v1/information/reception/cover?date=${date}&slot=${slot}`).set(as(clerk)).expect(200)).body;

  it('INF-9: cover is shown correctly when the person on duty is out of office: the backup, then someone rostered that day, then nobody', async () => {
    const [onDuty, backup, afternoon] = await Promise.all([
      createStaff(t, adminToken, { roles: ['office-clerk'], name: unique('值班员') }),
      createStaff(t, adminToken, { roles: ['staff'], name: unique('替班') }),
      createStaff(t, adminToken, { roles: ['staff'], name: unique('下午值班') }),
    ]);
    const date = addDays(schoolDateOf(new Date()), 20);
    await duty({ date, slot: 'am', userId: onDuty.id, backupUserId: backup.id }).expect(201);
    await duty({ date, slot: 'pm', userId: afternoon.id }).expect(201);
    expect((await duty({ date, slot: 'am', userId: backup.id }).expect(409)).body.code).toBe('RECEPTION_SLOT_TAKEN');

    expect(await coverAt(date, 'am')).toMatchObject({ coveredBy: { id: onDuty.id }, reason: 'on-duty', outOfOffice: [] });
    // The person on duty goes out for the morning (and a little beyond).
    await out(onDuty.id, date, '07:30:00', '12:30:00').expect(201);
    const covered = await coverAt(date, 'am');
    expect(covered).toMatchObject({ duty: { user: { id: onDuty.id } }, coveredBy: { id: backup.id, name: backup.name }, reason: 'backup' });
    expect(covered.outOfOffice.map((p: { id: string }) => p.id)).toEqual([onDuty.id]);
    // The afternoon is untouched: the outing ended before it starts.
    expect(await coverAt(date, 'pm')).toMatchObject({ coveredBy: { id: afternoon.id }, reason: 'on-duty' });
    // The backup is out too: the afternoon's person, at school that day, covers.
    await out(backup.id, date, '09:00:00', '10:00:00').expect(201);
    expect(await coverAt(date, 'am')).toMatchObject({ coveredBy: { id: afternoon.id }, reason: 'same-day' });
    // Everyone out: a gap.
    await out(afternoon.id, date, '00:00:00', '23:59:00').expect(201);
    expect(await coverAt(date, 'am')).toMatchObject({ coveredBy: null, reason: 'none' });
    // The afternoon: its person is out, but the morning's one is back by then.
    expect(await coverAt(date, 'pm')).toMatchObject({ coveredBy: { id: onDuty.id }, reason: 'same-day' });
  });

  it('INF-9: staff record their own out-of-office entries only; the office records anyone’s and sees all', async () => {
    const today = schoolDateOf(new Date());
    const mine = await t.http
      .post('/api/v1/information/reception/absences')
      .set(as(teacher))
      .send({
        startsAt: schoolTimeToInstant(addDays(today, 2), '08:00:00').toISOString(),
        endsAt: schoolTimeToInstant(addDays(today, 2), '17:00:00').toISOString(),
        reason: '带学生参加区运动会',
        destination: '区体育中心',
      })
      .expect(201);
    expect(mine.body.user.id).toBe(teacher.id);
    await t.http
      .post('/api/v1/information/reception/absences')
      .set(as(teacher))
      .send({
        userId: head.id,
        startsAt: schoolTimeToInstant(today, '08:00:00').toISOString(),
        endsAt: schoolTimeToInstant(today, '09:00:00').toISOString(),
        reason: 'x',
        destination: 'y',
      })
      .expect(400);
    const own = (await t.http.get('/api/v1/information/reception/absences').set(as(teacher)).expect(200)).body.items;
    expect(own.every((a: { user: { id: string } }) => a.user.id === teacher.id)).toBe(true);
    const all = (await t.http.get('/api/v1/information/reception/absences?pageSize=100').set(as(clerk)).expect(200)).body.items;
    expect(all.map((a: { id: string }) => a.id)).toContain(mine.body.id);
    await t.http
      .delete(`/api/v1/information/reception/absences/${all.find((a: { user: { id: string } }) => a.user.id !== teacher.id).id}`)
      .set(as(teacher))
      .expect(404);
    await t.http.delete(`/api/v1/information/reception/absences/${mine.body.id}`).set(as(teacher)).expect(204);
  });

  it('INF-9: a gap in cover within the next days is flagged in advance, and the office is alerted once per slot', async () => {
    const [person, backup] = await Promise.all([
      createStaff(t, adminToken, { roles: ['staff'], name: unique('值班员') }),
      createStaff(t, adminToken, { roles: ['staff'], name: unique('替班') }),
    ]);
    const gapsNow = (await t.http.get('/api/v1/information/reception/cover/gaps').set(as(clerk)).expect(200)).body as {
      date: string;
      slot: string;
      duty: unknown;
    }[];
    // Unrostered working-day slots are gaps; take the furthest one (its day has not begun).
    const target = gapsNow.filter((g) => g.duty === null).at(-1)!;
    expect(target).toBeDefined();
    const created = (await duty({ date: target.date, slot: target.slot, userId: person.id }).expect(201)).body;
    let gaps = (await t.http.get('/api/v1/information/reception/cover/gaps').set(as(clerk)).expect(200)).body;
    expect(gaps.find((g: { date: string; slot: string }) => g.date === target.date && g.slot === target.slot)).toBeUndefined();
    // The person on duty will be out the whole day: that slot becomes a gap, shown with its duty.
    await out(person.id, target.date, '00:00:00', '23:59:00').expect(201);
    gaps = (await t.http.get('/api/v1/information/reception/cover/gaps').set(as(clerk)).expect(200)).body;
    expect(gaps.find((g: { date: string; slot: string }) => g.date === target.date && g.slot === target.slot)).toMatchObject({
      duty: { user: { id: person.id } },
      coveredBy: null,
      reason: 'none',
      outOfOffice: [{ id: person.id }],
    });
    // The job alerts the office (holders of information.reception.manage), once per slot.
    const service = t.app.get(CoverService);
    expect((await service.alertGaps()).alerted).toBeGreaterThan(0);
    const alerts = await t.sql<{ body: string }>(
      `SELECT body FROM notification_deliveries WHERE recipient_id = $1 AND kind = 'information.reception.gap' AND channel = 'in-app'`,
      [clerk.id],
    );
    expect(alerts.some((a) => a.body.includes(target.date) && a.body.includes(person.name))).toBe(true);
    expect((await service.alertGaps()).alerted).toBe(0);
    // A backup closes the gap.
    await t.http.delete(`/api/v1/information/reception/duties/${created.id}`).set(as(clerk)).expect(204);
    await duty({ date: target.date, slot: target.slot, userId: person.id, backupUserId: backup.id }).expect(201);
    gaps = (await t.http.get('/api/v1/information/reception/cover/gaps').set(as(clerk)).expect(200)).body;
    expect(gaps.find((g: { date: string; slot: string }) => g.date === target.date && g.slot === target.slot)).toBeUndefined();
  });
});
