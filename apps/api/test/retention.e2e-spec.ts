import { RETENTION_ERRORS } from '@xiaoban/shared';
import ExcelJS from 'exceljs';
import { FilingService } from '../src/modules/documents/filing/filing.service';
import { binary, samplePdf } from './factories/files.factory';
import { completeIncoming, registerIncoming } from './factories/documents.factory';
import { loginAsAdmin } from './factories/org.factory';
import { createSmallSchool, createStaff, eventually, type SmallSchool } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Token = { token: string };

describe('retention: destruction lists (销毁清册) and destruction records', () => {
  let t: TestApp;
  let adminToken: string;
  let school: SmallSchool;
  let clerk: Token & { id: string };
  let director: Token & { id: string };
  let witnesses: (Token & { id: string })[];
  const as = (user: Token) => ({ authorization: `Bearer ${user.token}` });
  const docs: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    school = await createSmallSchool(t, adminToken, 1);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '收发员' });
    director = await createStaff(t, adminToken, { roles: ['office-director'], name: '办公室主任' });
    witnesses = [
      await createStaff(t, adminToken, { roles: ['staff'], name: '监销人甲' }),
      await createStaff(t, adminToken, { roles: ['staff'], name: '监销人乙' }),
    ];
    const finished = async (key: string, body: Record<string, unknown>) => {
      docs[key] = await registerIncoming(t, clerk, body);
      await completeIncoming(t, clerk, school, docs[key]);
    };
    const scan = await t.http
      .post('/api/v1/files')
      .set(as(clerk))
      .attach('file', await samplePdf('scan'), '扫描件.pdf')
      .expect(201);
    // 定期10年 of 2012: expired on 2023-01-01; with a scanned attachment.
    await finished('expired10', {
      title: '关于2012年春季运动会的通知',
      writtenOn: '2012-03-01',
      receivedOn: '2012-03-05',
      retention: '10-years',
      attachmentIds: [scan.body.id],
    });
    // 定期30年 of 1990: expired on 2021-01-01.
    await finished('expired30', {
      title: '关于1990年校舍维修的报告',
      docType: 'report',
      writtenOn: '1990-05-01',
      receivedOn: '1990-05-03',
      retention: '30-years',
    });
    // 永久: never expires.
    await finished('permanent', {
      title: '关于学校更名的决定',
      docType: 'decision',
      writtenOn: '1995-01-01',
      receivedOn: '1995-01-02',
      retention: 'permanent',
    });
    // Expired, but filed to the archive.
    await finished('filed', {
      title: '关于2011年招生工作的通知',
      writtenOn: '2011-04-01',
      receivedOn: '2011-04-02',
      retention: '10-years',
    });
    await t.http.post(`/api/v1/documents/filing/incoming-document/${docs.filed}/ready`).set(as(clerk)).expect(204);
    await t.app.get(FilingService).markFiled('incoming-document', docs.filed, 'Z001-WS·2011-D10-BGS-0001');
    // 定期10年, but recent: not yet expired.
    await finished('recent', { title: '关于本学期课后服务的通知', retention: '10-years' });
    // Expired but still being handled: not finished, so not proposed.
    docs.unfinished = await registerIncoming(t, clerk, {
      title: '关于2010年旧档案清理的函',
      docType: 'letter',
      writtenOn: '2010-01-01',
      receivedOn: '2010-01-02',
    });
  });
  afterAll(() => t.close());

  const propose = (body: object = {}) => t.http.post('/api/v1/retention/destruction-lists').set(as(director)).send(body);
  const list = (id: string, user: Token = director) =>
    t.http
      .get(`/api/v1/retention/destruction-lists/${id}`)
      .set(as(user))
      .expect(200)
      .then((r) => r.body);
  const post = (user: Token, id: string, action: string, body: object = {}) =>
    t.http.post(`/api/v1/retention/destruction-lists/${id}/${action}`).set(as(user)).send(body);

  it('DOC-10 proposes only finished documents past their retention, never 永久 or filed ones; completes only with approval and two confirmed witnesses', async () => {
    // A clerk without the permission cannot propose.
    await t.http.post('/api/v1/retention/destruction-lists').set(as(school.colleague)).send({}).expect(403);

    const proposed = (await propose({ title: '2026年到期收文销毁清册' }).expect(201)).body;
    expect(proposed.status).toBe('draft');
    const byRecord = new Map(proposed.items.map((i: { recordId: string }) => [i.recordId, i]));
    expect([...byRecord.keys()].sort()).toEqual([docs.expired10, docs.expired30].sort());
    expect(byRecord.get(docs.expired10)).toMatchObject({
      kindLabel: '收文',
      retention: '定期10年',
      dueOn: '2023-01-01',
      title: '关于2012年春季运动会的通知',
    });
    expect(byRecord.get(docs.expired30)).toMatchObject({ retention: '定期30年', dueOn: '2021-01-01' });

    // The office takes the 30-year report off the list (it is kept for now).
    const item30 = proposed.items.find((i: { recordId: string }) => i.recordId === docs.expired30);
    const edited = (
      await t.http
        .patch(`/api/v1/retention/destruction-lists/${proposed.id}`)
        .set(as(director))
        .send({ removeItemIds: [item30.id], version: proposed.version })
        .expect(200)
    ).body;
    expect(edited.items.map((i: { recordId: string }) => i.recordId)).toEqual([docs.expired10]);

    // Without approval: refused.
    const refusedDraft = await post(director, proposed.id, 'complete', { version: edited.version }).expect(409);
    expect(refusedDraft.body.code).toBe(RETENTION_ERRORS.NOT_APPROVED);

    // The record before approval: one witness only for now.
    let current = (
      await post(director, proposed.id, 'record', {
        method: 'shred',
        destroyedOn: '2026-09-10',
        location: '办公室保密粉碎间',
        witnessIds: [witnesses[0].id],
        version: edited.version,
      }).expect(200)
    ).body;
    current = (await post(director, proposed.id, 'submit', { version: current.version }).expect(200)).body;
    expect(current.status).toBe('pending');
    expect(current.approvalRequestId).toBeTruthy();
    const pendingRefusal = await post(director, proposed.id, 'complete', { version: current.version }).expect(409);
    expect(pendingRefusal.body.code).toBe(RETENTION_ERRORS.NOT_APPROVED);
    // A witness cannot confirm before approval.
    await post(witnesses[0], proposed.id, 'witness').expect(409);

    const request = (await t.http.get(`/api/v1/approvals/requests/${current.approvalRequestId}`).set(as(school.leaders[0])).expect(200))
      .body;
    expect(request.kind).toBe('destruction-list');
    await t.http
      .post(`/api/v1/approvals/requests/${current.approvalRequestId}/approve`)
      .set(as(school.leaders[0]))
      .send({ comment: '同意销毁' })
      .expect(200);
    current = await eventually(async () => {
      const body = await list(proposed.id);
      return body.status === 'approved' && body;
    });
    expect(current.decisionComment).toBe('同意销毁');

    // One confirmed witness is not enough.
    const confirmed = (await post(witnesses[0], proposed.id, 'witness').expect(200)).body;
    expect(confirmed.witnesses[0].confirmedAt).toBeTruthy();
    await post(witnesses[0], proposed.id, 'witness').expect(409);
    const oneWitness = await post(director, proposed.id, 'complete', { version: confirmed.version }).expect(409);
    expect(oneWitness.body.code).toBe(RETENTION_ERRORS.TOO_FEW_WITNESSES);

    // Someone neither managing nor witnessing does not see the list; a manager is no witness.
    await t.http.get(`/api/v1/retention/destruction-lists/${proposed.id}`).set(as(school.colleague)).expect(404);
    await post(school.colleague, proposed.id, 'witness').expect(404);
    expect((await post(director, proposed.id, 'witness').expect(403)).body.code).toBe(RETENTION_ERRORS.NOT_A_WITNESS);

    // Two witnesses, each confirming with their own sign-in (recording again starts the confirmations afresh).
    current = (
      await post(director, proposed.id, 'record', {
        method: 'shred',
        destroyedOn: '2026-09-10',
        location: '办公室保密粉碎间',
        witnessIds: [witnesses[0].id, witnesses[1].id],
        version: confirmed.version,
      }).expect(200)
    ).body;
    expect(current.witnesses.every((w: { confirmedAt: string | null }) => w.confirmedAt === null)).toBe(true);
    const inbox = (await t.http.get('/api/v1/inbox').set(as(witnesses[1])).expect(200)).body;
    expect(inbox.items.some((i: { sourceId: string }) => i.sourceId === proposed.id)).toBe(true);
    await post(witnesses[0], proposed.id, 'witness').expect(200);
    current = (await post(witnesses[1], proposed.id, 'witness').expect(200)).body;
    const done = (await post(director, proposed.id, 'complete', { version: current.version }).expect(200)).body;
    expect(done).toMatchObject({ status: 'completed', method: 'shred', itemCount: 1 });
    expect(done.completedBy.id).toBe(director.id);

    // The record stays with its metadata, marked destroyed with the list's link; its scans are purged.
    const destroyed = (await t.http.get(`/api/v1/documents/incoming/${docs.expired10}`).set(as(clerk)).expect(200)).body;
    expect(destroyed).toMatchObject({ title: '关于2012年春季运动会的通知', destructionListId: proposed.id, allowedActions: [] });
    expect(destroyed.destroyedAt).toBeTruthy();
    expect(destroyed.attachments).toEqual([]);
    const [row] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM incoming_documents WHERE id = $1', [docs.expired10]);
    expect(row.n).toBe(1);

    // Audited, every step.
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id`, [proposed.id]);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'retention.destruction.propose',
        'retention.destruction.edit',
        'retention.destruction.record',
        'retention.destruction.submit',
        'retention.destruction.decided',
        'retention.destruction.witness',
        'retention.destruction.complete',
      ]),
    );

    // The next proposal: the destroyed record is gone, the one taken off comes back.
    const next = (await propose().expect(201)).body;
    expect(next.items.map((i: { recordId: string }) => i.recordId)).toEqual([docs.expired30]);
    // …and nothing is left to propose while that list is live.
    expect((await propose().expect(409)).body.code).toBe(RETENTION_ERRORS.NOTHING_EXPIRED);
  });

  it('DOC-10 the destruction list exports to Excel with its records', async () => {
    const lists = (await t.http.get('/api/v1/retention/destruction-lists').set(as(director)).expect(200)).body;
    const completed = lists.items.find((l: { status: string }) => l.status === 'completed');
    const res = await t.http
      .get(`/api/v1/retention/destruction-lists/${completed.id}/items`)
      .query({ format: 'xlsx' })
      .set(as(director))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: string[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows.flat()).toEqual(expect.arrayContaining(['题名', '关于2012年春季运动会的通知', '定期10年', '2023-01-01']));
  });

  it('DOC-10 proposals made at the same moment put each expired record on one list only', async () => {
    const fresh: string[] = [];
    for (const year of [2013, 2014]) {
      const id = await registerIncoming(t, clerk, {
        title: `关于${year}年教师节表彰的通知`,
        writtenOn: `${year}-09-01`,
        receivedOn: `${year}-09-02`,
      });
      await completeIncoming(t, clerk, school, id);
      fresh.push(id);
    }
    const answers = await Promise.all(Array.from({ length: 5 }, () => propose()));
    const created = answers.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409).every((r) => r.body.code === RETENTION_ERRORS.NOTHING_EXPIRED)).toBe(true);
    expect(created[0].body.items.map((i: { recordId: string }) => i.recordId).sort()).toEqual(fresh.sort());
  });

  /** An outgoing document (发文) at `status`, inserted directly: its flow is tested in documents-outgoing.e2e-spec.ts. */
  async function outgoing(status: string, title: string, writtenOn: string, retention = '10-years'): Promise<string> {
    const [doc] = await t.sql<{ id: string }>(
      `INSERT INTO outgoing_documents (status, doc_type, direction, title, retention, drafter_id, written_on, main_recipients, signoff_round)
       VALUES ($1, 'notice', 'downward', $2, $3, $4, $5, '{各处室}', 1) RETURNING id`,
      [status, title, retention, clerk.id, writtenOn],
    );
    return doc.id;
  }

  it('DOC-10 an expired finished outgoing document is destroyed through an approved list with two witnesses; its metadata stays and it moves no more', async () => {
    const expired = await outgoing('ready-to-file', '关于2012年秋季运动会的通知', '2012-09-01');
    const unfinished = await outgoing('distributed', '关于2011年寒假安排的通知', '2011-01-05');
    const permanent = await outgoing('ready-to-file', '关于学校章程的决定', '1995-01-01', 'permanent');
    const filed = await outgoing('ready-to-file', '关于2011年招生工作的报告', '2011-04-01');
    await t.sql(`UPDATE outgoing_documents SET filed_at = now(), archive_ref = 'Z001-WS·2011-D10-BGS-0002' WHERE id = $1`, [filed]);
    // Its 正文 file and a distribution the recipient has not confirmed yet.
    const body = await t.http
      .post('/api/v1/files')
      .set(as(clerk))
      .attach('file', await samplePdf('body'), '正文.pdf')
      .expect(201);
    await t.sql(`UPDATE files SET owner_type = 'outgoing-document', owner_id = $1 WHERE id = $2`, [expired, body.body.id]);
    await t.sql(`UPDATE outgoing_documents SET body_file_id = $2 WHERE id = $1`, [expired, body.body.id]);
    const [sent] = await t.sql<{ id: string }>(
      `INSERT INTO outgoing_document_distributions (document_id, kind, org_name, method, distributed_at, distributed_by)
       VALUES ($1, 'main', '区教育局', 'paper', now(), $2) RETURNING id`,
      [expired, clerk.id],
    );
    const before = (await t.http.get(`/api/v1/documents/outgoing/${expired}`).set(as(clerk)).expect(200)).body;
    expect(before.bodyFile).toMatchObject({ id: body.body.id });
    expect(before.personalActions).toEqual(['confirm-distribution']);

    // Only the finished (待归档) document past its retention is proposed.
    const proposed = (await propose({ title: '2026年到期发文销毁清册' }).expect(201)).body;
    expect(proposed.items.map((i: { recordId: string }) => i.recordId)).toEqual([expired]);
    expect(proposed.items[0]).toMatchObject({ kindLabel: '发文', retention: '定期10年', dueOn: '2023-01-01' });
    expect([unfinished, permanent, filed]).not.toContain(proposed.items[0].recordId);

    let current = (
      await post(director, proposed.id, 'record', {
        method: 'shred',
        destroyedOn: '2026-09-12',
        location: '办公室保密粉碎间',
        witnessIds: witnesses.map((w) => w.id),
        version: proposed.version,
      }).expect(200)
    ).body;
    current = (await post(director, proposed.id, 'submit', { version: current.version }).expect(200)).body;
    await t.http
      .post(`/api/v1/approvals/requests/${current.approvalRequestId}/approve`)
      .set(as(school.leaders[0]))
      .send({ comment: '同意销毁' })
      .expect(200);
    await eventually(async () => (await list(proposed.id)).status === 'approved');
    await post(witnesses[0], proposed.id, 'witness').expect(200);
    current = (await post(witnesses[1], proposed.id, 'witness').expect(200)).body;
    expect((await post(director, proposed.id, 'complete', { version: current.version }).expect(200)).body).toMatchObject({
      status: 'completed',
      itemCount: 1,
    });

    // Kept with its metadata, marked and linked to the list; its files went with the paper; no buttons.
    const destroyed = (await t.http.get(`/api/v1/documents/outgoing/${expired}`).set(as(clerk)).expect(200)).body;
    expect(destroyed).toMatchObject({
      title: '关于2012年秋季运动会的通知',
      writtenOn: '2012-09-01',
      destructionListId: proposed.id,
      allowedActions: [],
      personalActions: [],
      bodyFile: null,
      attachments: [],
    });
    expect(destroyed.destroyedAt).toBeTruthy();
    const [row] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM outgoing_documents WHERE id = $1', [expired]);
    expect(row.n).toBe(1);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1`, [expired]);
    expect(audit.map((a) => a.action)).toContain('document.outgoing.destroyed');

    // Every further move is refused.
    const moves = [
      t.http.post(`/api/v1/documents/outgoing/${expired}/distributions/${sent.id}/confirm`).set(as(clerk)).send({ receiptName: '李明' }),
      t.http.patch(`/api/v1/documents/outgoing/${expired}`).set(as(clerk)).send({ remark: '补记', version: destroyed.version }),
      t.http.post(`/api/v1/documents/outgoing/${expired}/file`).set(as(clerk)).send({}),
      t.http.post(`/api/v1/documents/filing/outgoing-document/${expired}/ready`).set(as(clerk)),
    ];
    for (const res of await Promise.all(moves)) expect(res.status).toBe(409);
    // …and it is never proposed again.
    expect((await propose().expect(409)).body.code).toBe(RETENTION_ERRORS.NOTHING_EXPIRED);
  });
});
