import { DataSource } from 'typeorm';
import { seedCalendarDemo } from '../src/platform/calendar/calendar-demo.seed';
import { CalendarService } from '../src/platform/calendar/calendar.service';
import { loginAsAdmin } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

const GUOQING_2026 = {
  days: [
    { date: '2026-09-20', kind: 'workday', name: '国庆节调休上班' },
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday', name: '国庆节' })),
    { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
  ],
};

describe('school calendar (PLT-10)', () => {
  let t: TestApp;
  let adminToken: string;
  const auth = (token = adminToken) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  it('PLT-10 a deadline of 3 working days across a holiday lands on the right date', async () => {
    const marked = await t.http.put('/api/v1/calendar/days').set(auth()).send(GUOQING_2026).expect(200);
    expect(marked.body).toHaveLength(9);

    // Wednesday 9/30 + 3 working days: 10/1–10/7 off, Thu 10/8, Fri 10/9, then the worked Saturday 10/10.
    const res = await t.http.get('/api/v1/calendar/working-days').query({ from: '2026-09-30', days: 3 }).set(auth()).expect(200);
    expect(res.body).toMatchObject({ from: '2026-09-30', days: 3, deadline: '2026-10-10' });
    expect(res.body.daysOff.map((d: { date: string }) => d.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(res.body.daysOff[0]).toEqual({ date: '2026-10-01', name: '国庆节' });

    // What modules call: an instant counts as its date in the school's zone (00:30 on 9/30 in
    // Shanghai is still 9/29 in UTC, which would give 10/9).
    const calendar = t.app.get(CalendarService);
    expect(await calendar.deadline(new Date('2026-09-29T16:30:00Z'), 3)).toBe('2026-10-10');
    expect((await calendar.deadlineEnd('2026-09-30', 3)).toISOString()).toBe('2026-10-10T15:59:59.000Z');
    // Friday 9/18 + 1: the 调休 Sunday 9/20 is a working day.
    expect(await calendar.deadline('2026-09-18', 1)).toBe('2026-09-20');
  });

  it('PLT-10 a weekly recurrence skips the weeks the calendar excludes', async () => {
    const semester = await t.http
      .post('/api/v1/calendar/semesters')
      .set(auth())
      .send({ name: '2026-2027学年第一学期', startsOn: '2026-08-31', endsOn: '2027-01-24', firstTeachingMonday: '2026-08-31' })
      .expect(201);
    expect(semester.body).toMatchObject({ weeks: 21, version: 1 });
    const exams = ['18', '19', '20', '21', '22'].map((d) => ({ date: `2027-01-${d}`, kind: 'no-teaching', name: '期末考试' }));
    await t.http.put('/api/v1/calendar/days').set(auth()).send({ days: exams }).expect(200);

    // Tuesdays from 12/29 to 2/2: exam week (1/19) and the vacation after the semester (1/26, 2/2) are skipped.
    const teaching = await t.http
      .get('/api/v1/calendar/occurrences')
      .query({ from: '2026-12-29', until: '2027-02-02', weekday: 2, skipNoTeachingWeeks: true })
      .set(auth())
      .expect(200);
    expect(teaching.body.dates).toEqual(['2026-12-29', '2027-01-05', '2027-01-12']);
    const every = await t.http
      .get('/api/v1/calendar/occurrences')
      .query({ from: '2026-12-29', until: '2027-02-02', weekday: 2 })
      .set(auth())
      .expect(200);
    expect(every.body.dates).toEqual(['2026-12-29', '2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02']);
    // Wednesdays across 国庆 (marked in the test above): 10/7 is a holiday.
    const wednesdays = await t.http
      .get('/api/v1/calendar/occurrences')
      .query({ from: '2026-09-28', until: '2026-10-18', weekday: 3 })
      .set(auth())
      .expect(200);
    expect(wednesdays.body.dates).toEqual(['2026-09-30', '2026-10-14']);

    const week = await t.http.get('/api/v1/calendar/teaching-week').query({ date: '2026-10-08' }).set(auth()).expect(200);
    expect(week.body).toMatchObject({ week: 6, teachingWeek: true, semester: { name: '2026-2027学年第一学期' } });
    const examWeek = await t.http.get('/api/v1/calendar/teaching-week').query({ date: '2027-01-20' }).set(auth()).expect(200);
    expect(examWeek.body).toMatchObject({ week: 21, teachingWeek: false, marked: { kind: 'no-teaching', name: '期末考试' } });
  });

  it('PLT-10 semesters must make sense and never overlap; the database holds it too', async () => {
    const overlap = await t.http
      .post('/api/v1/calendar/semesters')
      .set(auth())
      .send({ name: '重叠学期', startsOn: '2027-01-20', endsOn: '2027-07-10', firstTeachingMonday: '2027-02-22' })
      .expect(409);
    expect(overlap.body).toMatchObject({ code: 'SEMESTER_OVERLAP', errors: { startsOn: [expect.stringContaining('第一学期')] } });
    const notMonday = await t.http
      .post('/api/v1/calendar/semesters')
      .set(auth())
      .send({ name: '第二学期', startsOn: '2027-02-22', endsOn: '2027-07-11', firstTeachingMonday: '2027-02-23' })
      .expect(400);
    expect(Object.keys(notMonday.body.errors)).toEqual(['firstTeachingMonday']);
    const badDate = await t.http
      .post('/api/v1/calendar/semesters')
      .set(auth())
      .send({ name: '第二学期', startsOn: '2027-02-30', endsOn: '2027-07-11', firstTeachingMonday: '2027-02-22' })
      .expect(400);
    expect(Object.keys(badDate.body.errors)).toEqual(['startsOn']);
    await expect(
      t.sql(
        `INSERT INTO semesters (name, starts_on, ends_on, first_teaching_monday) VALUES ('x', '2027-01-01', '2027-03-01', '2027-01-04')`,
      ),
    ).rejects.toMatchObject({ code: '23P01' });

    const second = await t.http
      .post('/api/v1/calendar/semesters')
      .set(auth())
      .send({ name: '2026-2027学年第二学期', startsOn: '2027-02-22', endsOn: '2027-07-11', firstTeachingMonday: '2027-02-22' })
      .expect(201);
    const moved = await t.http
      .patch(`/api/v1/calendar/semesters/${second.body.id}`)
      .set(auth())
      .send({ endsOn: '2027-07-04', version: 1 })
      .expect(200);
    expect(moved.body).toMatchObject({ endsOn: '2027-07-04', weeks: 19, version: 2 });
    await t.http.patch(`/api/v1/calendar/semesters/${second.body.id}`).set(auth()).send({ endsOn: '2027-07-11', version: 1 }).expect(409);
    const list = await t.http.get('/api/v1/calendar/semesters').set(auth()).expect(200);
    expect(list.body.map((s: { name: string }) => s.name)).toEqual(['2026-2027学年第一学期', '2026-2027学年第二学期']);
    const [audit] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE object_type = 'semester'`);
    expect(audit.n).toBe(3);
  });

  it('PLT-10 a 调休 working day is a weekend day; removing a mark returns the day to the plain week', async () => {
    const weekday = await t.http
      .put('/api/v1/calendar/days')
      .set(auth())
      .send({ days: [{ date: '2026-10-09', kind: 'workday' }] })
      .expect(400);
    expect(weekday.body.errors).toHaveProperty(['days[0].kind']);
    await t.http
      .put('/api/v1/calendar/days')
      .set(auth())
      .send({ days: [{ date: '2026-10-10', kind: 'no-teaching', name: '运动会' }], removeDates: ['2026-09-20'] })
      .expect(200);
    const days = await t.http.get('/api/v1/calendar/days').query({ from: '2026-09-01', to: '2026-10-31' }).set(auth()).expect(200);
    expect(days.body.find((d: { date: string }) => d.date === '2026-09-20')).toBeUndefined();
    // Saturday 10/10 no longer a working day: Friday 9/18 + 1 is Monday 9/21.
    expect(await t.app.get(CalendarService).deadline('2026-09-18', 1)).toBe('2026-09-21');
    const [audit] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'calendar.days.update'`);
    expect(audit.n).toBeGreaterThanOrEqual(3);
  });

  it('PLT-10 everyone signed in reads the calendar; only calendar.manage changes it (the office has it)', async () => {
    const teacher = await createStaff(t, adminToken, { roles: ['staff'] });
    const clerk = await createStaff(t, adminToken, { roles: ['office-clerk'] });
    await t.http.get('/api/v1/calendar/days').query({ from: '2026-10-01', to: '2026-10-31' }).set(auth(teacher.token)).expect(200);
    await t.http.get('/api/v1/calendar/working-days').query({ from: '2026-10-01', days: 5 }).set(auth(teacher.token)).expect(200);
    const refused = await t.http
      .put('/api/v1/calendar/days')
      .set(auth(teacher.token))
      .send({ days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] })
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await t.http
      .put('/api/v1/calendar/days')
      .set(auth(clerk.token))
      .send({ days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] })
      .expect(200);
  });

  it('PLT-10 the demo calendar loads once and again without harm', async () => {
    const dataSource = t.app.get(DataSource);
    await dataSource.transaction((manager) => seedCalendarDemo(manager));
    await dataSource.transaction((manager) => seedCalendarDemo(manager));
    const [counts] = await t.sql<{ holidays: number; semesters: number }>(
      `SELECT (SELECT count(*)::int FROM calendar_days WHERE name = '国庆节') AS holidays, (SELECT count(*)::int FROM semesters) AS semesters`,
    );
    expect(counts).toEqual({ holidays: 7, semesters: 2 });
  });
});
