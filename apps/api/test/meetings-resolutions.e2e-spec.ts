import ExcelJS from 'exceljs';
import { ResolutionsService } from '../src/modules/meetings/resolutions/resolutions.service';
import { binary } from './factories/files.factory';
import { loginAsAdmin, unique } from './factories/org.factory';
import { createSmallSchool, createStaff, type SmallSchool } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

/** Resolutions (决议, MTG-9): tasks in the owners' inbox, progress, overdue reminders, the leaders' report, carry-over. */
describe('meetings: resolutions', () => {
  let t: TestApp;
  let adminToken: string;
  let school: SmallSchool;
  let clerk: Person; // 办公室文员: organises, records resolutions
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

  async function meeting(typeCode: string, date: string, title = unique('行政会')) {
    const res = await t.http
      .post('/api/v1/meetings')
      .set(as(clerk))
      .send({
        title,
        typeCode,
        location: '行政楼三楼第二会议室',
        startsAt: at(date, '15:00'),
        endsAt: at(date, '16:30'),
        attendeeIds: [school.head.id, school.applicant.id],
        topics: [{ title: '工作安排' }],
      })
      .expect(201);
    return res.body as { id: string; title: string };
  }

  const resolve = (meetingId: string, text: string, tasks: { ownerId: string; dueOn: string; description?: string }[]) =>
    t.http.post(`/api/v1/meetings/${meetingId}/resolutions`).set(as(clerk)).send({ text, tasks }).expect(201);

  /** A meeting type of this test's own, so that the carry-over sees only this test's meetings. */
  async function ownType(): Promise<string> {
    const code = unique('t').toLowerCase().slice(0, 30);
    await t.http
      .post('/api/v1/meetings/types')
      .set(as(clerk))
      .send({ code, name: unique('年级组长会') })
      .expect(201);
    return code;
  }

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    school = await createSmallSchool(t, adminToken);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '办公室文员' });
  });
  afterAll(() => t.close());

  it('MTG-9 tasks are created from resolutions and appear in the inbox', async () => {
    const m = await meeting('administrative', '2027-04-06');
    const created = (
      await resolve(m.id, '同意开展春季运动会，由体育组牵头', [
        { ownerId: school.head.id, dueOn: '2027-04-20', description: '制定运动会方案' },
        { ownerId: school.applicant.id, dueOn: '2027-04-25', description: '报名与器材准备' },
      ])
    ).body;
    expect(created).toMatchObject({ seq: 1, done: false, tasks: [{ owner: { id: school.head.id }, status: 'open', percent: 0 }, {}] });
    const headTask = created.tasks[0];

    const inbox = (await t.http.get('/api/v1/inbox').query({ sourceType: 'meeting-resolution-task' }).set(as(school.head)).expect(200))
      .body;
    expect(inbox.items).toEqual([
      expect.objectContaining({
        sourceId: headTask.id,
        link: `/meetings/resolution-tasks/${headTask.id}`,
        title: '决议落实：制定运动会方案',
      }),
    ]);
    const reminded = await t.sql(`SELECT 1 FROM notification_deliveries WHERE kind = 'meeting.resolution.task' AND recipient_id = $1`, [
      school.head.id,
    ]);
    expect(reminded.length).toBeGreaterThanOrEqual(1);

    // The owner posts progress: a percent moves the task on; someone else may not.
    const progressed = (
      await t.http
        .post(`/api/v1/meetings/resolution-tasks/${headTask.id}/progress`)
        .set(as(school.head))
        .send({ note: '方案初稿已完成', percent: 60 })
        .expect(201)
    ).body;
    expect(progressed).toMatchObject({ status: 'in-progress', percent: 60, canUpdate: true });
    expect(progressed.updates).toEqual([
      expect.objectContaining({ note: '方案初稿已完成', percent: 60, recordedBy: expect.objectContaining({ id: school.head.id }) }),
    ]);
    const refused = await t.http
      .post(`/api/v1/meetings/resolution-tasks/${headTask.id}/progress`)
      .set(as(school.colleague))
      .send({ note: '代为登记', status: 'done' })
      .expect(403);
    expect(refused.body.code).toBe('RESOLUTION_NOT_THE_TASK_OWNER');
    // Done: out of the inbox, into 已办.
    await t.http
      .post(`/api/v1/meetings/resolution-tasks/${headTask.id}/progress`)
      .set(as(school.head))
      .send({ note: '方案已印发', status: 'done' })
      .expect(201);
    expect(
      (await t.http.get('/api/v1/inbox').query({ sourceType: 'meeting-resolution-task' }).set(as(school.head)).expect(200)).body.items,
    ).toEqual([]);
    const done = (
      await t.http.get('/api/v1/inbox').query({ box: 'done', sourceType: 'meeting-resolution-task' }).set(as(school.head)).expect(200)
    ).body;
    expect(done.items.map((i: { sourceId: string }) => i.sourceId)).toContain(headTask.id);
    // The resolution is done only once every task is.
    const listed = (await t.http.get(`/api/v1/meetings/${m.id}/resolutions`).set(as(school.colleague)).expect(200)).body;
    expect(listed[0]).toMatchObject({ done: false, tasks: [{ status: 'done', percent: 100 }, { status: 'open' }] });
    // An owner must be an active person; bad input is keyed by field.
    const bad = await t.http
      .post(`/api/v1/meetings/${m.id}/resolutions`)
      .set(as(clerk))
      .send({ text: 'x', tasks: [{ ownerId: '00000000-0000-4000-8000-000000000000', dueOn: '2027-04-20' }] })
      .expect(400);
    expect(bad.body.errors['tasks.0.ownerId']).toBeDefined();
    await t.http
      .post(`/api/v1/meetings/${m.id}/resolutions`)
      .set(as(school.head))
      .send({ text: 'x', tasks: [{ ownerId: school.head.id, dueOn: '2027-04-20' }] })
      .expect(403);
  });

  it('MTG-9 open resolutions carry over to the next agenda of the same type', async () => {
    const type = await ownType();
    const first = await meeting(type, '2027-05-10', '第1次年级组长会');
    const open = (await resolve(first.id, '加强晚自习巡查', [{ ownerId: school.head.id, dueOn: '2027-05-20' }])).body;
    const finished = (await resolve(first.id, '更新年级群通讯录', [{ ownerId: school.applicant.id, dueOn: '2027-05-15' }])).body;
    await t.http
      .post(`/api/v1/meetings/resolution-tasks/${finished.tasks[0].id}/progress`)
      .set(as(school.applicant))
      .send({ note: '已更新', percent: 100 })
      .expect(201);

    const next = await meeting(type, '2027-05-24', '第2次年级组长会');
    const nextRead = (await t.http.get(`/api/v1/meetings/${next.id}`).set(as(school.colleague)).expect(200)).body;
    expect(nextRead.carryOver).toEqual([
      expect.objectContaining({
        id: open.id,
        text: '加强晚自习巡查',
        meeting: expect.objectContaining({ id: first.id, title: '第1次年级组长会' }),
        taskCount: 1,
        doneCount: 0,
      }),
    ]);
    // Not on the first meeting itself, nor on a meeting of another type.
    expect((await t.http.get(`/api/v1/meetings/${first.id}`).set(as(clerk)).expect(200)).body.carryOver).toEqual([]);
    const otherType = await meeting('staff-assembly', '2027-05-25');
    const otherRead = (await t.http.get(`/api/v1/meetings/${otherType.id}`).set(as(clerk)).expect(200)).body;
    expect(otherRead.carryOver.map((r: { id: string }) => r.id)).not.toContain(open.id);
    // Once its task is done, it no longer carries over.
    await t.http
      .post(`/api/v1/meetings/resolution-tasks/${open.tasks[0].id}/progress`)
      .set(as(school.head))
      .send({ note: '已排班巡查', status: 'done' })
      .expect(201);
    expect((await t.http.get(`/api/v1/meetings/${next.id}`).set(as(clerk)).expect(200)).body.carryOver).toEqual([]);
  });

  it('MTG-9 an overdue task triggers a reminder', async () => {
    const m = await meeting('administrative', '2027-06-01');
    const owner = await createStaff(t, adminToken, { roles: ['staff'], name: '吴老师' });
    const late = (await resolve(m.id, '完成期末考务安排', [{ ownerId: owner.id, dueOn: '2027-06-10' }])).body;
    const reminders = async () =>
      (
        await t.sql(
          `SELECT 1 FROM notification_deliveries WHERE kind = 'meeting.resolution.overdue' AND recipient_id = $1 AND channel = 'in-app'`,
          [owner.id],
        )
      ).length;
    const service = t.app.get(ResolutionsService);
    // On its deadline it is not overdue yet.
    await service.sendOverdueReminders('2027-06-10');
    expect(await reminders()).toBe(0);
    // The day after: one reminder, and only one however often the job runs that day.
    expect((await service.sendOverdueReminders('2027-06-11')).reminded).toBeGreaterThanOrEqual(1);
    await service.sendOverdueReminders('2027-06-11');
    expect(await reminders()).toBe(1);
    // Again the next day, until it is done.
    await service.sendOverdueReminders('2027-06-12');
    expect(await reminders()).toBe(2);
    await t.http
      .post(`/api/v1/meetings/resolution-tasks/${late.tasks[0].id}/progress`)
      .set(as(owner))
      .send({ note: '已完成', status: 'done' })
      .expect(201);
    await service.sendOverdueReminders('2027-06-13');
    expect(await reminders()).toBe(2);
  });

  it('MTG-9 the report exports to Excel', async () => {
    const m = await meeting('administrative', '2027-07-01', unique('期末行政会'));
    const text = unique('同意暑期校舍维修计划');
    await resolve(m.id, text, [
      { ownerId: school.head.id, dueOn: '2027-07-20', description: '维修招标' },
      { ownerId: school.applicant.id, dueOn: '2027-08-20', description: '施工监督' },
    ]);
    const leader = school.leaders[0];
    const page = (await t.http.get('/api/v1/meetings/resolutions').query({ q: text }).set(as(leader)).expect(200)).body;
    expect(page.items).toEqual([
      expect.objectContaining({
        text,
        taskCount: 2,
        doneCount: 0,
        done: false,
        meeting: expect.objectContaining({ id: m.id, typeName: '行政会' }),
      }),
    ]);
    expect(
      (await t.http.get('/api/v1/meetings/resolutions').query({ q: text, state: 'done' }).set(as(leader)).expect(200)).body.items,
    ).toEqual([]);
    expect(
      (await t.http.get('/api/v1/meetings/resolutions').query({ q: text, ownerId: school.applicant.id }).set(as(leader)).expect(200)).body
        .total,
    ).toBe(1);
    // Teachers have no report.
    await t.http.get('/api/v1/meetings/resolutions').set(as(school.colleague)).expect(403);

    const res = await t.http
      .get('/api/v1/meetings/resolutions')
      .query({ format: 'xlsx', q: text })
      .set(as(leader))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('决议落实情况');
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain(text);
    expect(cells.some((c) => c.includes(`${school.head.name}／2027-07-20／未开始 0%`))).toBe(true);
  });
});
