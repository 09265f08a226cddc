import ExcelJS from 'exceljs';
import { addDays, schoolDateOf } from '@xiaoban/shared';
import { LedgerService } from '../src/modules/administration/ledger/ledger.service';
import { binary } from './factories/files.factory';
import { loginAsAdmin, unique } from './factories/org.factory';
import { createSmallSchool, type SmallSchool } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

describe('administration: the work ledger (工作台账)', () => {
  let t: TestApp;
  let adminToken: string;
  let school: SmallSchool;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const admin = () => ({ token: adminToken });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    school = await createSmallSchool(t, adminToken, 1);
  });
  afterAll(() => t.close());

  it('ADM-3 ledger: a matter with its follow-up log, seen by its owner only; an overdue reminder once a day; export', async () => {
    const today = schoolDateOf(new Date());
    const matter = (
      await t.http
        .post('/api/v1/administration/ledger')
        .set(as(admin()))
        .send({
          title: unique('迎接督导评估'),
          ownerId: school.applicant.id,
          departmentIds: [school.departmentId],
          dueOn: addDays(today, -2),
        })
        .expect(201)
    ).body;
    expect(matter).toMatchObject({ status: 'open', overdue: true, owner: { id: school.applicant.id } });
    expect(matter.departments).toHaveLength(1);
    const followed = (
      await t.http
        .post(`/api/v1/administration/ledger/${matter.id}/follow-ups`)
        .set(as(school.applicant))
        .send({ note: '已完成自评报告初稿', status: 'in-progress' })
        .expect(201)
    ).body;
    expect(followed.status).toBe('in-progress');
    expect(followed.followUps).toEqual([expect.objectContaining({ note: '已完成自评报告初稿', statusTo: 'in-progress' })]);
    await t.http.get(`/api/v1/administration/ledger/${matter.id}`).set(as(school.colleague)).expect(404);
    await t.http.post(`/api/v1/administration/ledger/${matter.id}/follow-ups`).set(as(school.colleague)).send({ note: 'x' }).expect(404);

    const ledger = t.app.get(LedgerService);
    expect((await ledger.sendOverdueReminders(today)).reminded).toBeGreaterThanOrEqual(1);
    expect((await ledger.sendOverdueReminders(today)).reminded).toBe(0);
    const reminders = await t.sql(
      `SELECT 1 FROM notification_deliveries WHERE kind = 'administration.ledger.overdue' AND recipient_id = $1`,
      [school.applicant.id],
    );
    expect(reminders.length).toBeGreaterThanOrEqual(1);

    const done = (
      await t.http
        .post(`/api/v1/administration/ledger/${matter.id}/follow-ups`)
        .set(as(school.applicant))
        .send({ note: '督导评估已完成', status: 'done' })
        .expect(201)
    ).body;
    expect(done).toMatchObject({ status: 'done', overdue: false });
    expect(
      (
        await t.http
          .post(`/api/v1/administration/ledger/${matter.id}/follow-ups`)
          .set(as(school.applicant))
          .send({ note: '补充' })
          .expect(409)
      ).body.code,
    ).toBe('WORK_MATTER_CLOSED');
    expect((await ledger.sendOverdueReminders(addDays(today, 1))).reminded).toBe(0);

    const res = await t.http
      .get('/api/v1/administration/ledger')
      .query({ format: 'xlsx', q: matter.title })
      .set(as(admin()))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].name).toBe('工作台账');
  });
});
