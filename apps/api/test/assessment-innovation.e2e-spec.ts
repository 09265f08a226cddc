import { loginAsAdmin, unique } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

/** Innovation suggestions and awards (创新建议, ASM-7). */
describe('assessment: innovation suggestions', () => {
  let t: TestApp;
  let office: { id: string; token: string };
  let teacher: { id: string; token: string; name: string };
  let colleague: { id: string; token: string };
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const api = '/api/v1/assessment/innovation';
  const submit = (who: { token: string }, title = unique('公文流转引入电子签章')) =>
    t.http.post(api).set(as(who)).send({
      title,
      description: '目前纸质公文签批需往返多个办公室，建议在公文流转中引入电子签章。',
      expectedBenefit: '每份公文平均节省半天流转时间，减少纸张消耗。',
    });

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await loginAsAdmin(t);
    office = await createStaff(t, admin, { roles: ['office-director'] });
    teacher = await createStaff(t, admin, { roles: ['staff'], name: '周老师' });
    colleague = await createStaff(t, admin, { roles: ['staff'] });
  });
  afterAll(() => t.close());

  it('ASM-7 submitted by any member of staff, adopted, implemented and awarded; the year lists it with its award', async () => {
    const submitted = (await submit(teacher).expect(201)).body;
    expect(submitted).toMatchObject({ status: 'submitted', submitter: { id: teacher.id, name: '周老师' }, actions: [] });
    const seen = (await t.http.get(api).set(as(office)).expect(200)).body.items.find((i: { id: string }) => i.id === submitted.id);
    expect(seen.actions).toEqual(['review']);

    const adopted = (
      await t.http.post(`${api}/${submitted.id}/review`).set(as(office)).send({ decision: 'adopt', version: submitted.version }).expect(200)
    ).body;
    expect(adopted).toMatchObject({ status: 'adopted', reviewedBy: { id: office.id }, actions: ['implement', 'award'] });
    const implemented = (
      await t.http
        .post(`${api}/${submitted.id}/implementation`)
        .set(as(office))
        .send({ note: '已在校办试点，三周内推广至全校。', implementedOn: '2026-11-20', version: adopted.version })
        .expect(200)
    ).body;
    expect(implemented).toMatchObject({ status: 'implemented', implementedOn: '2026-11-20' });
    const awarded = (
      await t.http
        .post(`${api}/${submitted.id}/award`)
        .set(as(office))
        .send({ level: 'second', amountFen: 50000, certificate: true, awardedOn: '2026-12-01', version: implemented.version })
        .expect(200)
    ).body;
    expect(awarded).toMatchObject({
      status: 'awarded',
      awardLevel: 'second',
      awardAmountFen: 50000,
      awardCertificate: true,
      awardedOn: '2026-12-01',
    });
    // The submitter follows it to the award.
    expect((await t.http.get(`${api}/${submitted.id}`).set(as(teacher)).expect(200)).body).toMatchObject({
      status: 'awarded',
      awardLevel: 'second',
    });

    const year = new Date().getFullYear();
    const list = (await t.http.get(`${api}/adopted`).query({ year }).set(as(office)).expect(200)).body;
    expect(list.items.map((i: { id: string }) => i.id)).toContain(submitted.id);
    expect(list.adopted).toBeGreaterThanOrEqual(1);
    expect(list.awardAmountFen).toBeGreaterThanOrEqual(50000);
    expect(
      (
        await t.http
          .get(`${api}/adopted`)
          .query({ year: year - 1 })
          .set(as(office))
          .expect(200)
      ).body.items,
    ).toEqual([]);
  });

  it('ASM-7 only the reviewers review and award; others see only their own; illegal moves are 409; bad input 400 by field', async () => {
    const mine = (await submit(teacher).expect(201)).body;
    // Another teacher sees nothing of it.
    await t.http.get(`${api}/${mine.id}`).set(as(colleague)).expect(404);
    expect((await t.http.get(api).set(as(colleague)).expect(200)).body.items.map((i: { id: string }) => i.id)).not.toContain(mine.id);
    // The submitter cannot review their own, nor anyone else; the year's list is the reviewers'.
    await t.http.post(`${api}/${mine.id}/review`).set(as(teacher)).send({ decision: 'adopt', version: 1 }).expect(403);
    await t.http.get(`${api}/adopted`).query({ year: 2026 }).set(as(teacher)).expect(403);
    // Awarding before adoption is an illegal move.
    await t.http
      .post(`${api}/${mine.id}/award`)
      .set(as(office))
      .send({ level: 'first', certificate: true, awardedOn: '2026-12-01', version: 1 })
      .expect(409);
    // Not adopted needs a reason.
    const noReason = await t.http.post(`${api}/${mine.id}/review`).set(as(office)).send({ decision: 'not-adopt', version: 1 }).expect(400);
    expect(noReason.body.errors).toHaveProperty('reason');
    const missing = await t.http.post(api).set(as(teacher)).send({ title: '', description: 'x' }).expect(400);
    expect(Object.keys(missing.body.errors).sort()).toEqual(['expectedBenefit', 'title']);
    const rejected = (
      await t.http
        .post(`${api}/${mine.id}/review`)
        .set(as(office))
        .send({ decision: 'not-adopt', reason: '与现有系统功能重复。', version: 1 })
        .expect(200)
    ).body;
    expect(rejected).toMatchObject({ status: 'not-adopted', reviewReason: '与现有系统功能重复。', actions: [] });
    expect((await t.http.get(`${api}/${mine.id}`).set(as(teacher)).expect(200)).body.reviewReason).toBe('与现有系统功能重复。');
    await t.http.post(`${api}/${mine.id}/review`).set(as(office)).send({ decision: 'adopt', version: rejected.version }).expect(409);
    // An award is money, a certificate, or both.
    const other = (await submit(colleague).expect(201)).body;
    const adopted = (await t.http.post(`${api}/${other.id}/review`).set(as(office)).send({ decision: 'adopt', version: 1 }).expect(200))
      .body;
    const empty = await t.http
      .post(`${api}/${other.id}/award`)
      .set(as(office))
      .send({ level: 'third', certificate: false, awardedOn: '2026-12-01', version: adopted.version })
      .expect(400);
    expect(empty.body.errors).toHaveProperty('amountFen');
    const [row] = await t.sql(`SELECT status, award_level FROM innovation_suggestions WHERE id = $1`, [other.id]);
    expect(row).toEqual({ status: 'adopted', award_level: null });
  });
});
