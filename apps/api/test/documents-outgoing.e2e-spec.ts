import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { GBT9704_RULES, OUTGOING_ACTIONS, OUTGOING_SYSTEM_ACTIONS, schoolDateOf, type OutgoingAction } from '@xiaoban/shared';
import { binary, samplePdf } from './factories/files.factory';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createSmallSchool, createStaff, eventually, type SmallSchool } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };
type Doc = { id: string; status: string; version: number; signoffRequestId: string | null; number: string | null; [key: string]: unknown };

describe('documents: outgoing (发文)', () => {
  let t: TestApp;
  let adminToken: string;
  let school: SmallSchool;
  let clerk: Person;
  let uncleared: Person;
  let otherDepartment: { id: string; head: Person };
  let prefix: { id: string; code: string };
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const admin = () => ({ token: adminToken });
  const year = () => Number(schoolDateOf(new Date(), t.config.schoolTimeZone).slice(0, 4));

  /** A person with seeded roles and any other account fields (clearance, department …). */
  const person = (roles: string[], fields: Record<string, unknown> = {}): Promise<Person> =>
    createStaff(t, adminToken, { roles, ...fields });

  /** A draft that passes every lint rule before 签发. */
  const draftBody = (extra: Record<string, unknown> = {}) => ({
    docType: 'notice',
    direction: 'downward',
    title: '关于做好2026年寒假安全工作的通知',
    body: '各处室、各年级组：\n为确保师生度过一个平安的寒假，现就有关事项通知如下……',
    mainRecipients: ['各处室', '各年级组'],
    ccRecipients: ['区教育局'],
    issuerMark: '某某市第一中学文件',
    printingOrg: '某某市第一中学办公室',
    ...extra,
  });
  const draft = (user: { token: string }, extra: Record<string, unknown> = {}) =>
    t.http.post('/api/v1/documents/outgoing').set(as(user)).send(draftBody(extra));
  const act = (user: { token: string }, id: string, action: string, body: object = {}) =>
    t.http.post(`/api/v1/documents/outgoing/${id}/${action}`).set(as(user)).send(body);
  const get = async (user: { token: string }, id: string): Promise<Doc> =>
    (await t.http.get(`/api/v1/documents/outgoing/${id}`).set(as(user)).expect(200)).body;

  const registration = () => ({
    prefixId: prefix.id,
    distribution: [
      { kind: 'main', departmentId: school.departmentId, copies: 2 },
      { kind: 'main', departmentId: otherDepartment.id },
      { kind: 'cc', orgName: '区教育局' },
    ],
  });

  /** A valid body for each button action, so that only the flow can refuse it. */
  const bodyOf = (action: OutgoingAction): object =>
    ({
      submit: {},
      check: {},
      return: { reason: '请补充主送机关' },
      'request-countersign': { countersigners: [{ userId: school.head.id }] },
      countersign: { agree: true },
      'request-signoff': {},
      review: {},
      register: registration(),
      print: {},
      proofread: {},
      seal: {},
      distribute: {},
      file: {},
    })[action as string] ?? {};

  /** The leader approves the open 签发 request; the document is signed once the outcome job ran. */
  async function signOff(id: string, comment = '同意印发。'): Promise<Doc> {
    const doc = await get(clerk, id);
    expect(doc.status).toBe('signing');
    await t.http
      .post(`/api/v1/approvals/requests/${doc.signoffRequestId}/approve`)
      .set(as(school.leaders[0]))
      .send({ comment })
      .expect(200);
    return eventually(async () => {
      const now = await get(clerk, id);
      return now.status === 'signed' && now;
    });
  }

  /** Takes a fresh draft through the legal moves until it is signed off. */
  async function signedDocument(extra: Record<string, unknown> = {}): Promise<Doc> {
    const doc = (await draft(school.applicant, extra).expect(201)).body as Doc;
    await act(school.applicant, doc.id, 'submit').expect(200);
    await act(clerk, doc.id, 'check').expect(200);
    await act(clerk, doc.id, 'request-signoff').expect(200);
    return signOff(doc.id);
  }

  /** Documents waiting for 登记, inserted directly: the flow before it is tested elsewhere. */
  async function reviewedDocuments(count: number, titlePrefix: string): Promise<string[]> {
    const rows = await t.sql<{ id: string }>(
      `INSERT INTO outgoing_documents (status, doc_type, direction, title, retention, drafter_id, written_on, main_recipients, issuer_mark, signoff_round)
       SELECT 'reviewed', 'notice', 'downward', $3 || g, '10-years', $1, $2::date, '{各处室}', '某某市第一中学文件', 1
         FROM generate_series(1, $4::integer) AS g RETURNING id`,
      [school.applicant.id, schoolDateOf(new Date(), t.config.schoolTimeZone), titlePrefix, count],
    );
    return rows.map((r) => r.id);
  }

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    school = await createSmallSchool(t, adminToken, 1);
    clerk = await person(['office-clerk'], { clearance: 'confidential' });
    uncleared = await person(['office-clerk'], { clearance: 'none' });
    const head = await person(['department-head']);
    const dept = await createDepartment(t, adminToken, { name: unique('总务处'), headId: head.id });
    otherDepartment = { id: dept.id, head };
    prefix = (
      await t.http.post('/api/v1/documents/outgoing/prefixes').set(as(admin())).send({ code: '校办', name: '学校办公室发文' }).expect(201)
    ).body;
  });
  afterAll(() => t.close());

  it('DOC-7 a draft goes 拟稿 → 核稿 → 审核 → 签发 by a leader → 复核 → 登记 (校办〔YYYY〕N号) → 印制 → 校对 → 用印 → 分发 → 归档', async () => {
    const created = (await draft(school.applicant).expect(201)).body;
    expect(created).toMatchObject({
      status: 'draft',
      number: null,
      drafter: { id: school.applicant.id },
      retention: '10-years',
      allowedActions: ['submit'],
      lint: { stage: 'signoff', passes: true },
    });
    const id = created.id as string;
    // The office does not see the draft's buttons until it is submitted; the drafter does not check it.
    await act(school.applicant, id, 'check').expect(403);

    const submitted = (await act(school.applicant, id, 'submit').expect(200)).body;
    expect(submitted.status).toBe('checking');
    // The draft reaches the office in its inbox.
    const officeItems = await t.sql<{ assignee_id: string; title: string }>(
      `SELECT assignee_id, title FROM inbox_items WHERE source_type = 'outgoing-document' AND source_id = $1 AND status = 'open'`,
      [id],
    );
    expect(officeItems.map((i) => i.assignee_id)).toEqual(expect.arrayContaining([clerk.id, uncleared.id]));
    expect(officeItems[0].title).toContain('核稿');

    expect((await act(clerk, id, 'check', { note: '文字已核。' }).expect(200)).body).toMatchObject({
      status: 'office-review',
      allowedActions: ['request-countersign', 'request-signoff', 'return'],
    });
    const signing = (await act(clerk, id, 'request-signoff').expect(200)).body;
    expect(signing.status).toBe('signing');
    const request = (await t.http.get(`/api/v1/approvals/requests/${signing.signoffRequestId}`).set(as(school.leaders[0])).expect(200))
      .body;
    expect(request.kind).toBe('outgoing-signoff');
    // The leader sees what they are asked to sign.
    await get(school.leaders[0], id);

    const signed = await signOff(id, '同意，请办公室印发。');
    const today = schoolDateOf(new Date(), t.config.schoolTimeZone);
    expect(signed).toMatchObject({
      signedBy: { id: school.leaders[0].id },
      signoffOpinion: '同意，请办公室印发。',
      signoffRound: 1,
      writtenOn: today,
      allowedActions: ['review'],
    });

    await act(clerk, id, 'review').expect(200);
    const registered = (await act(clerk, id, 'register', registration()).expect(200)).body;
    expect(registered.number).toMatch(new RegExp(`^校办〔${year()}〕[1-9]\\d*号$`));
    expect(registered).toMatchObject({ status: 'registered', copies: 4, prefix: { id: prefix.id, name: '校办' } });
    expect(registered.distributions).toHaveLength(3);
    expect(registered.distributions.every((d: { distributedAt: string | null }) => d.distributedAt === null)).toBe(true);

    const printed = (await act(clerk, id, 'print').expect(200)).body;
    expect(printed).toMatchObject({
      status: 'printed',
      printedOn: today,
      printingOrg: '某某市第一中学办公室',
      lint: { stage: 'printing', passes: true },
    });
    await act(clerk, id, 'proofread', { note: '校对无误。' }).expect(200);
    await act(clerk, id, 'seal').expect(200);
    const paper = registered.distributions.find((d: { orgName: string | null }) => d.orgName === '区教育局');
    const before = Date.now();
    const distributed = (await act(clerk, id, 'distribute', { methods: [{ distributionId: paper.id, method: 'email' }] }).expect(200)).body;
    expect(distributed.status).toBe('distributed');
    for (const d of distributed.distributions) {
      expect(new Date(d.distributedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(d.distributedBy).toMatchObject({ id: clerk.id });
      expect(d.confirmedAt).toBeNull();
    }
    expect(distributed.distributions.find((d: { id: string }) => d.id === paper.id).method).toBe('email');
    expect(distributed.distributions.filter((d: { method: string }) => d.method === 'system')).toHaveLength(2);

    // The receiving department's head sees it in the inbox and confirms; a member of the department sees it too.
    const [item] = await t.sql<{ status: string }>(
      `SELECT status FROM inbox_items WHERE source_type = 'outgoing-document' AND source_id = $1 AND assignee_id = $2`,
      [id, otherDepartment.head.id],
    );
    expect(item.status).toBe('open');
    const mine = distributed.distributions.find((d: { department: { id: string } | null }) => d.department?.id === otherDepartment.id);
    const seen = await get(otherDepartment.head, id);
    expect(seen).toMatchObject({ personalActions: ['confirm-distribution'] });
    const confirmed = (await act(otherDepartment.head, id, `distributions/${mine.id}/confirm`).expect(200)).body;
    expect(confirmed.distributions.find((d: { id: string }) => d.id === mine.id)).toMatchObject({
      confirmedBy: { id: otherDepartment.head.id },
    });
    await act(otherDepartment.head, id, `distributions/${mine.id}/confirm`).expect(409);
    await get(school.colleague, id);
    // The office records the paper receipt of the outside organisation.
    const receipt = (await act(clerk, id, `distributions/${paper.id}/confirm`, { receiptName: '李明' }).expect(200)).body;
    expect(receipt.distributions.find((d: { id: string }) => d.id === paper.id)).toMatchObject({
      receiptName: '李明',
      confirmedBy: { id: clerk.id },
    });

    const filed = (await act(clerk, id, 'file').expect(200)).body;
    expect(filed).toMatchObject({ status: 'ready-to-file', allowedActions: [] });
    expect(filed.readyToFileAt).not.toBeNull();
    // DOC-11: it waits on the filing list (待归档) until the archive takes it; DOC-10: not destroyed.
    expect(filed).toMatchObject({ filedAt: null, archiveRef: null, destroyedAt: null, destructionListId: null });
    const ready = (await t.http.get('/api/v1/documents/filing/ready').set(as(clerk)).expect(200)).body;
    expect(ready).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'outgoing-document', kindLabel: '发文', id })]));
    expect(filed.steps.map((s: { action: string }) => s.action)).toEqual([
      'draft',
      'submit',
      'check',
      'request-signoff',
      'sign-off',
      'review',
      'register',
      'print',
      'proofread',
      'seal',
      'distribute',
      'file',
    ]);
    const audited = await t.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE object_type = 'outgoing-document' AND object_id = $1`,
      [id],
    );
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'document.outgoing.draft',
        'document.outgoing.sign-off',
        'document.outgoing.register',
        'document.outgoing.confirm',
      ]),
    );
    // Someone it never reached does not see it.
    const outsider = await person(['staff']);
    await t.http.get(`/api/v1/documents/outgoing/${id}`).set(as(outsider)).expect(404);
  });

  /** PDFs the applicant uploads as drafts, by name, in order (their ids). */
  async function applicantUploads(...names: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const name of names) {
      const res = await t.http
        .post('/api/v1/files')
        .set(as(school.applicant))
        .attach('file', await samplePdf('attachment'), name)
        .expect(201);
      ids.push(res.body.id as string);
    }
    return ids;
  }

  it('DOC-7 the body file and attachments belong to the document; the 附件说明 must match the attachments', async () => {
    const [letter, pledge, body] = await applicantUploads('告家长书.pdf', '安全承诺书.pdf', '正文.pdf');
    const created = (
      await draft(school.applicant, { attachmentIds: [letter], bodyFileId: body, attachmentNote: '附件：告家长书' }).expect(201)
    ).body;
    expect(created.bodyFile).toMatchObject({ id: body });
    expect(created.attachments.map((a: { id: string }) => a.id)).toEqual([letter]);
    expect(created.lint.passes).toBe(true);
    const added = (
      await t.http
        .patch(`/api/v1/documents/outgoing/${created.id}`)
        .set(as(school.applicant))
        .send({ attachmentIds: [pledge], version: created.version })
        .expect(200)
    ).body;
    expect(added.attachments.map((a: { id: string }) => a.id)).toEqual([letter, pledge]);
    expect(added.lint.passes).toBe(false);
    expect(added.lint.findings).toEqual([expect.objectContaining({ rule: 'attachment-note', field: 'attachmentNote' })]);
    const fixed = (
      await t.http
        .patch(`/api/v1/documents/outgoing/${created.id}`)
        .set(as(school.applicant))
        .send({ attachmentNote: '附件：1. 告家长书\n2. 安全承诺书', version: added.version })
        .expect(200)
    ).body;
    expect(fixed.lint).toMatchObject({ passes: true, findings: [] });
    // The files are the document's: downloaded by those who see it, and by nobody else.
    await t.http.get(`/api/v1/files/${pledge}`).set(as(school.applicant)).expect(200);
    const outsider = await person(['staff']);
    await t.http.get(`/api/v1/files/${pledge}`).set(as(outsider)).expect(404);
    // Someone else's upload cannot be attached.
    const foreign = (
      await t.http
        .post('/api/v1/files')
        .set(as(outsider))
        .attach('file', await samplePdf('x'), '他人文件.pdf')
        .expect(201)
    ).body.id;
    await draft(school.applicant, { attachmentIds: [foreign] }).expect(400);
  });

  it('DOC-7 the drafter takes an attachment off: the form may send its whole list again, the 正文 stays, the file is gone', async () => {
    const [letter, pledge, body] = await applicantUploads('告家长书.pdf', '安全承诺书.pdf', '正文.pdf');
    const created = (await draft(school.applicant, { attachmentIds: [letter, pledge], bodyFileId: body }).expect(201)).body;
    const patch = (send: object) => t.http.patch(`/api/v1/documents/outgoing/${created.id}`).set(as(school.applicant)).send(send);
    // The whole list again, as the edit form sends it, changes nothing.
    const same = (await patch({ attachmentIds: [letter, pledge], version: created.version }).expect(200)).body;
    expect(same.version).toBe(created.version);
    // The 正文 is replaced, never removed; a file the document does not hold cannot be removed.
    const refused = await patch({ removeAttachmentIds: [body], version: created.version }).expect(400);
    expect(refused.body.errors).toHaveProperty('removeAttachmentIds');
    await patch({ removeAttachmentIds: [randomUUID()], version: created.version }).expect(400);
    const removed = (await patch({ attachmentIds: [letter], removeAttachmentIds: [pledge], version: created.version }).expect(200)).body;
    expect(removed.attachments.map((a: { id: string }) => a.id)).toEqual([letter]);
    expect(removed.bodyFile).toMatchObject({ id: body });
    await t.http.get(`/api/v1/files/${pledge}`).set(as(school.applicant)).expect(404);
    await t.http.get(`/api/v1/files/${letter}`).set(as(school.applicant)).expect(200);
  });

  it('DOC-7 100 parallel registrations across one 代字 get distinct, gap-free numbers in the GB/T 9704 form, though some roll back', async () => {
    const code = '校发';
    const fresh = (await t.http.post('/api/v1/documents/outgoing/prefixes').set(as(admin())).send({ code, name: '学校发文' }).expect(201))
      .body;
    const good = await reviewedDocuments(100, '并发登记');
    const bad = await reviewedDocuments(20, '回滚登记');
    // A distribution list naming an unknown department fails after the number was taken: the transaction rolls back.
    const requests = [...good.map((id) => ({ id, ok: true })), ...bad.map((id) => ({ id, ok: false }))].sort(() => Math.random() - 0.5);
    const results = await Promise.all(
      requests.map(({ id, ok }) =>
        act(clerk, id, 'register', {
          prefixId: fresh.id,
          distribution: [{ kind: 'main', departmentId: ok ? school.departmentId : randomUUID() }],
        }).then((res) => ({ ok, res })),
      ),
    );
    for (const { ok, res } of results) expect(res.status).toBe(ok ? 200 : 400);
    const numbers = results.filter((r) => r.ok).map((r) => r.res.body.number as string);
    expect(new Set(numbers).size).toBe(100);
    for (const n of numbers) expect(n).toMatch(new RegExp(`^校发〔${year()}〕[1-9]\\d*号$`));
    const seqs = numbers.map((n) => Number(/〕(\d+)号$/.exec(n)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // The failed ones kept no number and no distribution.
    const [{ count }] = await t.sql<{ count: string }>(
      `SELECT count(*) FROM outgoing_documents WHERE id = ANY($1::uuid[]) AND (number IS NOT NULL OR status <> 'reviewed')`,
      [bad],
    );
    expect(Number(count)).toBe(0);

    // A reserved and a voided number follow; the gap report accounts for every number.
    const reserved = (
      await t.http
        .post(`/api/v1/documents/outgoing/prefixes/${fresh.id}/numbers`)
        .set(as(clerk))
        .send({ fate: 'reserved', reason: '预留给校长办公会纪要' })
        .expect(201)
    ).body;
    expect(reserved).toMatchObject({ seq: 101, number: `校发〔${year()}〕101号`, fate: 'reserved' });
    await t.http
      .post(`/api/v1/documents/outgoing/prefixes/${fresh.id}/numbers`)
      .set(as(clerk))
      .send({ fate: 'voided', reason: '编号错取，作废' })
      .expect(201);
    const report = (await t.http.get(`/api/v1/documents/outgoing/prefixes/${fresh.id}/numbers`).set(as(clerk)).expect(200)).body;
    expect(report).toMatchObject({ max: 102, used: 100, reserved: 1, voided: 1, missing: 0 });
    expect(report.entries).toHaveLength(102);
    expect(report.entries[100]).toMatchObject({ fate: 'reserved', reason: '预留给校长办公会纪要' });
    expect(report.entries[101]).toMatchObject({ fate: 'voided', reason: '编号错取，作废' });
    expect(report.entries.every((e: { missing: boolean }) => !e.missing)).toBe(true);
    // A number lost outside the API shows as missing.
    await t.sql(`DELETE FROM outgoing_number_log WHERE id = $1`, [report.entries[101].id]);
    const broken = (await t.http.get(`/api/v1/documents/outgoing/prefixes/${fresh.id}/numbers`).set(as(clerk)).expect(200)).body;
    expect(broken).toMatchObject({ missing: 1 });
    expect(broken.entries[101]).toMatchObject({ seq: 102, missing: true, fate: null });
  });

  it('DOC-7 the 代字 are configured with a permission; a deactivated one gives no numbers; only reserved numbers are voided', async () => {
    await t.http.post('/api/v1/documents/outgoing/prefixes').set(as(clerk)).send({ code: '校党发', name: '党委发文' }).expect(403);
    await t.http.post('/api/v1/documents/outgoing/prefixes').set(as(admin())).send({ code: '校办', name: '重复' }).expect(409);
    await t.http.post('/api/v1/documents/outgoing/prefixes').set(as(admin())).send({ code: '校〔办', name: '括号' }).expect(400);
    const party = (
      await t.http.post('/api/v1/documents/outgoing/prefixes').set(as(admin())).send({ code: '校党发', name: '党委发文' }).expect(201)
    ).body;
    const listed = (await t.http.get('/api/v1/documents/outgoing/prefixes').set(as(school.applicant)).expect(200)).body;
    expect(listed.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['校办', '校党发']));

    const reserved = (
      await t.http
        .post(`/api/v1/documents/outgoing/prefixes/${party.id}/numbers`)
        .set(as(clerk))
        .send({ fate: 'reserved', reason: '预留' })
        .expect(201)
    ).body;
    const voided = (
      await t.http.post(`/api/v1/documents/outgoing/numbers/${reserved.id}/void`).set(as(clerk)).send({ reason: '不再使用' }).expect(200)
    ).body;
    expect(voided.fate).toBe('voided');
    await t.http.post(`/api/v1/documents/outgoing/numbers/${reserved.id}/void`).set(as(clerk)).send({ reason: '再次' }).expect(409);

    // A reserved number is used at 登记 instead of the next one.
    const kept = (
      await t.http
        .post(`/api/v1/documents/outgoing/prefixes/${party.id}/numbers`)
        .set(as(clerk))
        .send({ fate: 'reserved', reason: '预留给校庆通知' })
        .expect(201)
    ).body;
    const [later] = await reviewedDocuments(1, '使用预留号');
    const used = (await act(clerk, later, 'register', { ...registration(), prefixId: party.id, reservedNumberId: kept.id }).expect(200))
      .body;
    expect(used.number).toBe(`校党发〔${year()}〕2号`);
    const report = (await t.http.get(`/api/v1/documents/outgoing/prefixes/${party.id}/numbers`).set(as(clerk)).expect(200)).body;
    expect(report).toMatchObject({ max: 2, used: 1, voided: 1, reserved: 0, missing: 0 });
    expect(report.entries[1]).toMatchObject({ fate: 'used', documentId: later, reason: '预留给校庆通知' });
    const [another] = await reviewedDocuments(1, '重复使用预留号');
    await act(clerk, another, 'register', { ...registration(), prefixId: party.id, reservedNumberId: kept.id }).expect(409);

    await t.http.post(`/api/v1/documents/outgoing/prefixes/${party.id}/deactivate`).set(as(admin())).expect(200);
    const [id] = await reviewedDocuments(1, '停用代字');
    const refused = await act(clerk, id, 'register', { ...registration(), prefixId: party.id }).expect(409);
    expect(refused.body.code).toBe('OUTGOING_PREFIX_INACTIVE');
  });

  it('DOC-7 every illegal move is refused with 409 DOCUMENT_ILLEGAL_TRANSITION, at every status along the flow', async () => {
    const buttons = OUTGOING_ACTIONS.filter((a) => !OUTGOING_SYSTEM_ACTIONS.includes(a));
    const id = (await draft(school.applicant).expect(201)).body.id as string;
    let refused = 0;
    const refuseAllBut = async (legal: OutgoingAction[]) => {
      const before = await get(clerk, id);
      for (const action of buttons.filter((a) => !legal.includes(a))) {
        // The admin holds every permission: only the flow can refuse.
        const res = await act(admin(), id, action, bodyOf(action));
        expect([before.status, action, res.status]).toEqual([before.status, action, 409]);
        expect(res.body.code).toBe('DOCUMENT_ILLEGAL_TRANSITION');
        refused++;
      }
      expect((await get(clerk, id)).status).toBe(before.status);
    };
    const path: [OutgoingAction, OutgoingAction[]][] = [
      ['submit', ['submit']],
      ['check', ['check', 'return']],
      ['request-signoff', ['request-countersign', 'request-signoff', 'return']],
    ];
    for (const [next, legal] of path) {
      await refuseAllBut(legal);
      await act(clerk, id, next, bodyOf(next)).expect(200);
    }
    await refuseAllBut([]); // signing: only the leader's decision moves it
    await signOff(id);
    const rest: [OutgoingAction, OutgoingAction[]][] = [
      ['review', ['review']],
      ['register', ['register']],
      ['print', ['print']],
      ['proofread', ['proofread']],
      ['seal', ['seal']],
      ['distribute', ['distribute']],
      ['file', ['file']],
    ];
    for (const [next, legal] of rest) {
      await refuseAllBut(legal);
      await act(clerk, id, next, bodyOf(next)).expect(200);
    }
    await refuseAllBut([]);
    expect(refused).toBeGreaterThan(100);
  });

  it('DOC-7 办公室审核 returns the draft to the drafter with the reason recorded; the drafter has it back in the inbox', async () => {
    const id = (await draft(school.applicant).expect(201)).body.id as string;
    await act(school.applicant, id, 'submit').expect(200);
    await act(clerk, id, 'check').expect(200);
    await act(clerk, id, 'return', { reason: '' }).expect(400);
    const returned = (await act(clerk, id, 'return', { reason: '主送机关不全，请补充各年级组。' }).expect(200)).body;
    expect(returned).toMatchObject({ status: 'draft', returnReason: '主送机关不全，请补充各年级组。' });
    expect(returned.steps.at(-1)).toMatchObject({
      action: 'return',
      fromStatus: 'office-review',
      toStatus: 'draft',
      note: '主送机关不全，请补充各年级组。',
      actor: { id: clerk.id },
    });
    const items = await t.sql<{ assignee_id: string }>(
      `SELECT assignee_id FROM inbox_items WHERE source_type = 'outgoing-document' AND source_id = $1 AND status = 'open'`,
      [id],
    );
    expect(items.map((i) => i.assignee_id)).toEqual([school.applicant.id]);
    const [audit] = await t.sql<{ diff: unknown }>(
      `SELECT diff FROM audit_log WHERE action = 'document.outgoing.return' AND object_id = $1`,
      [id],
    );
    expect(JSON.stringify(audit.diff)).toContain('主送机关不全');
    // The drafter edits and submits again.
    const edited = (
      await t.http
        .patch(`/api/v1/documents/outgoing/${id}`)
        .set(as(school.applicant))
        .send({ mainRecipients: ['各处室', '各年级组', '各教研组'], version: returned.version })
        .expect(200)
    ).body;
    expect(edited.mainRecipients).toHaveLength(3);
    await t.http
      .patch(`/api/v1/documents/outgoing/${id}`)
      .set(as(school.applicant))
      .send({ title: '过期版本的修改的通知', version: returned.version })
      .expect(409);
    await t.http
      .patch(`/api/v1/documents/outgoing/${id}`)
      .set(as(school.applicant))
      .send({ title: null, version: edited.version })
      .expect(400);
    await act(school.applicant, id, 'submit').expect(200);
    // Once submitted the drafter can no longer edit it.
    await t.http
      .patch(`/api/v1/documents/outgoing/${id}`)
      .set(as(school.applicant))
      .send({ remark: '补充', version: edited.version + 1 })
      .expect(409);
  });

  it('DOC-7 会签: every countersigner must agree; the last agreement sends it to 签发, a disagreement returns it', async () => {
    const id = (await draft(school.applicant).expect(201)).body.id as string;
    await act(school.applicant, id, 'submit').expect(200);
    await act(clerk, id, 'check').expect(200);
    const asked = (
      await act(clerk, id, 'request-countersign', {
        countersigners: [{ departmentId: otherDepartment.id }, { userId: school.head.id }],
      }).expect(200)
    ).body;
    expect(asked.status).toBe('countersigning');
    expect(asked.countersigns.map((c: { user: { id: string } }) => c.user.id).sort()).toEqual(
      [otherDepartment.head.id, school.head.id].sort(),
    );
    const items = await t.sql<{ assignee_id: string }>(
      `SELECT assignee_id FROM inbox_items WHERE source_type = 'outgoing-document' AND source_id = $1 AND status = 'open'`,
      [id],
    );
    expect(items.map((i) => i.assignee_id).sort()).toEqual([otherDepartment.head.id, school.head.id].sort());
    // Someone who was not asked cannot answer, even one who sees the document.
    expect((await act(clerk, id, 'countersign', { agree: true }).expect(403)).body.code).toBe('OUTGOING_NOT_A_COUNTERSIGNER');
    expect((await get(otherDepartment.head, id)).personalActions).toEqual(['countersign']);
    const first = (await act(otherDepartment.head, id, 'countersign', { agree: true, opinion: '同意。' }).expect(200)).body;
    expect(first.status).toBe('countersigning');
    await act(otherDepartment.head, id, 'countersign', { agree: true }).expect(409);
    const last = (await act(school.head, id, 'countersign', { agree: true }).expect(200)).body;
    expect(last.status).toBe('signing');
    expect(last.signoffRequestId).not.toBeNull();

    // Another draft: one disagreement returns it to the drafter with the reason.
    const other = (await draft(school.applicant).expect(201)).body.id as string;
    await act(school.applicant, other, 'submit').expect(200);
    await act(clerk, other, 'check').expect(200);
    await act(clerk, other, 'request-countersign', {
      countersigners: [{ userId: school.head.id }, { userId: otherDepartment.head.id }],
    }).expect(200);
    await act(school.head, other, 'countersign', { agree: false }).expect(400);
    const back = (await act(school.head, other, 'countersign', { agree: false, opinion: '经费来源需另行说明。' }).expect(200)).body;
    expect(back).toMatchObject({ status: 'draft', returnReason: '会签不同意：经费来源需另行说明。' });
  });

  it('DOC-7 签发 is refused with the GB/T 9704 findings while errors remain, and goes ahead once they are fixed', async () => {
    const rules = (await t.http.get('/api/v1/documents/outgoing/lint-rules').set(as(school.applicant)).expect(200)).body;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(GBT9704_RULES.map((r) => r.id));
    expect(rules.find((r: { id: string }) => r.id === 'upward-signer')).toMatchObject({ label: '上行文签发人', severity: 'error' });

    // A 请示 to two superiors, with no signer and no contact in the 附注, and a 份号 of the wrong form.
    const bad = (
      await draft(school.applicant, {
        docType: 'request',
        direction: 'upward',
        title: '关于增设学生心理辅导室的请示。',
        mainRecipients: ['区教育局', '区财政局'],
        ccRecipients: ['区财政局'],
        copyNumber: '12',
      }).expect(201)
    ).body;
    const lint = (await t.http.get(`/api/v1/documents/outgoing/${bad.id}/lint`).set(as(school.applicant)).expect(200)).body;
    expect(lint.passes).toBe(false);
    expect(lint.findings.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining([
        'upward-signer',
        'request-one-recipient',
        'request-contact',
        'title-punctuation',
        'cc-not-main',
        'copy-number',
      ]),
    );
    await act(school.applicant, bad.id, 'submit').expect(200);
    await act(clerk, bad.id, 'check').expect(200);
    const refused = await act(clerk, bad.id, 'request-signoff').expect(422);
    expect(refused.body.code).toBe('OUTGOING_LINT_FAILED');
    expect(Object.keys(refused.body.errors)).toEqual(
      expect.arrayContaining(['signers', 'mainRecipients', 'remark', 'title', 'ccRecipients', 'copyNumber']),
    );
    expect(refused.body.errors.signers[0]).toContain('[upward-signer]');
    expect((await get(clerk, bad.id)).status).toBe('office-review');
    await act(clerk, bad.id, 'request-countersign', { countersigners: [{ userId: school.head.id }] }).expect(422);

    const current = await get(clerk, bad.id);
    const fixed = (
      await t.http
        .patch(`/api/v1/documents/outgoing/${bad.id}`)
        .set(as(clerk))
        .send({
          version: current.version,
          title: '关于增设学生心理辅导室的请示',
          mainRecipients: ['区教育局'],
          ccRecipients: [],
          signers: ['张明'],
          copyNumber: '',
          remark: '联系人：王芳，电话：0571-88886666',
        })
        .expect(200)
    ).body;
    expect(fixed.lint).toMatchObject({ passes: true });
    expect((await act(clerk, bad.id, 'request-signoff').expect(200)).body.status).toBe('signing');
  });

  it('DOC-7 a substantive change after 签发 goes back to the signer; a change of the 附注 does not', async () => {
    const signed = await signedDocument({ title: '关于调整作息时间的通知' });
    const first = signed.signoffRequestId;
    const minor = (
      await t.http
        .patch(`/api/v1/documents/outgoing/${signed.id}`)
        .set(as(clerk))
        .send({ version: signed.version, remark: '此件公开发布' })
        .expect(200)
    ).body;
    expect(minor).toMatchObject({ status: 'signed', remark: '此件公开发布' });
    const changed = (
      await t.http
        .patch(`/api/v1/documents/outgoing/${signed.id}`)
        .set(as(clerk))
        .send({ version: minor.version, body: '自下周一起，上午第一节课提前至7:50开始。' })
        .expect(200)
    ).body;
    expect(changed.status).toBe('signing');
    expect(changed.signoffRequestId).not.toBe(first);
    expect(changed.steps.at(-1)).toMatchObject({ action: 'revise', fromStatus: 'signed', toStatus: 'signing' });
    const again = (await t.http.get(`/api/v1/approvals/requests/${changed.signoffRequestId}`).set(as(school.leaders[0])).expect(200)).body;
    expect(again.title).toContain('重新签发');
    const resigned = await signOff(signed.id, '同意修改后印发。');
    expect(resigned).toMatchObject({ signoffRound: 2, signoffOpinion: '同意修改后印发。' });
  });

  it('DOC-12 the outgoing register (发文登记簿) exports to Excel with the expected rows; the list searches by number, title, type, status and date', async () => {
    const tag = unique('登记簿导出');
    const a = (await draft(school.applicant, { title: `${tag}甲的通知` }).expect(201)).body;
    const [bId] = await reviewedDocuments(1, `${tag}乙`);
    const b = (await act(clerk, bId, 'register', registration()).expect(200)).body;
    const list = async (query: Record<string, string>) =>
      (
        await t.http
          .get('/api/v1/documents/outgoing')
          .query({ pageSize: 100, ...query })
          .set(as(clerk))
          .expect(200)
      ).body;
    expect((await list({ q: tag })).items.map((d: { id: string }) => d.id).sort()).toEqual([a.id, b.id].sort());
    expect((await list({ number: b.number })).items.map((d: { id: string }) => d.id)).toEqual([b.id]);
    expect((await list({ q: b.number })).items.map((d: { id: string }) => d.id)).toEqual([b.id]);
    expect((await list({ q: tag, status: 'draft' })).items.map((d: { id: string }) => d.id)).toEqual([a.id]);
    const today = schoolDateOf(new Date(), t.config.schoolTimeZone);
    expect((await list({ q: tag, dateFrom: today, dateTo: today, docType: 'notice' })).total).toBe(2);
    expect((await list({ q: tag, dateTo: '2000-01-01' })).total).toBe(0);

    const res = await t.http
      .get('/api/v1/documents/outgoing')
      .query({ format: 'xlsx', q: tag })
      .set(as(clerk))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('发文登记簿');
    const rows: string[][] = [];
    // Array.from: an empty cell is a hole in row.values, which map would skip.
    sheet.eachRow((row) =>
      rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))),
    );
    const headers = rows[0];
    expect(headers).toEqual(
      expect.arrayContaining(['发文字号', '成文日期', '标题', '文种', '密级', '紧急程度', '主送', '抄送', '签发人', '份数', '状态']),
    );
    const data = rows.slice(1).filter((r) => r.some((c) => c.includes(tag)));
    expect(data).toHaveLength(2);
    const col = (name: string) => headers.indexOf(name);
    const numbered = data.find((r) => r[col('发文字号')] === b.number)!;
    expect(numbered[col('文种')]).toBe('通知');
    expect(numbered[col('状态')]).toBe('已登记待印制');
    expect(numbered[col('主送')]).toBe('各处室');
    const drafted = data.find((r) => r[col('标题')] === `${tag}甲的通知`)!;
    expect(drafted[col('发文字号')]).toBe('');
    expect(drafted[col('主送')]).toBe('各处室、各年级组');
    expect(drafted[col('状态')]).toBe('拟稿');
  });

  it('DOC-7 DOC-8 a classified outgoing document is 404 and absent from lists and exports for the uncleared', async () => {
    const secret = (
      await draft(clerk, {
        title: '机密级发文测试专项的通知',
        secrecy: 'confidential',
        secrecyPeriod: '10年',
        copyNumber: '000012',
      }).expect(201)
    ).body;
    expect(secret.lint.passes).toBe(true);
    await draft(uncleared, { title: '越级拟稿的通知', secrecy: 'secret', secrecyPeriod: '5年', copyNumber: '000001' }).expect(400);
    await act(clerk, secret.id, 'submit').expect(200);
    await get(clerk, secret.id);
    const seenBy = async (user: Person) => {
      const all = (
        await t.http.get('/api/v1/documents/outgoing').query({ pageSize: 100, secrecy: 'confidential' }).set(as(user)).expect(200)
      ).body;
      const search = (await t.http.get('/api/v1/documents/outgoing').query({ q: '机密级发文测试' }).set(as(user)).expect(200)).body;
      return { ids: [...all.items, ...search.items].map((d: { id: string }) => d.id), counts: [all.total, search.total] };
    };
    expect(await seenBy(clerk)).toEqual({ ids: [secret.id, secret.id], counts: [1, 1] });
    expect(await seenBy(uncleared)).toEqual({ ids: [], counts: [0, 0] });
    await t.http.get(`/api/v1/documents/outgoing/${secret.id}`).set(as(uncleared)).expect(404);
    await t.http.get(`/api/v1/documents/outgoing/${secret.id}/lint`).set(as(uncleared)).expect(404);
    await act(uncleared, secret.id, 'check').expect(404);
    // The uncleared office clerk got no inbox item for it.
    const items = await t.sql<{ assignee_id: string }>(`SELECT assignee_id FROM inbox_items WHERE source_id = $1`, [secret.id]);
    expect(items.map((i) => i.assignee_id)).not.toContain(uncleared.id);
    const exported = await t.http
      .get('/api/v1/documents/outgoing')
      .query({ format: 'xlsx', q: '机密级发文测试' })
      .set(as(uncleared))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(exported.headers['x-export-rows']).toBe('0');
    // Clearance alone is not enough: a cleared member of staff the draft never reached sees nothing.
    const stranger = await person(['staff'], { clearance: 'top-secret' });
    await t.http.get(`/api/v1/documents/outgoing/${secret.id}`).set(as(stranger)).expect(404);
    // The 签发 request does not carry a classified title: approvals are listed without clearance checks.
    await act(clerk, secret.id, 'check').expect(200);
    const signing = (await act(clerk, secret.id, 'request-signoff').expect(200)).body;
    const [request] = await t.sql<{ title: string; data: Record<string, unknown> }>(
      'SELECT title, data FROM approval_requests WHERE id = $1',
      [signing.signoffRequestId],
    );
    expect(request.title).toBe('发文签发：【机密】发文');
    expect(JSON.stringify(request.data)).not.toContain('机密级发文测试');
  });
});
