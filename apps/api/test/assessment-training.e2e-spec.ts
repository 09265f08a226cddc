import { addDays, quarterOf, quarterRange, schoolDateOf, schoolTimeToInstant } from '@xiaoban/shared';
import { TrainingRecordsService } from '../src/modules/assessment/training/training-records.service';
import { loginAsAdmin } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { recordConfidentialityTraining } from './factories/training.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

describe('assessment: training records (ASM-6)', () => {
  let t: TestApp;
  let adminToken: string;
  let clerk: Person;
  let records: TrainingRecordsService;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '孙文员' });
    records = t.app.get(TrainingRecordsService);
  });
  afterAll(() => t.close());

  it('ASM-6 a training session with attendance makes the quarter’s query true for its attendees only', async () => {
    const [passed, failed, absent, notListed, lastQuarter, businessOnly] = await Promise.all(
      ['周红', '吴刚', '郑丽', '王芳', '冯军', '陈静'].map((name) => createStaff(t, adminToken, { roles: ['staff'], name })),
    );
    const { sessionId, planId } = await recordConfidentialityTraining(t, clerk, [passed.id]);
    // The same session: one attended and failed the test, one was absent.
    const sheet = await t.http
      .put(`/api/v1/assessment/training/sessions/${sessionId}/attendance`)
      .set(as(clerk))
      .send({
        entries: [
          { userId: failed.id, attended: true, score: 48, passed: false, remarks: '需补考' },
          { userId: absent.id, attended: false, remarks: '病假' },
        ],
      })
      .expect(200);
    expect(sheet.body.attendedCount).toBe(2);
    expect(sheet.body.attendance).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user: { id: passed.id, name: '周红' }, attended: true, passed: true, score: 92 }),
        expect.objectContaining({ user: { id: failed.id, name: '吴刚' }, attended: true, passed: false, score: 48 }),
        expect.objectContaining({ user: { id: absent.id, name: '郑丽' }, attended: false, passed: null }),
      ]),
    );

    // Last quarter's session counts for last quarter, not for this one.
    const { year, quarter } = quarterOf(schoolDateOf(new Date()));
    const lastDayOfLastQuarter = addDays(quarterRange(year, quarter).from, -1);
    const heldLastQuarter = schoolTimeToInstant(lastDayOfLastQuarter, '15:00');
    await recordConfidentialityTraining(t, clerk, [lastQuarter.id], heldLastQuarter);

    // A business training this quarter is not a confidentiality training.
    const business = await t.http
      .post('/api/v1/assessment/training/plans')
      .set(as(clerk))
      .send({ kind: 'business', year, quarter, title: '公文写作业务培训' })
      .expect(201);
    const businessSession = await t.http
      .post(`/api/v1/assessment/training/plans/${business.body.id}/sessions`)
      .set(as(clerk))
      .send({ heldAt: new Date(Date.now() - 60_000).toISOString(), place: '报告厅', trainer: '办公室主任', content: '公文格式 GB/T 9704' })
      .expect(201);
    await t.http
      .put(`/api/v1/assessment/training/sessions/${businessSession.body.sessions[0].id}/attendance`)
      .set(as(clerk))
      .send({ entries: [{ userId: businessOnly.id, attended: true, passed: true }] })
      .expect(200);

    const now = new Date();
    const answers = await Promise.all(
      [passed, failed, absent, notListed, lastQuarter, businessOnly].map((p) => records.hadConfidentialityTrainingThisQuarter(p.id, now)),
    );
    expect(answers).toEqual([true, false, false, false, false, false]);
    // Asked as of last quarter, the earlier session counts.
    expect(await records.hadConfidentialityTrainingThisQuarter(lastQuarter.id, new Date(heldLastQuarter.getTime() + 3600_000))).toBe(true);

    // The person sees their own status; the plan shows its session and sheet.
    const mine = await t.http.get('/api/v1/assessment/training/confidentiality-status').set(as(passed)).expect(200);
    expect(mine.body).toMatchObject({ userId: passed.id, year, quarter, trainedThisQuarter: true });
    await t.http.get('/api/v1/assessment/training/confidentiality-status').query({ userId: failed.id }).set(as(passed)).expect(403);
    const plan = await t.http.get(`/api/v1/assessment/training/plans/${planId}`).set(as(clerk)).expect(200);
    expect(plan.body).toMatchObject({ kind: 'confidentiality', year, quarter, sessionCount: 1 });
    expect(plan.body.sessions[0].attendance).toHaveLength(3);
  });

  it('ASM-6 training records are kept by the office: a teacher may not write them, and bad sheets are refused by field', async () => {
    const teacher = await createStaff(t, adminToken, { roles: ['staff'] });
    await t.http
      .post('/api/v1/assessment/training/plans')
      .set(as(teacher))
      .send({ kind: 'confidentiality', year: 2026, quarter: 2, title: '保密培训' })
      .expect(403);
    const bad = await t.http
      .post('/api/v1/assessment/training/plans')
      .set(as(clerk))
      .send({ kind: 'party', year: 2026, quarter: 5, title: '' })
      .expect(400);
    expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(['kind', 'quarter', 'title']));
    const { sessionId } = await recordConfidentialityTraining(t, clerk, []);
    const absentWithResult = await t.http
      .put(`/api/v1/assessment/training/sessions/${sessionId}/attendance`)
      .set(as(clerk))
      .send({ entries: [{ userId: teacher.id, attended: false, passed: true }] })
      .expect(400);
    expect(absentWithResult.body.errors).toHaveProperty(['entries.0.passed']);
    const list = await t.http.get('/api/v1/assessment/training/plans').query({ kind: 'confidentiality' }).set(as(clerk)).expect(200);
    expect(list.body.items.every((p: { kind: string }) => p.kind === 'confidentiality')).toBe(true);
    expect(list.body.items.find((p: { id: string }) => p.id)?.sessionCount).toBeGreaterThanOrEqual(1);
  });
});
