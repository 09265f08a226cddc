import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { addDays, schoolDateOf } from '@xiaoban/shared';
import { LendingService } from '../src/modules/administration/lending/lending.service';
import { binary, extractPdfText, samplePdf } from './factories/files.factory';
import { loginAsAdmin, unique } from './factories/org.factory';
import { createSmallSchool, createStaff, eventually, type SmallSchool } from './factories/school.factory';
import { recordConfidentialityTraining } from './factories/training.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };
type Loan = { id: string; status: string; approvalRequestId: string; overdue: boolean; actions: string[]; lentAt: string | null };

/** A 400×300 picture of a seal impression-like red disc on white: enough pixels to see a watermark on. */
async function samplePng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#ffffff"/>
    <circle cx="200" cy="150" r="100" fill="none" stroke="#c00000" stroke-width="8"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('administration: classified lending (涉密载体外借, ADM-10)', () => {
  let t: TestApp;
  let adminToken: string;
  let school: SmallSchool;
  let clerk: Person;
  let leader: Person;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const today = () => schoolDateOf(new Date());

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    school = await createSmallSchool(t, adminToken, 1);
    leader = school.leaders[0];
    // The office's 保密员: cleared, registers classified documents and loans, keeps the training records.
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '孙保密', clearance: 'top-secret' });
  });
  afterAll(() => t.close());

  const borrowerWith = (fields: Record<string, unknown> = {}) =>
    createStaff(t, adminToken, { roles: ['staff'], name: unique('借阅人'), clearance: 'confidential', ...fields });

  async function upload(bytes: Buffer, name: string): Promise<{ id: string; bytes: Buffer }> {
    const res = await t.http.post('/api/v1/files').set(as(clerk)).attach('file', bytes, name).expect(201);
    return { id: res.body.id as string, bytes };
  }

  /** A 机密 incoming document with a PDF and a PNG attached; answers its id and the files. */
  async function classifiedDocument() {
    const pdf = await upload(await samplePdf('Plan for the entrance examination'), '招生考试工作方案.pdf');
    const png = await upload(await samplePng(), '考场平面图.png');
    const res = await t.http
      .post('/api/v1/documents/incoming')
      .set(as(clerk))
      .send({
        title: unique('关于2026年中考命题工作的通知'),
        sourceOrg: '市教育局',
        docType: 'notice',
        senderNumber: '市教〔2026〕31号',
        secrecy: 'confidential',
        secrecyPeriod: '10年',
        copyNumber: '000007',
        attachmentIds: [pdf.id, png.id],
      })
      .expect(201);
    return { id: res.body.id as string, pdf, png };
  }

  const apply = (itemId: string, borrowerId: string, dueOn = addDays(today(), 14), user: { token: string } = clerk) =>
    t.http
      .post('/api/v1/administration/lending/loans')
      .set(as(user))
      .send({ itemKind: 'incoming-document', itemId, borrowerId, purpose: '起草学校保密工作自查报告需查阅原文', dueOn });

  const loanOf = async (id: string): Promise<Loan> =>
    (await t.http.get(`/api/v1/administration/lending/loans/${id}`).set(as(clerk)).expect(200)).body;

  /** Has the leader decide, and waits for the outcome to reach the loan. */
  async function decide(loan: Loan, decision: 'approve' | 'reject'): Promise<Loan> {
    await t.http
      .post(`/api/v1/approvals/requests/${loan.approvalRequestId}/${decision}`)
      .set(as(leader))
      .send(decision === 'approve' ? { comment: '同意借阅' } : { reason: '不同意：借阅事由不充分' })
      .expect(200);
    const expected = decision === 'approve' ? 'on-loan' : 'rejected';
    return eventually(
      async () => {
        const now = await loanOf(loan.id);
        return now.status === expected ? now : undefined;
      },
      20_000,
      'the decision to reach the loan',
    );
  }

  async function trainedBorrower(): Promise<Person> {
    const borrower = await borrowerWith();
    await recordConfidentialityTraining(t, clerk, [borrower.id]);
    return borrower;
  }

  async function lent(): Promise<{ doc: Awaited<ReturnType<typeof classifiedDocument>>; borrower: Person; loan: Loan }> {
    const doc = await classifiedDocument();
    const borrower = await trainedBorrower();
    const applied = (await apply(doc.id, borrower.id).expect(201)).body as Loan;
    return { doc, borrower, loan: await decide(applied, 'approve') };
  }

  it('ADM-10 a loan without approval is refused: the item stays 404 to the borrower while pending and after a rejection', async () => {
    const doc = await classifiedDocument();
    const borrower = await trainedBorrower();
    // A borrower cannot lend themself anything: the office registers the application.
    await apply(doc.id, borrower.id, undefined, borrower).expect(403);
    const applied = (await apply(doc.id, borrower.id).expect(201)).body as Loan;
    expect(applied).toMatchObject({ status: 'pending', borrower: { id: borrower.id }, itemSecrecy: 'confidential', actions: [] });
    const request = (await t.http.get(`/api/v1/approvals/requests/${applied.approvalRequestId}`).set(as(leader)).expect(200)).body;
    expect(request).toMatchObject({ kind: 'classified-lending', status: 'pending' });

    const borrowerSees = async () => [
      (await t.http.get(`/api/v1/documents/incoming/${doc.id}`).set(as(borrower))).status,
      (await t.http.get(`/api/v1/files/${doc.pdf.id}`).set(as(borrower))).status,
    ];
    expect(await borrowerSees()).toEqual([404, 404]);
    // The borrower sees their application, though, and cannot return what was never lent.
    await t.http.get(`/api/v1/administration/lending/loans/${applied.id}`).set(as(borrower)).expect(200);
    const early = await t.http.post(`/api/v1/administration/lending/loans/${applied.id}/return`).set(as(clerk)).send({}).expect(409);
    expect(early.body.code).toBe('LOAN_NOT_ON_LOAN');

    const rejected = await decide(applied, 'reject');
    expect(rejected).toMatchObject({ status: 'rejected', lentAt: null });
    expect(await borrowerSees()).toEqual([404, 404]);
    const [grants] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM access_grants WHERE object_id = $1 AND user_id = $2', [
      doc.id,
      borrower.id,
    ]);
    expect(grants.n).toBe(0);

    // Clearance is checked too: a 机密 item is not lent to a person cleared for 秘密 only.
    const lowClearance = await borrowerWith({ clearance: 'secret' });
    await recordConfidentialityTraining(t, clerk, [lowClearance.id]);
    expect((await apply(doc.id, lowClearance.id).expect(422)).body.code).toBe('LOAN_ABOVE_CLEARANCE');
  });

  it('ADM-10 a loan without this quarter’s confidentiality training is refused', async () => {
    const doc = await classifiedDocument();
    const borrower = await borrowerWith();
    const [before] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM classified_loans');
    const refused = await apply(doc.id, borrower.id).expect(422);
    expect(refused.body).toMatchObject({ code: 'LOAN_TRAINING_REQUIRED', errors: { borrowerId: [expect.any(String)] } });

    // A session they missed does not count either.
    const { sessionId } = await recordConfidentialityTraining(t, clerk, []);
    await t.http
      .put(`/api/v1/assessment/training/sessions/${sessionId}/attendance`)
      .set(as(clerk))
      .send({ entries: [{ userId: borrower.id, attended: false, remarks: '外出开会' }] })
      .expect(200);
    expect((await apply(doc.id, borrower.id).expect(422)).body.code).toBe('LOAN_TRAINING_REQUIRED');
    expect(await t.sql('SELECT count(*)::int AS n FROM classified_loans')).toEqual([before]);
    const audited = await t.sql(
      `SELECT 1 FROM audit_log WHERE action = 'administration.lending.refused' AND object_id = $1 AND diff->'details'->>'reason' = 'training'`,
      [doc.id],
    );
    expect(audited.length).toBe(2);

    // Once they attend, the same application goes through.
    await recordConfidentialityTraining(t, clerk, [borrower.id]);
    expect((await apply(doc.id, borrower.id).expect(201)).body.status).toBe('pending');
  });

  it('ADM-10 the text extracted from the watermarked PDF names the borrower', async () => {
    const { doc, borrower, loan } = await lent();
    expect(loan.lentAt).toEqual(expect.any(String));
    const seen = (await t.http.get(`/api/v1/documents/incoming/${doc.id}`).set(as(borrower)).expect(200)).body;
    expect(seen.attachments.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([doc.pdf.id, doc.png.id]));
    const res = await t.http.get(`/api/v1/files/${doc.pdf.id}`).set(as(borrower)).buffer(true).parse(binary).expect(200);
    expect(res.headers['x-watermarked']).toBe('true');
    const text = await extractPdfText(res.body);
    expect(text).toContain('Plan for the entrance examination');
    expect(text).toContain(borrower.name);
    expect(text).toContain(today());
    // The grant ends with the due date, and says why it exists.
    const [grant] = await t.sql<{ reason: string; expires_at: Date }>(
      'SELECT reason, expires_at FROM access_grants WHERE object_id = $1 AND user_id = $2',
      [doc.id, borrower.id],
    );
    expect(grant.reason).toBe('loan');
    expect(schoolDateOf(new Date(grant.expires_at.getTime() - 1))).toBe(addDays(today(), 14));
  });

  it('ADM-10 an image’s watermark band differs from the original', async () => {
    const { doc, borrower } = await lent();
    const res = await t.http.get(`/api/v1/files/${doc.png.id}`).set(as(borrower)).buffer(true).parse(binary).expect(200);
    expect(res.headers['x-watermarked']).toBe('true');
    const pixels = async (bytes: Buffer) => sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const original = await pixels(doc.png.bytes);
    const marked = await pixels(res.body);
    expect([marked.info.width, marked.info.height]).toEqual([original.info.width, original.info.height]);
    // The middle band of the picture, where a photographed copy would be cropped last.
    const rowBytes = original.info.width * original.info.channels;
    const band = (data: Buffer) =>
      data.subarray(Math.floor(original.info.height / 3) * rowBytes, Math.floor((2 * original.info.height) / 3) * rowBytes);
    const a = band(original.data);
    const b = band(marked.data);
    let changed = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed++;
    expect(changed / a.length).toBeGreaterThan(0.005);
  });

  it('ADM-10 an overdue loan raises an alert once a day, and the return ends access; the register exports', async () => {
    const { doc, borrower, loan } = await lent();
    const lending = t.app.get(LendingService);
    const due = addDays(today(), 14);
    // Nothing is overdue on the due date itself.
    await lending.sendOverdueAlerts(due);
    expect(await t.sql(`SELECT 1 FROM inbox_items WHERE source_id = $1`, [loan.id])).toEqual([]);
    const late = addDays(due, 1);
    expect((await lending.sendOverdueAlerts(late)).alerted).toBeGreaterThanOrEqual(1);
    expect((await lending.sendOverdueAlerts(late)).alerted).toBe(0);
    const notified = await eventually(
      async () => {
        const rows = await t.sql<{ recipient_id: string }>(
          `SELECT DISTINCT recipient_id FROM notification_deliveries WHERE kind = 'administration.lending.overdue' AND recipient_id = ANY($1)`,
          [[borrower.id, clerk.id]],
        );
        return rows.length === 2 ? rows : undefined;
      },
      20_000,
      'the overdue notifications',
    );
    expect(notified).toHaveLength(2);
    const inbox = await t.sql<{ assignee_id: string; status: string }>(
      `SELECT assignee_id, status FROM inbox_items WHERE source_type = 'classified-loan' AND source_id = $1 ORDER BY assignee_id`,
      [loan.id],
    );
    expect(inbox.map((i) => i.status)).toEqual(['open', 'open']);
    expect(inbox.map((i) => i.assignee_id).sort()).toEqual([borrower.id, clerk.id].sort());
    // A day later it alerts again.
    expect((await lending.sendOverdueAlerts(addDays(late, 1))).alerted).toBeGreaterThanOrEqual(1);

    // The register shows the loan; its export has the row.
    const exported = await t.http
      .get('/api/v1/administration/lending/loans')
      .query({ format: 'xlsx', borrowerId: borrower.id })
      .set(as(clerk))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('涉密载体借阅登记簿');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining([borrower.name, due, '机密', '借出中']));

    // The return: recorded, the grant revoked, the item 404 again, the alerts closed.
    expect((await loanOf(loan.id)).actions).toEqual(['return']);
    const returned = (
      await t.http
        .post(`/api/v1/administration/lending/loans/${loan.id}/return`)
        .set(as(clerk))
        .send({ note: '原件完好，无复制' })
        .expect(201)
    ).body;
    expect(returned).toMatchObject({ status: 'returned', returnedTo: { id: clerk.id }, returnNote: '原件完好，无复制', actions: [] });
    await t.http.get(`/api/v1/documents/incoming/${doc.id}`).set(as(borrower)).expect(404);
    await t.http.get(`/api/v1/files/${doc.pdf.id}`).set(as(borrower)).expect(404);
    expect(await t.sql('SELECT 1 FROM access_grants WHERE object_id = $1 AND user_id = $2', [doc.id, borrower.id])).toEqual([]);
    const closed = await t.sql<{ status: string }>(`SELECT status FROM inbox_items WHERE source_id = $1`, [loan.id]);
    expect(closed.every((i) => i.status !== 'open')).toBe(true);
    await t.http.post(`/api/v1/administration/lending/loans/${loan.id}/return`).set(as(clerk)).send({}).expect(409);
    // The borrower's own register lists it; a stranger's does not.
    const own = (await t.http.get('/api/v1/administration/lending/loans').set(as(borrower)).expect(200)).body;
    expect(own.items.map((l: Loan) => l.id)).toEqual([loan.id]);
    const stranger = await borrowerWith();
    expect((await t.http.get('/api/v1/administration/lending/loans').set(as(stranger)).expect(200)).body.total).toBe(0);
    await t.http.get(`/api/v1/administration/lending/loans/${loan.id}`).set(as(stranger)).expect(404);
  });
});
