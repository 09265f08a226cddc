import ExcelJS from 'exceljs';
import { schoolDateOf } from '@xiaoban/shared';
import { binary, samplePdf, sha256 } from './factories/files.factory';
import { loginAsAdmin, unique } from './factories/org.factory';
import { createSmallSchool, createStaff, eventually, type SmallSchool } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string };

describe('administration: seals (印章)', () => {
  let t: TestApp;
  let adminToken: string;
  let school: SmallSchool;
  let custodian: Person;
  let supervisor: Person;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const admin = () => ({ token: adminToken });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    school = await createSmallSchool(t, adminToken, 1);
    custodian = await createStaff(t, adminToken, { roles: ['seal-custodian'], name: '赵保管' });
    supervisor = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '钱监印' });
  });
  afterAll(() => t.close());

  async function upload(user: Person | { token: string }, name = '合作协议.pdf'): Promise<{ id: string; bytes: Buffer }> {
    const bytes = await samplePdf(`seal ${unique('f')}`);
    const res = await t.http.post('/api/v1/files').set(as(user)).attach('file', bytes, name).expect(201);
    return { id: res.body.id as string, bytes };
  }

  async function createSeal(fields: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
    const res = await t.http
      .post('/api/v1/administration/seals')
      .set(as(admin()))
      .send({ name: unique('学校公章'), sealType: 'official', custodianId: custodian.id, ...fields })
      .expect(201);
    return res.body;
  }

  /** Applies to use the seal (the file to be stamped uploaded first); answers the response, whatever its status. */
  const apply = async (sealId: string, copies: number, user: Person = school.applicant) => {
    const attachmentIds = [(await upload(user)).id];
    return t.http
      .post('/api/v1/administration/seal-uses/applications')
      .set(as(user))
      .send({ sealId, documentTitle: unique('合作办学协议'), copies, reason: '与合作单位签署协议', attachmentIds });
  };
  const applied = async (sealId: string, copies: number) => {
    const res = await apply(sealId, copies);
    expect(res.status).toBe(201);
    return res.body;
  };

  const registerUse = (applicationId: string, copies: number, user: Person = custodian) =>
    t.http
      .post(`/api/v1/administration/seal-uses/applications/${applicationId}/uses`)
      .set(as(user))
      .send({ copies, handledById: school.applicant.id, supervisedById: supervisor.id });

  /** Applies, has the chain's approver approve, and waits for the outcome to reach the application. */
  async function approvedApplication(sealId: string, copies: number, approver: Person = school.leaders[0]): Promise<string> {
    const application = await applied(sealId, copies);
    await t.http
      .post(`/api/v1/approvals/requests/${application.approvalRequestId}/approve`)
      .set(as(approver))
      .send({ comment: '同意用印' })
      .expect(200);
    await eventually(
      async () => {
        const body = (await t.http.get(`/api/v1/administration/seal-uses/applications/${application.id}`).set(as(custodian)).expect(200))
          .body;
        return body.status === 'approved';
      },
      20_000,
      'the approval to reach the application',
    );
    return application.id as string;
  }

  it('ADM-4 seal register: a seal with its 印模, listed; custody moves only when the new custodian confirms the handover', async () => {
    const impression = await upload(admin(), '党委章印模.pdf');
    const seal = (
      await t.http
        .post('/api/v1/administration/seals')
        .set(as(admin()))
        .send({ name: '某某中学党委章', sealType: 'party', custodianId: custodian.id, impressionIds: [impression.id] })
        .expect(201)
    ).body;
    expect(seal).toMatchObject({ sealType: 'party', status: 'in-use', custodian: { id: custodian.id } });
    expect(seal.impressions).toHaveLength(1);
    // The 印模 downloads through the seal for anyone signed in (school-wide).
    await t.http.get(`/api/v1/files/${impression.id}`).set(as(school.colleague)).expect(200);
    const list = (await t.http.get('/api/v1/administration/seals').query({ sealType: 'party' }).set(as(school.colleague)).expect(200)).body;
    expect(list.items.map((s: { id: string }) => s.id)).toContain(seal.id);
    // Only a keeper of the register registers seals.
    await t.http
      .post('/api/v1/administration/seals')
      .set(as(school.colleague))
      .send({ name: '私刻章', sealType: 'official', custodianId: custodian.id })
      .expect(403);

    const newCustodian = await createStaff(t, adminToken, { roles: ['seal-custodian'], name: '孙接收' });
    const started = (
      await t.http
        .post(`/api/v1/administration/seals/${seal.id}/handovers`)
        .set(as(custodian))
        .send({ toUserId: newCustodian.id, note: '岗位调整' })
        .expect(201)
    ).body;
    const handover = started.handovers[0];
    expect(handover).toMatchObject({ status: 'pending', from: { id: custodian.id }, to: { id: newCustodian.id } });
    expect(started.custodian.id).toBe(custodian.id);
    // A second handover waits for the first; nobody but the new custodian confirms.
    const second = await t.http
      .post(`/api/v1/administration/seals/${seal.id}/handovers`)
      .set(as(custodian))
      .send({ toUserId: supervisor.id });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('SEAL_HANDOVER_PENDING');
    const notTheirs = await t.http
      .post(`/api/v1/administration/seal-handovers/${handover.id}/confirm`)
      .set(as(custodian))
      .send({})
      .expect(403);
    expect(notTheirs.body.code).toBe('SEAL_NOT_CUSTODIAN');
    const confirmed = (
      await t.http
        .post(`/api/v1/administration/seal-handovers/${handover.id}/confirm`)
        .set(as(newCustodian))
        .send({ note: '印章完好，已核对印模' })
        .expect(200)
    ).body;
    expect(confirmed.custodian.id).toBe(newCustodian.id);
    expect(confirmed.handovers[0]).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) });
    await t.http.post(`/api/v1/administration/seal-handovers/${handover.id}/confirm`).set(as(newCustodian)).send({}).expect(409);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1`, [seal.id]);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['administration.seal.create', 'administration.seal.handover-confirm']),
    );
  });

  it('ADM-5 no use without an approved application; the file to be stamped is kept with its SHA-256', async () => {
    const seal = await createSeal();
    const file = await upload(school.applicant, '待盖章文件.pdf');
    const application = (
      await t.http
        .post('/api/v1/administration/seal-uses/applications')
        .set(as(school.applicant))
        .send({ sealId: seal.id, documentTitle: '校企合作协议', copies: 2, reason: '签署协议', attachmentIds: [file.id] })
        .expect(201)
    ).body;
    expect(application).toMatchObject({ status: 'pending', copies: 2, copiesLeft: 2 });
    expect(application.files).toEqual([expect.objectContaining({ id: file.id, sha256: sha256(file.bytes) })]);
    // The official seal's chain is the school leader's.
    const request = (await t.http.get(`/api/v1/approvals/requests/${application.approvalRequestId}`).set(as(school.leaders[0])).expect(200))
      .body;
    expect(request.kind).toBe('seal-use');
    const refused = await registerUse(application.id, 1).expect(409);
    expect(refused.body.code).toBe('SEAL_USE_NOT_APPROVED');
    // A rejected application stays unusable.
    await t.http
      .post(`/api/v1/approvals/requests/${application.approvalRequestId}/reject`)
      .set(as(school.leaders[0]))
      .send({ reason: '不同意：协议条款未经法律顾问审核' })
      .expect(200);
    await eventually(async () => {
      const body = (await t.http.get(`/api/v1/administration/seal-uses/applications/${application.id}`).set(as(custodian)).expect(200))
        .body;
      return body.status === 'rejected';
    });
    expect((await registerUse(application.id, 1).expect(409)).body.code).toBe('SEAL_USE_NOT_APPROVED');
    // Another seal keeper, not this seal's custodian, cannot register a use; nor can one without the permission.
    const id = await approvedApplication(seal.id, 1);
    const otherKeeper = await createStaff(t, adminToken, { roles: ['seal-custodian'] });
    expect((await registerUse(id, 1, otherKeeper).expect(403)).body.code).toBe('SEAL_NOT_CUSTODIAN');
    await registerUse(id, 1, supervisor).expect(403);
    expect((await t.sql('SELECT count(*)::int AS n FROM seal_uses WHERE application_id = $1', [application.id]))[0].n).toBe(0);
  });

  it('ADM-5 no more copies than approved, counted across uses; a spent approval takes no further use', async () => {
    const seal = await createSeal();
    const id = await approvedApplication(seal.id, 3);
    const first = (await registerUse(id, 2).expect(201)).body;
    expect(first).toMatchObject({ status: 'approved', copiesUsed: 2, copiesLeft: 1 });
    expect(first.uses[0]).toMatchObject({ copies: 2, handledBy: { id: school.applicant.id }, supervisedBy: { id: supervisor.id } });
    const tooMany = await registerUse(id, 2).expect(409);
    expect(tooMany.body.code).toBe('SEAL_USE_COPIES_EXCEEDED');
    const last = (await registerUse(id, 1).expect(201)).body;
    expect(last).toMatchObject({ status: 'spent', copiesUsed: 3, copiesLeft: 0 });
    expect((await registerUse(id, 1).expect(409)).body.code).toBe('SEAL_USE_SPENT');
  });

  it('ADM-5 an approval cannot be used twice, even by two parallel requests', async () => {
    const seal = await createSeal();
    const id = await approvedApplication(seal.id, 2);
    const both = await Promise.all([registerUse(id, 2), registerUse(id, 2)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('SEAL_USE_SPENT');
    // Many small uses at once never exceed the approval either.
    const other = await approvedApplication(seal.id, 3);
    const many = await Promise.all(Array.from({ length: 8 }, () => registerUse(other, 1)));
    expect(many.filter((r) => r.status === 201)).toHaveLength(3);
    expect(many.filter((r) => r.status === 409)).toHaveLength(5);
    const [row] = await t.sql<{ used: number; stamped: number }>(
      `SELECT a.copies_used AS used, (SELECT sum(copies)::int FROM seal_uses u WHERE u.application_id = a.id) AS stamped
         FROM seal_use_applications a WHERE a.id = $1`,
      [other],
    );
    expect(row).toEqual({ used: 3, stamped: 3 });
    expect((await t.sql('SELECT count(*)::int AS n FROM seal_uses WHERE application_id = $1', [id]))[0].n).toBe(1);
  });

  it('ADM-5 a department seal goes to the department head; the seal-use register (用印登记簿) exports to Excel', async () => {
    const seal = await createSeal({ name: unique('教务处章'), sealType: 'department', departmentId: school.departmentId });
    const application = await applied(seal.id, 1);
    const request = (await t.http.get(`/api/v1/approvals/requests/${application.approvalRequestId}`).set(as(school.head)).expect(200)).body;
    expect(request.steps.map((s: { name: string }) => s.name)).toEqual(['部门负责人审核']);
    await t.http
      .post(`/api/v1/approvals/requests/${application.approvalRequestId}/approve`)
      .set(as(school.head))
      .send({ comment: '同意' })
      .expect(200);
    await eventually(async () => {
      const body = (await t.http.get(`/api/v1/administration/seal-uses/applications/${application.id}`).set(as(custodian)).expect(200))
        .body;
      return body.status === 'approved';
    });
    await registerUse(application.id, 1).expect(201);

    const res = await t.http
      .get('/api/v1/administration/seal-uses')
      .query({ format: 'xlsx', sealId: seal.id })
      .set(as(custodian))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('用印登记簿');
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    expect(rows[0]).toEqual(expect.arrayContaining(['用印时间', '印章', '印章类型', '用印文件', '份数', '经办人', '监印人']));
    const data = rows.filter((r) => r.includes(application.documentTitle));
    expect(data).toHaveLength(1);
    expect(data[0]).toEqual(expect.arrayContaining(['部门章', '1']));
    // The register is the keepers'.
    await t.http.get('/api/v1/administration/seal-uses').set(as(school.colleague)).expect(403);
  });

  it('ADM-6 a lost seal is suspended at once, the leaders are notified, and it cannot be applied for nor used', async () => {
    const seal = await createSeal({ name: unique('合同专用章'), sealType: 'contract' });
    // Approved before the loss: the approval is of no use afterwards.
    const application = await applied(seal.id, 1);
    for (const approver of [school.head, school.leaders[0]]) {
      await eventually(async () => {
        const res = await t.http
          .post(`/api/v1/approvals/requests/${application.approvalRequestId}/approve`)
          .set(as(approver))
          .send({ comment: '同意' });
        return res.status === 200;
      });
    }
    await eventually(async () => {
      const body = (await t.http.get(`/api/v1/administration/seal-uses/applications/${application.id}`).set(as(custodian)).expect(200))
        .body;
      return body.status === 'approved';
    });

    const period = schoolDateOf(new Date()).slice(0, 7);
    const opened = (await t.http.post('/api/v1/administration/seal-inspections/open').set(as(custodian)).send({ period }).expect(200)).body;
    expect(opened.opened).toBeGreaterThanOrEqual(1);
    // Idempotent: the month's inspections are opened once.
    expect(
      (await t.http.post('/api/v1/administration/seal-inspections/open').set(as(custodian)).send({ period }).expect(200)).body.opened,
    ).toBe(0);
    const mine = (
      await t.http.get('/api/v1/administration/seal-inspections').query({ period, pageSize: 100 }).set(as(custodian)).expect(200)
    ).body;
    const inspection = mine.items.find((i: { seal: { id: string } }) => i.seal.id === seal.id);
    expect(inspection).toMatchObject({ status: 'open', custodian: { id: custodian.id } });
    const photo = await upload(custodian, '检查照片.pdf');
    const recorded = (
      await t.http
        .post(`/api/v1/administration/seal-inspections/${inspection.id}/record`)
        .set(as(custodian))
        .send({ result: 'lost', note: '保险柜内未找到该印章', photoIds: [photo.id] })
        .expect(200)
    ).body;
    expect(recorded).toMatchObject({ status: 'done', result: 'lost' });
    expect(recorded.photos).toHaveLength(1);

    const after = (await t.http.get(`/api/v1/administration/seals/${seal.id}`).set(as(school.colleague)).expect(200)).body;
    expect(after.status).toBe('lost');
    const told = await t.sql<{ recipient_id: string }>(
      `SELECT DISTINCT recipient_id FROM notification_deliveries WHERE kind = 'administration.seal.lost' AND link = $1`,
      [`/administration/seals/${seal.id}`],
    );
    expect(told.map((r) => r.recipient_id)).toContain(school.leaders[0].id);

    const refused = await apply(seal.id, 1);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SEAL_NOT_IN_USE');
    expect((await registerUse(application.id, 1).expect(409)).body.code).toBe('SEAL_NOT_IN_USE');
    await t.http
      .post(`/api/v1/administration/seal-inspections/${inspection.id}/record`)
      .set(as(custodian))
      .send({ result: 'normal' })
      .expect(409);
  });
});
