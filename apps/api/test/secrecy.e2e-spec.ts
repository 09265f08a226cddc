import { chinesePdf } from '../src/modules/documents/search/sample-files';
import { binary } from './factories/files.factory';
import { loginAsAdmin, unique } from './factories/org.factory';
import { createStaff, eventually } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };
type Page = { items: { id: string }[]; total: number };

/**
 * REQ-3 across modules: a classified item is seen only with clearance at or above its level and
 * need-to-know; to anyone else it does not exist — 404 by id, absent from lists, counts, search
 * and exports. Every read of it is audited, and its declassification (解密) is recorded.
 */
describe('secrecy across modules (REQ-3)', () => {
  let t: TestApp;
  let adminToken: string;
  /** The office director: 绝密 clearance, registers incoming documents and may declassify. */
  let director: Person;
  /** An office clerk cleared for 绝密: drafts outgoing documents. */
  let drafter: Person;
  /** An office clerk cleared for 秘密 only, who otherwise reads every unclassified document. */
  let below: Person;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    director = await createStaff(t, adminToken, { roles: ['office-director'], name: '钱主任', clearance: 'top-secret' });
    drafter = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '李文书', clearance: 'top-secret' });
    below = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '赵文员', clearance: 'secret' });
  });
  afterAll(() => t.close());

  async function upload(user: Person, bytes: Buffer, name: string): Promise<string> {
    return (await t.http.post('/api/v1/files').set(as(user)).attach('file', bytes, name).expect(201)).body.id;
  }

  async function registerIncoming(body: Record<string, unknown>): Promise<string> {
    const res = await t.http
      .post('/api/v1/documents/incoming')
      .set(as(director))
      .send({ sourceOrg: '市教育局', docType: 'notice', senderNumber: '市教〔2026〕40号', ...body })
      .expect(201);
    return res.body.id;
  }

  const listed = async (user: Person, path: string, query: Record<string, unknown>): Promise<Page> =>
    (
      await t.http
        .get(path)
        .query({ pageSize: 100, ...query })
        .set(as(user))
        .expect(200)
    ).body;
  const exportedRows = async (user: Person, path: string, q: string) =>
    (await t.http.get(path).query({ format: 'xlsx', q }).set(as(user)).buffer(true).parse(binary).expect(200)).headers['x-export-rows'];

  it('REQ-3 a user below clearance gets 404 by id, and the item is absent from lists, search and export (incoming and outgoing documents)', async () => {
    const tag = unique('保密测试');
    const phrase = `${tag}正文密语`;
    // 收文: a 机密 document whose attached file holds the phrase, and an unclassified one that holds it too.
    const classifiedFile = await upload(director, await chinesePdf([`命题组人员名单 ${phrase}`]), '命题组名单.pdf');
    const plainFile = await upload(director, await chinesePdf([`考务安排 ${phrase}`]), '考务安排.pdf');
    const classified = await registerIncoming({
      title: `${tag}关于中考命题人员入闱的通知`,
      secrecy: 'confidential',
      secrecyPeriod: '10年',
      copyNumber: '000031',
      attachmentIds: [classifiedFile],
    });
    const plain = await registerIncoming({ title: `${tag}关于中考考务工作的通知`, attachmentIds: [plainFile] });

    // The cleared registrar sees it by id; the person below clearance gets exactly a 404.
    await t.http.get(`/api/v1/documents/incoming/${classified}`).set(as(director)).expect(200);
    const refused = await t.http.get(`/api/v1/documents/incoming/${classified}`).set(as(below)).expect(404);
    expect(refused.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    await t.http.get(`/api/v1/files/${classifiedFile}`).set(as(below)).expect(404);

    // Lists and counts.
    const incoming = '/api/v1/documents/incoming';
    const mine = await listed(director, incoming, { q: tag });
    expect(mine.items.map((d) => d.id).sort()).toEqual([classified, plain].sort());
    const theirs = await listed(below, incoming, { q: tag });
    expect({ ids: theirs.items.map((d) => d.id), total: theirs.total }).toEqual({ ids: [plain], total: 1 });
    expect((await listed(below, incoming, { secrecy: 'confidential' })).total).toBe(0);

    // Body-text search: the unclassified document is found by its file's text; the classified one, whose
    // body text is never indexed, is found by nobody through it, and below clearance not by its title either.
    await eventually(async () => (await listed(below, incoming, { q: phrase })).total === 1, 30_000, 'the body text of the plain document');
    expect((await listed(below, incoming, { q: phrase })).items.map((d) => d.id)).toEqual([plain]);
    expect((await listed(director, incoming, { q: phrase })).items.map((d) => d.id)).toEqual([plain]);
    expect((await listed(below, incoming, { q: '入闱' })).items.map((d) => d.id)).not.toContain(classified);

    // Export.
    expect(await exportedRows(director, incoming, tag)).toBe('2');
    expect(await exportedRows(below, incoming, tag)).toBe('1');

    // 发文: a 机密 draft.
    const outgoing = '/api/v1/documents/outgoing';
    const draft = await t.http
      .post(outgoing)
      .set(as(drafter))
      .send({
        docType: 'notice',
        direction: 'downward',
        title: `${tag}关于命题人员保密纪律的通知`,
        body: '各命题组：\n现就命题期间保密纪律通知如下……',
        mainRecipients: ['各命题组'],
        issuerMark: '某某市第一中学文件',
        printingOrg: '某某市第一中学办公室',
        secrecy: 'confidential',
        secrecyPeriod: '10年',
        copyNumber: '000032',
      })
      .expect(201);
    const secretOut = draft.body.id as string;
    await t.http.get(`${outgoing}/${secretOut}`).set(as(drafter)).expect(200);
    await t.http.get(`${outgoing}/${secretOut}`).set(as(below)).expect(404);
    expect((await listed(drafter, outgoing, { q: tag })).items.map((d) => d.id)).toEqual([secretOut]);
    expect(await listed(below, outgoing, { q: tag })).toMatchObject({ items: [], total: 0 });
    expect((await listed(below, outgoing, { secrecy: 'confidential' })).total).toBe(0);
    expect(await exportedRows(drafter, outgoing, tag)).toBe('1');
    expect(await exportedRows(below, outgoing, tag)).toBe('0');
  });

  it('REQ-3 a read by a cleared user is audited, and so is a refused one', async () => {
    const id = await registerIncoming({
      title: unique('关于学校安保预案的通知'),
      secrecy: 'secret',
      secrecyPeriod: '5年',
      copyNumber: '000033',
    });
    const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.read' AND object_id = $1`, [
      id,
    ]);
    await t.http.get(`/api/v1/documents/incoming/${id}`).set(as(director)).expect(200);
    await t.http.get(`/api/v1/documents/incoming/${id}`).set(as(director)).expect(200);
    const reads = await t.sql<{ actor_id: string; object_type: string; secrecy: string }>(
      `SELECT actor_id, object_type, diff->'details'->>'secrecy' AS secrecy FROM audit_log WHERE action = 'access.read' AND object_id = $1`,
      [id],
    );
    expect(reads.length - before[0].n).toBe(2);
    expect(reads.at(-1)).toEqual({ actor_id: director.id, object_type: 'incoming-document', secrecy: 'secret' });
    // A cleared person without need-to-know is refused, and the refusal is a security event.
    await t.http.get(`/api/v1/documents/incoming/${id}`).set(as(drafter)).expect(404);
    const refusals = await t.sql(`SELECT 1 FROM audit_log WHERE action = 'access.refused' AND object_id = $1 AND actor_id = $2`, [
      id,
      drafter.id,
    ]);
    expect(refusals).toHaveLength(1);
  });

  it('REQ-3 declassification is recorded: the office’s decision with its reason, after which the document is 非密', async () => {
    const title = unique('关于期末考试试卷印制的通知');
    const id = await registerIncoming({ title, secrecy: 'confidential', secrecyPeriod: '1年', copyNumber: '000034' });
    const staff = await createStaff(t, adminToken, { roles: ['staff'], clearance: 'top-secret' });
    await t.http.post(`/api/v1/documents/incoming/${id}/declassify`).set(as(staff)).send({ reason: '保密期限已满' }).expect(403);
    await t.http.post(`/api/v1/documents/incoming/${id}/declassify`).set(as(director)).send({}).expect(400);
    const done = await t.http
      .post(`/api/v1/documents/incoming/${id}/declassify`)
      .set(as(director))
      .send({ reason: '考试已结束，保密期限已满，解除密级' })
      .expect(200);
    expect(done.body).toMatchObject({ id, secrecy: 'none', copyNumber: null, secrecyPeriod: null });
    const [record] = await t.sql<{ actor_id: string; details: Record<string, unknown> }>(
      `SELECT actor_id, diff->'details' AS details FROM audit_log WHERE action = 'documents.incoming.declassify' AND object_id = $1`,
      [id],
    );
    expect(record).toEqual({
      actor_id: director.id,
      details: { reason: '考试已结束，保密期限已满，解除密级', secrecy: 'confidential', secrecyPeriod: '1年', copyNumber: '000034' },
    });
    // Now an unclassified document: the office clerk who reads every unclassified document sees it.
    await t.http.get(`/api/v1/documents/incoming/${id}`).set(as(below)).expect(200);
    const again = await t.http.post(`/api/v1/documents/incoming/${id}/declassify`).set(as(director)).send({ reason: '重复' }).expect(409);
    expect(again.body.code).toBe('DOCUMENT_ILLEGAL_TRANSITION');
  });
});
